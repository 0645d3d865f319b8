package dev.headroom.report.chart;

/** How an axis maps values to positions. */
public enum Scale {
  /** Equal distances for equal differences. */
  LINEAR,
  /**
   * Equal distances for equal ratios (load multiples 1x…1000x, latencies across decades). Every
   * value plotted against a logarithmic axis must be above 0.
   */
  LOG
}
