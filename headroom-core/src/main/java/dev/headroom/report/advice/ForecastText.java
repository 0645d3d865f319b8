package dev.headroom.report.advice;

import dev.headroom.analysis.forecast.Crossing;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.forecast.SeasonalTrend;
import dev.headroom.model.Units;

/** How a forecast reads in words, the same in every format. */
final class ForecastText {
  private ForecastText() {}

  /**
   * "reaches 70% between 2027-02-01 and 2027-03-10 (80% interval), median 2027-02-18", "already
   * above", "not within the horizon (12 months)", or why there is no date.
   */
  static String outlook(Forecast f) {
    if (f.notEvaluated().isPresent()) {
      return "not evaluated: needs " + f.notEvaluated().get();
    }
    if (f.limit().isEmpty() || f.crossing().isEmpty()) {
      return "no threshold for " + f.metric().key() + ": growth only";
    }
    String level = f.limit().get().value().formatted();
    Crossing c = f.crossing().get();
    if (c instanceof Crossing.AlreadyAbove a) {
      return "already at or above "
          + level
          + ": the fitted daily peak is "
          + Units.format(a.fittedPeak(), f.limit().get().value().dimension())
          + " on "
          + a.day();
    }
    if (c instanceof Crossing.Within w) {
      return "reaches "
          + level
          + " between "
          + w.earliest()
          + " and "
          + w.latest().map(Object::toString).orElse("after the horizon")
          + " ("
          + percent(w.level())
          + " interval), median "
          + w.median();
    }
    Crossing.NotWithinHorizon n = (Crossing.NotWithinHorizon) c;
    return "not within the horizon ("
        + Math.round(n.horizonDays() / SeasonalTrend.DAYS_PER_MONTH)
        + " months, to "
        + n.until()
        + ")"
        + n.earliest()
            .map(d -> "; the interval's early end reaches " + level + " on " + d)
            .orElse("");
  }

  /** "2%/month..6.3%/month (80% interval)". */
  static String growthInterval(Forecast.Growth g) {
    return g.low().formatted()
        + ".."
        + g.high().formatted()
        + " ("
        + percent(g.level())
        + " interval)";
  }

  private static String percent(double level) {
    return Units.format(level * 100, 3) + "%";
  }
}
