package dev.headroom.report.chart;

/** Which y axis a series or a reference line is read against. */
public enum Side {
  LEFT,
  RIGHT;

  /** {@code "left"} or {@code "right"}, for messages and the legend. */
  public String word() {
    return this == LEFT ? "left" : "right";
  }
}
