package dev.headroom.report.chart;

/**
 * One point of a {@link Series.Points} series with a size: the marker's area grows with {@code
 * size} (a weight such as the requests a measurement covers), relative to the largest in the
 * series.
 */
public record SizedPoint(double x, double y, double size) {

  public SizedPoint {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "a chart point must be finite, got (" + x + ", " + y + ")");
    }
    if (!Double.isFinite(size) || size < 0) {
      throw new IllegalArgumentException(
          "a point's size must be finite and 0 or more, got "
              + size
              + " at ("
              + x
              + ", "
              + y
              + ")");
    }
  }
}
