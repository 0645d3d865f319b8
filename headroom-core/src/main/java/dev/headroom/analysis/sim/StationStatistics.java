package dev.headroom.analysis.sim;

/** A station's figures across replications, each with its confidence interval. */
public record StationStatistics(
    String name,
    Estimate utilization,
    Estimate meanQueueLength,
    Estimate meanNumberInStation,
    Estimate meanWaitSeconds,
    Estimate meanResponseSeconds,
    Estimate throughputPerSecond) {}
