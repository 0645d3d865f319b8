/**
 * A small SVG chart library for every report that draws: a {@link dev.headroom.report.chart.Chart}
 * (axes, series, annotations) is a value, and {@link dev.headroom.report.chart.SvgChart} writes it
 * as a self-contained, byte-for-byte deterministic SVG that can be saved as a file or inlined in an
 * HTML page. The library only draws: every number it plots was computed, with its provenance, by
 * the analysis that built the chart, and that provenance is written into the SVG's {@code <desc>}.
 */
package dev.headroom.report.chart;
