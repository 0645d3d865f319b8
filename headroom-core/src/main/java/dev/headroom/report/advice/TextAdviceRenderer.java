package dev.headroom.report.advice;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.bottleneck.Bottleneck;
import dev.headroom.analysis.capacity.CapacityItem;
import dev.headroom.analysis.cost.CostLine;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.analysis.health.HealthMetric;
import dev.headroom.analysis.health.SlowRequests;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.Placement;
import dev.headroom.analysis.stage.Trigger;
import dev.headroom.model.Figure;
import dev.headroom.model.Units;
import dev.headroom.plan.Recommendation;
import java.util.List;
import java.util.Locale;

/**
 * The assessment for a terminal: sections in the order a reader asks (stage, health, bottlenecks,
 * plan, capacity, cost, gaps), each figure followed by its provenance in brackets.
 */
public final class TextAdviceRenderer implements AdviceRenderer {

  @Override
  public String render(Advice a) {
    StringBuilder t = new StringBuilder();
    t.append("headroom: ")
        .append(a.system().name())
        .append(" (")
        .append(a.system().source())
        .append(")\n");
    if (!a.system().observationsWindow().isEmpty()) {
      t.append("observations: ").append(a.system().observationsWindow()).append('\n');
    }
    t.append('\n');

    head(t, "STAGE");
    t.append("  ")
        .append(a.stage().stage().id().toUpperCase(Locale.ROOT))
        .append(": ")
        .append(a.stage().explanation())
        .append('\n');
    for (Placement p : a.stage().ladders()) {
      t.append("  ")
          .append(p.knowledge())
          .append(' ')
          .append(p.ladder())
          .append(": ")
          .append(p.step())
          .append(" -> ")
          .append(p.stage().id())
          .append(" (by ")
          .append(fig(p.by()))
          .append(")\n");
    }
    if (a.stage().next() != null) {
      t.append("  next: ")
          .append(a.stage().next().id())
          .append(", ")
          .append(a.stage().firedNextTriggers())
          .append(" of ")
          .append(a.stage().nextTriggers().size())
          .append(" triggers fire\n");
      for (Trigger tr : a.stage().nextTriggers()) {
        t.append("    [")
            .append(pad(tr.status().id(), 7))
            .append("] ")
            .append(tr.description())
            .append(" (")
            .append(tr.knowledge())
            .append(")");
        if (tr.status() == Trigger.Status.UNKNOWN) {
          t.append(": needs ").append(tr.needs());
        } else if (tr.current() != null && tr.threshold() != null) {
          t.append(": ")
              .append(fig(tr.current()))
              .append(" vs ")
              .append(tr.threshold().formatted())
              .append(", ")
              .append(tr.distance());
        } else if (!tr.distance().isEmpty()) {
          t.append(": ").append(tr.distance());
        }
        t.append('\n');
      }
    }
    t.append('\n');

    head(t, "HEALTH");
    for (HealthMetric m : a.health().metrics()) {
      t.append("  ")
          .append(pad(m.status().id().toUpperCase(Locale.ROOT), 8))
          .append(' ')
          .append(pad(m.label(), 34))
          .append(' ');
      if (m.value() == null) {
        t.append("not measured (").append(m.needs()).append(")\n");
        continue;
      }
      t.append(pad(m.value().formatted(), 9)).append(" target ").append(m.target().formatted());
      if (m.critical() != null) {
        t.append(", critical above ").append(m.critical().formatted());
      }
      t.append(" (")
          .append(m.knowledge())
          .append(m.target().provenance().kind().equals("declared") ? ", your SLO" : "")
          .append(")  [")
          .append(m.value().provenance().describe())
          .append("]\n");
    }
    if (!a.health().slowRequests().isEmpty()) {
      t.append("  slow requests per second (M6):");
      for (SlowRequests s : a.health().slowRequests()) {
        t.append(' ').append(s.percentile()).append(' ').append(s.slowPerSecond().formatted());
      }
      t.append("  [")
          .append(a.health().slowRequests().get(0).slowPerSecond().provenance().describe())
          .append("]\n");
    }
    t.append('\n');

    head(t, "BOTTLENECKS");
    if (a.bottlenecks().ranked().isEmpty()) {
      t.append("  ").append(a.bottlenecks().advice()).append('\n');
      for (String m : a.bottlenecks().measureNext()) {
        t.append("  - measure ").append(m).append('\n');
      }
    }
    for (Bottleneck b : a.bottlenecks().ranked()) {
      t.append("  ")
          .append(b.rank())
          .append(". ")
          .append(b.layer().id())
          .append(" (")
          .append(b.severity().id())
          .append("): ")
          .append(String.join(", ", b.findings()))
          .append("; ")
          .append(b.remedies())
          .append('\n');
    }
    t.append('\n');

    head(t, "FINDINGS");
    if (a.findings().isEmpty()) {
      t.append("  none\n");
    }
    for (Finding f : a.findings()) {
      t.append("  ")
          .append(pad(f.severity().id().toUpperCase(Locale.ROOT), 8))
          .append(' ')
          .append(f.ruleId())
          .append(' ')
          .append(f.title())
          .append(" [")
          .append(String.join(", ", f.knowledge()))
          .append("]\n");
      t.append("           ").append(f.message()).append('\n');
      evidence(t, f.evidence(), "           ");
    }
    t.append('\n');

    head(t, "PLAN");
    if (a.plan().recommendations().isEmpty()) {
      t.append("  nothing to change now\n");
    }
    for (Recommendation r : a.plan().recommendations()) {
      t.append("  ")
          .append(r.order())
          .append(". ")
          .append(r.action().id())
          .append(": ")
          .append(r.action().title())
          .append(" [")
          .append(r.severity().id())
          .append("; ")
          .append(r.action().ladder())
          .append(", ")
          .append(r.action().step().id())
          .append("]\n");
      t.append("     why: ")
          .append(String.join(" ", r.why()))
          .append(" (")
          .append(String.join(", ", r.knowledge()))
          .append(")\n");
      t.append("     effect: ").append(r.action().effect()).append('\n');
      t.append("     cost: ");
      if (r.costDelta().delta() == null) {
        t.append("not priced: needs ").append(r.costDelta().needs());
      } else {
        t.append(r.costDelta().delta().value() >= 0 ? "+" : "").append(fig(r.costDelta().delta()));
      }
      if (r.costAfter() != null) {
        t.append("; then ").append(r.costAfter().formatted());
      }
      t.append('\n');
      t.append("     then measure: ").append(r.action().verify()).append('\n');
    }
    if (!a.plan().warnings().isEmpty()) {
      t.append("  not yet:\n");
      for (Recommendation w : a.plan().warnings()) {
        t.append("  - ")
            .append(w.action().id())
            .append(": ")
            .append(String.join(" ", w.why()))
            .append(" (")
            .append(String.join(", ", w.knowledge()))
            .append(")\n");
      }
    }
    t.append('\n');

    head(t, "CAPACITY");
    for (CapacityItem i : a.capacity().items()) {
      t.append("  ")
          .append(pad(i.label(), 58))
          .append(' ')
          .append(pad(i.value().formatted(), 12))
          .append(" [")
          .append(i.value().provenance().describe())
          .append("]\n");
    }
    for (String n : a.capacity().notes()) {
      t.append("  note: ").append(n).append('\n');
    }
    t.append('\n');

    head(t, "COST");
    t.append("  now: ")
        .append(a.cost().now() == null ? "not fully priced" : fig(a.cost().now()))
        .append('\n');
    for (CostLine l : a.cost().components()) {
      t.append("    ")
          .append(pad(l.item(), 14))
          .append(' ')
          .append(l.monthly() == null ? "not priced: needs " + l.needs() : fig(l.monthly()))
          .append('\n');
    }
    t.append("  ").append(a.cost().stageBand()).append('\n');
    if (!a.cost().verticalVsHorizontal().isEmpty()) {
      t.append("  app tier at the growth target needs ")
          .append(fig(a.cost().neededVcpu()))
          .append(" vCPU\n");
      scenarios(t, a.cost().verticalVsHorizontal());
      t.append("  choice: ").append(a.cost().choice()).append('\n');
      t.append("  availability vs cost ($3):\n");
      scenarios(t, a.cost().availabilityVsCost());
    }
    t.append('\n');

    if (!a.notEvaluated().isEmpty()) {
      head(t, "NOT EVALUATED");
      for (NotEvaluated n : a.notEvaluated()) {
        t.append("  ")
            .append(n.rule())
            .append(' ')
            .append(n.title())
            .append(": needs ")
            .append(String.join(", ", n.needs()))
            .append('\n');
        for (String h : n.how()) {
          t.append("      ").append(h).append('\n');
        }
      }
    }
    return t.toString();
  }

  private static void scenarios(StringBuilder t, List<Scenario> list) {
    for (Scenario s : list) {
      t.append("    ")
          .append(pad(s.name(), 22))
          .append(' ')
          .append(s.machines())
          .append(" x ")
          .append(Units.format(s.vcpuEach(), 4))
          .append(" vCPU  ")
          .append(pad(s.monthly().formatted(), 18))
          .append(" [")
          .append(s.monthly().provenance().describe())
          .append("]");
      if (s.availability() != null) {
        t.append(" availability ").append(s.availability().formatted());
      }
      if (!s.note().isEmpty()) {
        t.append("  (").append(s.note()).append(")");
      }
      t.append('\n');
    }
  }

  private static void evidence(StringBuilder t, List<Evidence> list, String indent) {
    for (Evidence e : list) {
      t.append(indent)
          .append("- ")
          .append(e.label())
          .append(" = ")
          .append(fig(e.figure()))
          .append('\n');
    }
  }

  private static void head(StringBuilder t, String title) {
    t.append(title).append('\n');
  }

  static String fig(Figure f) {
    return f.formatted() + " [" + f.provenance().describe() + "]";
  }

  private static String pad(String s, int width) {
    if (s.length() >= width) {
      return s;
    }
    return s + " ".repeat(width - s.length());
  }
}
