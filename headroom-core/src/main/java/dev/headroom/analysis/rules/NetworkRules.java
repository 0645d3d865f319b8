package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about the network between users and servers, and about storage. */
final class NetworkRules {

  private NetworkRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-NET-001",
            Layer.NETWORK,
            "Static assets served without a CDN",
            "Once static assets are over 20% of bandwidth a CDN pays off: it serves them from the edge in 5-50 ms"
                + " and takes the bytes off the servers.",
            List.of("P7", "X1"),
            List.of(
                new Threshold(
                    "share", Dimension.RATIO, 0.20, "P7", "static assets over 20% of bandwidth")),
            List.of("workload.static_bandwidth_share"),
            List.of("add-cdn"),
            NetworkRules::noCdn),
        new Rule(
            "HR-NET-002",
            Layer.NETWORK,
            "Users far from the servers",
            "Users on another continent pay 500-2000 ms of round trips that an edge serves in 5-50 ms; when their"
                + " latency matters, move content to the edge first and data to more regions last.",
            List.of("S7", "X2", "P7", "P15"),
            List.of(),
            List.of("workload.user_regions", "latency_p95_remote"),
            List.of("add-cdn", "edge-compute", "multi-region"),
            NetworkRules::distantUsers),
        new Rule(
            "HR-STO-001",
            Layer.STORAGE,
            "Database waits on disk",
            "High I/O wait means queries wait for the disk: faster storage (SSD/NVMe), more memory for the working"
                + " set, or a cache in front help.",
            List.of("D2", "D3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.10,
                    "D2",
                    "node_exporter community alert level: iowait above 10%")),
            List.of("<db>.iowait"),
            List.of("upgrade-storage", "add-app-cache"),
            NetworkRules::ioWait));
  }

  private static void noCdn(RuleContext ctx) {
    if (ctx.view().has(ComponentKind.CDN)) {
      return;
    }
    // a measured share (an access log, `headroom collect log`) beats the declared one
    Optional<Figure> measured = ctx.measured(Metric.STATIC_BANDWIDTH_SHARE);
    String key =
        measured.isPresent()
            ? Metric.STATIC_BANDWIDTH_SHARE.key()
            : "workload.static_bandwidth_share";
    Figure share;
    if (measured.isPresent()) {
      share = measured.get();
    } else {
      Optional<Map<String, Figure>> f = ctx.require(null, key);
      if (f.isEmpty()) {
        return;
      }
      share = f.get().get(key);
    }
    Figure t = ctx.threshold("share");
    if (share.value() > t.value()) {
      ctx.finding(
          Severity.WARNING,
          null,
          "Static assets are " + share.formatted() + " of bandwidth and no CDN is listed.",
          List.of(new Evidence(key, share), new Evidence("threshold", t)),
          List.of("add-cdn"));
    }
  }

  private static void distantUsers(RuleContext ctx) {
    int regions = ctx.view().userRegions().size();
    if (regions < 2) {
      return;
    }
    Optional<Figure> remote = ctx.measured(Metric.LATENCY_P95_REMOTE);
    if (remote.isEmpty()) {
      ctx.notEvaluated(
          null, List.of("latency_p95_remote"), List.of(ctx.howTo("latency_p95_remote")));
      return;
    }
    Figure target = ctx.view().p95Target();
    if (remote.get().value() <= target.value()) {
      return;
    }
    Figure regionCount =
        new Figure(
            regions,
            Dimension.COUNT,
            new Provenance.Declared(ctx.view().spec().source() + " workload.user_regions"));
    List<String> actions = new ArrayList<>();
    if (!ctx.view().has(ComponentKind.CDN)) {
      actions.add("add-cdn");
    }
    actions.add("edge-compute");
    actions.add("multi-region");
    ctx.finding(
        Severity.WARNING,
        null,
        "Users in "
            + regions
            + " regions; the farthest see p95 "
            + remote.get().formatted()
            + " against a target of "
            + target.formatted()
            + ".",
        List.of(
            new Evidence("latency_p95_remote", remote.get()),
            new Evidence("p95 target", target),
            new Evidence("user regions", regionCount)),
        actions);
  }

  private static void ioWait(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Figure> w = ctx.measured(db, Metric.IOWAIT);
      if (w.isEmpty()) {
        if (db.setting("storage").filter("hdd"::equals).isPresent()) {
          ctx.notEvaluated(db, List.of(db.fact("iowait")), List.of(ctx.howTo(db.fact("iowait"))));
        }
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (w.get().value() > t.value()) {
        List<Evidence> ev =
            new ArrayList<>(
                List.of(new Evidence(db.fact("iowait"), w.get()), new Evidence("threshold", t)));
        ctx.finding(
            Severity.WARNING,
            db,
            db.name()
                + " spends "
                + w.get().formatted()
                + " of CPU time waiting on disk"
                + db.setting("storage").map(s -> " (" + s + ")").orElse("")
                + ".",
            ev,
            List.of("upgrade-storage", "add-app-cache"));
      }
    }
  }
}
