package dev.headroom.analysis.stage;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
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
 * (S.resolve): measured load first ({@code observations.rps}), then the declared peak request rate
 * (S3), then monthly users (S1). When the measured exit triggers of that stage that call for the
 * next stage's architecture fire (database CPU, saturated servers, writes, replica lag, geography),
 * the measured bottlenecks outrank the load and the system is placed one stage up; signals that
 * call for optimisation instead (slow queries, degrading response times) are shown but do not move
 * the stage, because optimising comes before scaling (X3, X4).
 */
public final class StageAnalyzer {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final java.util.List<String> KNOWLEDGE =
      java.util.List.of("S1", "S2", "S3", "S.resolve", "S5", "S6", "S7", "M9", "D5", "$3");

  private StageAnalyzer() {}

  /**
   * Places {@code view}'s system. Trigger levels are the thresholds of the rules that watch the
   * same signals (HR-DB-001, HR-DB-004, HR-APP-001, HR-DB-006, HR-DB-008), so an override in the
   * system file moves the trigger too.
   */
  public static StageAssessment assess(SystemView view, Thresholds thresholds) {
    List<Placement> ladders = placements(view);
    Optional<Figure> measuredRps = view.fact("rps");
    Stage base;
    String decidedBy;
    String because;
    if (measuredRps.isPresent()) {
      base = Stage.byRps(measuredRps.get().value());
      decidedBy = "measured load (S3)";
      because =
          "measured peak of "
              + measuredRps.get().formatted()
              + " on the requests-per-second ladder";
    } else if (view.fact("workload.peak_rps").isPresent()) {
      Figure rps = view.fact("workload.peak_rps").get();
      base = Stage.byRps(rps.value());
      decidedBy = "declared peak RPS (S3)";
      because = "declared peak of " + rps.formatted() + " on the requests-per-second ladder";
    } else if (view.fact("workload.active_users").isPresent()) {
      Figure users = view.fact("workload.active_users").get();
      base = Stage.byUsers(users.value());
      decidedBy = "monthly users (S1)";
      because =
          users.formatted() + " monthly users on the users ladder (a weak proxy: give peak_rps)";
    } else {
      base = Stage.STARTUP;
      decidedBy = "no load evidence";
      because =
          "neither observations.rps, workload.peak_rps nor workload.active_users is given; startup assumed";
    }
    Stage stage = base;
    List<Trigger> movedBy = new ArrayList<>();
    List<Trigger> exit = triggers(view, base, thresholds);
    List<Trigger> capacityFired =
        exit.stream()
            .filter(t -> t.status() == Trigger.Status.FIRED && t.capacity() && measured(t))
            .toList();
    if (!capacityFired.isEmpty() && base.next() != null) {
      stage = base.next();
      movedBy = exit.stream().filter(t -> t.status() == Trigger.Status.FIRED).toList();
      decidedBy = "measured bottlenecks (" + capacityFired.get(0).knowledge() + ")";
      because =
          because
              + " says "
              + base.id()
              + ", but measured triggers for leaving it fire ("
              + String.join("; ", capacityFired.stream().map(Trigger::description).toList())
              + ")";
    }
    Stage next = stage.next();
    List<Trigger> nextTriggers = next == null ? List.of() : triggers(view, stage, thresholds);
    String explanation = "Decided by " + decidedBy + ": " + because + ".";
    return new StageAssessment(stage, decidedBy, explanation, ladders, movedBy, next, nextTriggers);
  }

  private static List<Placement> placements(SystemView view) {
    List<Placement> out = new ArrayList<>();
    view.fact("workload.active_users")
        .ifPresent(
            users -> {
              out.add(
                  new Placement(
                      "users (four stages)",
                      "S1",
                      Stage.byUsers(users.value()).id(),
                      Stage.byUsers(users.value()),
                      users));
              out.add(
                  new Placement(
                      "users (seven steps)",
                      "S2",
                      sevenSteps(users.value()),
                      sevenStepsStage(users.value()),
                      users));
            });
    Optional<Figure> rps = view.peakRps();
    rps.ifPresent(
        r ->
            out.add(
                new Placement(
                    "peak requests per second",
                    "S3",
                    rpsTier(r.value()),
                    Stage.byRps(r.value()),
                    r)));
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
  static List<Trigger> triggers(SystemView view, Stage stage, Thresholds t) {
    return switch (stage) {
      case STARTUP -> startupExit(view, t);
      case GROWTH -> growthExit(view, t);
      case SCALE -> scaleExit(view, t);
      case ENTERPRISE -> List.of();
    };
  }

  private static List<Trigger> startupExit(SystemView view, Thresholds t) {
    List<Trigger> out = new ArrayList<>();
    Figure dbCpu = t.get("HR-DB-001", "warning");
    out.add(
        above(
            "s5-db-cpu",
            "database CPU above " + dbCpu.formatted(),
            "S5",
            view.primaryCpu(),
            dbCpu,
            "a database's cpu observation",
            true));
    Figure p95Target = view.p95Target();
    out.add(
        above(
            "s5-response-time",
            "p95 response time above its target",
            "S5",
            view.fact("latency_p95"),
            p95Target,
            "observations.latency_p95",
            false));
    Figure slow = t.get("HR-DB-004", "warning");
    out.add(
        above(
            "s5-slow-queries",
            "single queries over " + slow.formatted(),
            "S5",
            view.max(ComponentKind.DATABASE, "slowest_query"),
            slow,
            "a database's slowest_query",
            false));
    // S5's "server resources maxed": CPU against HR-APP-001's critical level (M3's 85%), memory
    // against HR-APP-002's (X2's 90%); memory was compared with the CPU level. The one further past
    // its own level is shown.
    Figure cpuAt = t.get("HR-APP-001", "critical");
    Figure memAt = t.get("HR-APP-002", "critical");
    Optional<Figure> cpu = view.max(ComponentKind.APP, "cpu");
    Optional<Figure> mem = view.max(ComponentKind.APP, "memory_used");
    boolean memoryWorse =
        mem.isPresent()
            && (cpu.isEmpty()
                || mem.get().value() - memAt.value() > cpu.get().value() - cpuAt.value());
    out.add(
        above(
            "s5-resources-maxed",
            "server CPU above " + cpuAt.formatted() + " or memory above " + memAt.formatted(),
            "S5",
            memoryWorse ? mem : cpu,
            memoryWorse ? memAt : cpuAt,
            "an app's cpu or memory_used",
            true));
    return out;
  }

  private static List<Trigger> growthExit(SystemView view, Thresholds t) {
    List<Trigger> out = new ArrayList<>();
    // writes overwhelm the primary: write-heavy (D5) and the primary's CPU above 70% (S5's level)
    Optional<Figure> dbCpu = view.primaryCpu();
    Optional<Figure> read =
        view.primaries().stream().map(view::readRatio).flatMap(Optional::stream).findFirst();
    Figure readShare = t.get("HR-DB-008", "read_share");
    Figure busy = t.get("HR-DB-008", "cpu");
    if (dbCpu.isEmpty() || read.isEmpty()) {
      out.add(
          new Trigger(
              "s6-writes",
              "writes overwhelm the single primary",
              "S6",
              Trigger.Status.UNKNOWN,
              null,
              null,
              "",
              "the primary's cpu and its read share (workload.read_ratio or db.read_ratio)",
              true));
    } else {
      // compared: the write share against the write-heavy level; fired only when the primary is
      // busy too
      double writes = 1 - read.get().value();
      Figure writeShare =
          new Figure(
              writes,
              Dimension.RATIO,
              new Provenance.Derived(
                  "1 - read share", List.of("read share = " + read.get().withKind())));
      Figure writeHeavy =
          new Figure(1 - readShare.value(), Dimension.RATIO, readShare.provenance());
      boolean fired = writes >= writeHeavy.value() && dbCpu.get().value() > busy.value();
      out.add(
          new Trigger(
              "s6-writes",
              "writes overwhelm the single primary",
              "S6",
              fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR,
              writeShare,
              writeHeavy,
              (writes >= writeHeavy.value() ? "write-heavy" : "not write-heavy")
                  + "; primary CPU "
                  + dbCpu.get().formatted()
                  + " against "
                  + busy.formatted(),
              "",
              true));
    }
    out.add(
        new Trigger(
            "s6-cache-plateau",
            "cache hit ratio plateaus despite tuning",
            "S6",
            Trigger.Status.UNKNOWN,
            view.max(ComponentKind.CACHE, "hit_ratio").orElse(null),
            null,
            "",
            "the hit ratio over several weeks of tuning (one snapshot cannot show a plateau)",
            false));
    Figure lag = t.get("HR-DB-006", "warning");
    out.add(
        above(
            "s6-replica-lag",
            "replicas cannot keep up (lag above " + lag.formatted() + ")",
            "S6",
            view.max(ComponentKind.DATABASE, "replica_lag"),
            lag,
            "a database's replica_lag",
            true));
    out.add(
        new Trigger(
            "s6-independent-scaling",
            "components need to scale independently",
            "S6",
            Trigger.Status.UNKNOWN,
            null,
            null,
            "",
            "a judgement: parts of the application with very different load (say so by splitting them into app components"
                + " with their own cpu observations)",
            true));
    return out;
  }

  private static List<Trigger> scaleExit(SystemView view, Thresholds t) {
    List<Trigger> out = new ArrayList<>();
    out.add(
        above(
            "s7-geo-latency",
            "latency for distant users above target",
            "S7",
            view.fact("latency_p95_remote"),
            view.p95Target(),
            "observations.latency_p95_remote (real-user monitoring by country)",
            true));
    Figure residency =
        new Figure(
            view.spec().dataResidency() ? 1 : 0,
            Dimension.COUNT,
            view.fact("workload.data_residency").isPresent() || view.spec().dataResidency()
                ? new Provenance.Declared(view.spec().source() + " workload.data_residency")
                : new Provenance.Derived(
                    "workload.data_residency not declared: taken as false", List.of()));
    out.add(
        new Trigger(
            "s7-residency",
            "data-residency rules",
            "S7",
            view.spec().dataResidency() ? Trigger.Status.FIRED : Trigger.Status.CLEAR,
            residency,
            null,
            view.spec().dataResidency() ? "declared" : "not declared",
            "",
            true));
    Optional<Figure> availability = view.fact("slo.availability");
    if (availability.isEmpty()) {
      out.add(
          new Trigger(
              "s7-failover",
              "one region cannot meet the availability promised",
              "S7",
              Trigger.Status.UNKNOWN,
              null,
              null,
              "",
              "slo.availability",
              true));
    } else {
      Figure fourNines = t.get("HR-ARCH-008", "availability");
      boolean fired =
          availability.get().value() >= fourNines.value() && view.serverRegions().size() <= 1;
      out.add(
          new Trigger(
              "s7-failover",
              "one region cannot meet the availability promised",
              "S7",
              fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR,
              availability.get(),
              fourNines,
              view.serverRegions().isEmpty()
                  ? "no component declares a region: one assumed"
                  : view.serverRegions().size() + " region(s) declared",
              "",
              true));
    }
    int regions = view.userRegions().size();
    Figure regionCount =
        new Figure(
            regions,
            Dimension.COUNT,
            new Provenance.Declared(view.spec().source() + " workload.user_regions"));
    out.add(
        new Trigger(
            "s7-global-users",
            "users on several continents with latency requirements",
            "S7",
            regions == 0
                ? Trigger.Status.UNKNOWN
                : regions >= 2 && view.fact("slo.latency_p95").isPresent()
                    ? Trigger.Status.FIRED
                    : Trigger.Status.CLEAR,
            regions == 0 ? null : regionCount,
            null,
            regions + " user region(s)",
            regions == 0 ? "workload.user_regions" : "",
            true));
    return out;
  }

  /**
   * Whether a trigger rests on a measurement (or a figure derived from one), so that it may move
   * the stage as a measured bottleneck (S.resolve). A declared requirement (data residency, an
   * availability promise, user regions) still shows as a fired trigger of the next stage, and the
   * rules act on it (HR-ARCH-008: serve from several regions), but it is not a measured bottleneck.
   */
  private static boolean measured(Trigger t) {
    return t.current() != null
        && !(t.current().provenance() instanceof Provenance.Declared)
        && !(t.current().provenance() instanceof Provenance.Assumed);
  }

  private static Trigger above(
      String id,
      String description,
      String knowledge,
      Optional<Figure> current,
      Figure threshold,
      String needs,
      boolean capacity) {
    if (current.isEmpty()) {
      return new Trigger(
          id, description, knowledge, Trigger.Status.UNKNOWN, null, threshold, "", needs, capacity);
    }
    double c = current.get().value();
    double t = threshold.value();
    boolean fired = c > t;
    String distance;
    if (threshold.dimension() == Dimension.RATIO) {
      double pts = (t - c) * 100;
      distance =
          fired ? Units.format(-pts, 3) + " points above" : Units.format(pts, 3) + " points to go";
    } else {
      distance =
          fired
              ? Units.format(c - t, threshold.dimension()) + " above"
              : Units.format(t - c, threshold.dimension()) + " to go";
    }
    return new Trigger(
        id,
        description,
        knowledge,
        fired ? Trigger.Status.FIRED : Trigger.Status.CLEAR,
        current.get(),
        threshold,
        distance,
        "",
        capacity);
  }
}
