package dev.headroom.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.evidence.Series;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForecasterTest {

  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  static final ForecastSettings SETTINGS =
      new ForecastSettings(0.80, 365, 14, DailyPeak.MAX, 2_000, ForecastSettings.DEFAULT_SEED);

  /** An hourly series whose every hour of day d is {@code perDay(d)}: its daily peak exactly. */
  static Series hourly(int days, IntToDoubleFunction perDay) {
    double[] v = new double[days * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = perDay.applyAsDouble(i / 24);
    }
    return new Series(
        Metric.CPU,
        ComponentKind.DATABASE,
        "db",
        START,
        Duration.ofHours(1),
        v,
        "",
        new SourceLocation("test", 0, 0));
  }

  static Optional<Forecast.Limit> limit(double value) {
    return Optional.of(
        new Forecast.Limit(
            new Figure(value, Dimension.RATIO, new Provenance.Assumed("M3", "CPU target 70%")),
            "HR-DB-001 warning"));
  }

  @Test
  void noiselessLinearSeries_crossesOnTheExactComputedDate() {
    // y = 1/4 + d/128 reaches 1/2 on day 32 exactly: 28 days of history, so 4 days after its end
    Forecast f =
        Forecaster.forecast(
            "db.cpu", hourly(28, d -> 0.25 + d / 128.0), "t", limit(0.5 - 1e-9), SETTINGS);
    LocalDate expected = LocalDate.of(2026, 11, 2).plusDays(32);
    assertThat(f.crossing())
        .contains(new Crossing.Within(expected, expected, Optional.of(expected), 0.80));
    assertThat(f.model().orElseThrow().formula()).startsWith("linear trend");
    // growth per month: slope / last week's level · 30.44 = (1/128) / (0.25 + 24/128) · 30.4375
    double level = 0.25 + 24 / 128.0;
    assertThat(f.growth().orElseThrow().median().value())
        .isCloseTo(SeasonalTrend.DAYS_PER_MONTH / 128 / level, within(1e-9));
  }

  @Test
  void noiselessExponentialSeries_isFittedLogLinear_withItsMonthlyGrowth() {
    double daily = Math.pow(1.10, 1 / SeasonalTrend.DAYS_PER_MONTH);
    Forecast f =
        Forecaster.forecast(
            "db.cpu", hourly(35, d -> 0.2 * Math.pow(daily, d)), "t", Optional.empty(), SETTINGS);
    assertThat(f.model().orElseThrow().formula()).startsWith("log-linear");
    assertThat(f.growth().orElseThrow().median().value()).isCloseTo(0.10, within(1e-9));
    assertThat(f.crossing()).isEmpty();
  }

  @Test
  void flatSeries_neverCrosses() {
    Forecast f = Forecaster.forecast("db.cpu", hourly(28, d -> 0.40), "t", limit(0.70), SETTINGS);
    assertThat(f.crossing())
        .contains(
            new Crossing.NotWithinHorizon(
                LocalDate.of(2026, 11, 30).plusDays(364), 365, Optional.empty()));
    assertThat(f.growth().orElseThrow().median().value()).isCloseTo(0, within(1e-12));
  }

  @Test
  void noisyFlatSeries_neverCrossesAtTheMedian() {
    Series s = new SyntheticSeries(0.40, 0, false, 0.03, 0, 0, 0).generate(28, 7);
    Forecast f = Forecaster.forecast("db.cpu", s, "t", limit(0.70), SETTINGS);
    assertThat(f.crossing().orElseThrow()).isInstanceOf(Crossing.NotWithinHorizon.class);
  }

  @Test
  void seriesAlreadyAboveItsThreshold_saysSo() {
    Forecast f =
        Forecaster.forecast(
            "db.cpu", hourly(28, d -> 0.78 + 0.001 * (d % 3)), "t", limit(0.70), SETTINGS);
    assertThat(f.crossing().orElseThrow()).isInstanceOf(Crossing.AlreadyAbove.class);
  }

  @Test
  void tooShortHistory_isNotEvaluated_sayingWhatItNeeds() {
    Forecast f =
        Forecaster.forecast("db.cpu", hourly(10, d -> 0.4 + d * 0.01), "t", limit(0.70), SETTINGS);
    assertThat(f.notEvaluated())
        .contains(
            "at least 14 days with daily peaks (two of each weekday for the weekly season); the series has 10");
    assertThat(f.model()).isEmpty();
    assertThat(f.crossing()).isEmpty();
    assertThatThrownBy(
            () -> SeasonalTrend.fit(DailyPeaks.of(hourly(10, d -> 0.4), DailyPeak.MAX), 14))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least 14 days");
  }

  @Test
  void gapsOfWholeDays_areSkipped_andAWeekdaySeenOnceIsNotEnough() {
    // 16 days with Mondays on days 0, 7 and 14; two are gone: the Monday effect cannot be told from
    // noise
    Series s = hourly(16, d -> d == 7 || d == 14 ? Double.NaN : 0.4 + 0.001 * d);
    DailyPeaks peaks = DailyPeaks.of(s, DailyPeak.MAX);
    assertThat(peaks.observed()).isEqualTo(14);
    assertThat(Double.isNaN(peaks.peak(7))).isTrue();
    assertThat(SeasonalTrend.insufficient(peaks, 14))
        .contains("at least two daily peaks on every weekday; too few on Monday");
  }

  @Test
  void aDayWithLessThanHalfItsPoints_isAGap() {
    double[] v = new double[15 * 24];
    Arrays.fill(v, 0.5);
    Arrays.fill(v, 24, 24 + 13, Double.NaN); // day 1 keeps 11 of 24 hours
    Arrays.fill(v, 48, 48 + 12, Double.NaN); // day 2 keeps 12 of 24: counts
    Series s =
        new Series(
            Metric.CPU,
            ComponentKind.DATABASE,
            "",
            START,
            Duration.ofHours(1),
            v,
            "",
            new SourceLocation("t", 0, 0));
    DailyPeaks peaks = DailyPeaks.of(s, DailyPeak.MAX);
    assertThat(Double.isNaN(peaks.peak(1))).isTrue();
    assertThat(peaks.peak(2)).isEqualTo(0.5);
  }

  @Test
  void p95Peak_ignoresASingleBurst_thatTheMaxKeeps() {
    double[] v = new double[288];
    Arrays.fill(v, 0.4);
    v[100] = 0.95;
    Series s =
        new Series(
            Metric.CPU,
            ComponentKind.DATABASE,
            "",
            START,
            Duration.ofMinutes(5),
            v,
            "",
            new SourceLocation("t", 0, 0));
    assertThat(DailyPeaks.of(s, DailyPeak.MAX).peak(0)).isEqualTo(0.95);
    assertThat(DailyPeaks.of(s, DailyPeak.P95).peak(0)).isEqualTo(0.4);
  }

  /** Interval width of the band's last day over {@code seeds} series of the given noise. */
  static double meanWidth(double noise, int day) {
    double w = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Series s = new SyntheticSeries(0.40, 0.05, false, noise, 0, 0, 0).generate(28, seed);
      SeasonalTrend fit = SeasonalTrend.fit(DailyPeaks.of(s, DailyPeak.MAX), 14);
      double[][] band = fit.band(day + 1, SETTINGS);
      w += band[day][2] - band[day][0];
    }
    return w / 5;
  }

  @ParameterizedTest(name = "noise {0} -> {0}x2")
  @ValueSource(doubles = {0.01, 0.02, 0.04})
  void interval_widensWithNoise(double noise) {
    assertThat(meanWidth(2 * noise, 30)).isGreaterThan(meanWidth(noise, 30));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void interval_widensWithHorizon_andEarliestMedianLatestAreOrdered(long seed) {
    Series s =
        new SyntheticSeries(0.45, 0.06, seed % 2 == 0, 0.03, 0.001, 0.3, 0.001).generate(28, seed);
    SeasonalTrend fit = SeasonalTrend.fit(DailyPeaks.of(s, DailyPeak.MAX), 14);
    double[][] band = fit.band(180, SETTINGS);
    double near = band[6][2] - band[6][0];
    double far = band[179][2] - band[179][0];
    assertThat(far).isGreaterThan(near);
    for (double[] day : band) {
      assertThat(day[0]).isLessThanOrEqualTo(day[1]);
      assertThat(day[1]).isLessThanOrEqualTo(day[2]);
    }
    Crossing c = Forecaster.crossing(fit, 0.70, SETTINGS);
    if (c instanceof Crossing.Within w) {
      assertThat(w.earliest()).isBeforeOrEqualTo(w.median());
      w.latest().ifPresent(l -> assertThat(w.median()).isBeforeOrEqualTo(l));
    }
    Forecast.Growth g =
        Forecaster.growth(fit, SETTINGS, new Provenance.Derived("m", java.util.List.of()));
    assertThat(g.low().value()).isLessThanOrEqualTo(g.median().value());
    assertThat(g.median().value()).isLessThanOrEqualTo(g.high().value());
  }

  @Test
  void aHigherLevel_widensTheCrossingInterval() {
    Series s = new SyntheticSeries(0.40, 0.08, false, 0.04, 0, 0, 0).generate(28, 11);
    SeasonalTrend fit = SeasonalTrend.fit(DailyPeaks.of(s, DailyPeak.MAX), 14);
    Crossing.Within at80 = (Crossing.Within) Forecaster.crossing(fit, 0.70, SETTINGS);
    Crossing.Within at95 =
        (Crossing.Within) Forecaster.crossing(fit, 0.70, SETTINGS.withLevel(0.95));
    assertThat(at95.earliest()).isBeforeOrEqualTo(at80.earliest());
    assertThat(at95.median()).isEqualTo(at80.median());
    assertThat(at95.latest().orElseThrow()).isAfterOrEqualTo(at80.latest().orElseThrow());
  }

  @Test
  void sameSeriesAndSeed_giveTheSameForecast() {
    Series s = new SyntheticSeries(0.40, 0.08, false, 0.04, 0.001, 0.4, 0.001).generate(28, 3);
    assertThat(Forecaster.forecast("db.cpu", s, "t", limit(0.7), SETTINGS))
        .isEqualTo(Forecaster.forecast("db.cpu", s, "t", limit(0.7), SETTINGS));
  }
}
