package dev.headroom.analysis.forecast;

import java.util.Arrays;

/**
 * Which statistic of a day's points stands for the day's peak. Capacity is about peaks: a threshold
 * is crossed at the busiest moment, not on average, so forecasts work on daily peaks.
 */
public enum DailyPeak {
  /** The day's highest point: what a rule comparing "CPU at peak" with its threshold reads. */
  MAX("daily max"),
  /** The 95th percentile of the day's points: robust to a single burst, below the busiest hour. */
  P95("daily p95");

  private final String label;

  DailyPeak(String label) {
    this.label = label;
  }

  /** "daily max", for provenance. */
  public String label() {
    return label;
  }

  /** The statistic of {@code points} (no gaps; at least one). */
  double of(double[] points, int count) {
    if (count == 0) {
      throw new IllegalArgumentException("a day without points has no peak");
    }
    double[] sorted = Arrays.copyOf(points, count);
    Arrays.sort(sorted);
    return switch (this) {
      case MAX -> sorted[count - 1];
      // nearest-rank percentile: the smallest point with at least 95% of the day at or below it
      case P95 -> sorted[(int) Math.ceil(0.95 * count) - 1];
    };
  }
}
