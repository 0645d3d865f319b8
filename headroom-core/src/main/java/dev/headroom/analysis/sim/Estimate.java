package dev.headroom.analysis.sim;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A mean across independent replications with its two-sided confidence interval: x̄ ± t_{1−α/2,
 * n−1}·s/√n, where s is the sample standard deviation (n − 1 in the denominator) of the n
 * replication values (Law, Simulation Modeling and Analysis, 5th ed., eq. 4.12 and §9.4.1). The
 * replication values are means over long runs, so close to normal, which the t interval assumes.
 *
 * @param mean x̄
 * @param halfWidth t·s/√n
 * @param confidence the level, e.g. 0.95
 * @param replications n
 */
public record Estimate(double mean, double halfWidth, double confidence, int replications) {

  public Estimate {
    if (!Double.isFinite(mean) || !Double.isFinite(halfWidth) || halfWidth < 0) {
      throw new IllegalArgumentException(
          "estimate " + mean + " ± " + halfWidth + "; allowed: finite, half-width >= 0");
    }
  }

  /** The estimate of {@code values} (one per replication) at {@code confidence}. */
  public static Estimate of(double[] values, double confidence) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          n + " replication values; allowed: at least 2 for a confidence interval");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double s = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new Estimate(mean, t * s / Math.sqrt(n), confidence, n);
  }

  public double lower() {
    return mean - halfWidth;
  }

  public double upper() {
    return mean + halfWidth;
  }

  /** Whether {@code value} lies in the interval. */
  public boolean covers(double value) {
    return value >= lower() && value <= upper();
  }

  /** Half-width relative to the mean (0 when the mean is 0). */
  public double relativeHalfWidth() {
    return mean == 0 ? 0 : halfWidth / Math.abs(mean);
  }
}
