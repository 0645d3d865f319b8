package dev.headroom.report.reference;

import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.rules.Rule;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Coverage;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.Units;
import dev.headroom.plan.Action;
import dev.headroom.plan.Actions;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code headroom rules} and {@code headroom explain} print, in text, Markdown or JSON: the
 * rules, the actions, the knowledge coverage, and one rule, action or knowledge id in full. Read
 * from the registries, so it cannot drift from what the advisor does. JSON follows {@code
 * docs/reference-schema.json}: every document has {@code schemaVersion} and a {@code report} field
 * naming its shape ({@code rules}, {@code actions}, {@code coverage} or {@code explain}).
 */
public final class ReferenceRenderer {

  private ReferenceRenderer() {}

  /** Every rule: id, layer, title, knowledge, thresholds and the data it needs. */
  public static String rules(OutputFormat format) {
    return switch (format) {
      case TEXT -> rulesText();
      case MARKDOWN -> rulesMarkdown();
      case JSON -> {
        ObjectNode root = Json.document();
        root.put("report", "rules");
        ArrayNode rules = root.putArray("rules");
        RuleRegistry.all().forEach(r -> rules.add(ruleJson(r)));
        yield Json.write(root);
      }
    };
  }

  /** Every action id recommendations use, with its ladder and knowledge. */
  public static String actions(OutputFormat format) {
    return switch (format) {
      case TEXT -> {
        StringBuilder out = new StringBuilder();
        for (Action a : Actions.all()) {
          out.append(a.id())
              .append('\t')
              .append(a.kind().id())
              .append('\t')
              .append(a.ladder())
              .append(" (")
              .append(a.step().id())
              .append(")\t")
              .append(a.title())
              .append("\t[")
              .append(String.join(", ", a.knowledge()))
              .append("]\n");
        }
        yield out.toString();
      }
      case MARKDOWN -> {
        StringBuilder md = new StringBuilder("# Actions\n\n");
        md.append("| id | kind | ladder (step) | title | knowledge |\n|---|---|---|---|---|\n");
        for (Action a : Actions.all()) {
          md.append("| `")
              .append(a.id())
              .append("` | ")
              .append(a.kind().id())
              .append(" | ")
              .append(cell(a.ladder()))
              .append(" (")
              .append(a.step().id())
              .append(") | ")
              .append(cell(a.title()))
              .append(" | ")
              .append(String.join(", ", a.knowledge()))
              .append(" |\n");
        }
        yield md.toString();
      }
      case JSON -> {
        ObjectNode root = Json.document();
        root.put("report", "actions");
        ArrayNode actions = root.putArray("actions");
        Actions.all().forEach(a -> actions.add(actionJson(a)));
        yield Json.write(root);
      }
    };
  }

  /** Every knowledge id with what carries it, and the ids nothing carries. */
  public static String coverage(Coverage c, OutputFormat format) {
    return switch (format) {
      case TEXT -> {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : c.byId().entrySet()) {
          out.append(e.getKey())
              .append('\t')
              .append(e.getValue().isEmpty() ? "NOT COVERED" : String.join("; ", e.getValue()))
              .append('\n');
        }
        out.append('\n')
            .append(c.byId().size())
            .append(" knowledge ids, ")
            .append(c.uncovered().size())
            .append(" not covered\n");
        yield out.toString();
      }
      case MARKDOWN -> ReferenceDocs.knowledge(c);
      case JSON -> {
        ObjectNode root = Json.document();
        root.put("report", "coverage");
        ArrayNode ids = root.putArray("knowledge");
        for (Map.Entry<String, List<String>> e : c.byId().entrySet()) {
          ObjectNode n = ids.addObject();
          n.put("id", e.getKey());
          n.put("summary", Knowledge.summary(e.getKey()).orElse(""));
          strings(n.putArray("carriedBy"), e.getValue());
        }
        strings(root.putArray("uncovered"), c.uncovered());
        yield Json.write(root);
      }
    };
  }

  /**
   * One rule, action or knowledge id in full (rules are looked up first, then actions, then
   * knowledge ids), or empty when {@code id} is none of them.
   */
  public static Optional<String> explain(String id, OutputFormat format) {
    Optional<Rule> rule = RuleRegistry.byId(id);
    if (rule.isPresent()) {
      Rule r = rule.get();
      return Optional.of(
          switch (format) {
            case TEXT -> ruleText(r);
            case MARKDOWN -> ReferenceDocs.ruleSection(r).stripTrailing() + "\n";
            case JSON -> explainJson("rule", ruleJson(r));
          });
    }
    Optional<Action> action = Actions.byId(id);
    if (action.isPresent()) {
      Action a = action.get();
      return Optional.of(
          switch (format) {
            case TEXT -> actionText(a);
            case MARKDOWN -> actionMarkdown(a);
            case JSON -> explainJson("action", actionJson(a));
          });
    }
    Optional<String> k = Knowledge.summary(id);
    if (k.isPresent()) {
      return Optional.of(
          switch (format) {
            case TEXT -> id + ": " + k.get() + "\n";
            case MARKDOWN -> "## " + id + "\n\n" + k.get() + "\n";
            case JSON -> {
              ObjectNode n = Json.object();
              n.put("id", id);
              n.put("summary", k.get());
              yield explainJson("knowledge", n);
            }
          });
    }
    return Optional.empty();
  }

  // ---- text ----

  private static String rulesText() {
    StringBuilder out = new StringBuilder("id\tlayer\ttitle\tknowledge\tthresholds\tneeds\n");
    for (Rule r : RuleRegistry.all()) {
      StringBuilder th = new StringBuilder();
      for (Threshold t : r.thresholds()) {
        if (th.length() > 0) {
          th.append(", ");
        }
        th.append(t.name()).append('=').append(Units.format(t.defaultValue(), t.dimension()));
      }
      out.append(r.id())
          .append('\t')
          .append(r.layer().id())
          .append('\t')
          .append(r.title())
          .append('\t')
          .append(String.join(",", r.knowledge()))
          .append('\t')
          .append(th.length() == 0 ? "-" : th)
          .append('\t')
          .append(String.join("; ", r.needs()))
          .append('\n');
    }
    out.append('\n')
        .append(RuleRegistry.all().size())
        .append(" rules; `headroom explain ID` for one; ")
        .append(Knowledge.all().size())
        .append(" knowledge ids (`headroom rules --coverage`)\n");
    return out.toString();
  }

  private static String ruleText(Rule r) {
    StringBuilder out = new StringBuilder();
    out.append(r.id()).append(": ").append(r.title()).append('\n');
    out.append("layer: ").append(r.layer().id()).append("\n\n");
    out.append(r.why()).append("\n\n");
    if (!r.thresholds().isEmpty()) {
      out.append("thresholds (override under `thresholds: { ")
          .append(r.id())
          .append(": { name: value } }`):\n");
      for (Threshold t : r.thresholds()) {
        out.append("  ")
            .append(t.name())
            .append(" = ")
            .append(Units.format(t.defaultValue(), t.dimension()))
            .append("  (")
            .append(t.note())
            .append("; ")
            .append(t.knowledge())
            .append(")\n");
      }
      out.append('\n');
    }
    out.append("needs: ").append(String.join("; ", r.needs())).append('\n');
    out.append("may recommend: ").append(String.join(", ", r.actions())).append("\n\n");
    out.append("knowledge:\n");
    knowledgeLines(out, r.knowledge());
    return out.toString();
  }

  private static String actionText(Action a) {
    StringBuilder out = new StringBuilder();
    out.append(a.id()).append(": ").append(a.title()).append('\n');
    out.append("kind: ")
        .append(a.kind().id())
        .append("; ladder: ")
        .append(a.ladder())
        .append(", step ")
        .append(a.step().id())
        .append(a.ladderSteps().isEmpty() ? "" : " (" + String.join(" -> ", a.ladderSteps()) + ")")
        .append('\n');
    out.append("expected effect: ").append(a.effect()).append('\n');
    out.append("measure afterwards: ").append(a.verify()).append('\n');
    out.append("knowledge:\n");
    knowledgeLines(out, a.knowledge());
    return out.toString();
  }

  private static void knowledgeLines(StringBuilder out, List<String> ids) {
    for (String k : ids) {
      out.append("  ").append(k).append(": ").append(Knowledge.summary(k).orElse("")).append('\n');
    }
  }

  // ---- Markdown ----

  private static String rulesMarkdown() {
    StringBuilder md = new StringBuilder("# Rules\n\n");
    md.append("| id | layer | title | knowledge | thresholds | needs |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Rule r : RuleRegistry.all()) {
      List<String> th =
          r.thresholds().stream()
              .map(t -> "`" + t.name() + "` = " + Units.format(t.defaultValue(), t.dimension()))
              .toList();
      md.append("| ")
          .append(r.id())
          .append(" | ")
          .append(r.layer().id())
          .append(" | ")
          .append(cell(r.title()))
          .append(" | ")
          .append(String.join(", ", r.knowledge()))
          .append(" | ")
          .append(th.isEmpty() ? "-" : String.join(", ", th))
          .append(" | ")
          .append(cell(String.join("; ", r.needs())))
          .append(" |\n");
    }
    md.append('\n')
        .append(RuleRegistry.all().size())
        .append(" rules; `headroom explain ID` for one.\n");
    return md.toString();
  }

  private static String actionMarkdown(Action a) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(a.id()).append("\n\n**").append(a.title()).append("** (");
    md.append(a.kind().id()).append("; ").append(a.ladder()).append(", step ");
    md.append(a.step().id()).append(")\n\n");
    if (!a.ladderSteps().isEmpty()) {
      md.append("- ladder: ").append(String.join(" → ", a.ladderSteps())).append('\n');
    }
    md.append("- expected effect: ").append(a.effect()).append('\n');
    md.append("- measure afterwards: ").append(a.verify()).append('\n');
    md.append("- knowledge: ").append(String.join(", ", a.knowledge())).append('\n');
    return md.toString();
  }

  /** A table cell: a pipe would end it early. */
  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  // ---- JSON ----

  private static String explainJson(String kind, ObjectNode item) {
    ObjectNode root = Json.document();
    root.put("report", "explain");
    root.put("kind", kind);
    root.set(kind, item);
    return Json.write(root);
  }

  private static ObjectNode ruleJson(Rule r) {
    ObjectNode n = Json.object();
    n.put("id", r.id());
    n.put("layer", r.layer().id());
    n.put("title", r.title());
    n.put("why", r.why());
    strings(n.putArray("knowledge"), r.knowledge());
    ArrayNode ths = n.putArray("thresholds");
    for (Threshold t : r.thresholds()) {
      ObjectNode tn = ths.addObject();
      tn.put("name", t.name());
      tn.put("default", Json.number(t.defaultValue()));
      tn.put("unit", Json.unit(t.dimension()));
      tn.put("display", Units.format(t.defaultValue(), t.dimension()));
      tn.put("note", t.note());
      tn.put("knowledge", t.knowledge());
    }
    strings(n.putArray("needs"), r.needs());
    strings(n.putArray("actions"), r.actions());
    return n;
  }

  private static ObjectNode actionJson(Action a) {
    ObjectNode n = Json.object();
    n.put("id", a.id());
    n.put("title", a.title());
    n.put("kind", a.kind().id());
    n.put("ladder", a.ladder());
    n.put("step", a.step().id());
    strings(n.putArray("ladderSteps"), a.ladderSteps());
    n.put("effect", a.effect());
    n.put("verify", a.verify());
    strings(n.putArray("knowledge"), a.knowledge());
    return n;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
