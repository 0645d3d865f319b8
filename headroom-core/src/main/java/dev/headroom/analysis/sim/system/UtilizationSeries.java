package dev.headroom.analysis.sim.system;

import java.util.List;

/** A component's utilisation per window (same windows as the latency series), replication mean. */
public record UtilizationSeries(String component, List<Double> utilization) {
  public UtilizationSeries {
    utilization = List.copyOf(utilization);
  }
}
