package dev.headroom.analysis.sim.system;

/**
 * One component in one replication, over the observed time: utilisation (busy server-seconds over
 * available server-seconds), mean queue length (time average), mean time in queue (over those that
 * left the queue), throughput (departures per second).
 */
public record ComponentObservation(
    String name,
    double utilization,
    double meanQueueLength,
    double meanWaitSeconds,
    double throughputPerSecond) {}
