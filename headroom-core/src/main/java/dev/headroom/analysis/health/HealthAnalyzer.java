package dev.headroom.analysis.health;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates every known health metric. Defaults come from M1-M9; a system-file SLO replaces the
 * default target and, being a promise, is critical as soon as it is broken (M.resolve).
 */
public final class HealthAnalyzer {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE =
      List.of("M1", "M2", "M3", "M4", "M5", "M.resolve", "M6", "M7", "M8", "M9", "P13", "X2");

  private HealthAnalyzer() {}

  /**
   * Evaluates every metric. Levels for p95 latency, CPU, memory, connections (the database's and
   * the app pools'), queries per request, replica lag and hit ratios are the thresholds of the
   * rules that watch them (HR-APP-001/002/010, HR-DB-001/002/003/006, HR-CACHE-001/006), so an
   * override in the system file moves health and findings alike.
   */
  public static Health assess(SystemView view, Thresholds t) {
    List<HealthMetric> out = new ArrayList<>();
    latency(
        view, out, "latency_p50", "p50 response time", 0.100, null, "M5", "M5: p50 below 100 ms");
    Optional<Figure> sloP95 = view.fact("slo.latency_p95");
    if (sloP95.isPresent()) {
      out.add(
          metric(
              view,
              "latency_p95",
              "p95 response time",
              sloP95.get(),
              null,
              true,
              "M1",
              Metric.LATENCY_P95));
    } else {
      out.add(
          metric(
              view,
              "latency_p95",
              "p95 response time",
              view.p95Target(),
              t.get("HR-APP-010", "critical"),
              true,
              "M1",
              Metric.LATENCY_P95));
    }
    latency(view, out, "latency_p99", "p99 response time", 1.0, null, "M5", "M5: p99 below 1 s");
    Optional<Figure> sloErr = view.fact("slo.error_rate");
    out.add(
        metric(
            view,
            "error_rate",
            "error rate",
            sloErr.orElse(assumed(0.001, Dimension.RATIO, "M5", "error rate below 0.1%")),
            null,
            true,
            "M5",
            Metric.ERROR_RATE));
    view.fact("slo.availability")
        .ifPresent(
            a ->
                out.add(
                    metric(
                        view,
                        "availability",
                        "availability",
                        a,
                        null,
                        false,
                        "M5",
                        Metric.AVAILABILITY)));

    for (ComponentKind kind :
        List.of(ComponentKind.APP, ComponentKind.WORKER, ComponentKind.DATABASE)) {
      String cpuRule = kind == ComponentKind.DATABASE ? "HR-DB-001" : "HR-APP-001";
      for (Component c : view.spec().components(kind)) {
        out.add(
            metric(
                view,
                c.fact("cpu"),
                c.name() + " CPU",
                t.get(cpuRule, "warning"),
                t.get(cpuRule, "critical"),
                true,
                "M3",
                Metric.CPU));
        if (view.fact(c.fact("memory_used")).isPresent()) {
          out.add(
              metric(
                  view,
                  c.fact("memory_used"),
                  c.name() + " memory in use",
                  t.get("HR-APP-002", "warning"),
                  t.get("HR-APP-002", "critical"),
                  true,
                  "P13",
                  Metric.MEMORY));
        }
        Optional<Figure> pool = view.fact(c.fact("pool.size"));
        Optional<Figure> inUse = view.fact(c.fact("pool_in_use"));
        if (pool.isPresent() && inUse.isPresent() && pool.get().value() > 0) {
          Figure share =
              new Figure(
                  inUse.get().value() / pool.get().value(),
                  Dimension.RATIO,
                  new Provenance.Derived(
                      "pool_in_use / pool.size",
                      List.of(
                          c.fact("pool_in_use") + " = " + inUse.get().formatted(),
                          c.fact("pool.size") + " = " + pool.get().formatted())));
          // M4's levels (50% target, 80%) are HR-DB-002's thresholds: one override moves both
          out.add(
              graded(
                  c.fact("pool_usage"),
                  c.name() + " pool connections in use",
                  share,
                  t.get("HR-DB-002", "warning"),
                  t.get("HR-DB-002", "critical"),
                  true,
                  "M4"));
        }
      }
    }
    for (Component db : view.primaries()) {
      Optional<Figure> inUse = view.fact(db.fact("connections_in_use"));
      Optional<Figure> max = view.fact(db.fact("max_connections"));
      if (inUse.isPresent() && max.isPresent() && max.get().value() > 0) {
        Figure share =
            new Figure(
                inUse.get().value() / max.get().value(),
                Dimension.RATIO,
                new Provenance.Derived(
                    "connections_in_use / max_connections",
                    List.of(
                        db.fact("connections_in_use") + " = " + inUse.get().formatted(),
                        db.fact("max_connections") + " = " + max.get().formatted())));
        out.add(
            graded(
                db.fact("connections_usage"),
                db.name() + " connections in use",
                share,
                t.get("HR-DB-002", "warning"),
                t.get("HR-DB-002", "critical"),
                true,
                "M4"));
      } else {
        out.add(
            new HealthMetric(
                db.fact("connections_usage"),
                db.name() + " connections in use",
                null,
                HealthStatus.UNKNOWN,
                t.get("HR-DB-002", "warning"),
                t.get("HR-DB-002", "critical"),
                true,
                "M4",
                "observations."
                    + db.fact("connections_in_use")
                    + " and "
                    + db.name()
                    + ".max_connections"));
      }
      if (view.replicaCount(db) > 0 || view.fact(db.fact("replica_lag")).isPresent()) {
        out.add(
            metric(
                view,
                db.fact("replica_lag"),
                db.name() + " replica lag",
                t.get("HR-DB-006", "warning"),
                null,
                true,
                "M9",
                Metric.REPLICA_LAG));
      }
    }
    if (!view.primaries().isEmpty()) {
      Optional<Figure> qpr = view.fact("workload.queries_per_request");
      out.add(
          qpr.isPresent()
              ? graded(
                  "queries_per_request",
                  "database queries per request",
                  qpr.get(),
                  t.get("HR-DB-003", "warning"),
                  t.get("HR-DB-003", "critical"),
                  true,
                  "M2")
              : new HealthMetric(
                  "queries_per_request",
                  "database queries per request",
                  null,
                  HealthStatus.UNKNOWN,
                  t.get("HR-DB-003", "warning"),
                  t.get("HR-DB-003", "critical"),
                  true,
                  "M2",
                  "workload.queries_per_request (statements per request from APM or pg_stat_statements calls / requests)"));
    }
    for (Component c : view.spec().components(ComponentKind.CACHE)) {
      out.add(
          metric(
              view,
              c.fact("hit_ratio"),
              c.name() + " hit ratio",
              t.get("HR-CACHE-001", "warning"),
              null,
              false,
              "M7",
              Metric.HIT_RATIO));
    }
    for (Component c : view.spec().components(ComponentKind.CDN)) {
      out.add(
          metric(
              view,
              c.fact("hit_ratio"),
              c.name() + " hit ratio",
              t.get("HR-CACHE-006", "warning"),
              null,
              false,
              "M7",
              Metric.HIT_RATIO));
    }
    return new Health(out, slowRequests(view));
  }

  private static void latency(
      SystemView view,
      List<HealthMetric> out,
      String key,
      String label,
      double dflt,
      Figure critical,
      String knowledge,
      String note) {
    Figure target =
        view.fact("slo." + key).orElse(assumed(dflt, Dimension.DURATION, knowledge, note));
    out.add(
        metric(
            view, key, label, target, critical, true, knowledge, Metric.system(key).orElseThrow()));
  }

  private static HealthMetric metric(
      SystemView view,
      String key,
      String label,
      Figure target,
      Figure critical,
      boolean lowerIsBetter,
      String knowledge,
      Metric metric) {
    Optional<Figure> v = view.fact(key);
    if (v.isEmpty()) {
      return new HealthMetric(
          key,
          label,
          null,
          HealthStatus.UNKNOWN,
          target,
          critical,
          lowerIsBetter,
          knowledge,
          view.facts().notCarried().contains(key)
              ? "at this load (measured today; no law predicts it): give the tier a load-test"
                  + " fit (capacity: { from: … }) or load-test at that rate"
              : "observations." + key + ": " + metric.howToMeasure());
    }
    return graded(key, label, v.get(), target, critical, lowerIsBetter, knowledge);
  }

  /**
   * ok within the target; with a critical level, warning between target and that level and critical
   * beyond; without one, beyond the target is a warning for defaults and critical for the user's
   * own SLO (a broken promise).
   */
  static HealthMetric graded(
      String key,
      String label,
      Figure value,
      Figure target,
      Figure critical,
      boolean lowerIsBetter,
      String knowledge) {
    double v = value.value();
    boolean beyondTarget = lowerIsBetter ? v > target.value() : v < target.value();
    HealthStatus status;
    if (!beyondTarget) {
      status = HealthStatus.OK;
    } else if (critical != null) {
      boolean beyondCritical = lowerIsBetter ? v > critical.value() : v < critical.value();
      status = beyondCritical ? HealthStatus.CRITICAL : HealthStatus.WARNING;
    } else {
      status = isSlo(target) ? HealthStatus.CRITICAL : HealthStatus.WARNING;
    }
    return new HealthMetric(
        key, label, value, status, target, critical, lowerIsBetter, knowledge, "");
  }

  /**
   * Whether a target is one of the system file's SLOs (a promise), not a default or a threshold
   * override.
   */
  private static boolean isSlo(Figure target) {
    return target.provenance() instanceof Provenance.Declared d && d.source().contains(" slo.");
  }

  private static List<SlowRequests> slowRequests(SystemView view) {
    Optional<Figure> rps = view.peakRps();
    if (rps.isEmpty()) {
      return List.of();
    }
    List<SlowRequests> out = new ArrayList<>();
    String[][] ps = {{"p50", "0.50"}, {"p95", "0.95"}, {"p99", "0.99"}};
    for (String[] p : ps) {
      double q = Double.parseDouble(p[1]);
      double slow = (1 - q) * rps.get().value();
      Figure latency = view.fact("latency_" + p[0]).orElse(null);
      out.add(
          new SlowRequests(
              p[0],
              latency,
              new Figure(
                  slow,
                  Dimension.RATE,
                  new Provenance.Derived(
                      "(1 - " + p[1] + ") x request rate (M6)",
                      List.of("request rate = " + rps.get().withKind())))));
    }
    return out;
  }

  private static Figure assumed(double v, Dimension d, String k, String note) {
    return new Figure(v, d, new Provenance.Assumed(k, note));
  }
}
