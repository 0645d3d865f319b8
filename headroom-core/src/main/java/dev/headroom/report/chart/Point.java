package dev.headroom.report.chart;

/** One (x, y) of a line or step series, in the axes' units. */
public record Point(double x, double y) {

  public Point {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "a chart point must be finite, got (" + x + ", " + y + ")");
    }
  }
}
