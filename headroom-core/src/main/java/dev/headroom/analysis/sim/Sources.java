package dev.headroom.analysis.sim;

import java.util.List;

/** Checks shared by the source records. */
final class Sources {
  private Sources() {}

  static List<Double> checkName(String name, List<Double> entry) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("source name is empty; allowed: a non-blank name");
    }
    if (entry == null || entry.isEmpty()) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "' has no entry probabilities; allowed: one per station, summing to 1");
    }
    return List.copyOf(entry);
  }
}
