package dev.headroom.analysis.uncertainty;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How long compound growth takes to multiply today's load by k: (1 + g)^t = k, so t = ln k / ln(1 +
 * g) months for a monthly growth g (the same compound monthly rate {@code Units} stores a growth
 * as). Applied per draw, with that draw's multiple and that draw's growth, so the date interval
 * carries both uncertainties together.
 */
public final class TimeToReach {

  /** Days in the month {@code Units} uses: a twelfth of the Julian year of 365.25 days. */
  static final double DAYS_PER_MONTH = 365.25 / 12;

  private TimeToReach() {}

  /**
   * Months until load reaches {@code multiple} × today at {@code monthlyGrowth}: 0 when the
   * multiple is 1 or less (it is already there), {@link Double#POSITIVE_INFINITY} when the growth
   * is zero or negative (it is never reached) or the multiple is infinite (a draw that never
   * breaks).
   *
   * @throws IllegalArgumentException for a NaN, a negative multiple or a growth of −100 % or less
   */
  public static double months(double multiple, double monthlyGrowth) {
    if (Double.isNaN(multiple) || multiple < 0) {
      throw new IllegalArgumentException("multiple must be 0 or more, got " + multiple);
    }
    if (Double.isNaN(monthlyGrowth) || monthlyGrowth <= -1) {
      throw new IllegalArgumentException(
          "monthly growth must be above -100%, got " + monthlyGrowth);
    }
    if (multiple <= 1) {
      return 0;
    }
    if (monthlyGrowth <= 0 || multiple == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    // log1p keeps small rates exact: ln(1 + 0.001) without the rounding of 1 + 0.001
    return Math.log(multiple) / Math.log1p(monthlyGrowth);
  }

  /** {@link #months(double, double)} per draw: {@code multiples[i]} at {@code growth[i]}. */
  public static double[] months(double[] multiples, double[] growth) {
    Objects.requireNonNull(multiples, "multiples");
    Objects.requireNonNull(growth, "growth");
    if (multiples.length != growth.length) {
      throw new IllegalArgumentException(
          multiples.length + " multiples but " + growth.length + " growth rates");
    }
    double[] out = new double[multiples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = months(multiples[i], growth[i]);
    }
    return out;
  }

  /**
   * The months of each draw of {@code draws} to reach its {@code multiples[i]}, at the draw's own
   * {@code workload.growth} (drawn when ranged, the system's figure otherwise).
   *
   * @throws IllegalArgumentException when the system gives no growth, or the counts differ
   */
  public static double[] months(double[] multiples, Draws draws) {
    if (!draws.base().facts().has("workload.growth")) {
      throw new IllegalArgumentException(
          "the system gives no workload.growth: no date can be put on a load multiple");
    }
    double[] growth = new double[draws.count()];
    for (int i = 0; i < growth.length; i++) {
      growth[i] = draws.value("workload.growth", i, 0);
    }
    return months(multiples, growth);
  }

  /**
   * When each draw reaches its multiple, as a central interval of dates: {@code multiples[i]} is
   * draw i's multiple ({@link Double#POSITIVE_INFINITY} when it never breaks), reached at draw i's
   * growth, counted from {@code start}.
   *
   * @param level the central share, as {@link SampledInterval#of(double[], double)} takes it
   */
  public static DateInterval dates(double[] multiples, Draws draws, LocalDate start, double level) {
    return SampledInterval.of(months(multiples, draws), level).dates(start);
  }

  /**
   * The day {@code months} after {@code start}, to the nearest day; empty when the months are
   * infinite or the date is beyond what a calendar holds.
   */
  public static Optional<LocalDate> date(LocalDate start, double months) {
    Objects.requireNonNull(start, "start");
    if (Double.isNaN(months) || months < 0) {
      throw new IllegalArgumentException("months must be 0 or more, got " + months);
    }
    double days = Math.rint(months * DAYS_PER_MONTH);
    if (!(days < Long.MAX_VALUE)) {
      return Optional.empty();
    }
    try {
      return Optional.of(start.plusDays((long) days));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty(); // beyond year 999,999,999: never, for a roadmap
    }
  }
}
