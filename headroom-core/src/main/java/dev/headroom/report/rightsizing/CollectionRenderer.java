package dev.headroom.report.rightsizing;

import dev.headroom.analysis.rightsizing.ContainerUsage;
import dev.headroom.analysis.rightsizing.Recommendation;
import dev.headroom.analysis.rightsizing.RightSizer;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Series;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
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
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link CollectionReport}. It formats what the collector and {@link RightSizer} computed
 * and computes nothing itself. JSON CPU figures are cores, memory bytes, costs USD/month.
 */
public final class CollectionRenderer {

  private CollectionRenderer() {}

  /** The report in {@code format}, ending with a newline. */
  public static String render(CollectionReport report, OutputFormat format) {
    return switch (format) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(doc(report));
      case JSON -> json(report);
    };
  }

  static Document doc(CollectionReport r) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Quantities(
            List.of(
                new Block.Quantity(Text.of("source"), Text.of(r.evidence().describeSource())),
                new Block.Quantity(
                    Text.of("observations"),
                    Text.of(
                        r.evidence().observations().size()
                            + ", series "
                            + r.evidence().series().size()
                            + ", not seen "
                            + r.evidence().unseen().size())))));
    List<List<Text>> rows = new ArrayList<>();
    List<Block.Item> hows = new ArrayList<>();
    for (Observation o : r.evidence().observations()) {
      rows.add(
          List.of(
              Text.of(o.key()),
              Text.of(o.component().isEmpty() ? "—" : o.component()),
              Text.of(Units.format(o.value(), o.metric().dimension())),
              Text.of(o.window().describe())));
      hows.add(new Block.Item(Text.of(Text.code(o.key()), ": " + o.how())));
    }
    List<Block> signals = new ArrayList<>();
    if (rows.isEmpty()) {
      signals.add(new Block.Paragraph(Text.of("Nothing measured.")));
    } else {
      signals.add(
          new Block.Table(
              List.of(
                  Block.Column.left("key"),
                  Block.Column.left("component"),
                  new Block.Column("value", Block.Align.RIGHT),
                  Block.Column.left("window")),
              rows));
      signals.add(new Block.ItemList(false, hows));
    }
    blocks.add(new Block.Section(2, Text.of("Golden signals of " + r.service()), signals));
    if (!r.evidence().series().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Series s : r.evidence().series()) {
        int gaps = 0;
        for (double v : s.values()) {
          gaps += Double.isNaN(v) ? 1 : 0;
        }
        items.add(
            new Block.Item(
                Text.of(
                    Text.code(s.key()),
                    ": "
                        + s.size()
                        + " points every "
                        + Units.formatDuration(s.step().toSeconds())
                        + " from "
                        + s.start()
                        + (gaps == 0 ? "" : ", " + gaps + " gaps"))));
      }
      blocks.add(
          new Block.Section(
              2,
              Text.of("Series (for dated forecasts)"),
              List.of(new Block.ItemList(false, items))));
    }
    if (!r.evidence().unseen().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Unseen u : r.evidence().unseen()) {
        items.add(new Block.Item(Text.of(Text.code(u.key()), ": needs " + u.needs())));
      }
      blocks.add(
          new Block.Section(2, Text.of("Not seen"), List.of(new Block.ItemList(false, items))));
    }
    blocks.add(new Block.Section(2, Text.of("Kubernetes right-sizing"), rightSizing(r)));
    if (!r.notes().isEmpty()) {
      blocks.add(
          new Block.Section(
              2,
              Text.of("What was read"),
              List.of(
                  new Block.ItemList(
                      false, r.notes().stream().map(n -> new Block.Item(Text.of(n))).toList()))));
    }
    return new Document(Text.of("headroom collect prometheus: " + r.service()), blocks);
  }

  private static List<Block> rightSizing(CollectionReport r) {
    List<Block> out = new ArrayList<>();
    if (r.containers().isEmpty()) {
      out.add(
          new Block.Paragraph(
              Text.of("No containers: the engine holds no cAdvisor series for them.")));
      return out;
    }
    String pct = Units.format(r.policy().cpuPercentile() * 100, 4);
    out.add(
        new Block.Paragraph(
            Text.of(
                "Rules (ADVISOR-CHECKS §6, krr and the VPA recommender): CPU request = the busiest"
                    + " pod's p"
                    + pct
                    + " usage (at least "
                    + RightSizer.cores(r.policy().minCpuCores())
                    + "), no CPU limit; memory request = limit = the busiest pod's peak working set"
                    + " × "
                    + Units.format(1 + r.policy().memoryBuffer(), 4)
                    + " (at least "
                    + Units.formatBytes(r.policy().minMemoryBytes())
                    + "); flagged beyond ±"
                    + Units.format(r.policy().tolerance() * 100, 3)
                    + "%; HPA replicas at peak = ⌈peak CPU of all pods / (request × target)⌉.")));
    List<List<Text>> rows = new ArrayList<>();
    for (Recommendation rec : r.containers()) {
      ContainerUsage u = rec.usage();
      rows.add(
          List.of(
              Text.of(u.id()),
              Text.of(Integer.toString(u.replicas())),
              Text.of(RightSizer.cores(u.cpuRequestPercentile().value())),
              Text.of(RightSizer.cores(u.cpuLimitPercentile().value())),
              Text.of(
                  u.cpuRequest().map(f -> RightSizer.cores(f.value())).orElse("—")
                      + " → "
                      + RightSizer.cores(rec.cpuRequest().value())),
              Text.of(rec.cpu().words()),
              Text.of(Units.formatBytes(u.memoryPeak().value())),
              Text.of(
                  u.memoryRequest().map(f -> Units.formatBytes(f.value())).orElse("—")
                      + "/"
                      + u.memoryLimit().map(f -> Units.formatBytes(f.value())).orElse("—")
                      + " → "
                      + Units.formatBytes(rec.memory().value())),
              Text.of(rec.memoryVerdict().words()),
              Text.of(rec.monthlySaving().map(Figure::formatted).orElse("—"))));
    }
    out.add(
        new Block.Table(
            List.of(
                Block.Column.left("namespace/workload/container"),
                new Block.Column("pods", Block.Align.RIGHT),
                Block.Column.left("CPU p" + pct),
                Block.Column.left("CPU p" + Units.format(r.policy().cpuLimitPercentile() * 100, 4)),
                Block.Column.left("CPU request"),
                Block.Column.left("CPU"),
                Block.Column.left("memory peak"),
                Block.Column.left("memory req/limit"),
                Block.Column.left("memory"),
                Block.Column.left("saving")),
            rows));
    List<Block.Item> flags = new ArrayList<>();
    for (Recommendation rec : r.containers()) {
      for (String n : rec.notes()) {
        flags.add(new Block.Item(Text.of(Text.code(rec.usage().id()), ": " + n)));
      }
      rec.monthlySaving()
          .ifPresent(
              s ->
                  flags.add(
                      new Block.Item(
                          Text.of(
                              Text.code(rec.usage().id()),
                              (s.value() >= 0 ? ": saves " : ": costs ")
                                  + Units.format(Math.abs(s.value()), Dimension.MONTHLY_COST)
                                  + " ("
                                  + s.provenance().describe()
                                  + ")"))));
      flags.add(
          new Block.Item(
              Text.of(
                  Text.code(rec.usage().id()),
                  ": memory peak " + rec.usage().memoryPeak().withProvenance())));
    }
    out.add(new Block.ItemList(false, flags));
    if (!r.pricesNote().isEmpty()) {
      out.add(new Block.Paragraph(Text.of(r.pricesNote())));
    }
    return out;
  }

  // ---- JSON ----

  static String json(CollectionReport r) {
    ObjectNode root = Json.document();
    root.put("service", r.service());
    root.put("source", r.evidence().source());
    root.put("collector", r.evidence().collector());
    root.put("collectedAt", r.evidence().collectedAt().toString());
    ArrayNode obs = root.putArray("observations");
    for (Observation o : r.evidence().observations()) {
      ObjectNode n = obs.addObject();
      n.put("key", o.key());
      n.put("component", o.component());
      n.put("value", Json.number(o.value()));
      n.put("unit", Json.unit(o.metric().dimension()));
      n.put("windowSeconds", Json.number(o.window().seconds()));
      n.put("how", o.how());
    }
    ArrayNode series = root.putArray("series");
    for (Series s : r.evidence().series()) {
      ObjectNode n = series.addObject();
      n.put("key", s.key());
      n.put("points", s.size());
      n.put("stepSeconds", s.step().toSeconds());
      n.put("start", s.start().toString());
    }
    ArrayNode unseen = root.putArray("notEvaluated");
    for (Unseen u : r.evidence().unseen()) {
      unseen.addObject().put("key", u.key()).put("needs", u.needs());
    }
    ObjectNode policy = root.putObject("policy");
    policy.put("cpuPercentile", Json.number(r.policy().cpuPercentile()));
    policy.put("cpuLimitPercentile", Json.number(r.policy().cpuLimitPercentile()));
    policy.put("memoryBuffer", Json.number(r.policy().memoryBuffer()));
    policy.put("hpaTargetUtilisation", Json.number(r.policy().hpaTargetUtilisation()));
    policy.put("tolerance", Json.number(r.policy().tolerance()));
    ArrayNode containers = root.putArray("containers");
    for (Recommendation rec : r.containers()) {
      ContainerUsage u = rec.usage();
      ObjectNode n = containers.addObject();
      n.put("namespace", u.namespace());
      n.put("workload", u.workload());
      n.put("container", u.container());
      n.put("replicas", u.replicas());
      n.set("cpuRequestPercentile", Json.figure(u.cpuRequestPercentile()));
      n.set("cpuLimitPercentile", Json.figure(u.cpuLimitPercentile()));
      n.set("memoryPeak", Json.figure(u.memoryPeak()));
      n.set("peakCpuTotal", Json.figure(u.peakCpuTotal()));
      optional(n, "currentCpuRequest", u.cpuRequest());
      optional(n, "currentCpuLimit", u.cpuLimit());
      optional(n, "currentMemoryRequest", u.memoryRequest());
      optional(n, "currentMemoryLimit", u.memoryLimit());
      n.set("recommendedCpuRequest", Json.figure(rec.cpuRequest()));
      n.set("recommendedMemory", Json.figure(rec.memory()));
      n.put("cpu", rec.cpu().name().toLowerCase(java.util.Locale.ROOT));
      n.put("memory", rec.memoryVerdict().name().toLowerCase(java.util.Locale.ROOT));
      optional(n, "monthlySaving", rec.monthlySaving());
      u.autoscaler()
          .ifPresent(
              a -> {
                ObjectNode h = n.putObject("hpa");
                h.put("name", a.name());
                h.put("minReplicas", a.minReplicas());
                h.put("maxReplicas", a.maxReplicas());
                h.put("currentReplicas", a.currentReplicas());
                optional(h, "replicasAtPeak", rec.replicasAtPeak());
                h.put("maxTooLow", rec.hpaMaxTooLow());
              });
      ArrayNode notes = n.putArray("notes");
      rec.notes().forEach(notes::add);
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    return Json.write(root);
  }

  private static void optional(ObjectNode n, String field, Optional<Figure> f) {
    f.ifPresent(x -> n.set(field, Json.figure(x)));
  }
}
