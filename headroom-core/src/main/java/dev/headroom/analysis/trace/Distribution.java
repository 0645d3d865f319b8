package dev.headroom.analysis.trace;

import java.util.Arrays;

/**
 * Summary of a sample: its size, mean, median, 95th percentile and maximum. Percentiles are by
 * nearest rank (the smallest value with at least p of the sample at or below it), so each is a
 * value that occurred, in the sample's own unit.
 */
public record Distribution(int count, double mean, double p50, double p95, double max) {

  public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0);

  public Distribution {
    if (count < 0) {
      throw new IllegalArgumentException("count is >= 0");
    }
    for (double v : new double[] {mean, p50, p95, max}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("a summary of a sample is finite");
      }
    }
  }

  public static Distribution of(double[] values) {
    if (values.length == 0) {
      return EMPTY;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return new Distribution(
        v.length, sum / v.length, nearestRank(v, 0.50), nearestRank(v, 0.95), v[v.length - 1]);
  }

  /** Nearest rank: the value at position ceil(p·n) (1-based) of the sorted sample. */
  static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
