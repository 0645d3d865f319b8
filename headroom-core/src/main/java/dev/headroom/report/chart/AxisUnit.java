package dev.headroom.report.chart;

import dev.headroom.model.Dimension;
import dev.headroom.model.Units;
import java.time.LocalDate;

/**
 * What an axis's values mean, and so how its tick labels read and where its ticks fall. Values are
 * in the project's canonical units ({@link Units}): seconds, bytes, fractions, requests per second,
 * USD per month, and for {@link #DATE} days since 1970-01-01 ({@link LocalDate#toEpochDay()}).
 */
public enum AxisUnit {
  /** A plain number: {@code 250}, {@code 1.5}. */
  NUMBER(""),
  /** A multiple of today's load: {@code 10x}. */
  MULTIPLE(""),
  /** Seconds, labelled in the unit that keeps the number short: {@code 250ms}, {@code 10min}. */
  DURATION(""),
  /** Per second: {@code 1200/s}. */
  RATE(""),
  /** USD per month; the ticks carry the number and the axis title the unit. */
  MONEY("USD/month"),
  /** A fraction shown as a percentage: 0.7 reads {@code 70%}. */
  RATIO(""),
  /** Bytes, with binary prefixes: {@code 16GiB}. */
  BYTES(""),
  /** Days since the epoch, labelled as ISO dates: {@code 2027-03-01}. */
  DATE("");

  /** Whole seconds from which a duration axis steps in clock units. */
  private static final double[] CLOCK_STEPS = {
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400
  };

  /** Day counts a date axis steps by: days, a week, a fortnight, about a month, a quarter … */
  private static final double[] CALENDAR_STEPS = {1, 2, 7, 14, 28, 91, 182, 365};

  private static final double SECONDS_PER_DAY = 86400;
  private static final double DAYS_PER_YEAR = 365;

  private final String symbol;

  AxisUnit(String symbol) {
    this.symbol = symbol;
  }

  /** The unit named in the axis title after the label, or {@code ""} when the ticks carry it. */
  public String symbol() {
    return symbol;
  }

  /** The tick label for {@code value}, in {@link java.util.Locale#ROOT}. */
  public String format(double value) {
    return switch (this) {
      case NUMBER -> Units.format(value, Dimension.NUMBER);
      case MULTIPLE -> Units.format(value, Dimension.MULTIPLIER);
      case DURATION -> Units.formatDuration(value);
      case RATE -> Units.format(value, Dimension.RATE);
      case MONEY -> Units.format(value, 6);
      case RATIO -> Units.format(value, Dimension.RATIO);
      case BYTES -> Units.formatBytes(value);
      case DATE -> LocalDate.ofEpochDay(Math.round(value)).toString();
    };
  }

  /**
   * The smallest step at least {@code raw} that reads well on this axis: 1, 2 or 5 times a power of
   * ten; clock steps (15 s, 10 min, 6 h) for durations of a second or more; calendar steps (a week,
   * a quarter, a year) for dates.
   */
  double niceStep(double raw) {
    if (this == DURATION && raw >= 1 && raw <= SECONDS_PER_DAY) {
      return firstAtLeast(CLOCK_STEPS, raw);
    }
    if (this == DURATION && raw > SECONDS_PER_DAY) {
      return SECONDS_PER_DAY * decimalStep(raw / SECONDS_PER_DAY);
    }
    if (this == DATE && raw <= DAYS_PER_YEAR) {
      return firstAtLeast(CALENDAR_STEPS, Math.max(raw, 1));
    }
    if (this == DATE) {
      return DAYS_PER_YEAR * decimalStep(raw / DAYS_PER_YEAR);
    }
    return decimalStep(raw);
  }

  private static double firstAtLeast(double[] steps, double raw) {
    for (double s : steps) {
      if (s >= raw * (1 - 1e-12)) {
        return s;
      }
    }
    return steps[steps.length - 1];
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double decimalStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * p >= raw * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
