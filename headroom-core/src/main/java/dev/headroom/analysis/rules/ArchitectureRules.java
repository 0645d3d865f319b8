package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.stage.Stage;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rules about the shape of the system: premature moves, monitoring, async work, growth. */
final class ArchitectureRules {

  private ArchitectureRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-ARCH-001",
            Layer.ARCHITECTURE,
            "Microservices before the scale that needs them",
            "Splitting into services trades simple calls for network calls, distributed data and operations work;"
                + " it pays at large scale, not at the startup or growth stage.",
            List.of("S4", "P14", "P17", "S1"),
            List.of(
                new Threshold(
                    "services",
                    Dimension.COUNT,
                    3,
                    "P14",
                    "headroom's level: three or more app services")),
            List.of("app components (their service names)", "the stage"),
            List.of("avoid-premature-microservices"),
            ArchitectureRules::microservices),
        new Rule(
            "HR-ARCH-002",
            Layer.ARCHITECTURE,
            "Sharded before replicas and caching",
            "Sharding is the last step of the database ladder (indexes, replicas, then sharding) and the hardest to"
                + " undo; replicas and a cache come first.",
            List.of("P9", "X1", "S4"),
            List.of(),
            List.of("<db>.shards", "replicas and caches in the system file"),
            List.of("avoid-premature-sharding", "add-read-replicas", "add-app-cache"),
            ArchitectureRules::shardedEarly),
        new Rule(
            "HR-ARCH-003",
            Layer.ARCHITECTURE,
            "Several regions without a geographic need",
            "Running in several regions buys latency for distant users, residency or regional failover; without"
                + " those needs it only adds cross-region replication and consistency problems.",
            List.of("S4", "S7", "P15"),
            List.of(),
            List.of("component regions", "workload.user_regions", "workload.data_residency"),
            List.of("avoid-premature-multi-region"),
            ArchitectureRules::multiRegion),
        new Rule(
            "HR-ARCH-004",
            Layer.ARCHITECTURE,
            "No monitoring evidence",
            "Without latency and error measurements nobody can tell what limits the system or whether a change"
                + " helped; monitoring comes first.",
            List.of("P17", "S4", "M5", "D1"),
            List.of(),
            List.of("latency_p95", "error_rate"),
            List.of("add-monitoring"),
            ArchitectureRules::monitoring),
        new Rule(
            "HR-ARCH-005",
            Layer.ARCHITECTURE,
            "Background work without a queue",
            "Work that does not have to finish inside the request (emails, exports, webhooks) belongs on a queue"
                + " with workers, off the request path.",
            List.of("P12", "X1"),
            List.of(),
            List.of("workload.job_rate", "queue or worker components"),
            List.of("add-job-queue"),
            ArchitectureRules::noQueue),
        new Rule(
            "HR-ARCH-006",
            Layer.ARCHITECTURE,
            "Growth faster than 50% a month",
            "At over 50% growth a month, capacity added by hand falls behind: plan horizontal scaling and a CDN.",
            List.of("X2"),
            List.of(
                new Threshold(
                    "warning", Dimension.GROWTH_RATE, 0.50, "X2", "growth over 50% a month")),
            List.of("workload.growth"),
            List.of("scale-horizontally", "add-autoscaling", "add-cdn"),
            ArchitectureRules::fastGrowth),
        new Rule(
            "HR-ARCH-007",
            Layer.ARCHITECTURE,
            "Single database with high availability promised",
            "A single database server is a single point of failure; at 99.9% and above a standby or replica to"
                + " fail over to is needed.",
            List.of("$3", "P8", "P16"),
            List.of(new Threshold("availability", Dimension.RATIO, 0.999, "$3", "99.9% and above")),
            List.of("slo.availability", "replicas of the primary"),
            List.of("add-read-replicas"),
            ArchitectureRules::singleDatabase),
        new Rule(
            "HR-ARCH-008",
            Layer.ARCHITECTURE,
            "A declared requirement one region cannot meet",
            "Data-residency rules keep some users' data in their region, and 99.99% availability needs to survive"
                + " the loss of a region: neither is met by a system that runs in one region, whatever its load.",
            List.of("S7", "P15", "P9", "$3"),
            List.of(
                new Threshold(
                    "availability",
                    Dimension.RATIO,
                    0.9999,
                    "$3",
                    "99.99% and above needs redundancy beyond one failure domain")),
            List.of("workload.data_residency", "slo.availability", "component regions"),
            List.of("multi-region"),
            ArchitectureRules::regionalRequirement));
  }

  /**
   * A declared requirement (not a measurement) that calls for several regions (S7). The stage shows
   * it as a fired trigger without moving on it; this rule is what acts on it.
   */
  private static void regionalRequirement(RuleContext ctx) {
    int regions = ctx.view().serverRegions().size();
    if (regions > 1) {
      return;
    }
    List<Evidence> ev = new ArrayList<>();
    List<String> why = new ArrayList<>();
    if (ctx.view().spec().dataResidency()) {
      ev.add(
          new Evidence(
              "workload.data_residency",
              new Figure(
                  1,
                  Dimension.COUNT,
                  new Provenance.Declared(
                      ctx.view().spec().source() + " workload.data_residency = true"))));
      why.add("data residency is required (keep each region's data there: P15, P9 geographic)");
    }
    Figure fourNines = ctx.threshold("availability");
    Optional<Figure> a = ctx.declared("slo.availability");
    if (a.isPresent() && a.get().value() >= fourNines.value()) {
      ev.add(new Evidence("slo.availability", a.get()));
      ev.add(new Evidence("one region survives no regional outage from", fourNines));
      why.add(a.get().formatted() + " availability is promised ($3)");
    }
    if (ev.isEmpty()) {
      return;
    }
    ev.add(
        new Evidence(
            "server regions",
            new Figure(
                regions,
                Dimension.COUNT,
                new Provenance.Derived(
                    "distinct component regions",
                    List.of(
                        regions == 0
                            ? "no component declares a region"
                            : String.join(", ", ctx.view().serverRegions()))))));
    ctx.finding(
        Severity.WARNING,
        null,
        String.join(" and ", why)
            + ", but everything runs in "
            + (regions == 0 ? "one (undeclared) region" : "one region")
            + ": plan a second region (active-passive first, P15).",
        ev,
        List.of("multi-region"));
  }

  private static void microservices(RuleContext ctx) {
    int services = ctx.view().services().size();
    Stage stage = ctx.stage().stage();
    if (services < ctx.threshold("services").value() || stage.ordinal() > Stage.GROWTH.ordinal()) {
      return;
    }
    Figure n =
        new Figure(
            services,
            Dimension.COUNT,
            new Provenance.Derived(
                "distinct app services", List.of(String.join(", ", ctx.view().services()))));
    List<Evidence> ev = new ArrayList<>(List.of(new Evidence("app services", n)));
    ctx.declared("workload.active_users").ifPresent(u -> ev.add(new Evidence("monthly users", u)));
    ctx.finding(
        Severity.WARNING,
        null,
        services
            + " app services at the "
            + stage.id()
            + " stage: microservices pay off at large scale (10M+ users in one source, the scale stage at the"
            + " earliest); a modular monolith is cheaper to run and change now.",
        ev,
        List.of("avoid-premature-microservices"));
  }

  private static void shardedEarly(RuleContext ctx) {
    for (Component db : ctx.view().primaries()) {
      Optional<Figure> shards = ctx.declared(db, "shards");
      if (shards.isEmpty() || shards.get().value() <= 1) {
        continue;
      }
      boolean replicas = ctx.view().replicaCount(db) > 0;
      boolean cache = ctx.view().has(ComponentKind.CACHE);
      if (replicas && cache) {
        continue;
      }
      ctx.finding(
          Severity.WARNING,
          db,
          db.name()
              + " is split into "
              + shards.get().formatted()
              + " shards with "
              + (replicas ? "" : "no read replicas")
              + (!replicas && !cache ? " and " : "")
              + (cache ? "" : "no cache")
              + ".",
          List.of(new Evidence(db.fact("shards"), shards.get())),
          List.of("avoid-premature-sharding", replicas ? "add-app-cache" : "add-read-replicas"));
    }
  }

  private static void multiRegion(RuleContext ctx) {
    int serverRegions = ctx.view().serverRegions().size();
    if (serverRegions < 2) {
      return;
    }
    int userRegions = ctx.view().userRegions().size();
    if (userRegions >= 2 || ctx.view().spec().dataResidency()) {
      return;
    }
    Figure fourNines = ctx.threshold("HR-ARCH-008", "availability");
    if (ctx.declared("slo.availability").map(a -> a.value() >= fourNines.value()).orElse(false)) {
      return;
    }
    ctx.finding(
        Severity.WARNING,
        null,
        "Components run in "
            + serverRegions
            + " regions ("
            + String.join(", ", ctx.view().serverRegions())
            + ") but users are in "
            + (userRegions == 0 ? "an undeclared place" : "one region")
            + ", nothing requires residency and no"
            + " availability above 99.99% is promised.",
        List.of(
            new Evidence(
                "server regions",
                new Figure(
                    serverRegions,
                    Dimension.COUNT,
                    new Provenance.Derived(
                        "distinct component regions",
                        List.of(String.join(", ", ctx.view().serverRegions())))))),
        List.of("avoid-premature-multi-region"));
  }

  private static void monitoring(RuleContext ctx) {
    // measured today but not carried to a projected load still counts: monitoring exists
    java.util.Set<String> today = ctx.view().facts().notCarried();
    boolean latency =
        ctx.measured(Metric.LATENCY_P95).isPresent()
            || ctx.measured(Metric.LATENCY_P99).isPresent()
            || today.contains(Metric.LATENCY_P95.key())
            || today.contains(Metric.LATENCY_P99.key());
    boolean errors =
        ctx.measured(Metric.ERROR_RATE).isPresent() || today.contains(Metric.ERROR_RATE.key());
    if (latency && errors) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (!latency) {
      missing.add("latency_p95");
    }
    if (!errors) {
      missing.add("error_rate");
    }
    ctx.finding(
        latency || errors ? Severity.INFO : Severity.WARNING,
        null,
        "No measurement of "
            + String.join(" or ", missing)
            + " was given: the checks against the SLOs are"
            + " incomplete, and nobody will see whether a change helped.",
        List.of(),
        List.of("add-monitoring"));
  }

  private static void noQueue(RuleContext ctx) {
    Optional<Figure> jobs = ctx.declared("workload.job_rate");
    if (jobs.isEmpty() || jobs.get().value() <= 0) {
      return;
    }
    if (ctx.view().has(ComponentKind.QUEUE) || ctx.view().has(ComponentKind.WORKER)) {
      return;
    }
    ctx.finding(
        Severity.WARNING,
        null,
        jobs.get().formatted()
            + " background jobs run with no queue or worker listed: they run inside requests.",
        List.of(new Evidence("workload.job_rate", jobs.get())),
        List.of("add-job-queue"));
  }

  private static void fastGrowth(RuleContext ctx) {
    Optional<Figure> g = ctx.declared("workload.growth");
    if (g.isEmpty()) {
      return;
    }
    Figure t = ctx.threshold("warning");
    if (g.get().value() > t.value()) {
      List<String> actions = new ArrayList<>(List.of("scale-horizontally", "add-autoscaling"));
      if (!ctx.view().has(ComponentKind.CDN)) {
        actions.add("add-cdn");
      }
      ctx.finding(
          Severity.WARNING,
          null,
          "Traffic grows " + g.get().formatted() + ".",
          List.of(new Evidence("workload.growth", g.get()), new Evidence("threshold", t)),
          actions);
    }
  }

  private static void singleDatabase(RuleContext ctx) {
    Optional<Figure> a = ctx.declared("slo.availability");
    if (a.isEmpty() || a.get().value() < ctx.threshold("availability").value()) {
      return;
    }
    for (Component db : ctx.view().primaries()) {
      if (ctx.view().replicaCount(db) > 0 || ctx.view().spec().instances(db) > 1) {
        continue;
      }
      ctx.finding(
          Severity.WARNING,
          db,
          db.name()
              + " has no replica to fail over to while "
              + a.get().formatted()
              + " availability is promised.",
          List.of(new Evidence("slo.availability", a.get())),
          List.of("add-read-replicas"));
    }
  }
}
