package dev.headroom.analysis.rules;

import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Threshold;
import dev.headroom.knowledge.Knowledge;
import java.util.List;
import java.util.Objects;

/**
 * A rule: stable id, layer, title, why it matters, the knowledge ids it encodes, its thresholds
 * (overridable under {@code thresholds: { <id>: … }}), the data it needs (in words), the actions it
 * may suggest, and the check itself.
 */
public record Rule(
    String id,
    Layer layer,
    String title,
    String why,
    List<String> knowledge,
    List<Threshold> thresholds,
    List<String> needs,
    List<String> actions,
    Check check) {

  /** The check: reads the context, reports findings or missing data through it. */
  @FunctionalInterface
  public interface Check {
    void run(RuleContext ctx);
  }

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(check, "check");
    knowledge = List.copyOf(knowledge);
    thresholds = List.copyOf(thresholds);
    needs = List.copyOf(needs);
    actions = List.copyOf(actions);
    for (String k : knowledge) {
      if (!Knowledge.exists(k)) {
        throw new IllegalArgumentException(id + " cites unknown knowledge id " + k);
      }
    }
  }
}
