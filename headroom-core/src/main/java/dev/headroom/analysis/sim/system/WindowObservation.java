package dev.headroom.analysis.sim.system;

import java.util.List;

/**
 * One time-series window: requests finished successfully per second, their mean and p95 latency,
 * the share that failed, and the utilisation of each component in {@link
 * SystemSimulationResult#components()} order.
 */
public record WindowObservation(
    double startSeconds,
    double endSeconds,
    double throughputPerSecond,
    double meanLatencySeconds,
    double p95LatencySeconds,
    double errorShare,
    List<Double> utilization) {
  public WindowObservation {
    utilization = List.copyOf(utilization);
  }
}
