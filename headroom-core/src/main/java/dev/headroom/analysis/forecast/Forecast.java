package dev.headroom.analysis.forecast;

import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import java.util.Objects;
import java.util.Optional;

/**
 * The forecast of one measured series: what was measured, and either why it could not be forecast
 * or the fitted model, the growth per month with its interval, and (when the metric has a
 * threshold) the date the daily peaks reach it.
 *
 * @param subject the component's key ({@code db.cpu}, or {@code rps} for the system)
 * @param series where the series came from: source, window, step, the daily peak used
 * @param lastPeak the highest daily peak of the series' last 7 days, measured (empty when none of
 *     them has enough points)
 * @param notEvaluated what a forecast needs that the series lacks; empty when forecast
 * @param model the fitted model (derived: shape, fit quality), when forecast
 * @param growth growth per month with its interval, when forecast
 * @param limit the threshold the series is held against, when its metric has one
 * @param crossing when the threshold is reached, when forecast and a limit exists
 */
public record Forecast(
    String subject,
    Metric metric,
    Provenance.Measured series,
    Optional<Figure> lastPeak,
    Optional<String> notEvaluated,
    Optional<Provenance.Derived> model,
    Optional<Growth> growth,
    Optional<Limit> limit,
    Optional<Crossing> crossing) {

  public Forecast {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(lastPeak, "lastPeak");
    Objects.requireNonNull(notEvaluated, "notEvaluated");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(growth, "growth");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(crossing, "crossing");
    if (notEvaluated.isPresent() == model.isPresent()) {
      throw new IllegalArgumentException(
          subject + ": a forecast is either evaluated (with a model) or not (with what it needs)");
    }
  }

  /**
   * Growth per month: the median with the interval's ends, all {@code GROWTH_RATE} figures.
   *
   * @param level the interval's probability
   */
  public record Growth(Figure median, Figure low, Figure high, double level) {
    public Growth {
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
      if (low.value() > median.value() || median.value() > high.value()) {
        throw new IllegalArgumentException(
            "growth interval out of order: " + low + " " + median + " " + high);
      }
    }
  }

  /**
   * A threshold in the series' unit, and the rule and threshold name it is read from, so the
   * forecast and the finding agree.
   *
   * @param value the threshold, with its provenance (the rule's default and knowledge id, or the
   *     system file's override; derived for a share of a limit)
   * @param rule the rule id ({@code HR-DB-001}) and threshold name ({@code warning})
   */
  public record Limit(Figure value, String rule) {
    public Limit {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(rule, "rule");
    }
  }
}
