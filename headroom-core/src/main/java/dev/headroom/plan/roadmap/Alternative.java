package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A remedy considered at a row and not taken: what it was, its monthly cost (null when it cannot be
 * priced) and why it lost.
 */
public record Alternative(String option, Figure monthlyCost, String whyLost) {
  public Alternative {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(whyLost, "whyLost");
  }
}
