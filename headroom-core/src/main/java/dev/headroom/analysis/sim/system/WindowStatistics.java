package dev.headroom.analysis.sim.system;

/**
 * One window of the latency time series, averaged over the replications (means only: a chart's
 * line): successful requests per second, their mean and p95 latency, and the error share.
 */
public record WindowStatistics(
    double startSeconds,
    double endSeconds,
    double throughputPerSecond,
    double meanLatencySeconds,
    double p95LatencySeconds,
    double errorShare) {}
