package dev.headroom.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    if (threads < 1) {
      throw new IllegalArgumentException(threads + " threads; allowed: at least 1");
    }
    int reps = plan.replications();
    List<ReplicationResult> results = new ArrayList<>(reps);
    if (threads == 1) {
      for (int r = 0; r < reps; r++) {
        results.add(replicate(network, plan, r));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, reps));
      try {
        List<Future<ReplicationResult>> futures = new ArrayList<>(reps);
        for (int r = 0; r < reps; r++) {
          int rep = r;
          futures.add(pool.submit(() -> replicate(network, plan, rep)));
        }
        for (Future<ReplicationResult> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("simulation interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("replication failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
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
