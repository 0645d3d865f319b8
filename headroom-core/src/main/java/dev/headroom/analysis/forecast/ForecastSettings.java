package dev.headroom.analysis.forecast;

import dev.headroom.analysis.Settings;
import java.util.Objects;

/**
 * What a forecast is asked for, typed and checked: the interval's level, how far ahead, how much
 * history it needs, which daily peak, how many simulated paths and their seed.
 *
 * @param level the probability the interval is meant to hold, strictly between 0 and 1 (Settings'
 *     forecast_level, X4)
 * @param horizonDays how far past the last observed day to look (Settings' horizon, C1)
 * @param minDays the least number of observed daily peaks (Settings' forecast_history, X4)
 * @param peak which statistic of a day's points is its peak
 * @param draws simulated future paths the intervals are read from
 * @param seed the paths' seed: the same series gives the same forecast
 */
public record ForecastSettings(
    double level, int horizonDays, int minDays, DailyPeak peak, int draws, long seed) {

  /**
   * Paths per forecast: the 10% and 90% quantiles of 2,000 draws move by about 0.7 percentage
   * points of probability between seeds (binomial standard error √(0.1·0.9/2000)).
   */
  public static final int DEFAULT_DRAWS = 2_000;

  /** The seed every advise run uses, so the same evidence gives the same report byte for byte. */
  public static final long DEFAULT_SEED = 1L;

  /** Fewer days than two weeks cannot separate a weekly season from a trend. */
  static final int LEAST_DAYS = 14;

  public ForecastSettings {
    Objects.requireNonNull(peak, "peak");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("a forecast level is strictly between 0 and 1: " + level);
    }
    if (horizonDays < 1) {
      throw new IllegalArgumentException("a forecast horizon is at least one day: " + horizonDays);
    }
    if (minDays < LEAST_DAYS) {
      throw new IllegalArgumentException(
          "a forecast needs at least " + LEAST_DAYS + " days of history, asked for " + minDays);
    }
    if (draws < 100) {
      throw new IllegalArgumentException("a forecast draws at least 100 paths: " + draws);
    }
  }

  /** The settings in force: level, horizon and history from {@code settings}; daily max. */
  public static ForecastSettings of(Settings settings) {
    return new ForecastSettings(
        settings.forecastLevel().value(),
        (int) Math.round(settings.horizon().value() / 86_400),
        (int) Math.ceil(settings.forecastHistory().value() / 86_400),
        DailyPeak.MAX,
        DEFAULT_DRAWS,
        DEFAULT_SEED);
  }

  /** The same with another level (tests move one setting at a time). */
  public ForecastSettings withLevel(double newLevel) {
    return new ForecastSettings(newLevel, horizonDays, minDays, peak, draws, seed);
  }

  /** The same with another horizon. */
  public ForecastSettings withHorizonDays(int days) {
    return new ForecastSettings(level, days, minDays, peak, draws, seed);
  }

  /** The same with another daily peak. */
  public ForecastSettings withPeak(DailyPeak newPeak) {
    return new ForecastSettings(level, horizonDays, minDays, newPeak, draws, seed);
  }

  /** The lower quantile of the interval: (1 − level) / 2. */
  double lowerQuantile() {
    return (1 - level) / 2;
  }

  /** The upper quantile of the interval: (1 + level) / 2. */
  double upperQuantile() {
    return (1 + level) / 2;
  }
}
