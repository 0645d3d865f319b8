package dev.headroom.analysis.sim;

import java.util.List;

/**
 * The outcome of a {@link Simulation}: the plan, the statistics per station and per source across
 * replications, every replication's own observations (in replication order) and the events
 * processed in all.
 */
public record SimulationResult(
    RunPlan plan,
    List<StationStatistics> stations,
    List<SourceStatistics> sources,
    List<ReplicationResult> replications,
    long events) {
  public SimulationResult {
    stations = List.copyOf(stations);
    sources = List.copyOf(sources);
    replications = List.copyOf(replications);
  }

  public StationStatistics station(String name) {
    return stations.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no station '" + name + "'"));
  }

  public SourceStatistics source(String name) {
    return sources.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no source '" + name + "'"));
  }
}
