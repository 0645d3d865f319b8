package dev.headroom.analysis.compare;

import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import java.util.Locale;

/** What two runs are compared on: throughput, and each latency percentile the readers report. */
public enum Metric {
  THROUGHPUT(0),
  P50(0.50),
  P90(0.90),
  P95(0.95),
  P99(0.99);

  private final double quantile;

  Metric(double quantile) {
    this.quantile = quantile;
  }

  /** The name users type: {@code throughput}, {@code p95}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The quantile in (0, 1) for a percentile, 0 for throughput. */
  double quantile() {
    return quantile;
  }

  /** The unit printed after values: per second or milliseconds. */
  public String unit() {
    return this == THROUGHPUT ? "/s" : " ms";
  }

  /** The step's value of this metric, null when the input does not report it. */
  public Double of(Step s) {
    if (this == THROUGHPUT) {
      return s.throughput();
    }
    LatencySummary l = s.latency();
    if (l == null) {
      return null;
    }
    return switch (this) {
      case P50 -> l.p50Ms();
      case P90 -> l.p90Ms();
      case P95 -> l.p95Ms();
      case P99 -> l.p99Ms();
      case THROUGHPUT -> throw new AssertionError();
    };
  }

  /** The metric named {@code id}, case-insensitively. */
  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id().equalsIgnoreCase(id.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown metric \"" + id + "\"; allowed throughput, p50, p90, p95, p99");
  }
}
