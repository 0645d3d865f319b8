package dev.headroom.analysis.capacity;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.SystemView;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the capacity section (C1-C5, with C2's connections checked against the database) from the
 * {@link CapacityModel}: every figure here is the model's, at today's peak and at the growth
 * target, so the plan and the cost section, which read the same model, give the same counts.
 */
public final class CapacityPlanner {

  /** The knowledge this calculator carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE =
      List.of("C1", "C2", "C3", "C4", "C4.resolve", "C5", "C5.resolve", "M4", "P12", "P13");

  private final CapacityModel model;
  private final SystemView view;
  private final Settings settings;
  private final List<CapacityItem> items = new ArrayList<>();
  private final List<NotEvaluated> missing = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private CapacityPlanner(CapacityModel model) {
    this.model = model;
    this.view = model.view();
    this.settings = model.settings();
  }

  /** The capacity section of {@code model}, read from it alone. */
  public static Capacity plan(CapacityModel model) {
    CapacityPlanner p = new CapacityPlanner(model);
    p.run();
    return new Capacity(p.items, p.notes, p.missing);
  }

  private void run() {
    for (Change ch : model.changes()) {
      notes.add("Sized after the plan's steps: " + ch.describe() + ".");
    }
    Figure growth = model.growthFactor();
    add("growth_factor", "growth factor", growth, "C1");
    if (!model.growthKnown()) {
      missing.add(
          new NotEvaluated(
              "C1",
              "growth factor",
              List.of("workload.growth or workload.target"),
              List.of(
                  "the monthly growth of peak traffic (15%/month) or the multiple to plan for (10x)")));
    }
    Figure target = model.targetMultiple();
    Optional<Figure> peak = model.peak();
    Figure required = null;
    if (peak.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C1",
              "required capacity",
              List.of("workload.peak_rps or observations.rps (above zero)"),
              List.of(
                  "the request rate at the busiest hour, from the load balancer or access logs")));
    } else {
      Figure margin = settings.safetyMargin();
      required =
          CapacityModel.derived(
              peak.get().value() * target.value(),
              Dimension.RATE,
              "peak x growth factor x safety margin (C1)",
              "peak = " + peak.get().withKind(),
              "growth factor = " + growth.withKind(),
              "safety margin = " + margin.withKind());
      add("required_rps", "required capacity at the growth target", required, "C1");
    }
    appInstances(peak.orElse(null), required);
    modelledWorkers(growth);
    pools();
    database(peak.orElse(null), required);
    model
        .cacheMemory(settings.hotSetHitRatio().value(), missing)
        .ifPresent(m -> add("cache_memory", "cache memory for the working set", m, "C4"));
    workers(growth);
  }

  private void appInstances(Figure peak, Figure required) {
    Optional<Component> app = model.app();
    if (app.isEmpty() || required == null) {
      return;
    }
    Component c = app.get();
    Optional<MeasuredCapacity> measured = model.measured(c.name());
    Figure perInstance = model.perInstance(c);
    add(
        "rps_per_instance",
        c.name() + ": requests per second one instance takes",
        perInstance,
        "C5");
    measured.ifPresent(
        m -> {
          items.addAll(m.items());
          m.warnings().forEach(w -> notes.add(c.name() + ": " + w));
        });
    Figure now = model.instancesNow(c);
    add(
        "app_instances_now",
        c.name()
            + (now.provenance() instanceof Provenance.Derived
                ? ": instances after the plan's steps"
                : ": instances now"),
        now,
        "C5");
    add(
        "app_instances_today",
        c.name() + ": instances needed for today's peak",
        model.appInstances(peak).orElseThrow(),
        "C5");
    Figure needed = model.appInstances(required).orElseThrow();
    add("app_instances", c.name() + ": instances needed at the growth target", needed, "C5");
    measured.ifPresent(m -> predictLatency(c, m, required.value() / needed.value()));
  }

  /** Workers with a modelled capacity: instances needed for the job rate at the growth target. */
  private void modelledWorkers(Figure growth) {
    Optional<Figure> jobs = view.fact("workload.job_rate").filter(j -> j.value() > 0);
    for (Component w : view.spec().components(ComponentKind.WORKER)) {
      MeasuredCapacity fit = model.measured(w.name()).orElse(null);
      if (fit == null) {
        continue;
      }
      Figure perInstance = model.perInstance(w);
      add(
          w.name() + ".jobs_per_instance",
          w.name() + ": jobs per second one instance takes",
          perInstance,
          "C5.resolve");
      items.addAll(fit.items());
      fit.warnings().forEach(note -> notes.add(w.name() + ": " + note));
      if (jobs.isEmpty()) {
        missing.add(
            new NotEvaluated(
                "C5",
                w.name() + ": instances needed",
                List.of("workload.job_rate (above zero)"),
                List.of("jobs enqueued per second at peak")));
        continue;
      }
      Figure margin = settings.safetyMargin();
      double rate = jobs.get().value() * growth.value() * margin.value();
      double needed = Math.max(1, Math.ceil(rate / perInstance.value()));
      add(
          w.name() + ".instances_needed",
          w.name() + ": instances needed at the growth target",
          CapacityModel.derived(
              needed,
              Dimension.COUNT,
              "ceil(job rate x growth x safety margin / jobs per instance) (C1, C5)",
              "job rate = " + jobs.get().formatted(),
              "growth = " + growth.formatted(),
              "margin = " + margin.formatted(),
              "per instance = " + perInstance.withKind()),
          "C5");
      predictLatency(w, fit, rate / needed);
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
          CapacityModel.derived(
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
          CapacityModel.derived(
              q.responseTimePercentile(0.95),
              Dimension.DURATION,
              "M/M/c response-time p95 (Erlang C)",
              load,
              "service time = " + Units.formatDuration(q.serviceTime()),
              "workers = " + q.servers()),
          "C5.resolve");
    }
  }

  /**
   * C2: cores x 2 + spindles is the number of connections a database works on at once, for all its
   * clients together; each client instance's pool is that share of it. The clients' pools (at the
   * autoscaling maximum too) are checked against max_connections (M4).
   */
  private void pools() {
    for (Component db : view.primaries()) {
      Optional<Figure> c2 = view.c2PoolSize(db);
      if (c2.isEmpty()) {
        missing.add(
            new NotEvaluated(
                "C2",
                db.name() + ": useful active connections",
                List.of(db.name() + ".vcpu"),
                List.of("declare the database server's vCPUs (cores) in the system file")));
        continue;
      }
      add(
          db.name() + ".active_connections",
          db.name() + ": connections it works on at once, for all clients together",
          c2.get(),
          "C2");
      Optional<Figure> max = view.fact(db.fact("max_connections"));
      double total = 0;
      double totalAtMax = 0;
      double clientInstances = 0;
      List<String> inputs = new ArrayList<>();
      List<String> instanceInputs = new ArrayList<>();
      boolean complete = true;
      for (Component client : view.clientsOf(db)) {
        Figure n = view.fact(client.fact("instances")).orElse(null);
        Optional<Figure> size = view.fact(client.fact("pool.size"));
        if (n == null) {
          complete = false;
          missing.add(
              new NotEvaluated(
                  "C2",
                  client.name() + ": instances",
                  List.of(client.name() + ".instances"),
                  List.of("declare how many instances of " + client.name() + " run")));
        } else {
          // the share is for the instances the section is sized for: after the plan's scale-out
          Figure sized = model.instancesNow(client);
          clientInstances += sized.value();
          instanceInputs.add(
              sized.provenance() instanceof Provenance.Derived
                  ? client.name()
                      + " instances = "
                      + sized.formatted()
                      + " (after the plan's scale-out)"
                  : client.fact("instances") + " = " + n.formatted());
        }
        if (size.isEmpty()) {
          complete = false;
          missing.add(
              new NotEvaluated(
                  "C2",
                  client.name() + ": pool connections",
                  List.of(client.name() + ".pool.size"),
                  List.of("declare the connection pool size per instance (pool: { size: 20 })")));
        }
        if (n == null || size.isEmpty()) {
          continue;
        }
        double nMax =
            view.fact(client.fact("autoscaling.max")).map(Figure::value).orElse(n.value());
        total += n.value() * size.get().value();
        totalAtMax += nMax * size.get().value();
        inputs.add(
            client.name()
                + ": "
                + n.formatted()
                + " instances x "
                + size.get().formatted()
                + (nMax != n.value() ? " (" + Units.format(nMax, 6) + " at autoscaling max)" : ""));
      }
      if (clientInstances > 0 && instanceInputs.size() == view.clientsOf(db).size()) {
        instanceInputs.add(0, "active connections = " + c2.get().withKind());
        add(
            db.name() + ".pool_per_instance",
            db.name() + ": pool size per client instance (its share of the active connections)",
            CapacityModel.derived(
                Math.max(1, Math.floor(c2.get().value() / clientInstances)),
                Dimension.COUNT,
                "floor(active connections / client instances) (C2)",
                instanceInputs.toArray(String[]::new)),
            "C2");
      }
      if (complete && !inputs.isEmpty()) {
        add(
            db.name() + ".pool_connections",
            db.name() + ": pool connections opened by its clients",
            CapacityModel.derived(
                total,
                Dimension.COUNT,
                "sum over clients of instances x pool size",
                inputs.toArray(String[]::new)),
            "C2");
        if (totalAtMax != total) {
          add(
              db.name() + ".pool_connections_at_max",
              db.name() + ": pool connections at autoscaling max",
              CapacityModel.derived(
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

  private void database(Figure peak, Figure required) {
    Optional<Component> primary = model.primary();
    if (primary.isEmpty() || peak == null) {
      return;
    }
    Component db = primary.get();
    Optional<Figure> queryRate = model.queryRate(required);
    if (queryRate.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C5",
              "database query rate",
              List.of("workload.queries_per_request"),
              List.of("statements per request from APM, or pg_stat_statements calls / requests")));
      return;
    }
    add(
        "db_query_rate",
        db.name() + ": queries per second at the growth target",
        queryRate.get(),
        "C5");
    Optional<Figure> readRate = model.readRate(required);
    if (readRate.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C3",
              "read replicas",
              List.of("workload.read_ratio or " + db.name() + ".read_ratio"),
              List.of("the share of statements that only read (pg_stat_statements by command)")));
      return;
    }
    add(
        "read_query_rate",
        db.name() + ": read queries per second at the growth target",
        readRate.get(),
        "C3");
    add(
        "replica_capacity",
        db.name() + ": read queries per second one replica takes",
        model.replicaCapacity(db),
        "C3");
    add(
        "replicas_now",
        db.name() + ": read replicas for today's peak",
        model.replicas(peak).orElseThrow(),
        "C3");
    add(
        "replicas",
        db.name() + ": read replicas needed at the growth target",
        model.replicas(required).orElseThrow(),
        "C3");
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
    Figure target = settings.targetUtilization();
    double busy = rate.get().value() * growth.value() * duration.get().value();
    add(
        "queue_workers",
        "queue workers at the growth target",
        CapacityModel.derived(
            Math.max(1, Math.ceil(busy / target.value())),
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
}
