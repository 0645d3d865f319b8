package dev.headroom.plan;

import dev.headroom.knowledge.Knowledge;
import java.util.List;
import java.util.Objects;

/**
 * An action headroom can recommend, with a stable id, the ladder it belongs to (the symptom, its
 * step, and the whole ladder for context), the expected effect (ranges labelled with their source),
 * and what to measure afterwards to confirm it worked.
 */
public record Action(
    String id,
    String title,
    ActionKind kind,
    String ladder,
    Step step,
    List<String> ladderSteps,
    String effect,
    List<String> knowledge,
    String verify) {
  public Action {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ladder, "ladder");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(verify, "verify");
    ladderSteps = List.copyOf(ladderSteps);
    knowledge = List.copyOf(knowledge);
    for (String k : knowledge) {
      if (!Knowledge.exists(k)) {
        throw new IllegalArgumentException(id + " cites unknown knowledge id " + k);
      }
    }
    ActionId.of(id); // every catalogued action has its pricing and effect
  }

  /** The typed id: how the planner prices this action and what it does to the model. */
  public ActionId key() {
    return ActionId.of(id);
  }
}
