package dev.headroom.report.roadmap;

import dev.headroom.model.Figure;
import dev.headroom.model.Units;
import dev.headroom.plan.roadmap.Alternative;
import dev.headroom.plan.roadmap.Breakpoint;
import dev.headroom.plan.roadmap.MonthlyCost;
import dev.headroom.plan.roadmap.Remedy;
import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.plan.roadmap.RoadmapStep;
import dev.headroom.plan.roadmap.SimulationCheck;
import dev.headroom.plan.roadmap.Sizes;
import dev.headroom.plan.roadmap.UncertaintyRange;
import dev.headroom.plan.roadmap.Warning;
import dev.headroom.report.SchemaVersion;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Block.Column;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a roadmap out once for text and Markdown: a summary table (one line per row: load, date,
 * stage, what breaks first, the remedies, the bill after), then each row in full with the figures
 * that show its breaks, their thresholds and provenance, the alternatives and why they lost. An
 * uncertainty range and a simulation check are drawn only when present.
 */
public final class RoadmapLayout {

  private RoadmapLayout() {}

  public static Document layout(Roadmap r) {
    List<Block> doc = new ArrayList<>();
    doc.add(
        new Block.Paragraph(
            Text.of(
                "Report schema "
                    + SchemaVersion.CURRENT
                    + ". From today ("
                    + r.today()
                    + ", "
                    + r.todaySource()
                    + ") to ",
                Text.strong(r.to().formatted()),
                " today's load; the growth target is ",
                Text.strong(r.target().formatted()),
                r.monthlyGrowth() == null
                    ? "; no growth rate, so no dates."
                    : " at " + r.monthlyGrowth().formatted() + ".")));
    doc.add(summary(r));
    if (r.firstBreaks().stream().anyMatch(b -> b.range() != null)) {
      doc.add(ranges(r));
    }
    for (RoadmapStep s : r.steps()) {
      doc.add(step(s));
    }
    List<Block.Item> notes = new ArrayList<>();
    r.notes().forEach(n -> notes.add(new Block.Item(Text.of(n))));
    doc.add(
        new Block.Section(
            2, Text.of("Assumptions and limits"), List.of(new Block.ItemList(false, notes))));
    return new Document(Text.of("Growth roadmap: " + r.system()), doc);
  }

  private static Block summary(Roadmap r) {
    List<Column> cols =
        List.of(
            Column.left("load"),
            Column.left("reached"),
            Column.left("stage"),
            Column.left("breaks first"),
            Column.left("remedy"),
            Column.left("USD/month after"));
    List<List<Text>> rows = new ArrayList<>();
    for (RoadmapStep s : r.steps()) {
      Breakpoint b = s.breaks().stream().filter(x -> !x.carried()).findFirst().orElse(null);
      String first =
          b == null
              ? "nothing new"
              : b.kind().id() + (b.component().isEmpty() ? "" : " (" + b.component() + ")");
      List<String> actions = new ArrayList<>();
      for (Remedy m : s.remedies()) {
        if (!actions.contains(m.action())) {
          actions.add(m.action());
        }
      }
      rows.add(
          List.of(
              Text.of(s.multiple().formatted() + (s.growthTarget() ? " (target)" : "")),
              Text.of(s.date() == null ? "—" : s.date().toString()),
              Text.of(s.stage().id()),
              Text.of(first),
              Text.of(actions.isEmpty() ? "—" : String.join(", ", actions)),
              Text.of(cost(s.costAfter()))));
    }
    return new Block.Section(2, Text.of("Roadmap"), List.of(new Block.Table(cols, rows)));
  }

  private static String cost(MonthlyCost c) {
    // whole cents, never rounded to six digits: 853,623.25 is not 853623
    return (c.lowerBound() ? "≥ " : "")
        + java.math.BigDecimal.valueOf(c.amount().value())
            .setScale(2, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString();
  }

  private static Block step(RoadmapStep s) {
    List<Block> blocks = new ArrayList<>();
    List<Block.Quantity> q = new ArrayList<>();
    if (s.date() != null) {
      q.add(quantity("reached", Text.of(s.date() + " (in ", s.months(), " months)")));
    }
    q.add(quantity("stage", Text.of(s.stage().id())));
    if (s.appUtilisation() != null) {
      q.add(
          quantity("front app CPU", Text.of(s.appUtilisation(), " -> ", s.appUtilisationAfter())));
    }
    if (s.primaryUtilisation() != null) {
      q.add(
          quantity(
              "primary CPU", Text.of(s.primaryUtilisation(), " -> ", s.primaryUtilisationAfter())));
    }
    Sizes z = s.sizes();
    if (z.appInstances() != null) {
      q.add(quantity("front app instances needed", Text.of(z.appInstances())));
    }
    if (z.replicas() != null) {
      q.add(quantity("read replicas needed", Text.of(z.replicas())));
    }
    if (z.cacheMemory() != null) {
      q.add(quantity("cache memory for the working set", Text.of(z.cacheMemory())));
    }
    if (z.shards() != null && z.shards().value() > 1) {
      q.add(quantity("primaries (shards)", Text.of(z.shards())));
    }
    q.add(
        quantity(
            "monthly cost",
            Text.of(
                (s.costBefore().lowerBound() ? "at least " : ""),
                s.costBefore().amount(),
                " -> " + (s.costAfter().lowerBound() ? "at least " : ""),
                s.costAfter().amount())));
    blocks.add(new Block.Quantities(q));
    if (!s.breaks().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Breakpoint b : s.breaks()) {
        items.add(breakItem(b));
      }
      blocks.add(
          new Block.Section(4, Text.of("What breaks"), List.of(new Block.ItemList(false, items))));
    }
    if (!s.remedies().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Remedy m : s.remedies()) {
        items.add(
            new Block.Item(
                Text.of(
                    Text.code(m.action()),
                    ": " + m.change() + " [" + String.join(", ", m.knowledge()) + "]")));
      }
      blocks.add(new Block.Section(4, Text.of("Remedy"), List.of(new Block.ItemList(true, items))));
    }
    if (!s.alternatives().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Alternative a : s.alternatives()) {
        items.add(
            new Block.Item(
                a.monthlyCost() == null
                    ? Text.of(a.option() + " (not priced): " + a.whyLost())
                    : Text.of(a.option() + ", ", a.monthlyCost(), ": " + a.whyLost())));
      }
      blocks.add(
          new Block.Section(
              4, Text.of("Considered and not taken"), List.of(new Block.ItemList(false, items))));
    }
    if (!s.warnings().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Warning w : s.warnings()) {
        items.add(
            new Block.Item(Text.of(Text.code(w.action()), ": " + w.title() + ": " + w.why())));
      }
      blocks.add(
          new Block.Section(4, Text.of("Not yet"), List.of(new Block.ItemList(false, items))));
    }
    SimulationCheck sim = s.simulation();
    if (sim != null) {
      blocks.add(
          new Block.Paragraph(
              Text.of(
                  "Simulation check: p95 ",
                  sim.p95(),
                  " (",
                  sim.p95Low(),
                  " to ",
                  sim.p95High(),
                  ") " + (sim.meetsSlo() ? "meets" : "misses") + " the SLO. " + sim.note())));
    }
    String title =
        "At "
            + s.multiple().formatted()
            + (s.growthTarget() ? " (the growth target)" : "")
            + (s.date() == null ? "" : ", " + s.date());
    return new Block.Section(3, Text.of(title), blocks);
  }

  /** Each first break with its sampled range (only when the uncertainty engine filled them). */
  private static Block ranges(Roadmap r) {
    List<Block.Item> items = new ArrayList<>();
    for (Breakpoint b : r.firstBreaks()) {
      List<Object> parts = new ArrayList<>();
      parts.add(Text.strong(b.kind().id()));
      parts.add((b.component().isEmpty() ? "" : " (" + b.component() + ")") + " from ");
      parts.add(b.multiple());
      parts.add(b.range() == null ? " (not sampled)" : " (" + rangeText(b.range()) + ")");
      items.add(new Block.Item(Text.of(parts.toArray())));
    }
    return new Block.Section(
        2, Text.of("First breaks, sampled"), List.of(new Block.ItemList(false, items)));
  }

  /**
   * "80%: 0.81x–0.99x; 2026-11-22 to 2027-01-10", with the share of draws that do not break before
   * the roadmap's end when there are any.
   */
  static String rangeText(UncertaintyRange u) {
    String level = Units.format(u.level(), dev.headroom.model.Dimension.RATIO);
    String multiples =
        u.low() == null
            ? "beyond the roadmap's end"
            : u.low().formatted()
                + "–"
                + (u.high() == null ? "beyond the roadmap's end" : u.high().formatted());
    String dates =
        u.lowDate() == null
            ? ""
            : "; "
                + u.lowDate()
                + " to "
                + (u.highDate() == null ? "never within the roadmap" : u.highDate().toString());
    String censored =
        u.censored() > 0
            ? "; "
                + Units.format(u.censored(), dev.headroom.model.Dimension.RATIO)
                + " of draws do not break before the roadmap's end"
            : "";
    return level + ": " + multiples + dates + censored;
  }

  private static Block.Item breakItem(Breakpoint b) {
    List<Object> parts = new ArrayList<>();
    parts.add(Text.strong(b.kind().id()));
    parts.add((b.component().isEmpty() ? "" : " (" + b.component() + ")") + " from ");
    parts.add(b.multiple());
    parts.add(b.date() == null ? ": " : " (" + b.date() + "): ");
    parts.add(b.figure());
    parts.add(" against ");
    parts.add(b.threshold());
    parts.add(
        "; "
            + b.note()
            + " ["
            + String.join(", ", b.kind().knowledge())
            + "]"
            + (b.open() ? " STILL OPEN after the remedies" : "")
            + (b.carried() ? " (open since an earlier row)." : b.open() ? "." : ""));
    if (b.range() != null) {
      parts.add(" Sampled: " + rangeText(b.range()) + ".");
    }
    return new Block.Item(Text.of(parts.toArray()));
  }

  private static Block.Quantity quantity(String name, Text value) {
    return new Block.Quantity(Text.of(name), value);
  }

  static String figureOrDash(Figure f) {
    return f == null ? "—" : f.formatted();
  }
}
