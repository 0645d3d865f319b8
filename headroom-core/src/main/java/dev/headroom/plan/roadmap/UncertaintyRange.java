package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a break point falls when the inputs are sampled: the multiple between {@code low} and
 * {@code high} with probability {@code level}, and the dates those are reached (null when the
 * growth rate is unknown). Filled by the uncertainty engine; the deterministic walk leaves it null.
 */
public record UncertaintyRange(
    Figure low, Figure high, LocalDate lowDate, LocalDate highDate, double level) {
  public UncertaintyRange {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (low.value() > high.value()) {
      throw new IllegalArgumentException(
          "a range's low end is at most its high end, got " + low.value() + " > " + high.value());
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("an interval level is in (0, 1), got " + level);
    }
  }
}
