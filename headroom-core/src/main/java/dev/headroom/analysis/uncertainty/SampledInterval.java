package dev.headroom.analysis.uncertainty;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spread of a quantity computed once per draw (the load multiple at which a tier breaks, the
 * months until it does): the central interval at {@code level} with its median, and how many draws
 * never reached the quantity at all.
 *
 * <p><b>Censored draws.</b> A draw in which the event never happens within what was evaluated (the
 * tier never breaks before the target) has no value; it is given as {@link
 * Double#POSITIVE_INFINITY} and counted in {@link #censored()}. It is right-censored: larger than
 * every value that was seen, so it takes part in the ranks like one. A bound whose rank falls among
 * censored draws is itself infinite: "the 90th percentile is beyond the target" is the honest
 * answer when more than a tenth of the draws never break.
 *
 * <p><b>Percentiles.</b> The p-quantile is the smallest drawn value with at least a share p of the
 * draws at or below it: x₍ₖ₎ with k = ⌈p·n⌉ (the inverse of the empirical distribution function,
 * Hyndman and Fan 1996, definition 1). It is always one of the draws, so for any monotone function
 * f the quantile of f(x) is f of the quantile of x (or the mirrored rank for a decreasing f): the
 * interval of months to reach 10x is exactly the growth interval mapped, with no interpolation
 * between draws to blur it.
 *
 * @param level the central share covered, 0 &lt; level &lt; 1 (0.8: from the 10th to the 90th
 *     percentile)
 * @param low the (1 − level)/2 quantile; infinite when that many draws are censored
 * @param median the 0.5 quantile
 * @param high the (1 + level)/2 quantile
 * @param draws how many draws the interval summarises
 * @param censored how many of them never reached the quantity
 */
public record SampledInterval(
    double level, double low, double median, double high, int draws, int censored) {

  /** The central 80 % interval, 10th to 90th percentile: the level issue 8 item 4 reports. */
  public static final double DEFAULT_LEVEL = 0.80;

  /** A rank this close below a whole number is that number: 0.9 × 1000 is 900, not 900.0000001. */
  private static final double RANK_SLACK = 1e-9;

  public SampledInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be between 0 and 1 (exclusive), got " + level);
    }
    if (draws < 1 || censored < 0 || censored > draws) {
      throw new IllegalArgumentException(
          "need 0 <= censored (" + censored + ") <= draws (" + draws + "), draws >= 1");
    }
    if (Double.isNaN(low) || Double.isNaN(median) || Double.isNaN(high)) {
      throw new IllegalArgumentException("an interval bound is NaN");
    }
    if (!(low <= median && median <= high)) {
      throw new IllegalArgumentException(
          "need low <= median <= high, got " + low + ", " + median + ", " + high);
    }
  }

  /** {@link #of(double[], double)} at {@link #DEFAULT_LEVEL}. */
  public static SampledInterval of(double[] values) {
    return of(values, DEFAULT_LEVEL);
  }

  /**
   * The central interval at {@code level} of {@code values}, one per draw; {@link
   * Double#POSITIVE_INFINITY} marks a censored draw.
   *
   * @throws IllegalArgumentException for no values, a NaN or a negative infinity
   */
  public static SampledInterval of(double[] values, double level) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("no draws to summarise");
    }
    double[] sorted = values.clone();
    int censored = 0;
    for (double v : sorted) {
      if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException(
            "a draw's value must be a number or +infinity (censored), got " + v);
      }
      if (v == Double.POSITIVE_INFINITY) {
        censored++;
      }
    }
    Arrays.sort(sorted);
    double tail = (1 - level) / 2;
    return new SampledInterval(
        level,
        quantile(sorted, tail),
        quantile(sorted, 0.5),
        quantile(sorted, 1 - tail),
        sorted.length,
        censored);
  }

  /** x₍ₖ₎ with k = ⌈p·n⌉, 1 ≤ k ≤ n, of values sorted ascending. */
  static double quantile(double[] sorted, double p) {
    int n = sorted.length;
    int k = (int) Math.ceil(p * n - RANK_SLACK);
    return sorted[Math.max(1, Math.min(n, k)) - 1];
  }

  /** The share of draws that never reached the quantity, 0 to 1. */
  public double censoredShare() {
    return (double) censored / draws;
  }

  /** high − low; infinite when the high end is censored. */
  public double width() {
    return high - low;
  }

  /** Whether every summarised draw gave the same value (a range of width zero, or no range). */
  public boolean isPoint() {
    return low == high;
  }

  /** Whether {@code other} lies within this interval. */
  public boolean contains(SampledInterval other) {
    return low <= other.low && other.high <= high;
  }

  /**
   * This interval read as months from {@code start} (as {@link TimeToReach#months} gives them),
   * turned into dates; a censored bound is a date never reached.
   */
  public DateInterval dates(LocalDate start) {
    return new DateInterval(
        level,
        TimeToReach.date(start, low).orElse(null),
        TimeToReach.date(start, median).orElse(null),
        TimeToReach.date(start, high).orElse(null),
        censoredShare());
  }
}
