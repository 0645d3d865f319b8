package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.Progress;
import dev.headroom.analysis.sim.Estimate;
import dev.headroom.analysis.sim.Replications;
import dev.headroom.analysis.sim.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Independent replications of a {@link SystemModel}, run in parallel and summarised with Student t
 * intervals (Law eq. 4.12) over the replications, read in index order: the result does not depend
 * on the number of threads.
 */
public final class SystemSimulation {
  private SystemSimulation() {}

  /** Runs {@code plan} on all available processors. */
  public static SystemSimulationResult run(SystemModel model, RunPlan plan) {
    return run(model, plan, Runtime.getRuntime().availableProcessors(), Progress.none());
  }

  /**
   * Runs {@code plan} on all available processors, advancing {@code progress} by one unit per
   * finished replication (a task of {@code plan.replications()} units).
   */
  public static SystemSimulationResult run(SystemModel model, RunPlan plan, Progress progress) {
    return run(model, plan, Runtime.getRuntime().availableProcessors(), progress);
  }

  /** Runs {@code plan} on {@code threads} threads (1: in the calling thread). */
  public static SystemSimulationResult run(SystemModel model, RunPlan plan, int threads) {
    return run(model, plan, threads, Progress.none());
  }

  /**
   * Runs {@code plan} on {@code threads} threads (1: in the calling thread), advancing {@code
   * progress} as each replication finishes (from the worker threads; {@link Progress} is
   * thread-safe).
   */
  public static SystemSimulationResult run(
      SystemModel model, RunPlan plan, int threads, Progress progress) {
    List<SystemReplication> out =
        Replications.run(plan.replications(), threads, r -> replicate(model, plan, r), progress);
    return summarise(model, plan, out);
  }

  /** Replication {@code r} alone. */
  public static SystemReplication replicate(SystemModel model, RunPlan plan, int r) {
    return new SystemSimulator(model, plan, r).run();
  }

  private static SystemSimulationResult summarise(
      SystemModel model, RunPlan plan, List<SystemReplication> reps) {
    double level = plan.confidence();
    SystemReplication first = reps.get(0);
    List<ComponentStatistics> comps = new ArrayList<>();
    for (int i = 0; i < first.components().size(); i++) {
      int at = i;
      List<ComponentObservation> obs = reps.stream().map(r -> r.components().get(at)).toList();
      comps.add(
          new ComponentStatistics(
              first.components().get(i).name(),
              estimate(obs, ComponentObservation::utilization, level),
              estimate(obs, ComponentObservation::meanQueueLength, level),
              estimate(obs, ComponentObservation::meanWaitSeconds, level),
              estimate(obs, ComponentObservation::throughputPerSecond, level)));
    }
    List<ClassStatistics> classes = new ArrayList<>();
    for (int c = 0; c < first.classes().size(); c++) {
      int at = c;
      List<ClassObservation> obs = reps.stream().map(r -> r.classes().get(at)).toList();
      classes.add(
          new ClassStatistics(
              first.classes().get(c).requestClass(),
              estimate(obs, ClassObservation::throughputPerSecond, level),
              estimate(obs, ClassObservation::meanLatencySeconds, level),
              estimate(obs, ClassObservation::p50Seconds, level),
              estimate(obs, ClassObservation::p95Seconds, level),
              estimate(obs, ClassObservation::p99Seconds, level),
              estimate(obs, ClassObservation::errorsPerSecond, level),
              estimate(obs, ClassObservation::timeoutsPerSecond, level),
              estimate(obs, ClassObservation::errorShare, level)));
    }
    List<WindowStatistics> windows = new ArrayList<>();
    List<List<Double>> util = new ArrayList<>();
    List<String> seriesNames = new ArrayList<>();
    for (ComponentObservation c : first.components()) {
      if (!c.name().equals("db-pool") && !c.name().equals("app-threads")) {
        seriesNames.add(c.name());
        util.add(new ArrayList<>());
      }
    }
    int n = reps.size();
    for (int w = 0; w < first.windows().size(); w++) {
      double thr = 0;
      double lat = 0;
      double p95 = 0;
      double err = 0;
      double[] u = new double[seriesNames.size()];
      for (SystemReplication r : reps) {
        WindowObservation o = r.windows().get(w);
        thr += o.throughputPerSecond();
        lat += o.meanLatencySeconds();
        p95 += o.p95LatencySeconds();
        err += o.errorShare();
        for (int k = 0; k < u.length; k++) {
          u[k] += o.utilization().get(k);
        }
      }
      WindowObservation o = first.windows().get(w);
      windows.add(
          new WindowStatistics(
              o.startSeconds(), o.endSeconds(), thr / n, lat / n, p95 / n, err / n));
      for (int k = 0; k < u.length; k++) {
        util.get(k).add(u[k] / n);
      }
    }
    List<UtilizationSeries> series = new ArrayList<>();
    for (int k = 0; k < seriesNames.size(); k++) {
      series.add(new UtilizationSeries(seriesNames.get(k), util.get(k)));
    }
    Optional<Hotspot> hotspot =
        model
            .database()
            .flatMap(Database::sharding)
            .map(
                s -> {
                  ShardMap map = ShardMap.of(s, model.keys());
                  int hot = map.hottest();
                  return new Hotspot(
                      s.strategy(),
                      s.shards(),
                      hot,
                      map.share(hot),
                      estimate(reps, SystemReplication::hotShardShare, level),
                      estimate(reps, SystemReplication::hotShardUtilization, level));
                });
    Optional<RetryStorm> retries =
        model
            .external()
            .map(
                e ->
                    new RetryStorm(
                        e.expectedAttempts(),
                        estimate(reps, SystemReplication::attemptsPerCall, level),
                        estimate(reps, SystemReplication::breakerRejectedPerSecond, level),
                        estimate(reps, SystemReplication::breakerNotClosedShare, level)));
    Optional<Estimate> replicaStale =
        model
            .database()
            .filter(d -> d.replicas() > 0)
            .map(d -> estimate(reps, SystemReplication::replicaStaleShare, level));
    boolean writeBehind =
        model.cache().filter(c -> c.strategy() == CacheStrategy.WRITE_BEHIND).isPresent();
    Optional<WriteBehind> wb =
        writeBehind
            ? Optional.of(
                new WriteBehind(
                    estimate(reps, SystemReplication::cacheStaleShare, level),
                    estimate(reps, SystemReplication::unflushedWrites, level)))
            : Optional.empty();
    return new SystemSimulationResult(
        plan,
        comps,
        classes,
        windows,
        series,
        first.timeline(),
        hotspot,
        retries,
        replicaStale,
        wb,
        estimate(reps, SystemReplication::cdnShare, level),
        model.cache().map(c -> estimate(reps, SystemReplication::cacheHitShare, level)),
        estimate(reps, SystemReplication::databaseVisitsPerSecond, level),
        reps,
        reps.stream().mapToLong(SystemReplication::events).sum());
  }

  private static <T> Estimate estimate(List<T> obs, ToDoubleFunction<T> f, double level) {
    return Estimate.of(obs.stream().mapToDouble(f).toArray(), level);
  }
}
