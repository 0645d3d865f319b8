package dev.headroom.analysis.cost;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * One way to buy the same capacity: how many machines of what size, the monthly cost, and the
 * availability the sources associate with that shape ($3).
 */
public record Scenario(
    String name, long machines, double vcpuEach, Figure monthly, Figure availability, String note) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(monthly, "monthly");
    note = note == null ? "" : note;
  }
}
