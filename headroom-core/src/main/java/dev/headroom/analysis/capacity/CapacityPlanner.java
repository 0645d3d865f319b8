package dev.headroom.analysis.capacity;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.Thresholds;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes the capacity section (C1-C5, with C2's pools checked against the database). */
public final class CapacityPlanner {

  /** The knowledge this calculator carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE =
      List.of("C1", "C2", "C3", "C4", "C4.resolve", "C5", "C5.resolve", "M4", "P12", "P13");

  /** The owner name for capacity defaults under {@code thresholds:}. */
  public static final String OWNER = "capacity";

  /**
   * Defaults the calculators use; each can be overridden under {@code thresholds: { capacity: … }}.
   */
  public static final List<Threshold> DEFAULTS =
      List.of(
          new Threshold(
              "safety_margin",
              Dimension.MULTIPLIER,
              1.5,
              "C1",
              "safety margin 1.5x on top of growth"),
          new Threshold(
              "horizon",
              Dimension.DURATION,
              365.25 * 86400,
              "C1",
              "plan 12 months ahead when growth is a rate"),
          new Threshold(
              "rps_per_instance",
              Dimension.RATE,
              500,
              "C5",
              "placeholder 500 rps per server; measure it (max_rps_per_instance) to replace it"),
          new Threshold(
              "replica_capacity",
              Dimension.RATE,
              3000,
              "C3",
              "placeholder 3,000 queries/s per replica (C3's example); measure qps and cpu to replace it"),
          new Threshold(
              "working_set",
              Dimension.RATIO,
              0.20,
              "C4",
              "working set 20% of the data (10-20%, upper end)"),
          new Threshold(
              "cache_overhead", Dimension.MULTIPLIER, 1.5, "C4.resolve", "Redis overhead 1.5x"),
          new Threshold(
              "bytes_per_user",
              Dimension.DATA_SIZE,
              1000,
              "C5",
              "placeholder 1 KB of cache per user"),
          new Threshold(
              "target_utilization",
              Dimension.RATIO,
              0.70,
              "P13",
              "run servers at 70% (autoscaling target)"));

  private final SystemView view;
  private final Thresholds thresholds;
  private final List<CapacityItem> items = new ArrayList<>();
  private final List<NotEvaluated> missing = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private final java.util.Map<String, MeasuredCapacity> measured;

  private CapacityPlanner(
      SystemView view, Thresholds thresholds, java.util.Map<String, MeasuredCapacity> measured) {
    this.view = view;
    this.thresholds = thresholds;
    this.measured = measured;
  }

  public static Capacity plan(SystemView view, Thresholds thresholds) {
    return plan(view, thresholds, java.util.Map.of());
  }

  /** Plans with model-based capacities (USL fits, queues) for the components that have them. */
  public static Capacity plan(
      SystemView view, Thresholds thresholds, java.util.Map<String, MeasuredCapacity> measured) {
    CapacityPlanner p = new CapacityPlanner(view, thresholds, measured);
    p.run();
    return new Capacity(p.items, p.notes, p.missing);
  }

  private Figure t(String name) {
    return thresholds.get(OWNER, name);
  }

  private void run() {
    Figure growth = growthFactor();
    Optional<Figure> peak = view.peakRps();
    Figure required = null;
    if (peak.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C1",
              "required capacity",
              List.of("workload.peak_rps or observations.rps"),
              List.of(
                  "the request rate at the busiest hour, from the load balancer or access logs")));
    } else {
      Figure margin = t("safety_margin");
      double v = peak.get().value() * growth.value() * margin.value();
      required =
          derived(
              v,
              Dimension.RATE,
              "peak x growth factor x safety margin (C1)",
              "peak = " + peak.get().withKind(),
              "growth factor = " + growth.withKind(),
              "safety margin = " + margin.withKind());
      add("required_rps", "required capacity at the growth target", required, "C1");
    }
    appInstances(required);
    modelledWorkers(growth);
    pools();
    database(required, growth);
    cache(growth);
    workers(growth);
  }

  private Figure growthFactor() {
    Optional<Figure> target = view.fact("workload.target");
    Optional<Figure> rate = view.fact("workload.growth");
    Figure f;
    if (target.isPresent()) {
      f = target.get();
    } else if (rate.isPresent()) {
      Figure horizon = view.fact("workload.horizon").orElse(t("horizon"));
      double months = horizon.value() / (365.25 * 86400 / 12);
      f =
          derived(
              Math.pow(1 + rate.get().value(), months),
              Dimension.MULTIPLIER,
              "(1 + monthly growth) ^ months",
              "growth = " + rate.get().formatted(),
              "horizon = "
                  + Units.format(months, 4)
                  + " months ("
                  + horizon.provenance().kind()
                  + ")");
    } else {
      f =
          new Figure(
              1.0,
              Dimension.MULTIPLIER,
              new Provenance.Assumed("C1", "no growth or target given: planning for today's peak"));
      missing.add(
          new NotEvaluated(
              "C1",
              "growth factor",
              List.of("workload.growth or workload.target"),
              List.of(
                  "the monthly growth of peak traffic (15%/month) or the multiple to plan for (10x)")));
    }
    add("growth_factor", "growth factor", f, "C1");
    return f;
  }

  private void appInstances(Figure required) {
    Optional<Component> app = view.frontApp();
    if (app.isEmpty() || required == null) {
      return;
    }
    Component c = app.get();
    MeasuredCapacity model = measured.get(c.name());
    Figure perInstance =
        model != null
            ? model.perInstance()
            : view.fact(c.fact("max_rps_per_instance")).orElse(t("rps_per_instance"));
    add(
        "rps_per_instance",
        c.name() + ": requests per second one instance sustains",
        perInstance,
        "C5");
    if (model != null) {
      items.addAll(model.items());
      model.warnings().forEach(w -> notes.add(c.name() + ": " + w));
    }
    double needed = Math.ceil(required.value() / perInstance.value());
    add(
        "app_instances",
        c.name() + ": instances needed",
        derived(
            needed,
            Dimension.COUNT,
            "ceil(required capacity / per-instance capacity) (C5)",
            "required = " + required.formatted(),
            "per instance = " + perInstance.withKind()),
        "C5");
    if (model != null) {
      predictLatency(c, model, required.value() / needed);
    }
    add(
        "app_instances_now",
        c.name() + ": instances now",
        new Figure(
            view.spec().instances(c),
            Dimension.COUNT,
            view.fact(c.fact("instances"))
                .map(Figure::provenance)
                .orElse(
                    new Provenance.Assumed("C5", "one instance when instances is not declared"))),
        "C5");
  }

  /** Workers with a modelled capacity: instances needed for the job rate at the growth target. */
  private void modelledWorkers(Figure growth) {
    Optional<Figure> jobs = view.fact("workload.job_rate");
    for (Component w : view.spec().components(ComponentKind.WORKER)) {
      MeasuredCapacity model = measured.get(w.name());
      if (model == null) {
        continue;
      }
      add(
          w.name() + ".jobs_per_instance",
          w.name() + ": jobs per second one instance takes",
          model.perInstance(),
          "C5.resolve");
      items.addAll(model.items());
      model.warnings().forEach(note -> notes.add(w.name() + ": " + note));
      if (jobs.isEmpty()) {
        missing.add(
            new NotEvaluated(
                "C5",
                w.name() + ": instances needed",
                List.of("workload.job_rate"),
                List.of("jobs enqueued per second at peak")));
        continue;
      }
      Figure margin = t("safety_margin");
      double rate = jobs.get().value() * growth.value() * margin.value();
      double needed = Math.ceil(rate / model.perInstance().value());
      add(
          w.name() + ".instances_needed",
          w.name() + ": instances needed at the growth target",
          derived(
              needed,
              Dimension.COUNT,
              "ceil(job rate x growth x safety margin / jobs per instance) (C1, C5)",
              "job rate = " + jobs.get().formatted(),
              "growth = " + growth.formatted(),
              "margin = " + margin.formatted(),
              "per instance = " + model.perInstance().withKind()),
          "C5");
      predictLatency(w, model, rate / needed);
    }
  }

  /** The model's latency at the growth target, with each instance at {@code perInstanceLoad}. */
  private void predictLatency(Component c, MeasuredCapacity model, double perInstanceLoad) {
    String load =
        "load per instance = "
            + Units.format(perInstanceLoad, 6)
            + "/s (required / instances needed)";
    if (model.usl() != null) {
      dev.headroom.analysis.usl.UslModel usl = model.usl();
      if (perInstanceLoad >= usl.maxThroughput()) {
        return;
      }
      double n = usl.concurrencyAt(perInstanceLoad);
      double r = usl.latencyAt(n);
      String note =
          usl.isExtrapolation(n)
              ? " (beyond 2x the largest measured concurrency: an extrapolation)"
              : "";
      add(
          c.name() + ".latency_at_target",
          c.name() + ": mean latency per instance at the growth target (USL)" + note,
          derived(
              r,
              Dimension.DURATION,
              "R = N / X(N) at the concurrency the USL needs for this load",
              load,
              "N = " + Units.format(n, 4),
              "sigma = " + Units.format(usl.sigma(), 4),
              "kappa = " + Units.format(usl.kappa(), 4),
              "lambda = " + Units.format(usl.lambda(), 6) + "/s"),
          "C5.resolve");
    } else if (model.queue() != null) {
      dev.headroom.analysis.queueing.MMc q =
          dev.headroom.analysis.queueing.MMc.of(
              perInstanceLoad, model.queue().serviceTime(), model.queue().servers());
      add(
          c.name() + ".p95_at_target",
          c.name() + ": p95 response time per instance at the growth target (M/M/c)",
          derived(
              q.responseTimePercentile(0.95),
              Dimension.DURATION,
              "M/M/c response-time p95 (Erlang C)",
              load,
              "service time = " + Units.formatDuration(q.serviceTime()),
              "workers = " + q.servers()),
          "C5.resolve");
    }
  }

  private void pools() {
    for (Component db : view.primaries()) {
      Optional<Figure> c2 = view.c2PoolSize(db);
      if (c2.isEmpty()) {
        missing.add(
            new NotEvaluated(
                "C2",
                db.name() + ": pool size per instance",
                List.of(db.name() + ".vcpu"),
                List.of("declare the database server's vCPUs (cores) in the system file")));
        continue;
      }
      Figure poolFig = c2.get();
      add(
          db.name() + ".pool_per_instance",
          db.name() + ": connection pool per app instance",
          poolFig,
          "C2");
      Optional<Figure> max = view.fact(db.fact("max_connections"));
      double total = 0;
      double totalAtMax = 0;
      List<String> inputs = new ArrayList<>();
      boolean complete = true;
      for (Component client : view.clientsOf(db)) {
        Optional<Figure> size = view.fact(client.fact("pool.size"));
        if (size.isEmpty()) {
          complete = false;
          missing.add(
              new NotEvaluated(
                  "C2",
                  client.name() + ": pool connections",
                  List.of(client.name() + ".pool.size"),
                  List.of("declare the connection pool size per instance (pool: { size: 20 })")));
          continue;
        }
        double n = view.spec().instances(client);
        double nMax = view.fact(client.fact("autoscaling.max")).map(Figure::value).orElse(n);
        total += n * size.get().value();
        totalAtMax += nMax * size.get().value();
        inputs.add(
            client.name()
                + ": "
                + Units.format(n, 6)
                + " instances x "
                + size.get().formatted()
                + (nMax != n ? " (" + Units.format(nMax, 6) + " at autoscaling max)" : ""));
      }
      if (complete && !inputs.isEmpty()) {
        add(
            db.name() + ".pool_connections",
            db.name() + ": pool connections opened by its clients",
            derived(
                total,
                Dimension.COUNT,
                "sum over clients of instances x pool size",
                inputs.toArray(String[]::new)),
            "C2");
        if (totalAtMax != total) {
          add(
              db.name() + ".pool_connections_at_max",
              db.name() + ": pool connections at autoscaling max",
              derived(
                  totalAtMax,
                  Dimension.COUNT,
                  "sum over clients of max instances x pool size",
                  inputs.toArray(String[]::new)),
              "C2");
        }
        max.ifPresent(
            m -> add(db.name() + ".max_connections", db.name() + ": max_connections", m, "M4"));
      }
    }
  }

  private void database(Figure required, Figure growth) {
    Optional<Figure> qpr = view.fact("workload.queries_per_request");
    Optional<Figure> peak = view.peakRps();
    if (view.primaries().isEmpty() || peak.isEmpty()) {
      return;
    }
    Component db = view.primaries().get(0);
    if (qpr.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C5",
              "database query rate",
              List.of("workload.queries_per_request"),
              List.of("statements per request from APM, or pg_stat_statements calls / requests")));
      return;
    }
    Figure margin = t("safety_margin");
    double rate = peak.get().value() * growth.value() * margin.value() * qpr.get().value();
    Figure queryRate =
        derived(
            rate,
            Dimension.RATE,
            "required capacity x queries per request (C5)",
            "required = "
                + Units.format(peak.get().value() * growth.value() * margin.value(), 6)
                + "/s",
            "queries per request = " + qpr.get().formatted());
    add("db_query_rate", db.name() + ": queries per second at the growth target", queryRate, "C5");
    Optional<Figure> read = view.readRatio(db);
    if (read.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C3",
              "read replicas",
              List.of("workload.read_ratio or " + db.name() + ".read_ratio"),
              List.of("the share of statements that only read (pg_stat_statements by command)")));
      return;
    }
    Figure readRate =
        derived(
            rate * read.get().value(),
            Dimension.RATE,
            "query rate x read share",
            "query rate = " + queryRate.formatted(),
            "read share = " + read.get().formatted());
    add(
        "read_query_rate",
        db.name() + ": read queries per second at the growth target",
        readRate,
        "C3");
    Figure replicaCapacity = replicaCapacity(db, peak.get().value() * qpr.get().value());
    add(
        "replica_capacity",
        db.name() + ": read queries per second one replica takes",
        replicaCapacity,
        "C3");
    double readNow = peak.get().value() * qpr.get().value() * read.get().value();
    add(
        "replicas_now",
        db.name() + ": read replicas for today's peak",
        derived(
            Math.ceil(readNow / replicaCapacity.value()),
            Dimension.COUNT,
            "ceil(today's read traffic / one replica's capacity) (C3)",
            "today's read traffic = peak x queries per request x read share = "
                + Units.format(readNow, 6)
                + "/s",
            "replica capacity = " + replicaCapacity.withKind()),
        "C3");
    double replicas = Math.ceil(readRate.value() / replicaCapacity.value());
    add(
        "replicas",
        db.name() + ": read replicas needed",
        derived(
            replicas,
            Dimension.COUNT,
            "ceil(read traffic / one replica's capacity) (C3)",
            "read traffic = " + readRate.formatted(),
            "replica capacity = " + replicaCapacity.withKind()),
        "C3");
  }

  /**
   * One replica's capacity, a replica being a copy of the primary: from the primary's query rate
   * and CPU (it takes qps x target utilisation / cpu, by the utilisation law U = X·S). The rate is
   * the measured {@code qps}, else today's peak x queries per request (C5); without the primary's
   * CPU, C3's placeholder.
   */
  private Figure replicaCapacity(Component db, double queriesNow) {
    Optional<Figure> qps = view.fact(db.fact("qps"));
    Optional<Figure> cpu = view.fact(db.fact("cpu"));
    if (qps.isEmpty() && cpu.isPresent() && cpu.get().value() > 0.05) {
      Figure target = t("target_utilization");
      return derived(
          queriesNow * target.value() / cpu.get().value(),
          Dimension.RATE,
          "today's query rate x target utilisation / measured cpu (utilisation law U = X·S)",
          "query rate = peak x queries per request = " + Units.format(queriesNow, 6) + "/s (C5)",
          db.fact("cpu") + " = " + cpu.get().formatted(),
          "target utilisation = " + target.formatted());
    }
    if (qps.isPresent() && cpu.isPresent() && cpu.get().value() > 0.05) {
      Figure target = t("target_utilization");
      return derived(
          qps.get().value() * target.value() / cpu.get().value(),
          Dimension.RATE,
          "measured qps x target utilisation / measured cpu (utilisation law U = X·S)",
          db.fact("qps") + " = " + qps.get().formatted(),
          db.fact("cpu") + " = " + cpu.get().formatted(),
          "target utilisation = " + target.formatted());
    }
    return t("replica_capacity");
  }

  private void cache(Figure growth) {
    Optional<Figure> data = view.fact("workload.data_size");
    Optional<Figure> users = view.fact("workload.active_users");
    Figure overhead = t("cache_overhead");
    if (data.isPresent()) {
      Figure ws = t("working_set");
      add(
          "cache_memory",
          "cache memory for the working set",
          derived(
              data.get().value() * ws.value() * overhead.value(),
              Dimension.DATA_SIZE,
              "data size x working-set share x overhead (C4)",
              "data = " + data.get().formatted(),
              "working set = " + ws.withKind(),
              "overhead = " + overhead.formatted()),
          "C4");
    } else if (users.isPresent()) {
      Figure perUser = t("bytes_per_user");
      add(
          "cache_memory",
          "cache memory for user data",
          derived(
              users.get().value() * growth.value() * perUser.value() * overhead.value(),
              Dimension.DATA_SIZE,
              "users x growth x bytes per user x overhead (C5, C4)",
              "users = " + users.get().formatted(),
              "growth = " + growth.formatted(),
              "per user = " + perUser.withKind(),
              "overhead = " + overhead.formatted()),
          "C4");
    } else {
      missing.add(
          new NotEvaluated(
              "C4",
              "cache memory",
              List.of("workload.data_size or workload.active_users"),
              List.of(
                  "the size of the primary database (pg_database_size) or monthly active users")));
    }
  }

  private void workers(Figure growth) {
    Optional<Figure> rate = view.fact("workload.job_rate");
    Optional<Figure> duration = view.fact("workload.job_duration");
    if (rate.isEmpty() && duration.isEmpty()) {
      if (view.has(ComponentKind.QUEUE) || view.has(ComponentKind.WORKER)) {
        missing.add(
            new NotEvaluated(
                "P12",
                "queue workers",
                List.of("workload.job_rate", "workload.job_duration"),
                List.of("jobs enqueued per second at peak, and the mean run time of a job")));
      }
      return;
    }
    if (rate.isEmpty() || duration.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "P12",
              "queue workers",
              List.of(rate.isEmpty() ? "workload.job_rate" : "workload.job_duration"),
              List.of("both the job rate and the job duration are needed (Little's law)")));
      return;
    }
    Figure target = t("target_utilization");
    double busy = rate.get().value() * growth.value() * duration.get().value();
    add(
        "queue_workers",
        "queue workers at the growth target",
        derived(
            Math.ceil(busy / target.value()),
            Dimension.COUNT,
            "ceil(job rate x growth x job duration / target utilisation) (Little's law, P12, P13)",
            "job rate = " + rate.get().formatted(),
            "growth = " + growth.formatted(),
            "job duration = " + duration.get().formatted(),
            "target utilisation = " + target.formatted()),
        "P12");
  }

  private void add(String id, String label, Figure f, String knowledge) {
    items.add(new CapacityItem(id, label, f, knowledge));
  }

  private static Figure derived(double v, Dimension d, String formula, String... inputs) {
    return new Figure(v, d, new Provenance.Derived(formula, List.of(inputs)));
  }
}
