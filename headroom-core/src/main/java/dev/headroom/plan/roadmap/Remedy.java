package dev.headroom.plan.roadmap;

import java.util.List;
import java.util.Objects;

/**
 * A remedy applied at a row: the catalogued action ({@code add-read-replicas}), what it does to the
 * capacity model, which break it answers, and the knowledge behind the choice.
 */
public record Remedy(String action, String change, BreakKind answers, List<String> knowledge) {
  public Remedy {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(answers, "answers");
    knowledge = List.copyOf(knowledge);
  }
}
