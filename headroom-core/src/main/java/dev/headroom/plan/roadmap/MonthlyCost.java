package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.util.List;
import java.util.Objects;

/**
 * A monthly bill: the sum of what can be priced, a lower bound when {@code unpriced} names what
 * could not be.
 */
public record MonthlyCost(Figure amount, List<String> unpriced) {
  public MonthlyCost {
    Objects.requireNonNull(amount, "amount");
    unpriced = List.copyOf(unpriced);
  }

  /** Whether the bill is at least {@link #amount()} (something could not be priced). */
  public boolean lowerBound() {
    return !unpriced.isEmpty();
  }
}
