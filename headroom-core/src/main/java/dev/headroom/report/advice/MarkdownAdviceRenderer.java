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
import dev.headroom.plan.Recommendation;
import dev.headroom.report.SchemaVersion;
import java.util.List;

/** The assessment as a Markdown document, every figure followed by where it came from. */
public final class MarkdownAdviceRenderer implements AdviceRenderer {

  @Override
  public String render(Advice a) {
    StringBuilder md = new StringBuilder();
    md.append("# Scalability assessment: ").append(esc(a.system().name())).append("\n\n");
    if (!a.system().description().isEmpty()) {
      md.append(esc(a.system().description())).append("\n\n");
    }
    md.append("Source: `").append(a.system().source()).append("`");
    if (!a.system().observationsWindow().isEmpty()) {
      md.append(" · observations: ").append(esc(a.system().observationsWindow()));
    }
    md.append(" · report schema ").append(SchemaVersion.CURRENT).append("\n\n");

    md.append("## Where it stands\n\n");
    md.append("**Stage: ")
        .append(a.stage().stage().id())
        .append("** (")
        .append(esc(a.stage().decidedBy()))
        .append("). ")
        .append(esc(a.stage().explanation()))
        .append("\n\n");
    if (!a.stage().ladders().isEmpty()) {
      md.append("| ladder | placement | stage | by |\n|---|---|---|---|\n");
      for (Placement p : a.stage().ladders()) {
        md.append("| ")
            .append(esc(p.ladder()))
            .append(" (")
            .append(p.knowledge())
            .append(") | ")
            .append(esc(p.step()))
            .append(" | ")
            .append(p.stage().id())
            .append(" | ")
            .append(fig(p.by()))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (a.stage().next() != null) {
      md.append("**Next: ")
          .append(a.stage().next().id())
          .append("**: ")
          .append(a.stage().firedNextTriggers())
          .append(" of ")
          .append(a.stage().nextTriggers().size())
          .append(" triggers fire.\n\n");
      md.append("| trigger | status | now | threshold | distance |\n|---|---|---|---|---|\n");
      for (Trigger t : a.stage().nextTriggers()) {
        md.append("| ")
            .append(esc(t.description()))
            .append(" (")
            .append(t.knowledge())
            .append(") | ")
            .append(t.status().id())
            .append(" | ")
            .append(t.current() == null ? "—" : fig(t.current()))
            .append(" | ")
            .append(t.threshold() == null ? "—" : fig(t.threshold()))
            .append(" | ")
            .append(
                t.status() == Trigger.Status.UNKNOWN
                    ? "needs " + esc(t.needs())
                    : esc(t.distance()))
            .append(" |\n");
      }
      md.append('\n');
    }

    md.append(
        "## Health\n\n| status | metric | value | target | warning |\n|---|---|---|---|---|\n");
    for (HealthMetric m : a.health().metrics()) {
      md.append("| ")
          .append(m.status().id())
          .append(" | ")
          .append(esc(m.label()))
          .append(" | ")
          .append(m.value() == null ? "not measured: " + esc(m.needs()) : fig(m.value()))
          .append(" | ")
          .append(fig(m.target()))
          .append(" | ")
          .append(m.warning() == null ? "—" : fig(m.warning()))
          .append(" |\n");
    }
    md.append('\n');
    if (!a.health().slowRequests().isEmpty()) {
      md.append("Slow requests per second (M6):\n\n");
      for (SlowRequests s : a.health().slowRequests()) {
        md.append("- slower than ")
            .append(s.percentile())
            .append(s.latency() == null ? "" : " (" + s.latency().formatted() + ")")
            .append(": ")
            .append(fig(s.slowPerSecond()))
            .append('\n');
      }
      md.append('\n');
    }

    md.append("## What limits it\n\n");
    if (a.bottlenecks().ranked().isEmpty()) {
      md.append(esc(a.bottlenecks().advice())).append("\n\n");
      if (!a.bottlenecks().measureNext().isEmpty()) {
        md.append("Measure next:\n\n");
        a.bottlenecks().measureNext().forEach(x -> md.append("- ").append(esc(x)).append('\n'));
        md.append('\n');
      }
    } else {
      for (Bottleneck b : a.bottlenecks().ranked()) {
        md.append(b.rank())
            .append(". **")
            .append(b.layer().id())
            .append("** (")
            .append(b.severity().id())
            .append("; ")
            .append(String.join(", ", b.findings()))
            .append("): ")
            .append(esc(b.remedies()))
            .append('\n');
        evidence(md, b.evidence(), "   - ");
      }
      md.append('\n');
    }
    if (!a.findings().isEmpty()) {
      md.append("### Findings\n\n");
      for (Finding f : a.findings()) {
        md.append("- **")
            .append(f.severity().id())
            .append("** `")
            .append(f.ruleId())
            .append("` ")
            .append(esc(f.title()))
            .append(" (")
            .append(f.layer().id())
            .append("; ")
            .append(String.join(", ", f.knowledge()))
            .append("): ")
            .append(esc(f.message()))
            .append('\n');
        evidence(md, f.evidence(), "  - ");
      }
      md.append('\n');
    }

    md.append("## What to do next\n\n");
    if (a.plan().recommendations().isEmpty()) {
      md.append("Nothing to change now.\n\n");
    }
    for (Recommendation r : a.plan().recommendations()) {
      md.append("### ")
          .append(r.order())
          .append(". ")
          .append(esc(r.action().title()))
          .append(" (`")
          .append(r.action().id())
          .append("`)\n\n");
      md.append("- severity: ")
          .append(r.severity().id())
          .append("; ladder: ")
          .append(esc(r.action().ladder()))
          .append(", step **")
          .append(r.action().step().id())
          .append("**");
      if (!r.action().ladderSteps().isEmpty()) {
        md.append(" (").append(esc(String.join(" → ", r.action().ladderSteps()))).append(")");
      }
      md.append('\n');
      md.append("- why: ")
          .append(esc(String.join(" ", r.why())))
          .append(" [")
          .append(String.join(", ", r.knowledge()))
          .append("]\n");
      md.append("- expected effect: ").append(esc(r.action().effect())).append('\n');
      md.append("- monthly cost: ")
          .append(
              r.costDelta().delta() == null
                  ? "not priced (needs " + esc(r.costDelta().needs()) + ")"
                  : signed(r.costDelta().delta()));
      if (r.costAfter() != null) {
        md.append("; after this step ").append(r.costAfter().formatted());
      }
      md.append('\n');
      md.append("- then measure: ").append(esc(r.action().verify())).append("\n\n");
    }
    if (!a.plan().warnings().isEmpty()) {
      md.append("### Not yet\n\n");
      for (Recommendation w : a.plan().warnings()) {
        md.append("- **")
            .append(esc(w.action().title()))
            .append("** (`")
            .append(w.action().id())
            .append("`): ")
            .append(esc(String.join(" ", w.why())))
            .append(" Revisit: ")
            .append(esc(w.action().verify()))
            .append(" [")
            .append(String.join(", ", w.knowledge()))
            .append("]\n");
      }
      md.append('\n');
    }

    md.append("## How far it goes: capacity\n\n| item | value | knowledge |\n|---|---|---|\n");
    for (CapacityItem i : a.capacity().items()) {
      md.append("| ")
          .append(esc(i.label()))
          .append(" | ")
          .append(fig(i.value()))
          .append(" | ")
          .append(i.knowledge())
          .append(" |\n");
    }
    md.append('\n');
    for (String n : a.capacity().notes()) {
      md.append("- note: ").append(esc(n)).append('\n');
    }
    if (!a.capacity().notes().isEmpty()) {
      md.append('\n');
    }

    md.append("## Cost\n\n");
    md.append("Now: ")
        .append(a.cost().now() == null ? "not fully priced" : fig(a.cost().now()))
        .append(".\n\n");
    for (CostLine l : a.cost().components()) {
      md.append("- ")
          .append(esc(l.item()))
          .append(": ")
          .append(
              l.monthly() == null ? "not priced (needs " + esc(l.needs()) + ")" : fig(l.monthly()))
          .append('\n');
    }
    md.append('\n').append(esc(a.cost().stageBand())).append(".\n\n");
    if (!a.cost().verticalVsHorizontal().isEmpty()) {
      md.append("Vertical vs horizontal for the app tier at ")
          .append(fig(a.cost().neededVcpu()))
          .append(" vCPU:\n\n");
      scenarios(md, a.cost().verticalVsHorizontal());
      md.append("Choice: ").append(esc(a.cost().choice())).append(".\n\n");
      md.append("Availability vs cost ($3, on the same vCPUs):\n\n");
      scenarios(md, a.cost().availabilityVsCost());
    }

    if (!a.notEvaluated().isEmpty()) {
      md.append("## Not evaluated\n\n");
      for (NotEvaluated n : a.notEvaluated()) {
        md.append("- `")
            .append(n.rule())
            .append("` ")
            .append(esc(n.title()))
            .append(": needs ")
            .append(esc(String.join(", ", n.needs())))
            .append(". ")
            .append(esc(String.join("; ", n.how())))
            .append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void scenarios(StringBuilder md, List<Scenario> list) {
    md.append(
        "| option | machines | vCPU each | monthly | availability | note |\n|---|---|---|---|---|---|\n");
    for (Scenario s : list) {
      md.append("| ")
          .append(esc(s.name()))
          .append(" | ")
          .append(s.machines())
          .append(" | ")
          .append(dev.headroom.model.Units.format(s.vcpuEach(), 4))
          .append(" | ")
          .append(fig(s.monthly()))
          .append(" | ")
          .append(s.availability() == null ? "—" : fig(s.availability()))
          .append(" | ")
          .append(esc(s.note()))
          .append(" |\n");
    }
    md.append('\n');
  }

  /** A list of evidence figures, each with its provenance. */
  private static void evidence(StringBuilder md, List<Evidence> list, String bullet) {
    for (Evidence e : list) {
      md.append(bullet).append(esc(e.label())).append(": ").append(fig(e.figure())).append('\n');
    }
  }

  private static String signed(Figure f) {
    return (f.value() >= 0 ? "+" : "") + fig(f);
  }

  /** A figure followed by its provenance. */
  static String fig(Figure f) {
    return f.formatted() + " <sub>" + esc(f.provenance().describe()) + "</sub>";
  }

  static String esc(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
