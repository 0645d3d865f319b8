package dev.headroom.report.chart;

/** A tick on an axis: its value, its label ({@code ""} for an unlabelled minor tick) and weight. */
record Tick(double value, String label, boolean major) {}
