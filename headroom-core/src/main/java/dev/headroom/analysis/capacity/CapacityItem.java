package dev.headroom.analysis.capacity;

import dev.headroom.model.Figure;
import java.util.Objects;

/** One computed capacity figure: an id, a label, the figure and the knowledge it applies. */
public record CapacityItem(String id, String label, Figure value, String knowledge) {
  public CapacityItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(knowledge, "knowledge");
  }
}
