package dev.headroom.analysis.forecast;

import dev.headroom.ingest.evidence.Series;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * Seeded test series of a CPU-like utilisation every 5 minutes: a growing trend times a daily
 * profile (busiest at 14:00 UTC) times a weekly one (weekends at 80%), plus point noise, bursts and
 * gaps, each switchable. Deterministic for a seed.
 *
 * @param level the trend's daily-peak level on day 0
 * @param growthPerMonth relative growth a month: linear (level·g per 30.44 days) or compounding
 * @param exponential whether growth compounds
 * @param noise the standard deviation of each point's noise, as a share of the level
 * @param burstChance the chance a point starts a burst of 3 points
 * @param burstSize a burst's height, as a share of the level
 * @param gapChance the chance a point starts a gap of up to 3 hours
 */
record SyntheticSeries(
    double level,
    double growthPerMonth,
    boolean exponential,
    double noise,
    double burstChance,
    double burstSize,
    double gapChance) {

  static final Instant START = Instant.parse("2026-11-02T00:00:00Z"); // a Monday
  static final Duration STEP = Duration.ofMinutes(5);
  static final int PER_DAY = 288;

  /** The trend's daily peak on fractional day {@code d}. */
  double trend(double d) {
    double months = d / SeasonalTrend.DAYS_PER_MONTH;
    return exponential
        ? level * Math.pow(1 + growthPerMonth, months)
        : level * (1 + growthPerMonth * months);
  }

  /** {@code days} days of points. */
  Series generate(int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[days * PER_DAY];
    int burst = 0;
    int gap = 0;
    for (int i = 0; i < v.length; i++) {
      double d = i / (double) PER_DAY;
      double hour = (i % PER_DAY) / 12.0;
      ZonedDateTime at = START.plus(STEP.multipliedBy(i)).atZone(ZoneOffset.UTC);
      boolean weekend =
          at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
      double daily = 0.45 + 0.55 * Math.exp(-Math.pow((hour - 14) / 4, 2));
      double x = trend(d) * daily * (weekend ? 0.8 : 1.0);
      x += trend(d) * noise * random.nextGaussian();
      if (burst == 0 && random.nextDouble() < burstChance) {
        burst = 3;
      }
      if (burst > 0) {
        x += trend(d) * burstSize * (0.5 + random.nextDouble());
        burst--;
      }
      if (gap == 0 && random.nextDouble() < gapChance) {
        gap = 1 + random.nextInt(36);
      }
      if (gap > 0) {
        v[i] = Double.NaN;
        gap--;
      } else {
        v[i] = Math.max(0, x);
      }
    }
    return new Series(
        Metric.CPU,
        ComponentKind.DATABASE,
        "db",
        START,
        STEP,
        v,
        "synthetic",
        new SourceLocation("synthetic", 0, 0));
  }
}
