package dev.headroom.report.chart;

/** How a line series is stroked: solid for what was measured or fitted, dashed for a reference. */
public enum LineStyle {
  SOLID,
  /** For a comparison the data is read against (linear scaling, a budget projection). */
  DASHED
}
