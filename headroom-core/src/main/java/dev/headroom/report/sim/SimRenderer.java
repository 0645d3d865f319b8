package dev.headroom.report.sim;

import dev.headroom.analysis.sim.Estimate;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.system.AutoscalerPoint;
import dev.headroom.analysis.sim.system.ClassStatistics;
import dev.headroom.analysis.sim.system.ComponentStatistics;
import dev.headroom.analysis.sim.system.ModelSimulation;
import dev.headroom.analysis.sim.system.SystemSimulationResult;
import dev.headroom.analysis.sim.system.UtilizationSeries;
import dev.headroom.analysis.sim.system.WindowStatistics;
import dev.headroom.model.Dimension;
import dev.headroom.model.Units;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.Text;
import dev.headroom.report.doc.TextWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SimReport} as text, Markdown or JSON. Every simulated figure is shown as mean ±
 * half-width at the run's confidence level; JSON gives seconds, per-second rates and ratios, and
 * its shape is {@code docs/simulate-report-schema.json}.
 */
public final class SimRenderer {

  /** Time-series rows a text or Markdown report shows at most. */
  static final int MAX_ROWS = 20;

  private SimRenderer() {}

  /** The report in {@code format}, ending with a newline. */
  public static String render(SimReport report, OutputFormat format) {
    return switch (format) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(doc(report));
      case JSON -> Json.write(json(report));
    };
  }

  // ---- human formats ----

  static Document doc(SimReport report) {
    SystemSimulationResult r = report.result();
    RunPlan plan = r.plan();
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Text.of(
                plan.replications()
                    + " replications of "
                    + Units.formatDuration(plan.lengthSeconds())
                    + " after a warm-up of "
                    + Units.formatDuration(plan.warmupSeconds())
                    + ", seed "
                    + plan.seed()
                    + ", "
                    + Units.format(plan.confidence() * 100, 3)
                    + " % intervals (mean ± half-width), "
                    + r.events()
                    + " events. Arrivals "
                    + Units.format(
                        report.simulation().system().arrivals().ratePerSecond(), Dimension.RATE)
                    + " at ",
                report.load(),
                ".")));
    if (!report.injected().isEmpty()) {
      blocks.add(
          new Block.Paragraph(Text.of("Injected: " + String.join("; ", report.injected()) + ".")));
    }
    List<List<Text>> rows = new ArrayList<>();
    for (ClassStatistics c : r.classes()) {
      if (c.throughputPerSecond().mean() == 0 && c.errorsPerSecond().mean() == 0) {
        continue;
      }
      rows.add(
          cells(
              c.requestClass().id(),
              est(c.throughputPerSecond(), Dimension.RATE),
              est(c.p50Seconds(), Dimension.DURATION),
              est(c.p95Seconds(), Dimension.DURATION),
              est(c.p99Seconds(), Dimension.DURATION),
              est(c.errorShare(), Dimension.RATIO),
              est(c.timeoutsPerSecond(), Dimension.RATE)));
    }
    blocks.add(
        section(
            "Requests",
            table(
                List.of("class", "throughput", "p50", "p95", "p99", "errors", "timeouts"), rows)));
    rows = new ArrayList<>();
    for (ComponentStatistics c : r.components()) {
      rows.add(
          cells(
              c.name(),
              est(c.utilization(), Dimension.RATIO),
              est(c.meanQueueLength(), Dimension.NUMBER),
              est(c.meanWaitSeconds(), Dimension.DURATION),
              est(c.throughputPerSecond(), Dimension.RATE)));
    }
    blocks.add(
        section(
            "Components",
            table(List.of("component", "utilisation", "queue", "wait", "throughput"), rows)));
    List<Block.Quantity> numbers = new ArrayList<>();
    r.hotspot()
        .ifPresent(
            h -> {
              numbers.add(
                  q(
                      "hottest shard ("
                          + h.strategy().name().toLowerCase(java.util.Locale.ROOT)
                          + ", "
                          + h.shards()
                          + " shards)",
                      "shard "
                          + h.hottestShard()
                          + ": "
                          + est(h.share(), Dimension.RATIO)
                          + " of queries (exact "
                          + Units.format(h.exactShare(), Dimension.RATIO)
                          + "), utilisation "
                          + est(h.utilization(), Dimension.RATIO)));
            });
    r.retries()
        .ifPresent(
            s -> {
              numbers.add(
                  q(
                      "retry amplification",
                      est(s.attemptsPerCall(), Dimension.NUMBER)
                          + " attempts per call (closed form "
                          + Units.format(s.expectedAttempts(), 4)
                          + ")"));
              numbers.add(q("breaker refusals", est(s.breakerRejectedPerSecond(), Dimension.RATE)));
            });
    r.replicaStaleShare()
        .ifPresent(s -> numbers.add(q("stale replica reads", est(s, Dimension.RATIO))));
    r.writeBehind()
        .ifPresent(
            w -> {
              numbers.add(q("write-behind stale reads", est(w.staleReadShare(), Dimension.RATIO)));
              numbers.add(
                  q(
                      "write-behind loss window",
                      est(w.unflushedWrites(), Dimension.NUMBER) + " writes"));
            });
    r.cacheHitShare().ifPresent(h -> numbers.add(q("cache hits", est(h, Dimension.RATIO))));
    if (r.cdnShare().mean() > 0) {
      numbers.add(q("answered by the CDN", est(r.cdnShare(), Dimension.RATIO)));
    }
    numbers.add(q("database visits", est(r.databaseVisitsPerSecond(), Dimension.RATE)));
    blocks.add(section("Numbers", new Block.Quantities(numbers)));
    if (!r.autoscaler().isEmpty()) {
      rows = new ArrayList<>();
      int last = -1;
      for (AutoscalerPoint p : r.autoscaler()) {
        if (p.instances() != last) {
          rows.add(
              cells(
                  Units.formatDuration(p.timeSeconds()),
                  Integer.toString(p.instances()),
                  Integer.toString(p.ready()),
                  Units.format(p.utilization(), Dimension.RATIO),
                  Integer.toString(p.recommended())));
          last = p.instances();
        }
      }
      blocks.add(
          section(
              "Autoscaler (replication 0, changes only)",
              table(List.of("time", "instances", "ready", "utilisation", "recommended"), rows)));
    }
    // a terminal table stays narrow and short: the app tier and the primary (JSON has every
    // component), and at most MAX_ROWS windows, every k-th
    List<UtilizationSeries> shown = r.utilization().subList(0, Math.min(2, r.utilization().size()));
    List<String> header = new ArrayList<>(List.of("from", "throughput", "mean", "p95", "errors"));
    for (UtilizationSeries s : shown) {
      header.add(s.component());
    }
    int step = Math.max(1, (r.windows().size() + MAX_ROWS - 1) / MAX_ROWS);
    rows = new ArrayList<>();
    for (int w = 0; w < r.windows().size(); w += step) {
      WindowStatistics ws = r.windows().get(w);
      List<String> row = new ArrayList<>();
      row.add(Units.formatDuration(ws.startSeconds()));
      row.add(Units.format(ws.throughputPerSecond(), Dimension.RATE));
      row.add(Units.formatDuration(ws.meanLatencySeconds()));
      row.add(Units.formatDuration(ws.p95LatencySeconds()));
      row.add(Units.format(ws.errorShare(), Dimension.RATIO));
      for (UtilizationSeries s : shown) {
        row.add(Units.format(s.utilization().get(w), Dimension.RATIO));
      }
      rows.add(cells(row.toArray(String[]::new)));
    }
    blocks.add(
        section(
            "Over time (replication means"
                + (step > 1 ? ", one window in " + step : "")
                + "; JSON has every window and component)",
            table(header, rows)));
    rows = new ArrayList<>();
    for (ModelSimulation.SimParameter p : report.simulation().parameters()) {
      rows.add(
          List.of(
              Text.of(p.name()),
              Text.of(p.value().formatted()),
              Text.of(p.value().provenance().describe())));
    }
    blocks.add(
        section(
            "Where each input came from",
            new Block.Table(
                List.of(
                    Block.Column.left("input"),
                    new Block.Column("value", Block.Align.RIGHT),
                    Block.Column.left("source")),
                rows)));
    List<Text> notes = new ArrayList<>();
    report.simulation().notes().forEach(n -> notes.add(Text.of(n)));
    notes.add(
        Text.of(
            "Latency percentiles are of successful requests; app is the instances' CPU, app-threads"
                + " their request threads (held for the whole request). See docs/simulate.md."));
    blocks.add(new Block.Notes(notes));
    return new Document(
        Text.of("Simulation of " + report.system() + " at " + report.load().formatted()), blocks);
  }

  private static Block.Quantity q(String name, String value) {
    return new Block.Quantity(Text.of(name), Text.of(value));
  }

  private static Block section(String heading, Block body) {
    return new Block.Section(2, Text.of(heading), List.of(body));
  }

  private static List<Text> cells(String... values) {
    List<Text> out = new ArrayList<>();
    for (String v : values) {
      out.add(Text.of(v));
    }
    return out;
  }

  private static Block table(List<String> header, List<List<Text>> rows) {
    List<Block.Column> cols = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      cols.add(new Block.Column(header.get(i), i == 0 ? Block.Align.LEFT : Block.Align.RIGHT));
    }
    return new Block.Table(cols, rows);
  }

  /** "12.3ms ± 0.4ms". */
  static String est(Estimate e, Dimension d) {
    // a half-width at floating-point noise (a pool full in every replication) is no spread at all
    double hw = e.halfWidth() <= 1e-9 * Math.max(1, Math.abs(e.mean())) ? 0 : e.halfWidth();
    return Units.format(e.mean(), d) + " ± " + Units.format(hw, d);
  }

  // ---- JSON ----

  static ObjectNode json(SimReport report) {
    SystemSimulationResult r = report.result();
    ObjectNode root = Json.document();
    root.put("command", "simulate");
    root.put("system", report.system());
    root.set("load", Json.figure(report.load()));
    RunPlan plan = r.plan();
    ObjectNode p = root.putObject("plan");
    p.put("warmupSeconds", Json.number(plan.warmupSeconds()));
    p.put("lengthSeconds", Json.number(plan.lengthSeconds()));
    p.put("replications", plan.replications());
    p.put("seed", plan.seed());
    p.put("confidence", Json.number(plan.confidence()));
    p.put("events", r.events());
    ArrayNode inj = root.putArray("injected");
    report.injected().forEach(inj::add);
    ArrayNode classes = root.putArray("classes");
    for (ClassStatistics c : r.classes()) {
      ObjectNode n = classes.addObject();
      n.put("class", c.requestClass().id());
      n.set("throughputPerSecond", est(c.throughputPerSecond()));
      n.set("meanLatencySeconds", est(c.meanLatencySeconds()));
      n.set("p50Seconds", est(c.p50Seconds()));
      n.set("p95Seconds", est(c.p95Seconds()));
      n.set("p99Seconds", est(c.p99Seconds()));
      n.set("errorsPerSecond", est(c.errorsPerSecond()));
      n.set("timeoutsPerSecond", est(c.timeoutsPerSecond()));
      n.set("errorShare", est(c.errorShare()));
    }
    ArrayNode comps = root.putArray("components");
    for (ComponentStatistics c : r.components()) {
      ObjectNode n = comps.addObject();
      n.put("name", c.name());
      n.set("utilization", est(c.utilization()));
      n.set("meanQueueLength", est(c.meanQueueLength()));
      n.set("meanWaitSeconds", est(c.meanWaitSeconds()));
      n.set("throughputPerSecond", est(c.throughputPerSecond()));
    }
    ArrayNode wins = root.putArray("windows");
    for (int w = 0; w < r.windows().size(); w++) {
      WindowStatistics ws = r.windows().get(w);
      ObjectNode n = wins.addObject();
      n.put("startSeconds", Json.number(ws.startSeconds()));
      n.put("endSeconds", Json.number(ws.endSeconds()));
      n.put("throughputPerSecond", Json.number(ws.throughputPerSecond()));
      n.put("meanLatencySeconds", Json.number(ws.meanLatencySeconds()));
      n.put("p95LatencySeconds", Json.number(ws.p95LatencySeconds()));
      n.put("errorShare", Json.number(ws.errorShare()));
      ObjectNode u = n.putObject("utilization");
      for (UtilizationSeries s : r.utilization()) {
        u.put(s.component(), Json.number(s.utilization().get(w)));
      }
    }
    ArrayNode scaler = root.putArray("autoscaler");
    for (AutoscalerPoint a : r.autoscaler()) {
      ObjectNode n = scaler.addObject();
      n.put("timeSeconds", Json.number(a.timeSeconds()));
      n.put("instances", a.instances());
      n.put("ready", a.ready());
      n.put("utilization", Json.number(a.utilization()));
      n.put("recommended", a.recommended());
    }
    r.hotspot()
        .ifPresent(
            h -> {
              ObjectNode n = root.putObject("hotspot");
              n.put("strategy", h.strategy().name().toLowerCase(java.util.Locale.ROOT));
              n.put("shards", h.shards());
              n.put("hottestShard", h.hottestShard());
              n.put("exactShare", Json.number(h.exactShare()));
              n.set("share", est(h.share()));
              n.set("utilization", est(h.utilization()));
            });
    r.retries()
        .ifPresent(
            s -> {
              ObjectNode n = root.putObject("retries");
              n.put("expectedAttempts", Json.number(s.expectedAttempts()));
              n.set("attemptsPerCall", est(s.attemptsPerCall()));
              n.set("breakerRejectedPerSecond", est(s.breakerRejectedPerSecond()));
              n.set("breakerNotClosedShare", est(s.breakerNotClosedShare()));
            });
    r.replicaStaleShare().ifPresent(s -> root.set("replicaStaleShare", est(s)));
    r.writeBehind()
        .ifPresent(
            w -> {
              ObjectNode n = root.putObject("writeBehind");
              n.set("staleReadShare", est(w.staleReadShare()));
              n.set("unflushedWrites", est(w.unflushedWrites()));
            });
    root.set("cdnShare", est(r.cdnShare()));
    r.cacheHitShare().ifPresent(h -> root.set("cacheHitShare", est(h)));
    root.set("databaseVisitsPerSecond", est(r.databaseVisitsPerSecond()));
    ArrayNode params = root.putArray("parameters");
    for (ModelSimulation.SimParameter sp : report.simulation().parameters()) {
      ObjectNode n = params.addObject();
      n.put("name", sp.name());
      n.set("figure", Json.figure(sp.value()));
    }
    ArrayNode notes = root.putArray("notes");
    report.simulation().notes().forEach(notes::add);
    return root;
  }

  private static ObjectNode est(Estimate e) {
    ObjectNode n = Json.object();
    n.put("mean", Json.number(e.mean()));
    n.put("halfWidth", Json.number(e.halfWidth()));
    return n;
  }
}
