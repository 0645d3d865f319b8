package dev.headroom.analysis.sim;

import java.util.List;
import java.util.Objects;

/**
 * A closed population of {@code size} customers (terminals, virtual users, threads). Each thinks
 * for a time drawn from {@code think}, then enters the network; when routing sends it to the exit
 * it goes back to thinking. Its response time runs from the end of the think to the exit, as in the
 * interactive response time law R = N/X − Z (Jain 1991, §33.3).
 */
public record ClosedPopulation(String name, int size, ServiceTime think, List<Double> entry)
    implements Source {
  public ClosedPopulation {
    entry = Sources.checkName(name, entry);
    Objects.requireNonNull(think, "think");
    if (size < 1) {
      throw new IllegalArgumentException(
          "population '" + name + "' has " + size + " customers; allowed: at least 1");
    }
  }
}
