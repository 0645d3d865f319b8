package dev.headroom.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The promise, measured: fitted on the first four weeks of seeded series, the 80% intervals
 * cover 75-85% of the next two weeks' daily peaks, pooled over every scenario and seed.
 */
class ForecastCoverageTest {

  static final int FIT_DAYS = 28;
  static final int HELD_OUT_DAYS = 14;
  static final int SEEDS = 12;

  /** Trend shapes, noise levels, bursts and gaps: the series a database's CPU draws. */
  static List<SyntheticSeries> scenarios() {
    return List.of(
        new SyntheticSeries(0.40, 0.00, false, 0.02, 0, 0, 0),
        new SyntheticSeries(0.40, 0.08, false, 0.02, 0, 0, 0),
        new SyntheticSeries(0.40, 0.08, false, 0.06, 0, 0, 0),
        new SyntheticSeries(0.30, 0.15, true, 0.03, 0, 0, 0),
        new SyntheticSeries(0.30, 0.15, true, 0.03, 0.002, 0.4, 0),
        new SyntheticSeries(0.40, 0.08, false, 0.03, 0.001, 0.6, 0.002),
        new SyntheticSeries(0.40, 0.05, false, 0.03, 0, 0, 0.004),
        new SyntheticSeries(0.20, 0.25, true, 0.05, 0.003, 0.3, 0.002));
  }

  @Test
  void eightyPercentIntervals_coverSeventyFiveToEightyFivePercentOfHeldOutPeaks() {
    ForecastSettings settings =
        new ForecastSettings(0.80, 365, 14, DailyPeak.MAX, 2_000, ForecastSettings.DEFAULT_SEED);
    int inside = 0;
    int total = 0;
    List<String> perScenario = new ArrayList<>();
    int s = 0;
    for (SyntheticSeries scenario : scenarios()) {
      int in = 0;
      int n = 0;
      for (long seed = 1; seed <= SEEDS; seed++) {
        DailyPeaks all =
            DailyPeaks.of(
                scenario.generate(FIT_DAYS + HELD_OUT_DAYS, seed * 1_000 + s), DailyPeak.MAX);
        SeasonalTrend fit = SeasonalTrend.fit(all.head(FIT_DAYS), settings.minDays());
        double[][] band = fit.band(HELD_OUT_DAYS, settings);
        for (int j = 0; j < HELD_OUT_DAYS; j++) {
          double actual = all.peak(FIT_DAYS + j);
          if (Double.isNaN(actual)) {
            continue;
          }
          n++;
          if (actual >= band[j][0] && actual <= band[j][2]) {
            in++;
          }
        }
      }
      perScenario.add(String.format(Locale.ROOT, "%s: %d/%d", scenario, in, n));
      inside += in;
      total += n;
      s++;
    }
    double coverage = (double) inside / total;
    System.out.printf(
        Locale.ROOT,
        "forecast coverage: %d of %d held-out daily peaks inside the 80%% interval (%.1f%%) over %d"
            + " series%n",
        inside,
        total,
        100 * coverage,
        scenarios().size() * SEEDS);
    perScenario.forEach(System.out::println);
    assertThat(total).isGreaterThan(1_000);
    assertThat(coverage).isBetween(0.75, 0.85);
  }
}
