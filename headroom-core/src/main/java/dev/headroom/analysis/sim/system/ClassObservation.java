package dev.headroom.analysis.sim.system;

/**
 * One request class in one replication: successful completions per second, mean and percentiles of
 * the latency of successful requests (seconds), errors and timeouts per second (timeouts are
 * counted among the errors too), and the share of finished requests that failed.
 */
public record ClassObservation(
    RequestClass requestClass,
    double throughputPerSecond,
    double meanLatencySeconds,
    double p50Seconds,
    double p95Seconds,
    double p99Seconds,
    double errorsPerSecond,
    double timeoutsPerSecond,
    double errorShare) {}
