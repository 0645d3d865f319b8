package dev.headroom.analysis.sim;

import dev.headroom.analysis.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Independent replications of a network, run in parallel, summarised with t confidence intervals.
 * Replication r always uses the streams derived from (seed, r) and the summaries read the
 * replications in index order, so the result is identical for any number of threads.
 */
public final class Simulation {
  private Simulation() {}

  /** Runs {@code plan} on all available processors. */
  public static SimulationResult run(Network network, RunPlan plan) {
    return run(network, plan, Runtime.getRuntime().availableProcessors());
  }

  /** Runs {@code plan} on {@code threads} threads (1 runs in the calling thread). */
  public static SimulationResult run(Network network, RunPlan plan, int threads) {
    List<ReplicationResult> results =
        Replications.run(
            plan.replications(), threads, r -> replicate(network, plan, r), Progress.none());
    return summarise(network, plan, results);
  }

  /** Replication {@code r} of {@code plan} alone. */
  public static ReplicationResult replicate(Network network, RunPlan plan, int r) {
    return new Simulator(network, plan.seed(), r).run(plan.warmupSeconds(), plan.endSeconds());
  }

  private static SimulationResult summarise(
      Network network, RunPlan plan, List<ReplicationResult> reps) {
    double level = plan.confidence();
    List<StationStatistics> stations = new ArrayList<>();
    for (int i = 0; i < network.stations().size(); i++) {
      int at = i;
      List<StationObservation> obs = reps.stream().map(r -> r.stations().get(at)).toList();
      stations.add(
          new StationStatistics(
              network.stations().get(i).name(),
              estimate(obs, StationObservation::utilization, level),
              estimate(obs, StationObservation::meanQueueLength, level),
              estimate(obs, StationObservation::meanNumberInStation, level),
              estimate(obs, StationObservation::meanWaitSeconds, level),
              estimate(obs, StationObservation::meanResponseSeconds, level),
              estimate(obs, StationObservation::throughputPerSecond, level)));
    }
    List<SourceStatistics> sources = new ArrayList<>();
    for (int k = 0; k < network.sources().size(); k++) {
      int at = k;
      List<SourceObservation> obs = reps.stream().map(r -> r.sources().get(at)).toList();
      List<Estimate> pct = new ArrayList<>();
      for (int q = 0; q < Simulator.PERCENTILES.size(); q++) {
        int qi = q;
        pct.add(estimate(obs, o -> o.responsePercentiles().get(qi), level));
      }
      sources.add(
          new SourceStatistics(
              network.sources().get(k).name(),
              estimate(obs, SourceObservation::throughputPerSecond, level),
              estimate(obs, SourceObservation::meanResponseSeconds, level),
              pct));
    }
    long events = reps.stream().mapToLong(ReplicationResult::events).sum();
    return new SimulationResult(plan, stations, sources, reps, events);
  }

  private static <T> Estimate estimate(List<T> obs, ToDoubleFunction<T> f, double level) {
    return Estimate.of(obs.stream().mapToDouble(f).toArray(), level);
  }
}
