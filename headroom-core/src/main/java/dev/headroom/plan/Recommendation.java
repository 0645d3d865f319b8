package dev.headroom.plan;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Severity;
import dev.headroom.model.Figure;
import java.util.List;
import java.util.Objects;

/**
 * One recommended action (or, for warnings, one move not to make yet): its place in the order, why
 * (the findings' sentences and their evidence), the knowledge behind it, the ladder step, the
 * expected effect, the monthly cost change and the cost after this step, and what to measure
 * afterwards.
 *
 * @param costAfter the system's monthly cost after this and every earlier step; null when any step
 *     so far could not be priced
 * @param outcome what the step changes on the capacity model and what it leaves ("" when it does
 *     not change the model)
 */
public record Recommendation(
    int order,
    Action action,
    Severity severity,
    List<String> why,
    List<Evidence> evidence,
    List<String> findings,
    List<String> knowledge,
    CostDelta costDelta,
    Figure costAfter,
    String outcome) {
  public Recommendation {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(costDelta, "costDelta");
    why = List.copyOf(why);
    evidence = List.copyOf(evidence);
    findings = List.copyOf(findings);
    knowledge = List.copyOf(knowledge);
    outcome = outcome == null ? "" : outcome;
  }
}
