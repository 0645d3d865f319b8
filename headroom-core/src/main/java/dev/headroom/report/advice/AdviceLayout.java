package dev.headroom.report.advice;

import static dev.headroom.report.doc.Text.code;
import static dev.headroom.report.doc.Text.strong;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.bottleneck.Bottleneck;
import dev.headroom.analysis.capacity.CapacityItem;
import dev.headroom.analysis.cost.CostLine;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.health.HealthMetric;
import dev.headroom.analysis.health.SlowRequests;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.Placement;
import dev.headroom.analysis.stage.Trigger;
import dev.headroom.model.Figure;
import dev.headroom.model.Units;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Block.Column;
import dev.headroom.report.doc.Block.Item;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The one layout of the full assessment, in the order a reader asks: where it stands (stage,
 * health), what limits it (bottlenecks, findings), what to do next and what not yet, how far it
 * goes (capacity), what it costs, and what could not be evaluated. Every writer draws this same
 * document; every figure goes in as a figure, so it keeps its provenance in every format.
 */
final class AdviceLayout {
  private static final Text NONE = Text.of("—");

  private AdviceLayout() {}

  static Document layout(Advice a) {
    List<Block> doc = new ArrayList<>(AdviceSections.header(a));
    doc.add(section("Where it stands", stage(a)));
    doc.add(section("Health", health(a)));
    doc.add(section("What limits it", limits(a)));
    doc.add(section("What to do next", plan(a)));
    doc.add(section("How far it goes: capacity", capacity(a)));
    if (!a.forecasts().isEmpty()) {
      doc.add(section("Forecasts", forecasts(a)));
    }
    doc.add(section("Cost", cost(a)));
    if (!a.notEvaluated().isEmpty()) {
      doc.add(section("Not evaluated", List.of(notEvaluated(a))));
    }
    return new Document(Text.of("Scalability assessment: " + a.system().name()), doc);
  }

  private static List<Block> stage(Advice a) {
    List<Block> out = new ArrayList<>();
    out.add(
        paragraph(
            strong("Stage: " + a.stage().stage().id()),
            " (" + a.stage().decidedBy() + "). " + a.stage().explanation()));
    if (!a.stage().ladders().isEmpty()) {
      List<List<Text>> rows = new ArrayList<>();
      for (Placement p : a.stage().ladders()) {
        rows.add(
            List.of(
                Text.of(p.ladder() + " (" + p.knowledge() + ")"),
                Text.of(p.step()),
                Text.of(p.stage().id()),
                Text.of(p.by())));
      }
      out.add(table(rows, "ladder", "placement", "stage", "by"));
    }
    if (a.stage().next() != null) {
      out.add(AdviceSections.nextStage(a));
      List<List<Text>> rows = new ArrayList<>();
      for (Trigger t : a.stage().nextTriggers()) {
        rows.add(
            List.of(
                Text.of(t.description() + " (" + t.knowledge() + ")"),
                Text.of(t.status().id()),
                orNone(t.current()),
                orNone(t.threshold()),
                Text.of(
                    t.status() == Trigger.Status.UNKNOWN ? "needs " + t.needs() : t.distance())));
      }
      out.add(table(rows, "trigger", "status", "now", "threshold", "distance"));
    }
    return out;
  }

  private static List<Block> health(Advice a) {
    List<Block> out = new ArrayList<>();
    List<List<Text>> rows = new ArrayList<>();
    for (HealthMetric m : a.health().metrics()) {
      rows.add(
          List.of(
              Text.of(m.status().id()),
              Text.of(m.label()),
              m.value() == null ? Text.of("not measured: " + m.needs()) : Text.of(m.value()),
              Text.of(m.target()),
              orNone(m.critical())));
    }
    out.add(table(rows, "status", "metric", "value", "target", "critical above"));
    if (!a.health().slowRequests().isEmpty()) {
      out.add(paragraph("Slow requests per second (M6):"));
      List<Item> items = new ArrayList<>();
      for (SlowRequests s : a.health().slowRequests()) {
        items.add(
            new Item(
                Text.of(
                    "slower than "
                        + s.percentile()
                        + (s.latency() == null ? "" : " (" + s.latency().formatted() + ")")
                        + ": ",
                    s.slowPerSecond())));
      }
      out.add(bullets(items));
    }
    return out;
  }

  private static List<Block> limits(Advice a) {
    List<Block> out = new ArrayList<>();
    if (a.bottlenecks().ranked().isEmpty()) {
      out.add(paragraph(a.bottlenecks().advice()));
      if (!a.bottlenecks().measureNext().isEmpty()) {
        out.add(paragraph("Measure next:"));
        out.add(bullets(a.bottlenecks().measureNext().stream().map(m -> item(m)).toList()));
      }
    } else {
      List<Item> items = new ArrayList<>();
      for (Bottleneck b : a.bottlenecks().ranked()) {
        items.add(new Item(AdviceSections.bottleneck("", b), evidence(b.evidence())));
      }
      out.add(new Block.ItemList(true, items));
    }
    if (!a.findings().isEmpty()) {
      List<Item> items = new ArrayList<>();
      for (Finding f : a.findings()) {
        items.add(
            new Item(
                Text.of(
                    strong(f.severity().id()),
                    " ",
                    code(f.ruleId()),
                    " "
                        + f.title()
                        + " ("
                        + f.layer().id()
                        + "; "
                        + String.join(", ", f.knowledge())
                        + "): "
                        + f.message()),
                evidence(f.evidence())));
      }
      out.add(new Block.Section(3, Text.of("Findings"), List.of(bullets(items))));
    }
    return out;
  }

  private static List<Block> plan(Advice a) {
    List<Block> out = new ArrayList<>();
    if (a.plan().recommendations().isEmpty()) {
      out.add(paragraph("Nothing to change now."));
    }
    for (Recommendation r : a.plan().recommendations()) {
      Text ladder =
          Text.of(
              "severity: " + r.severity().id() + "; ladder: " + r.action().ladder() + ", step ",
              strong(r.action().step().id()),
              r.action().ladderSteps().isEmpty()
                  ? ""
                  : " (" + String.join(" → ", r.action().ladderSteps()) + ")");
      List<Object> cost = new ArrayList<>(List.of("monthly cost: "));
      cost.addAll(AdviceSections.costDelta(r));
      if (r.costAfter() != null) {
        cost.add("; after this step " + r.costAfter().formatted());
      }
      List<Item> items = new ArrayList<>();
      items.add(new Item(ladder));
      items.add(
          item(
              "why: " + String.join(" ", r.why()) + " [" + String.join(", ", r.knowledge()) + "]"));
      items.add(item("expected effect: " + r.action().effect()));
      items.add(new Item(Text.of(cost.toArray())));
      if (!r.outcome().isEmpty()) {
        items.add(item("on the model: " + r.outcome()));
      }
      items.add(item("then measure: " + r.action().verify()));
      out.add(
          new Block.Section(
              3,
              Text.of(r.order() + ". " + r.action().title() + " (", code(r.action().id()), ")"),
              List.of(bullets(items))));
    }
    if (!a.plan().warnings().isEmpty()) {
      List<Item> items = new ArrayList<>();
      for (Recommendation w : a.plan().warnings()) {
        items.add(
            new Item(
                Text.of(
                    strong(w.action().title()),
                    " (",
                    code(w.action().id()),
                    "): "
                        + String.join(" ", w.why())
                        + " Revisit: "
                        + w.action().verify()
                        + " ["
                        + String.join(", ", w.knowledge())
                        + "]")));
      }
      out.add(new Block.Section(3, Text.of("Not yet"), List.of(bullets(items))));
    }
    return out;
  }

  private static List<Block> capacity(Advice a) {
    List<Block> out = new ArrayList<>();
    List<List<Text>> rows = new ArrayList<>();
    for (CapacityItem i : a.capacity().items()) {
      rows.add(List.of(Text.of(i.label()), Text.of(i.value()), Text.of(i.knowledge())));
    }
    out.add(table(rows, "item", "value", "knowledge"));
    if (!a.capacity().notes().isEmpty()) {
      out.add(new Block.Notes(a.capacity().notes().stream().map(n -> Text.of(n)).toList()));
    }
    return out;
  }

  /** Each measured series: when it reaches its rule's threshold, and how fast it grows. */
  private static List<Block> forecasts(Advice a) {
    List<List<Text>> rows = new ArrayList<>();
    List<Text> models = new ArrayList<>();
    for (Forecast f : a.forecasts()) {
      rows.add(
          List.of(
              Text.of(f.subject()),
              f.lastPeak().map(Text::of).orElse(NONE),
              f.limit().map(l -> Text.of(l.value(), " (" + l.rule() + ")")).orElse(NONE),
              Text.of(ForecastText.outlook(f)),
              f.growth()
                  .map(g -> Text.of(g.median(), " (" + ForecastText.growthInterval(g) + ")"))
                  .orElse(NONE)));
      models.add(Text.of(f.subject() + ": " + f.series().describe()));
    }
    List<Block> out = new ArrayList<>();
    out.add(table(rows, "series", "last week's peak", "threshold", "when", "growth per month"));
    out.add(new Block.Notes(models));
    return out;
  }

  private static List<Block> cost(Advice a) {
    List<Block> out = new ArrayList<>();
    out.add(AdviceSections.costNow(a, "Now: ", "."));
    List<Item> lines = new ArrayList<>();
    for (CostLine l : a.cost().components()) {
      lines.add(
          new Item(
              l.monthly() == null
                  ? Text.of(l.item() + ": not priced (needs " + l.needs() + ")")
                  : Text.of(l.item() + ": ", l.monthly())));
    }
    out.add(bullets(lines));
    out.add(paragraph(a.cost().stageBand() + "."));
    if (!a.cost().verticalVsHorizontal().isEmpty()) {
      out.add(
          paragraph(
              "Vertical vs horizontal for the app tier at ", a.cost().neededVcpu(), " vCPU:"));
      out.add(scenarios(a.cost().verticalVsHorizontal()));
      out.add(paragraph("Choice: " + a.cost().choice() + "."));
      out.add(paragraph("Availability vs cost ($3, on the same vCPUs):"));
      out.add(scenarios(a.cost().availabilityVsCost()));
    }
    return out;
  }

  private static Block scenarios(List<Scenario> list) {
    List<List<Text>> rows = new ArrayList<>();
    for (Scenario s : list) {
      rows.add(
          List.of(
              Text.of(s.name()),
              Text.of(Long.toString(s.machines())),
              Text.of(Units.format(s.vcpuEach(), 4)),
              Text.of(s.monthly()),
              orNone(s.availability()),
              Text.of(s.note())));
    }
    return table(rows, "option", "machines", "vCPU each", "monthly", "availability", "note");
  }

  private static Block notEvaluated(Advice a) {
    List<Item> items = new ArrayList<>();
    for (NotEvaluated n : a.notEvaluated()) {
      items.add(
          new Item(
              Text.of(
                  code(n.rule()),
                  " "
                      + n.title()
                      + ": needs "
                      + String.join(", ", n.needs())
                      + ". "
                      + String.join("; ", n.how()))));
    }
    return bullets(items);
  }

  /** Each figure that supports a conclusion, under it. */
  private static List<Item> evidence(List<Evidence> list) {
    return list.stream().map(e -> new Item(Text.of(e.label() + ": ", e.figure()))).toList();
  }

  private static Text orNone(Figure f) {
    return f == null ? NONE : Text.of(f);
  }

  static Block.Section section(String heading, List<Block> blocks) {
    return new Block.Section(2, Text.of(heading), blocks);
  }

  static Block paragraph(Object... pieces) {
    return new Block.Paragraph(Text.of(pieces));
  }

  static Block bullets(List<Item> items) {
    return new Block.ItemList(false, items);
  }

  private static Item item(String s) {
    return new Item(Text.of(s));
  }

  private static Block table(List<List<Text>> rows, String... headers) {
    List<Column> columns = new ArrayList<>();
    for (String h : headers) {
      columns.add(Column.left(h));
    }
    return new Block.Table(columns, rows);
  }
}
