package dev.headroom.report.reference;

import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.rules.Rule;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Coverage;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.Units;
import dev.headroom.plan.Action;
import dev.headroom.plan.Actions;
import java.util.List;
import java.util.Map;

/** Renders {@code docs/rules.md} and {@code docs/knowledge.md} from the registries. */
public final class ReferenceDocs {

  private ReferenceDocs() {}

  /** Every rule with its thresholds, needs, actions and knowledge; then every action. */
  public static String rules() {
    StringBuilder md = new StringBuilder();
    md.append("# Rules and actions\n\n");
    md.append(
        "Generated from the rule registry (`headroom rules`, `headroom explain ID`); a test keeps this file in"
            + " step with the code. Thresholds can be overridden in the system file under `thresholds:`.\n\n");
    md.append("| id | layer | title | knowledge |\n|---|---|---|---|\n");
    for (Rule r : RuleRegistry.all()) {
      md.append("| [")
          .append(r.id())
          .append("](#")
          .append(r.id().toLowerCase(java.util.Locale.ROOT))
          .append(") | ")
          .append(r.layer().id())
          .append(" | ")
          .append(r.title())
          .append(" | ")
          .append(String.join(", ", r.knowledge()))
          .append(" |\n");
    }
    md.append('\n');
    for (Rule r : RuleRegistry.all()) {
      md.append(ruleSection(r));
    }
    md.append(
        "## Capacity defaults\n\nOverride under `thresholds: { capacity: { name: value } }`.\n\n");
    md.append("| name | default | source |\n|---|---|---|\n");
    for (Threshold t : dev.headroom.analysis.Settings.DEFAULTS) {
      md.append(thresholdRow(t));
    }
    md.append(
        "\n## Actions\n\nAction ids are stable: scripts and CI gates may depend on them.\n\n");
    md.append(
        "| id | kind | ladder (step) | expected effect | measure afterwards |\n|---|---|---|---|---|\n");
    for (Action a : Actions.all()) {
      md.append("| `")
          .append(a.id())
          .append("` | ")
          .append(a.kind().id())
          .append(" | ")
          .append(a.ladder())
          .append(" (")
          .append(a.step().id())
          .append(") | ")
          .append(a.effect())
          .append(" | ")
          .append(a.verify())
          .append(" |\n");
    }
    return md.toString();
  }

  /** A threshold or setting as a Markdown table row: name, default, where it comes from. */
  private static String thresholdRow(Threshold t) {
    return "| `"
        + t.name()
        + "` | "
        + Units.format(t.defaultValue(), t.dimension())
        + " | "
        + t.note()
        + " ("
        + t.knowledge()
        + ") |\n";
  }

  /**
   * One rule as a Markdown section: title, why, thresholds, needs, actions and knowledge. The rules
   * page and {@code headroom explain ID --format markdown} both print it.
   */
  static String ruleSection(Rule r) {
    StringBuilder md = new StringBuilder();
    md.append("## ")
        .append(r.id())
        .append("\n\n**")
        .append(r.title())
        .append("** (")
        .append(r.layer().id())
        .append(")\n\n")
        .append(r.why())
        .append("\n\n");
    if (!r.thresholds().isEmpty()) {
      md.append("| threshold | default | source |\n|---|---|---|\n");
      for (Threshold t : r.thresholds()) {
        md.append(thresholdRow(t));
      }
      md.append('\n');
    }
    md.append("- needs: ").append(String.join("; ", r.needs())).append('\n');
    md.append("- may recommend: ")
        .append(String.join(", ", r.actions().stream().map(a -> "`" + a + "`").toList()))
        .append('\n');
    md.append("- knowledge: ").append(String.join(", ", r.knowledge())).append("\n\n");
    return md.toString();
  }

  /** Every knowledge id, its summary, and what carries it. */
  public static String knowledge(Coverage coverage) {
    StringBuilder md = new StringBuilder();
    md.append("# Knowledge and where it lives\n\n");
    md.append(
        "Every fact, threshold and formula headroom carries, by the id used in the inventory, in headroom's"
            + " own words, with the rule, action, calculator or report section that carries it (`headroom rules"
            + " --coverage`). Generated; a test keeps it current and fails if an id is carried by nothing.\n\n");
    md.append("| id | summary | carried by |\n|---|---|---|\n");
    for (Map.Entry<String, List<String>> e : coverage.byId().entrySet()) {
      md.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(Knowledge.summary(e.getKey()).orElse(""))
          .append(" | ")
          .append(String.join("; ", e.getValue()))
          .append(" |\n");
    }
    return md.toString();
  }
}
