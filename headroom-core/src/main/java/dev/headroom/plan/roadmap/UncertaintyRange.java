package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a break point falls when the inputs are sampled: the multiple between {@code low} and
 * {@code high} with probability {@code level}, and the dates those are reached (null when the
 * growth rate is unknown). Filled by the uncertainty engine ({@link RoadmapUncertainty}); the
 * deterministic walk leaves it null.
 *
 * <p>A draw in which the break does not happen before the roadmap's last multiple is censored (it
 * breaks later, or never): it counts among the ranks as larger than every multiple seen ({@code
 * SampledInterval}), so when more than (1 − level)/2 of the draws are censored the high end is
 * beyond the roadmap and is null, and likewise the low end when more than (1 + level)/2 are.
 *
 * @param low the (1 − level)/2 quantile of the break's multiple; null when censored
 * @param high the (1 + level)/2 quantile; null when censored (beyond the roadmap's last multiple)
 * @param lowDate the date the low quantile of the months to the break is reached; null without
 *     growth or when censored
 * @param highDate likewise for the high quantile
 * @param level the central share covered, 0 &lt; level &lt; 1
 * @param censored the share of draws in which it does not break before the roadmap's last multiple
 */
public record UncertaintyRange(
    Figure low, Figure high, LocalDate lowDate, LocalDate highDate, double level, double censored) {
  public UncertaintyRange {
    if (low == null && high != null) {
      throw new IllegalArgumentException("a censored low end has a censored high end");
    }
    if (low != null && high != null && low.value() > high.value()) {
      throw new IllegalArgumentException(
          "a range's low end is at most its high end, got " + low.value() + " > " + high.value());
    }
    if (lowDate != null && highDate != null && lowDate.isAfter(highDate)) {
      throw new IllegalArgumentException(
          "a range's low date is at most its high date, got " + lowDate + " > " + highDate);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("an interval level is in (0, 1), got " + level);
    }
    if (!(censored >= 0 && censored <= 1)) {
      throw new IllegalArgumentException("a censored share is in [0, 1], got " + censored);
    }
  }

  /** A range in which every draw breaks. */
  public UncertaintyRange(
      Figure low, Figure high, LocalDate lowDate, LocalDate highDate, double level) {
    this(Objects.requireNonNull(low, "low"), high, lowDate, highDate, level, 0);
  }
}
