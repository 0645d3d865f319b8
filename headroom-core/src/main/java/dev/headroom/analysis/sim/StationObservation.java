package dev.headroom.analysis.sim;

/**
 * What one replication observed at one station after the warm-up; all means are over the observed
 * time.
 *
 * @param utilization mean busy servers / c for FCFS (the utilisation law U = X·S/c); for a delay
 *     station the mean number in service
 * @param meanQueueLength Lq, the time-average number waiting (not in service)
 * @param meanNumberInStation L, the time-average number waiting or in service
 * @param meanWaitSeconds Wq, the mean wait of customers whose service started
 * @param meanResponseSeconds the mean time in the station per visit (wait + service)
 * @param throughputPerSecond departures per second
 */
public record StationObservation(
    String name,
    double utilization,
    double meanQueueLength,
    double meanNumberInStation,
    double meanWaitSeconds,
    double meanResponseSeconds,
    double throughputPerSecond) {}
