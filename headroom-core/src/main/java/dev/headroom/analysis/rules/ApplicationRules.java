package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.RuleContext.above;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about application servers and workers. */
final class ApplicationRules {

  private ApplicationRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-APP-001",
            Layer.APPLICATION,
            "Application CPU is high",
            "Servers above 70% CPU have little room for peaks; sustained over 80% they need more capacity: a bigger"
                + " machine while it stays cheap, then more machines.",
            List.of("M3", "X1", "X2", "D5", "$4"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.70, "M3", "CPU target 70%"),
                new Threshold("critical", Dimension.RATIO, 0.85, "M3", "CPU warning level 85%")),
            List.of("<app>.cpu"),
            List.of("scale-vertically", "scale-horizontally"),
            ApplicationRules::cpu),
        new Rule(
            "HR-APP-002",
            Layer.APPLICATION,
            "Application memory is high",
            "Memory above 80% is an autoscaling trigger; above 90% the next spike swaps or kills the process. Add"
                + " memory first; if it keeps growing, look for a leak.",
            List.of("X1", "X2", "P13"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.80, "P13", "memory above 80%"),
                new Threshold("critical", Dimension.RATIO, 0.90, "X2", "memory above 90%")),
            List.of("<app>.memory_used"),
            List.of("scale-vertically", "fix-memory-leaks"),
            ApplicationRules::memory),
        new Rule(
            "HR-APP-003",
            Layer.APPLICATION,
            "Memory grows steadily",
            "Memory that keeps growing under steady load is a leak: more RAM only delays the crash (X1: more RAM,"
                + " then fix leaks).",
            List.of("X1"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.GROWTH_RATE,
                    0.10,
                    "X1",
                    "headroom's level: steady growth above 10%/month under steady load")),
            List.of("<app>.memory_growth"),
            List.of("fix-memory-leaks"),
            ApplicationRules::memoryGrowth),
        new Rule(
            "HR-APP-004",
            Layer.APPLICATION,
            "Sticky sessions",
            "Pinning users to servers undoes horizontal scaling: load spreads unevenly and a lost server loses its"
                + " sessions. Keep servers stateless with an external session store.",
            List.of("P3", "P17", "P2"),
            List.of(),
            List.of("load balancer sticky_sessions or app sessions"),
            List.of("avoid-sticky-sessions", "stateless-sessions"),
            ApplicationRules::sticky),
        new Rule(
            "HR-APP-005",
            Layer.APPLICATION,
            "A single application instance",
            "One instance is a single point of failure and cannot take a peak; two or more behind a load balancer"
                + " are the first step of horizontal scaling.",
            List.of("P1", "P2", "$3"),
            List.of(
                new Threshold(
                    "availability",
                    Dimension.RATIO,
                    0.999,
                    "$3",
                    "99.9% and above needs more than one instance")),
            List.of("<app>.instances", "slo.availability or the stage"),
            List.of("scale-horizontally", "add-load-balancer"),
            ApplicationRules::singleInstance),
        new Rule(
            "HR-APP-006",
            Layer.APPLICATION,
            "Traffic spikes without autoscaling",
            "When peaks are several times the average, fixed capacity is either wasted most of the day or short at"
                + " peak; scale horizontally on a schedule or on CPU (target 70%).",
            List.of("X2", "P13"),
            List.of(
                new Threshold(
                    "spike",
                    Dimension.MULTIPLIER,
                    3,
                    "X2",
                    "headroom's level: peak at least three times the daily average (a plain day/night cycle is about"
                        + " twice)")),
            List.of("peak_to_average (or workload.peak_rps and workload.average_rps)"),
            List.of("add-autoscaling"),
            ApplicationRules::spikes),
        new Rule(
            "HR-APP-007",
            Layer.APPLICATION,
            "Instances near their measured capacity",
            "At more than 70% of what the instances sustain, a peak or a lost instance pushes latency up; add"
                + " instances or autoscale.",
            List.of("C5", "C5.resolve", "P13"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.70, "P13", "target utilisation 70%"),
                new Threshold(
                    "critical", Dimension.RATIO, 0.90, "P13", "no headroom left above 90%")),
            List.of("<app>.max_rps_per_instance (measured)", "peak request rate"),
            List.of("scale-horizontally", "add-autoscaling"),
            ApplicationRules::nearCapacity),
        new Rule(
            "HR-APP-008",
            Layer.APPLICATION,
            "Requests wait for database connections",
            "With a pool, getting a connection takes 1-5 ms; longer waits mean the pool is too small for the load"
                + " or connections are held too long.",
            List.of("C6", "P11", "D3"),
            List.of(
                new Threshold(
                    "warning", Dimension.DURATION, 0.005, "C6", "pooled acquisition takes 1-5 ms")),
            List.of("<app>.pool_wait"),
            List.of("resize-pools", "add-connection-pooler", "optimize-queries"),
            ApplicationRules::poolWait),
        new Rule(
            "HR-APP-009",
            Layer.APPLICATION,
            "Response time over 2 s",
            "Above 2 s the cause is almost always code or queries (N+1, missing indexes), not capacity: optimise"
                + " first, measure where the time goes (tracing), then scale.",
            List.of("X2", "X3", "D1", "M1"),
            List.of(
                new Threshold("critical", Dimension.DURATION, 2.0, "X2", "response time over 2 s")),
            List.of("latency_p95"),
            List.of("optimize-queries", "fix-n-plus-one", "add-indexes", "add-monitoring"),
            ApplicationRules::slowResponses),
        new Rule(
            "HR-APP-010",
            Layer.APPLICATION,
            "Response time above target",
            "Pages slower than the p95 target (your SLO, else 500 ms) are the slow-pages symptom: cache hot reads"
                + " first, then serve from a CDN, and only then move logic to the edge. Above 2 s, optimise the code"
                + " first (HR-APP-009, X2).",
            List.of("M1", "X1", "S5", "P6"),
            List.of(
                new Threshold(
                    "critical",
                    Dimension.DURATION,
                    SystemView.M1_P95_WARNING,
                    "M1",
                    "p95 warning level above 1 s: critical from there")),
            List.of("latency_p95", "slo.latency_p95 (else M1's 500 ms)"),
            List.of("add-app-cache", "add-cdn", "edge-compute", "scale-horizontally"),
            ApplicationRules::aboveTarget));
  }

  /**
   * X1's slow-pages ladder for any p95 above its target, which before this rule reached no ladder
   * until HR-APP-009's 2 s: the first step not yet in place (a cache, then a CDN), or edge compute
   * when both are. Above 2 s the ladder comes after optimising (X2, HR-APP-009, which the plan
   * orders first). When servers past HR-APP-001's critical CPU already show where the time goes
   * (D1), more instances come first (X2) and a cache would not relieve them. The finding stays a
   * warning whatever the latency: slow pages are a symptom, and the measured causes carry their own
   * severity.
   */
  private static void aboveTarget(RuleContext ctx) {
    Optional<Figure> p95 = ctx.measured(Metric.LATENCY_P95);
    if (p95.isEmpty()) {
      return; // HR-APP-009 lists latency_p95 as not evaluated
    }
    Figure target = ctx.view().p95Target();
    if (p95.get().value() <= target.value()) {
      return;
    }
    Figure m1 = ctx.threshold("critical");
    boolean pastM1 = p95.get().value() > m1.value();
    List<Evidence> ev =
        new ArrayList<>(
            List.of(new Evidence("latency_p95", p95.get()), new Evidence("p95 target", target)));
    if (pastM1) {
      ev.add(new Evidence("M1 warning level", m1));
    }
    Figure saturatedAt = ctx.threshold("HR-APP-001", "critical");
    Optional<Component> saturated =
        compute(ctx).stream()
            .filter(
                c ->
                    ctx.measured(c, Metric.CPU)
                        .map(cpu -> cpu.value() > saturatedAt.value())
                        .orElse(false))
            .findFirst();
    List<String> actions = new ArrayList<>();
    String why;
    if (saturated.isPresent()) {
      Component c = saturated.get();
      Figure cpu = ctx.measured(c, Metric.CPU).orElseThrow();
      ev.add(new Evidence(c.fact("cpu"), cpu));
      ev.add(new Evidence("saturated above", saturatedAt));
      actions.add("scale-horizontally");
      why =
          c.name()
              + " at "
              + cpu.formatted()
              + " CPU shows where the time goes (D1): more instances first (X2), then measure"
              + " again before the slow-pages ladder (X1)";
    } else {
      if (!ctx.view().has(ComponentKind.CACHE)) {
        actions.add("add-app-cache");
      }
      if (!ctx.view().has(ComponentKind.CDN)) {
        actions.add("add-cdn");
      }
      if (actions.isEmpty()) {
        actions.add("edge-compute");
      }
      Figure optimiseFirst = ctx.threshold("HR-APP-009", "critical");
      why =
          "slow pages, whose ladder is a cache, then a CDN, then edge compute (X1)"
              + (p95.get().value() > optimiseFirst.value()
                  ? ", after optimising the code (over " + optimiseFirst.formatted() + ", X2)"
                  : "");
    }
    ctx.finding(
        Severity.WARNING,
        null,
        "p95 response time is "
            + p95.get().formatted()
            + " against a target of "
            + target.formatted()
            + (pastM1 ? ", past M1's " + m1.formatted() + " warning level" : "")
            + ": "
            + why
            + ".",
        ev,
        actions);
  }

  private static List<Component> compute(RuleContext ctx) {
    List<Component> out = new ArrayList<>(ctx.view().spec().components(ComponentKind.APP));
    out.addAll(ctx.view().spec().components(ComponentKind.WORKER));
    return out;
  }

  private static void cpu(RuleContext ctx) {
    for (Component c : compute(ctx)) {
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("cpu"));
      if (f.isEmpty()) {
        continue;
      }
      Figure cpu = f.get().get(c.fact("cpu"));
      Optional<Severity> sev =
          above(cpu.value(), ctx.threshold("warning").value(), ctx.threshold("critical").value());
      if (sev.isEmpty()) {
        continue;
      }
      List<String> actions = new ArrayList<>();
      String how;
      List<Evidence> ev = new ArrayList<>(List.of(new Evidence(c.fact("cpu"), cpu)));
      Optional<Figure> declared = ctx.declared(c, "instances");
      Optional<Figure> price = ctx.declared(c, "cost");
      Figure limit = ctx.threshold(Settings.OWNER, "vertical_limit");
      if (declared.isEmpty()) {
        // the reader's default of one instance is not a description: the choice stays open
        actions.add("scale-vertically");
        actions.add("scale-horizontally");
        how =
            "how many instances run is not declared (declare instances): on one machine under about "
                + limit.formatted()
                + " a bigger machine comes first (D5, $4), otherwise more machines";
      } else {
        double instances = declared.get().value();
        ev.add(new Evidence("instances", declared.get()));
        // a bigger machine is the next size of its family: about twice the price paid now
        boolean cheap = price.map(p -> p.value() * 2 <= limit.value()).orElse(true);
        if (instances == 1 && cheap) {
          actions.add("scale-vertically");
          actions.add("scale-horizontally");
          how =
              "a bigger machine is the cheapest first step while it stays under about "
                  + limit.formatted()
                  + " (D5, $4), then more machines";
        } else {
          actions.add("scale-horizontally");
          how = "add instances behind the load balancer (X1, X2)";
        }
      }
      ctx.finding(
          sev.get(),
          c,
          c.name() + " runs at " + cpu.formatted() + " CPU; " + how + ".",
          ev,
          actions);
    }
  }

  private static void memory(RuleContext ctx) {
    for (Component c : compute(ctx)) {
      Optional<Map<String, Figure>> f = ctx.require(c, c.fact("memory_used"));
      if (f.isEmpty()) {
        continue;
      }
      Figure mem = f.get().get(c.fact("memory_used"));
      Optional<Severity> sev =
          above(mem.value(), ctx.threshold("warning").value(), ctx.threshold("critical").value());
      if (sev.isEmpty()) {
        continue;
      }
      // X1: more RAM, then fix leaks. A leak is ruled out only by a measured growth at or below
      // HR-APP-003's level; without that trend, checking for one is part of the advice
      List<Evidence> ev = new ArrayList<>(List.of(new Evidence(c.fact("memory_used"), mem)));
      Optional<Figure> growth = ctx.measured(c, Metric.MEMORY_GROWTH);
      Figure leakLevel = ctx.threshold("HR-APP-003", "warning");
      List<String> actions = new ArrayList<>(List.of("scale-vertically"));
      String leak;
      if (growth.isEmpty()) {
        actions.add("fix-memory-leaks");
        leak =
            " Add memory first; whether it keeps growing (a leak) is not measured: check "
                + c.fact("memory_growth")
                + " (X1).";
      } else {
        ev.add(new Evidence(c.fact("memory_growth"), growth.get()));
        if (growth.get().value() > leakLevel.value()) {
          actions.add("fix-memory-leaks");
          leak = " It grows " + growth.get().formatted() + ": more memory only delays a leak (X1).";
        } else {
          leak = " It grows " + growth.get().formatted() + ", no sign of a leak.";
        }
      }
      ctx.finding(
          sev.get(),
          c,
          c.name() + " uses " + mem.formatted() + " of its memory." + leak,
          ev,
          actions);
    }
  }

  private static void memoryGrowth(RuleContext ctx) {
    for (Component c : compute(ctx)) {
      Optional<Figure> g = ctx.measured(c, Metric.MEMORY_GROWTH);
      if (g.isEmpty()) {
        // an optional deeper check, needed once memory is under pressure (HR-APP-002's level)
        boolean pressure =
            ctx.measured(c, Metric.MEMORY)
                .map(m -> m.value() > ctx.threshold("HR-APP-002", "warning").value())
                .orElse(false);
        if (pressure) {
          ctx.notEvaluated(
              c, List.of(c.fact("memory_growth")), List.of(ctx.howTo(c.fact("memory_growth"))));
        }
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (g.get().value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            c.name() + "'s memory grows " + g.get().formatted() + " under steady load: a leak.",
            List.of(new Evidence(c.fact("memory_growth"), g.get()), new Evidence("threshold", t)),
            List.of("fix-memory-leaks"));
      }
    }
  }

  private static void sticky(RuleContext ctx) {
    List<Evidence> ev = new ArrayList<>();
    for (Component lb : ctx.view().spec().components(ComponentKind.LOAD_BALANCER)) {
      if (lb.flag("sticky_sessions")
          || lb.setting("algorithm").filter("ip_hash"::equals).isPresent()) {
        ev.add(
            new Evidence(
                lb.name() + (lb.flag("sticky_sessions") ? ".sticky_sessions" : ".algorithm"),
                new Figure(
                    1,
                    Dimension.COUNT,
                    new Provenance.Declared(
                        lb.location()
                            + " "
                            + lb.name()
                            + (lb.flag("sticky_sessions")
                                ? ".sticky_sessions = true"
                                : ".algorithm = ip_hash")))));
      }
    }
    for (Component app : ctx.view().spec().components(ComponentKind.APP)) {
      String s = app.setting("sessions").orElse("");
      if (s.equals("sticky") || s.equals("local")) {
        ev.add(
            new Evidence(
                app.name() + ".sessions",
                new Figure(
                    1,
                    Dimension.COUNT,
                    new Provenance.Declared(
                        app.location() + " " + app.name() + ".sessions = " + s))));
      }
    }
    if (!ev.isEmpty()) {
      ctx.finding(
          Severity.WARNING,
          null,
          "Sessions are pinned to servers; horizontal scaling will spread load unevenly and lose sessions when a"
              + " server goes.",
          ev,
          List.of("avoid-sticky-sessions", "stateless-sessions"));
    }
  }

  private static void singleInstance(RuleContext ctx) {
    Optional<Figure> availability = ctx.declared("slo.availability");
    boolean beyondStartup = ctx.stage().stage().ordinal() > 0;
    for (Component c : ctx.view().spec().components(ComponentKind.APP)) {
      Optional<Figure> declared = ctx.declared(c, "instances");
      Optional<Figure> minimum = ctx.declared(c, "autoscaling.min");
      if (declared.map(n -> n.value() > 1).orElse(false)
          || minimum.map(m -> m.value() > 1).orElse(false)) {
        continue;
      }
      boolean needsHa =
          availability.map(a -> a.value() >= ctx.threshold("availability").value()).orElse(false);
      if (!needsHa && !beyondStartup) {
        continue;
      }
      if (declared.isEmpty() && minimum.isEmpty()) {
        // the reader's default of one instance is an assumption, not a description: a rule that
        // puts a load balancer and scale-out at the top of the plan must not fire on it
        ctx.notEvaluated(c, List.of(c.fact("instances")), List.of(ctx.howTo(c.fact("instances"))));
        continue;
      }
      String key = declared.isPresent() ? c.fact("instances") : c.fact("autoscaling.min");
      List<Evidence> ev = new ArrayList<>();
      ev.add(new Evidence(key, declared.or(() -> minimum).orElseThrow()));
      availability.ifPresent(a -> ev.add(new Evidence("slo.availability", a)));
      List<String> actions = new ArrayList<>(List.of("scale-horizontally"));
      if (ctx.view().spec().components(ComponentKind.LOAD_BALANCER).isEmpty()) {
        actions.add("add-load-balancer");
      }
      ctx.finding(
          Severity.WARNING,
          c,
          c.name()
              + (declared.isPresent()
                  ? " runs as a single instance"
                  : " may scale down to a single instance")
              + (needsHa
                  ? " while " + availability.get().formatted() + " availability is promised"
                  : " at the " + ctx.stage().stage().id() + " stage")
              + ".",
          ev,
          actions);
    }
  }

  private static void spikes(RuleContext ctx) {
    if (!ctx.view().has(ComponentKind.APP)) {
      return; // nothing could autoscale: the ratio is not worth asking for
    }
    Optional<Figure> ratio = ctx.view().peakToAverage();
    if (ratio.isEmpty()) {
      ctx.notEvaluated(
          null,
          List.of("peak_to_average"),
          List.of(
              ctx.howTo("peak_to_average")
                  + "; or declare workload.peak_rps and workload.average_rps"));
      return;
    }
    Figure t = ctx.threshold("spike");
    if (ratio.get().value() < t.value() || ctx.stage().stage().ordinal() == 0) {
      return; // at the startup stage one instance with headroom beats autoscaling machinery (S4,
      // X4)
    }
    for (Component c : ctx.view().spec().components(ComponentKind.APP)) {
      if (ctx.declared(c, "autoscaling.max").isPresent()) {
        continue;
      }
      ctx.finding(
          Severity.WARNING,
          c,
          "Peaks are "
              + ratio.get().formatted()
              + " the average and "
              + c.name()
              + " does not autoscale.",
          List.of(new Evidence("peak to average", ratio.get()), new Evidence("threshold", t)),
          List.of("add-autoscaling"));
    }
  }

  private static void nearCapacity(RuleContext ctx) {
    Optional<Figure> peak = ctx.view().peakRps();
    List<Component> apps = ctx.view().spec().components(ComponentKind.APP);
    if (apps.isEmpty()) {
      return;
    }
    Component c = apps.get(0);
    // a zero capacity reading measures nothing to compare the load with: not evaluated
    Optional<Figure> cap = ctx.measured(c, Metric.MAX_RPS_PER_INSTANCE).filter(m -> m.value() > 0);
    // the utilisation divides by the instance count: the reader's default of one would overstate
    // it, so an undeclared count leaves the rule not evaluated
    Optional<Figure> declared = ctx.declared(c, "instances");
    if (peak.isEmpty() || cap.isEmpty() || declared.isEmpty()) {
      List<String> needs = new ArrayList<>();
      List<String> how = new ArrayList<>();
      if (cap.isEmpty()) {
        needs.add(c.fact("max_rps_per_instance"));
        how.add(ctx.howTo(c.fact("max_rps_per_instance")));
      }
      if (peak.isEmpty()) {
        needs.add("workload.peak_rps");
        how.add(ctx.howTo("workload.peak_rps"));
      }
      if (declared.isEmpty()) {
        needs.add(c.fact("instances"));
        how.add(ctx.howTo(c.fact("instances")));
      }
      ctx.notEvaluated(c, needs, how);
      return;
    }
    double instances = declared.get().value();
    double share = peak.get().value() / (instances * cap.get().value());
    Optional<Severity> sev =
        above(share, ctx.threshold("warning").value(), ctx.threshold("critical").value());
    sev.ifPresent(
        s ->
            ctx.finding(
                s,
                c,
                "At peak "
                    + c.name()
                    + " runs at "
                    + Units.format(share * 100, 3)
                    + "% of what its "
                    + Units.format(instances, 6)
                    + " instance(s) sustain.",
                List.of(
                    new Evidence("peak request rate", peak.get()),
                    new Evidence(c.fact("max_rps_per_instance"), cap.get()),
                    new Evidence(
                        "utilisation",
                        new Figure(
                            share,
                            Dimension.RATIO,
                            new Provenance.Derived(
                                "peak / (instances x capacity per instance)",
                                List.of("instances = " + Units.format(instances, 6)))))),
                List.of("scale-horizontally", "add-autoscaling")));
  }

  private static void poolWait(RuleContext ctx) {
    for (Component c : compute(ctx)) {
      Optional<Figure> w = ctx.measured(c, Metric.POOL_WAIT);
      if (w.isEmpty()) {
        continue; // optional: HR-DB-002 and HR-DB-009 cover pools without this measurement
      }
      Figure t = ctx.threshold("warning");
      if (w.get().value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            c,
            "Requests on "
                + c.name()
                + " wait "
                + w.get().formatted()
                + " for a database connection (1-5 ms is normal with a pool).",
            List.of(new Evidence(c.fact("pool_wait"), w.get()), new Evidence("threshold", t)),
            List.of("resize-pools", "add-connection-pooler", "optimize-queries"));
      }
    }
  }

  private static void slowResponses(RuleContext ctx) {
    Optional<Map<String, Figure>> f = ctx.require(null, "latency_p95");
    if (f.isEmpty()) {
      return;
    }
    Figure p95 = f.get().get("latency_p95");
    Figure t = ctx.threshold("critical");
    if (p95.value() <= t.value()) {
      return;
    }
    List<String> actions = new ArrayList<>(List.of("optimize-queries"));
    double nPlusOne = ctx.threshold("HR-DB-003", "warning").value(); // M2's 10 queries
    if (ctx.declared("workload.queries_per_request").map(q -> q.value() > nPlusOne).orElse(false)) {
      actions.add(0, "fix-n-plus-one");
    }
    actions.add("add-indexes");
    ctx.finding(
        Severity.CRITICAL,
        null,
        "p95 response time is "
            + p95.formatted()
            + ": optimise before scaling (X2, X3), starting where tracing shows the time goes (D1).",
        List.of(new Evidence("latency_p95", p95), new Evidence("threshold", t)),
        actions);
  }
}
