package dev.headroom.analysis.stage;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * Where one ladder places the system: the ladder's knowledge id, the step name on that ladder, the
 * canonical stage it corresponds to, and the figure it was placed by.
 */
public record Placement(String ladder, String knowledge, String step, Stage stage, Figure by) {
  public Placement {
    Objects.requireNonNull(ladder, "ladder");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(by, "by");
  }
}
