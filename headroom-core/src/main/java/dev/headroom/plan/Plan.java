package dev.headroom.plan;

import java.util.List;

/** Ordered recommendations, and the moves not to make yet. */
public record Plan(List<Recommendation> recommendations, List<Recommendation> warnings) {
  public Plan {
    recommendations = List.copyOf(recommendations);
    warnings = List.copyOf(warnings);
  }
}
