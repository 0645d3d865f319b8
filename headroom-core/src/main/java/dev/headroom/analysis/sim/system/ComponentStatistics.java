package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;

/**
 * A component across replications: utilisation, mean queue length, mean time in queue, throughput.
 */
public record ComponentStatistics(
    String name,
    Estimate utilization,
    Estimate meanQueueLength,
    Estimate meanWaitSeconds,
    Estimate throughputPerSecond) {}
