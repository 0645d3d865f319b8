package dev.headroom.analysis.stage;

import java.util.List;
import java.util.Objects;

/**
 * The stage: which one, what decided it (and a sentence saying so), the placements on every ladder
 * that had data, and the next stage with its triggers. {@code next} is null at the enterprise
 * stage.
 */
public record StageAssessment(
    Stage stage,
    String decidedBy,
    String explanation,
    List<Placement> ladders,
    List<Trigger> movedBy,
    Stage next,
    List<Trigger> nextTriggers) {
  public StageAssessment {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(explanation, "explanation");
    ladders = List.copyOf(ladders);
    movedBy = List.copyOf(movedBy);
    nextTriggers = List.copyOf(nextTriggers);
  }

  public long firedNextTriggers() {
    return nextTriggers.stream().filter(t -> t.status() == Trigger.Status.FIRED).count();
  }
}
