package dev.headroom.report.chart;

/** The interval [{@code low}, {@code high}] of a {@link Series.Band} at {@code x}. */
public record BandPoint(double x, double low, double high) {

  public BandPoint {
    if (!Double.isFinite(x) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "a band point must be finite, got x = " + x + ", low = " + low + ", high = " + high);
    }
    if (low > high) {
      throw new IllegalArgumentException(
          "a band's low must not exceed its high, got low = "
              + low
              + " > high = "
              + high
              + " at x = "
              + x);
    }
  }
}
