package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.RuleContext.above;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Database rules that read what traces measured ({@code headroom collect traces}): where request
 * time goes (D1) and N+1 loops (M2). They stay silent without trace evidence rather than adding a
 * "not evaluated" entry: HR-DB-003 and HR-DB-004 already say what to measure about queries, and a
 * second entry for the same gap would be noise. Ids from 030 leave room for the collectors' other
 * database rules.
 */
final class TraceRules {

  private TraceRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-DB-030",
            Layer.DATABASE,
            "Requests spend most of their time in the database",
            "Traces show where request time goes; when the database takes most of it, the search"
                + " for the bottleneck starts there (slow statements, missing indexes, the pool)"
                + " before the application, the network or external services.",
            List.of("D1", "D2"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.50,
                    "D1",
                    "more than half of request time in database calls (headroom's reading of D1)")),
            List.of("database_time_share (headroom collect traces)"),
            List.of("optimize-queries", "add-indexes"),
            TraceRules::databaseShare),
        new Rule(
            "HR-DB-031",
            Layer.DATABASE,
            "Traces show N+1 query loops",
            "A request that runs the same statement once per item, one after the other, pays a"
                + " round trip per item: the query count grows with the data, and it dominates"
                + " response time and database load. Fix the loop before scaling anything.",
            List.of("M2", "X2"),
            List.of(),
            List.of(
                "queries_per_request_p95 or n_plus_one_share (headroom collect traces); levels"
                    + " from HR-DB-003"),
            List.of("fix-n-plus-one", "add-app-cache"),
            TraceRules::nPlusOne));
  }

  private static void databaseShare(RuleContext ctx) {
    Optional<Figure> share = ctx.measured(Metric.DATABASE_TIME_SHARE);
    if (share.isEmpty()) {
      return;
    }
    Figure warn = ctx.threshold("warning");
    if (share.get().value() <= warn.value()) {
      return;
    }
    ctx.finding(
        Severity.WARNING,
        null,
        "Requests spend "
            + share.get().formatted()
            + " of their time waiting on the database on average (traces): look there first, at"
            + " the slowest statements by total time, missing indexes and pool waits (D1).",
        List.of(
            new Evidence("database share of request time", share.get()),
            new Evidence("warning above", warn)),
        List.of("optimize-queries", "add-indexes"));
  }

  private static void nPlusOne(RuleContext ctx) {
    Optional<Figure> p95 = ctx.measured(Metric.QUERIES_PER_REQUEST_P95);
    Optional<Figure> share = ctx.measured(Metric.N_PLUS_ONE_SHARE);
    if (p95.isEmpty() && share.isEmpty()) {
      return;
    }
    // one set of M2 levels: HR-DB-003's, so an override there moves this rule too
    Figure warn = ctx.threshold("HR-DB-003", "warning");
    Figure crit = ctx.threshold("HR-DB-003", "critical");
    Optional<Severity> sev = p95.flatMap(q -> above(q.value(), warn.value(), crit.value()));
    boolean loops = share.map(s -> s.value() > 0).orElse(false);
    if (sev.isEmpty() && loops) {
      sev = Optional.of(Severity.WARNING);
    }
    if (sev.isEmpty()) {
      return;
    }
    List<Evidence> ev = new ArrayList<>();
    StringBuilder msg = new StringBuilder("The traces show");
    if (loops) {
      ev.add(new Evidence("requests with an N+1 loop", share.get()));
      msg.append(" N+1 loops in ").append(share.get().formatted()).append(" of requests");
    }
    if (p95.isPresent()) {
      ev.add(new Evidence("queries per request (p95)", p95.get()));
      msg.append(loops ? ", and" : "")
          .append(" ")
          .append(p95.get().formatted())
          .append(" database queries per request at the 95th percentile");
    }
    ev.add(
        new Evidence(
            sev.get() == Severity.CRITICAL ? "critical above" : "warning above",
            sev.get() == Severity.CRITICAL ? crit : warn));
    msg.append(
        ": fetch the rows of a loop in one query (a join or an IN list); the evidence file's"
            + " how names the statement and a trace (M2).");
    ctx.finding(
        sev.get(),
        null,
        msg.toString(),
        ev,
        ctx.view().has(ComponentKind.CACHE)
            ? List.of("fix-n-plus-one")
            : List.of("fix-n-plus-one", "add-app-cache"));
  }
}
