package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;

/**
 * A request class across replications: throughput, latency mean and p50/p95/p99 of successful
 * requests (each percentile's interval taken across the replications' percentiles), errors and
 * timeouts per second, and the error share.
 */
public record ClassStatistics(
    RequestClass requestClass,
    Estimate throughputPerSecond,
    Estimate meanLatencySeconds,
    Estimate p50Seconds,
    Estimate p95Seconds,
    Estimate p99Seconds,
    Estimate errorsPerSecond,
    Estimate timeoutsPerSecond,
    Estimate errorShare) {}
