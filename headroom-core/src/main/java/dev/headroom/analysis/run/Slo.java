package dev.headroom.analysis.run;

import dev.headroom.ingest.loadtest.LatencySummary;
import java.util.Locale;
import java.util.Objects;

/**
 * A latency objective on one percentile, such as p95 ≤ 300 ms.
 *
 * @param percentile the percentile judged
 * @param limitMs the highest latency that passes, in milliseconds (above 0, finite)
 */
public record Slo(Percentile percentile, double limitMs) {

  public Slo {
    Objects.requireNonNull(percentile, "percentile");
    if (!(limitMs > 0) || !Double.isFinite(limitMs)) {
      throw new IllegalArgumentException("an SLO limit must be above 0 ms, got " + limitMs);
    }
  }

  /** The percentiles the readers report (see {@link LatencySummary}). */
  public enum Percentile {
    P50,
    P90,
    P95,
    P99;

    /** The name users type and read: {@code p95}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** This percentile of {@code latency} in ms, or null when the producer did not report it. */
    public Double of(LatencySummary latency) {
      if (latency == null) {
        return null;
      }
      return switch (this) {
        case P50 -> latency.p50Ms();
        case P90 -> latency.p90Ms();
        case P95 -> latency.p95Ms();
        case P99 -> latency.p99Ms();
      };
    }

    /** The percentile named {@code id} ({@code p95}, case-insensitive). */
    public static Percentile byId(String id) {
      for (Percentile p : values()) {
        if (p.id().equalsIgnoreCase(id.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "unknown percentile \"" + id + "\"; allowed p50, p90, p95, p99");
    }
  }

  /**
   * One objective judged on one step.
   *
   * @param slo the objective
   * @param measuredMs the step's value of the percentile, null when the input does not report it
   * @param pass whether it holds, null when it cannot be judged (no value)
   */
  public record Check(Slo slo, Double measuredMs, Boolean pass) {
    public Check {
      Objects.requireNonNull(slo, "slo");
      if ((measuredMs == null) != (pass == null)) {
        throw new IllegalArgumentException("a check has a verdict exactly when it has a value");
      }
    }

    static Check of(Slo slo, LatencySummary latency) {
      Double v = slo.percentile().of(latency);
      return new Check(slo, v, v == null ? null : v <= slo.limitMs());
    }
  }
}
