package dev.headroom.analysis.forecast;

import dev.headroom.ingest.evidence.Series;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hipparchus.distribution.continuous.TDistribution;

/** Turns a measured series into a {@link Forecast}: daily peaks, the fit, growth, the crossing. */
public final class Forecaster {

  private Forecaster() {}

  /**
   * Forecasts {@code series}.
   *
   * @param subject the component's key, {@code db.cpu}
   * @param source where the series was read, {@code prometheus at http://prom:9090, 2026-12-01…}
   * @param limit the threshold its metric is held against, if any
   */
  public static Forecast forecast(
      String subject,
      Series series,
      String source,
      Optional<Forecast.Limit> limit,
      ForecastSettings settings) {
    DailyPeaks peaks = DailyPeaks.of(series, settings.peak());
    Provenance.Measured measured =
        new Provenance.Measured(
            source,
            "window "
                + series.window().start()
                + ".."
                + series.window().end()
                + ", step "
                + Units.format(series.step().getSeconds(), 6)
                + " s, "
                + settings.peak().label()
                + " of each UTC day"
                + (series.how().isEmpty() ? "" : "; " + series.how()));
    // the last week's highest daily peak: a week holds every weekday, so it is "today's peak"
    // whatever day the series ends on
    Optional<Figure> lastPeak = Optional.empty();
    int busiest = -1;
    for (int d = Math.max(0, peaks.days() - 7); d < peaks.days(); d++) {
      if (!Double.isNaN(peaks.peak(d)) && (busiest < 0 || peaks.peak(d) > peaks.peak(busiest))) {
        busiest = d;
      }
    }
    if (busiest >= 0) {
      lastPeak =
          Optional.of(
              new Figure(
                  peaks.peak(busiest),
                  series.metric().dimension(),
                  new Provenance.Measured(
                      source,
                      "the last 7 days' highest "
                          + settings.peak().label()
                          + ", on "
                          + peaks.date(busiest)
                          + " (UTC)")));
    }
    Optional<String> needs = SeasonalTrend.insufficient(peaks, settings.minDays());
    if (needs.isPresent()) {
      return new Forecast(
          subject,
          series.metric(),
          measured,
          lastPeak,
          needs,
          Optional.empty(),
          Optional.empty(),
          limit,
          Optional.empty());
    }
    SeasonalTrend fit = SeasonalTrend.fit(peaks, settings.minDays());
    Provenance.Derived model = describe(fit, settings);
    Forecast.Growth growth = growth(fit, settings, model);
    Optional<Crossing> crossing = limit.map(l -> crossing(fit, l.value().value(), settings));
    return new Forecast(
        subject,
        series.metric(),
        measured,
        lastPeak,
        Optional.empty(),
        Optional.of(model),
        Optional.of(growth),
        limit,
        crossing);
  }

  /**
   * The growth per month of {@code series}' daily peaks with its interval, or empty when the series
   * cannot be forecast (what {@link #forecast} would list as not evaluated).
   */
  public static Optional<Forecast.Growth> growth(Series series, ForecastSettings settings) {
    DailyPeaks peaks = DailyPeaks.of(series, settings.peak());
    if (SeasonalTrend.insufficient(peaks, settings.minDays()).isPresent()) {
      return Optional.empty();
    }
    SeasonalTrend fit = SeasonalTrend.fit(peaks, settings.minDays());
    return Optional.of(growth(fit, settings, describe(fit, settings)));
  }

  private static Provenance.Derived describe(SeasonalTrend fit, ForecastSettings s) {
    String other =
        Double.isNaN(fit.otherSquaredError())
            ? "only shape fitted (a zero peak has no logarithm)"
            : "chosen by squared error on the peaks, "
                + fmt(fit.squaredError())
                + " against "
                + fmt(fit.otherSquaredError());
    return new Provenance.Derived(
        fit.shape().label() + " + day-of-week season on daily peaks, least squares",
        List.of(
            fit.observed() + " days",
            "R² " + String.format(Locale.ROOT, "%.2f", fit.rSquared()),
            "residual sd "
                + fmt(fit.residualSd())
                + (fit.shape() == SeasonalTrend.Shape.LOG_LINEAR ? " (log)" : ""),
            other,
            Math.round(s.level() * 100)
                + "% intervals from "
                + s.draws()
                + " simulated paths (parameter draws + week-block bootstrap of residuals)"));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /**
   * Growth per month from the slope and its t interval with n − p degrees of freedom: b ±
   * t_{(1+level)/2, n−p} · se(b), mapped through {@link SeasonalTrend#growthPerMonth}.
   */
  static Forecast.Growth growth(SeasonalTrend fit, ForecastSettings s, Provenance.Derived model) {
    double t =
        new TDistribution(fit.degreesOfFreedom()).inverseCumulativeProbability(s.upperQuantile());
    double b = fit.slope();
    double half = t * fit.slopeStandardError();
    Provenance.Derived p =
        new Provenance.Derived(
            "growth per month = "
                + (fit.shape() == SeasonalTrend.Shape.LOG_LINEAR
                    ? "e^(b·30.44) − 1"
                    : "b·30.44 / last week's fitted level")
                + ", interval b ± t·se(b) with "
                + fit.degreesOfFreedom()
                + " degrees of freedom",
            model.inputs());
    return new Forecast.Growth(
        new Figure(fit.growthPerMonth(b), Dimension.GROWTH_RATE, p),
        new Figure(fit.growthPerMonth(b - half), Dimension.GROWTH_RATE, p),
        new Figure(fit.growthPerMonth(b + half), Dimension.GROWTH_RATE, p),
        s.level());
  }

  /**
   * When the daily peaks reach {@code threshold}: already (a fitted peak of the history's last week
   * is at or above it), or the quantiles of the first crossing day over the simulated paths (a path
   * that does not cross within the horizon counts as crossing after it).
   */
  public static Crossing crossing(SeasonalTrend fit, double threshold, ForecastSettings s) {
    int days = fit.history().days();
    int highest = -1;
    for (int t = Math.max(0, days - 7); t < days; t++) {
      if (highest < 0 || fit.fitted(t) > fit.fitted(highest)) {
        highest = t;
      }
    }
    if (fit.fitted(highest) >= threshold) {
      return new Crossing.AlreadyAbove(fit.date(highest), fit.fitted(highest));
    }
    double[][] paths = fit.paths(s.horizonDays(), s.draws(), s.seed());
    int[] first = new int[paths.length];
    for (int k = 0; k < paths.length; k++) {
      first[k] = Integer.MAX_VALUE;
      for (int j = 0; j < paths[k].length; j++) {
        if (paths[k][j] >= threshold) {
          first[k] = j;
          break;
        }
      }
    }
    Arrays.sort(first);
    int lo = rank(first, s.lowerQuantile());
    int mid = rank(first, 0.5);
    int hi = rank(first, s.upperQuantile());
    LocalDate until = fit.date(days + s.horizonDays() - 1);
    if (mid == Integer.MAX_VALUE) {
      return new Crossing.NotWithinHorizon(
          until,
          s.horizonDays(),
          lo == Integer.MAX_VALUE ? Optional.empty() : Optional.of(fit.date(days + lo)));
    }
    return new Crossing.Within(
        fit.date(days + lo),
        fit.date(days + mid),
        hi == Integer.MAX_VALUE ? Optional.empty() : Optional.of(fit.date(days + hi)),
        s.level());
  }

  private static int rank(int[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
