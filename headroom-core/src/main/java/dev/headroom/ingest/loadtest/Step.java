package dev.headroom.ingest.loadtest;

import java.util.Objects;

/**
 * One concurrency level of a load test: how many requests completed, how many failed, over what
 * time, the resulting throughput (requests per second) and, when the input has per-request data or
 * reports it, the latency. {@code latency} is null when the input has none (a plain
 * concurrency,throughput CSV). {@code histogram} holds the response times themselves when the input
 * has per-request data (null otherwise), for comparing two runs.
 */
public record Step(
    double concurrency,
    ConcurrencyOrigin concurrencyOrigin,
    long requests,
    long errors,
    double durationSeconds,
    double throughput,
    LatencySummary latency,
    LatencyHistogram histogram) {

  /** A step without a histogram: the input gives summaries, not per-request data. */
  public Step(
      double concurrency,
      ConcurrencyOrigin concurrencyOrigin,
      long requests,
      long errors,
      double durationSeconds,
      double throughput,
      LatencySummary latency) {
    this(
        concurrency,
        concurrencyOrigin,
        requests,
        errors,
        durationSeconds,
        throughput,
        latency,
        null);
  }

  public Step {
    Objects.requireNonNull(concurrencyOrigin, "concurrencyOrigin");
    if (!(concurrency > 0) || !Double.isFinite(concurrency)) {
      throw new IllegalArgumentException(
          "concurrency must be positive and finite, got " + concurrency);
    }
    if (requests < 0 || errors < 0 || errors > requests && requests > 0) {
      throw new IllegalArgumentException(
          "requests and errors must be >= 0 and errors <= requests, got "
              + requests
              + ", "
              + errors);
    }
    if (!(durationSeconds >= 0) || !Double.isFinite(durationSeconds)) {
      throw new IllegalArgumentException("duration must be >= 0, got " + durationSeconds);
    }
    if (!(throughput >= 0) || !Double.isFinite(throughput)) {
      throw new IllegalArgumentException("throughput must be >= 0 and finite, got " + throughput);
    }
  }
}
