package dev.headroom.report.compare;

import dev.headroom.analysis.compare.Comparison;
import dev.headroom.analysis.compare.Gate;
import dev.headroom.analysis.compare.IntervalMethod;
import dev.headroom.analysis.compare.MetricDifference;
import dev.headroom.model.Units;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.Text;
import dev.headroom.report.doc.TextWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link Comparison}: text and Markdown through the {@link Document} model, JSON in a
 * fixed field order with numbers rounded to 10 significant digits. Computes nothing.
 */
public final class CompareRenderer {

  private CompareRenderer() {}

  /** The comparison in {@code format}; every line ends with a newline. */
  public static String render(Comparison c, OutputFormat format) {
    Objects.requireNonNull(c, "comparison");
    return switch (Objects.requireNonNull(format, "format")) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(doc(c));
      case JSON -> json(c);
    };
  }

  static Document doc(Comparison c) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Text.of(
                "Baseline ",
                String.join(", ", c.baseline().formats()),
                ", new ",
                String.join(", ", c.candidate().formats()),
                "; difference = new − baseline, relative = new/baseline − 1.")));
    Set<IntervalMethod> methods = EnumSet.noneOf(IntervalMethod.class);
    for (Comparison.StepComparison s : c.steps()) {
      List<List<Text>> rows = new ArrayList<>();
      for (MetricDifference d : s.differences()) {
        methods.add(d.method());
        rows.add(
            List.of(
                Text.of(d.metric().id()),
                Text.of(num(d.baseline()) + d.metric().unit()),
                Text.of(num(d.candidate()) + d.metric().unit()),
                Text.of(signed(d.difference()) + d.metric().unit()),
                Text.of(d.relative() == null ? "–" : signed(d.relative() * 100) + " %"),
                Text.of("[" + num(d.lower()) + ", " + num(d.upper()) + "]"),
                Text.of(d.method().id()),
                Text.of(d.significant() ? "yes" : "no")));
      }
      List<Block.Column> cols =
          List.of(
              Block.Column.left("metric"),
              new Block.Column("baseline", Block.Align.RIGHT),
              new Block.Column("new", Block.Align.RIGHT),
              new Block.Column("difference", Block.Align.RIGHT),
              new Block.Column("relative", Block.Align.RIGHT),
              new Block.Column("interval", Block.Align.RIGHT),
              Block.Column.left("from"),
              Block.Column.left("significant"));
      String heading =
          s.baseline().concurrency() == s.candidate().concurrency()
              ? "At N = " + num(s.baseline().concurrency())
              : "Baseline N = "
                  + num(s.baseline().concurrency())
                  + " against new N = "
                  + num(s.candidate().concurrency());
      blocks.add(new Block.Section(2, Text.of(heading), List.of(new Block.Table(cols, rows))));
    }
    List<Text> how = new ArrayList<>();
    for (IntervalMethod m : methods) {
      how.add(Text.of(m.id(), ": ", m.description(), "."));
    }
    blocks.add(new Block.Section(2, Text.of("Intervals"), List.of(new Block.Notes(how))));
    if (!c.gates().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Gate g : c.gates()) {
        List<Comparison.GateFailure> f =
            c.failures().stream().filter(x -> x.gate().equals(g)).toList();
        if (f.isEmpty()) {
          items.add(new Block.Item(Text.of(Text.strong("pass"), ": ", g.toString())));
        } else {
          for (Comparison.GateFailure x : f) {
            items.add(
                new Block.Item(
                    Text.of(
                        Text.strong("FAIL"),
                        ": ",
                        g.toString(),
                        " at N = ",
                        num(x.step().candidate().concurrency()),
                        ": ",
                        signed(x.difference().relative() * 100),
                        " %, significant")));
          }
        }
      }
      blocks.add(
          new Block.Section(
              2,
              Text.of("Gates"),
              List.of(
                  new Block.Paragraph(
                      Text.of(
                          "A gate fails when a difference is significant and beyond its"
                              + " threshold in its direction.")),
                  new Block.ItemList(false, items))));
    }
    if (!c.warnings().isEmpty()) {
      blocks.add(
          new Block.Section(
              2,
              Text.of("Warnings"),
              List.of(new Block.Notes(c.warnings().stream().map(Text::of).toList()))));
    }
    return new Document(Text.of("Load-test comparison"), blocks);
  }

  private static String json(Comparison c) {
    ObjectNode root = Json.document();
    ArrayNode steps = root.putArray("steps");
    for (Comparison.StepComparison s : c.steps()) {
      ObjectNode o = steps.addObject();
      put(o, "baselineConcurrency", s.baseline().concurrency());
      put(o, "newConcurrency", s.candidate().concurrency());
      ArrayNode diffs = o.putArray("differences");
      for (MetricDifference d : s.differences()) {
        ObjectNode x = diffs.addObject();
        x.put("metric", d.metric().id());
        put(x, "baseline", d.baseline());
        put(x, "new", d.candidate());
        put(x, "difference", d.difference());
        if (d.relative() == null) {
          x.putNull("relative");
        } else {
          put(x, "relative", d.relative());
        }
        ObjectNode i = x.putObject("interval");
        put(i, "lower", d.lower());
        put(i, "upper", d.upper());
        i.put("method", d.method().id());
        i.put("meaning", d.method().description());
        x.put("significant", d.significant());
      }
    }
    ArrayNode gates = root.putArray("gates");
    for (Gate g : c.gates()) {
      ObjectNode o = gates.addObject();
      o.put("gate", g.toString());
      o.put("metric", g.metric().id());
      put(o, "percent", g.percent());
      o.put("failed", c.failures().stream().anyMatch(f -> f.gate().equals(g)));
    }
    root.put("failed", !c.failures().isEmpty());
    ArrayNode warnings = root.putArray("warnings");
    c.warnings().forEach(warnings::add);
    return Json.write(root);
  }

  private static void put(ObjectNode o, String name, double v) {
    o.put(name, Json.number(v));
  }

  private static String num(double v) {
    return Units.format(v, 5);
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + Units.format(v, 4);
  }
}
