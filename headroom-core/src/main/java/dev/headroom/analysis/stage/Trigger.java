package dev.headroom.analysis.stage;

import dev.headroom.model.Figure;
import java.util.Locale;
import java.util.Objects;

/**
 * One sign that the system is outgrowing its stage (S5-S7): whether it fires, the current value and
 * the threshold when there are numbers, and how far the value is from the threshold.
 *
 * @param capacity whether firing means the system needs the next stage's architecture (CPU, writes,
 *     lag, geography), as opposed to an optimisation signal (slow queries, degrading response
 *     times) that is fixed before scaling (X3, X4)
 */
public record Trigger(
    String id,
    String description,
    String knowledge,
    Status status,
    Figure current,
    Figure threshold,
    String distance,
    String needs,
    boolean capacity) {

  /** Whether a trigger fires. */
  public enum Status {
    FIRED,
    CLEAR,
    UNKNOWN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Trigger {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(status, "status");
    distance = distance == null ? "" : distance;
    needs = needs == null ? "" : needs;
  }
}
