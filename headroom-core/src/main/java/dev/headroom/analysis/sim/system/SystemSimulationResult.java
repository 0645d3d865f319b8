package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;
import dev.headroom.analysis.sim.RunPlan;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a {@link SystemSimulation}: per component and per request class statistics with
 * confidence intervals, the time series per window (latency, utilisation per component), the
 * autoscaler's timeline (replication 0's: timelines do not average), and the numbers of the
 * components that have them (hotspot, retry storm, stale replica reads, write-behind).
 */
public record SystemSimulationResult(
    RunPlan plan,
    List<ComponentStatistics> components,
    List<ClassStatistics> classes,
    List<WindowStatistics> windows,
    List<UtilizationSeries> utilization,
    List<AutoscalerPoint> autoscaler,
    Optional<Hotspot> hotspot,
    Optional<RetryStorm> retries,
    Optional<Estimate> replicaStaleShare,
    Optional<WriteBehind> writeBehind,
    Estimate cdnShare,
    Optional<Estimate> cacheHitShare,
    Estimate databaseVisitsPerSecond,
    List<SystemReplication> replications,
    long events) {
  public SystemSimulationResult {
    components = List.copyOf(components);
    classes = List.copyOf(classes);
    windows = List.copyOf(windows);
    utilization = List.copyOf(utilization);
    autoscaler = List.copyOf(autoscaler);
    replications = List.copyOf(replications);
  }

  public ComponentStatistics component(String name) {
    return components.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no component '" + name + "'"));
  }

  public ClassStatistics requestClass(RequestClass c) {
    return classes.stream().filter(s -> s.requestClass() == c).findFirst().orElseThrow();
  }
}
