package dev.headroom.analysis.cost;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A priced line: what it is, and its monthly cost (null with {@code needs} when it cannot be
 * priced).
 */
public record CostLine(String item, Figure monthly, String needs) {
  public CostLine {
    Objects.requireNonNull(item, "item");
    needs = needs == null ? "" : needs;
    if ((monthly == null) == needs.isEmpty()) {
      throw new IllegalArgumentException("a cost line has a figure or says what it needs: " + item);
    }
  }
}
