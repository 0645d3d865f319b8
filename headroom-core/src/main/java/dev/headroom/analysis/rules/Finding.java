package dev.headroom.analysis.rules;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found: its id, severity, layer, a title and a sentence saying what was seen, the
 * component concerned (empty for system-wide findings), the evidence, the knowledge ids, and the
 * action ids it suggests.
 */
public record Finding(
    String ruleId,
    Severity severity,
    Layer layer,
    String title,
    String message,
    String component,
    List<Evidence> evidence,
    List<String> knowledge,
    List<String> actions) {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    component = component == null ? "" : component;
    evidence = List.copyOf(evidence);
    knowledge = List.copyOf(knowledge);
    actions = List.copyOf(actions);
  }
}
