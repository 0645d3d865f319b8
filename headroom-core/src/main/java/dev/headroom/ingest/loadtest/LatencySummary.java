package dev.headroom.ingest.loadtest;

/**
 * Latency of one step, in milliseconds. A field is {@code null} when the producer did not report it
 * (wrk prints no p95, for example); values computed by headroom from raw samples are never null.
 * {@code method} says how percentiles were obtained, since tools disagree (see docs/formats.md):
 * {@code "hdrhistogram"} when headroom computed them from raw samples, or the producer's own method
 * when copied from its report.
 */
public record LatencySummary(
    Double meanMs,
    Double p50Ms,
    Double p90Ms,
    Double p95Ms,
    Double p99Ms,
    Double maxMs,
    String method) {

  public LatencySummary {
    check("mean", meanMs);
    check("p50", p50Ms);
    check("p90", p90Ms);
    check("p95", p95Ms);
    check("p99", p99Ms);
    check("max", maxMs);
    method = method == null ? "" : method;
  }

  private static void check(String name, Double v) {
    if (v != null && (!Double.isFinite(v) || v < 0)) {
      throw new IllegalArgumentException(name + " latency must be finite and >= 0, got " + v);
    }
  }
}
