package dev.headroom.analysis.stage;

import dev.headroom.analysis.SystemView;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a system on the growth ladders and decides its stage from the strongest evidence present
 * (S.resolve): measured load first ({@code observations.rps}), then the declared peak request
 * rate (S3), then monthly users (S1). When the measured exit triggers of that stage that call for
 * the next stage's architecture fire (database CPU, saturated servers, writes, replica lag,
 * geography), the measured bottlenecks outrank the load and the system is placed one stage up;
 * signals that call for optimisation instead (slow queries, degrading response times) are shown
 * but do not move the stage, because optimising comes before scaling (X3, X4).
 */
public final class StageAnalyzer {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final java.util.List<String> KNOWLEDGE =
      java.util.List.of("S1", "S2", "S3", "S.resolve", "S5", "S6", "S7", "M9", "D5", "$3");

  /** S5: database CPU above 70% means the single server is outgrown. */
  static final double S5_DB_CPU = 0.70;
  /** S5: single queries over 100 ms. */
  static final double S5_SLOW_QUERY = 0.100;
  /** S5 "resources maxed", read with M3's warning level: 85%. */
  static final double S5_RESOURCES_MAXED = 0.85;
  /** M9: replica lag above 1 s means replicas cannot keep up (S6). */
  static final double S6_REPLICA_LAG = 1.0;
  /** D5: writes at least half the operations makes a primary write-heavy (headroom's reading). */
  static final double WRITE_HEAVY_READ_RATIO = 0.50;

  private StageAnalyzer() {}

  public static StageAssessment assess(SystemView view) {
    List<Placement> ladders = placements(view);
    Optional<Figure> measuredRps = view.fact("rps");
    Stage base;
    String decidedBy;
    String because;
    if (measuredRps.isPresent()) {
      base = Stage.byRps(measuredRps.get().value());
      decidedBy = "measured load (S3)";
      because = "measured peak of " + measuredRps.get().formatted() + " on the requests-per-second ladder";
    } else if (view.fact("workload.peak_rps").isPresent()) {
      Figure rps = view.fact("workload.peak_rps").get();
      base = Stage.byRps(rps.value());
      decidedBy = "declared peak RPS (S3)";
      because = "declared peak of " + rps.formatted() + " on the requests-per-second ladder";
    } else if (view.fact("workload.active_users").isPresent()) {
      Figure users = view.fact("workload.active_users").get();
      base = Stage.byUsers(users.value());
      decidedBy = "monthly users (S1)";
      because = users.formatted() + " monthly users on the users ladder (a weak proxy: give peak_rps)";
    } else {
      base = Stage.STARTUP;
      decidedBy = "no load evidence";
      because = "neither observations.rps, workload.peak_rps nor workload.active_users is given; startup assumed";
    }
    Stage stage = base;
    List<Trigger> movedBy = new ArrayList<>();
    List<Trigger> exit = triggers(view, base);
    List<Trigger> capacityFired = exit.stream().filter(t -> t.status() == Trigger.Status.FIRED && t.capacity()).toList();
    if (!capacityFired.isEmpty() && base.next() != null) {
      stage = base.next();
      movedBy = exit.stream().filter(t -> t.status() == Trigger.Status.FIRED).toList();
      decidedBy = "measured bottlenecks (" + capacityFired.get(0).knowledge() + ")";
      because = because + " says " + base.id() + ", but measured triggers for leaving it fire ("
          + String.join("; ", capacityFired.stream().map(Trigger::description).toList()) + ")";
    }
    Stage next = stage.next();
    List<Trigger> nextTriggers = next == null ? List.of() : triggers(view, stage);
    String explanation = "Decided by " + decidedBy + ": " + because + ".";
    return new StageAssessment(stage, decidedBy, explanation, ladders, movedBy, next, nextTriggers);
  }

  private static List<Placement> placements(SystemView view) {
    List<Placement> out = new ArrayList<>();
    view.fact("workload.active_users").ifPresent(users -> {
      out.add(new Placement("users (four stages)", "S1", Stage.byUsers(users.value()).id(), Stage.byUsers(users.value()),
          users));
      out.add(new Placement("users (seven steps)", "S2", sevenSteps(users.value()), sevenStepsStage(users.value()),
          users));
    });
    Optional<Figure> rps = view.peakRps();
    rps.ifPresent(r -> out.add(new Placement("peak requests per second", "S3", rpsTier(r.value()),
        Stage.byRps(r.value()), r)));
    return out;
  }

  /** S2's seven steps by users. */
  static String sevenSteps(double users) {
    if (users < 1_000) {
      return "single server (1-1K users)";
    }
    if (users < 10_000) {
      return "vertical scaling (1K-10K)";
    }
    if (users < 100_000) {
      return "load balancing (10K-100K)";
    }
    if (users < 1_000_000) {
      return "database scaling (100K-1M)";
    }
    if (users < 10_000_000) {
      return "caching layers (1M-10M)";
    }
    if (users < 100_000_000) {
      return "microservices (10M-100M)";
    }
    return "global distribution (100M+)";
  }

  /** S2's steps on the canonical ladder: 1-2 startup, 3 growth, 4-5 scale, 6-7 enterprise. */
  static Stage sevenStepsStage(double users) {
    if (users < 10_000) {
      return Stage.STARTUP;
    }
    if (users < 100_000) {
      return Stage.GROWTH;
    }
    if (users < 10_000_000) {
      return Stage.SCALE;
    }
    return Stage.ENTERPRISE;
  }

  static String rpsTier(double rps) {
    if (rps < 100) {
      return "single server + CDN (<100 rps)";
    }
    if (rps < 1_000) {
      return "vertical + Redis (100-1K rps)";
    }
    if (rps < 10_000) {
      return "horizontal + load balancer + read replicas (1K-10K rps)";
    }
    if (rps < 100_000) {
      return "multi-region + sharding + queues (10K-100K rps)";
    }
    return "fully distributed (>100K rps)";
  }

  /** The triggers for leaving {@code stage}: S5, S6 or S7; none at the enterprise stage. */
  static List<Trigger> triggers(SystemView view, Stage stage) {
    return switch (stage) {
      case STARTUP -> startupExit(view);
      case GROWTH -> growthExit(view);
      case SCALE -> scaleExit(view);
      case ENTERPRISE -> List.of();
    };
  }

  private static List<Trigger> startupExit(SystemView view) {
    List<Trigger> out = new ArrayList<>();
    out.add(above("s5-db-cpu", "database CPU above 70%", "S5", view.max(ComponentKind.DATABASE, "cpu"),
        fixed(S5_DB_CPU, Dimension.RATIO, "S5", "database CPU consistently above 70%"), "a database's cpu observation",
        true));
    Figure p95Target = view.p95Target();
    out.add(above("s5-response-time", "p95 response time above its target", "S5", view.fact("latency_p95"), p95Target,
        "observations.latency_p95", false));
    out.add(above("s5-slow-queries", "single queries over 100 ms", "S5", view.max(ComponentKind.DATABASE, "slowest_query"),
        fixed(S5_SLOW_QUERY, Dimension.DURATION, "S5", "single queries over 100 ms"), "a database's slowest_query",
        false));
    Optional<Figure> maxed = view.max(ComponentKind.APP, "cpu");
    Optional<Figure> mem = view.max(ComponentKind.APP, "memory_used");
    if (mem.isPresent() && (maxed.isEmpty() || mem.get().value() > maxed.get().value())) {
      maxed = mem;
    }
    out.add(above("s5-resources-maxed", "server CPU or memory above 85%", "S5", maxed,
        fixed(S5_RESOURCES_MAXED, Dimension.RATIO, "M3", "resources maxed read as M3's 85% warning level"),
        "an app's cpu or memory_used", true));
    return out;
  }

  private static List<Trigger> growthExit(SystemView view) {
    List<Trigger> out = new ArrayList<>();
    // writes overwhelm the primary: write-heavy (D5) and the primary's CPU above 70% (S5's level)
    Optional<Figure> dbCpu = view.max(ComponentKind.DATABASE, "cpu");
    Optional<Figure> read = view.primaries().stream().map(view::readRatio).flatMap(Optional::stream).findFirst();
    if (dbCpu.isEmpty() || read.isEmpty()) {
      out.add(new Trigger("s6-writes", "writes overwhelm the single primary", "S6", Trigger.Status.UNKNOWN, null, null,
          "", "the primary's cpu and its read share (workload.read_ratio or db.read_ratio)", true));
    } else {
      double writes = 1 - read.get().value();
      boolean fired = writes >= 1 - WRITE_HEAVY_READ_RATIO && dbCpu.get().value() > S5_DB_CPU;
      out.add(new Trigger("s6-writes", "writes overwhelm the single primary", "S6",
          fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR, dbCpu.get(),
          fixed(S5_DB_CPU, Dimension.RATIO, "S5", "primary CPU above 70%"),
          "writes are " + Units.format(writes * 100, 3) + "% of operations (write-heavy from 50%, D5); primary CPU "
              + dbCpu.get().formatted() + " against 70%",
          "", true));
    }
    out.add(new Trigger("s6-cache-plateau", "cache hit ratio plateaus despite tuning", "S6", Trigger.Status.UNKNOWN,
        view.max(ComponentKind.CACHE, "hit_ratio").orElse(null), null, "",
        "the hit ratio over several weeks of tuning (one snapshot cannot show a plateau)", false));
    out.add(above("s6-replica-lag", "replicas cannot keep up (lag above 1 s)", "S6",
        view.max(ComponentKind.DATABASE, "replica_lag"),
        fixed(S6_REPLICA_LAG, Dimension.DURATION, "M9", "replica lag alert above 1 s"), "a database's replica_lag",
        true));
    out.add(new Trigger("s6-independent-scaling", "components need to scale independently", "S6",
        Trigger.Status.UNKNOWN, null, null, "",
        "a judgement: parts of the application with very different load (say so by splitting them into app components"
            + " with their own cpu observations)",
        true));
    return out;
  }

  private static List<Trigger> scaleExit(SystemView view) {
    List<Trigger> out = new ArrayList<>();
    out.add(above("s7-geo-latency", "latency for distant users above target", "S7", view.fact("latency_p95_remote"),
        view.p95Target(), "observations.latency_p95_remote (real-user monitoring by country)", true));
    Figure residency = new Figure(view.spec().dataResidency() ? 1 : 0, Dimension.COUNT,
        new Provenance.Declared(view.spec().source() + " workload.data_residency"));
    out.add(new Trigger("s7-residency", "data-residency rules", "S7",
        view.spec().dataResidency() ? Trigger.Status.FIRED : Trigger.Status.CLEAR, residency, null,
        view.spec().dataResidency() ? "declared" : "not declared", "", true));
    Optional<Figure> availability = view.fact("slo.availability");
    if (availability.isEmpty()) {
      out.add(new Trigger("s7-failover", "one region cannot meet the availability promised", "S7",
          Trigger.Status.UNKNOWN, null, null, "", "slo.availability", true));
    } else {
      boolean fired = availability.get().value() >= 0.9999 && view.serverRegions().size() <= 1;
      out.add(new Trigger("s7-failover", "one region cannot meet the availability promised", "S7",
          fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR, availability.get(),
          fixed(0.9999, Dimension.RATIO, "$3", "99.99% and above needs redundancy beyond one failure domain"),
          view.serverRegions().size() + " region(s) declared", "", true));
    }
    int regions = view.userRegions().size();
    Figure regionCount = new Figure(regions, Dimension.COUNT,
        new Provenance.Declared(view.spec().source() + " workload.user_regions"));
    out.add(new Trigger("s7-global-users", "users on several continents with latency requirements", "S7",
        regions == 0 ? Trigger.Status.UNKNOWN
            : regions >= 2 && view.fact("slo.latency_p95").isPresent() ? Trigger.Status.FIRED : Trigger.Status.CLEAR,
        regions == 0 ? null : regionCount, null, regions + " user region(s)",
        regions == 0 ? "workload.user_regions" : "", true));
    return out;
  }

  private static Trigger above(String id, String description, String knowledge, Optional<Figure> current,
      Figure threshold, String needs, boolean capacity) {
    if (current.isEmpty()) {
      return new Trigger(id, description, knowledge, Trigger.Status.UNKNOWN, null, threshold, "", needs, capacity);
    }
    double c = current.get().value();
    double t = threshold.value();
    boolean fired = c > t;
    String distance;
    if (threshold.dimension() == Dimension.RATIO) {
      double pts = (t - c) * 100;
      distance = fired ? Units.format(-pts, 3) + " points above" : Units.format(pts, 3) + " points to go";
    } else {
      distance = fired
          ? Units.format(c - t, threshold.dimension()) + " above"
          : Units.format(t - c, threshold.dimension()) + " to go";
    }
    return new Trigger(id, description, knowledge, fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR, current.get(),
        threshold, distance, "", capacity);
  }

  private static Figure fixed(double v, Dimension d, String knowledge, String note) {
    return new Figure(v, d, new Provenance.Assumed(knowledge, note));
  }
}
