package dev.headroom.analysis.compare;

import java.util.Objects;

/**
 * One metric of one step, baseline against new.
 *
 * @param metric what is compared
 * @param baseline the baseline's value (per second, or ms)
 * @param candidate the new run's value
 * @param difference candidate − baseline
 * @param relative candidate / baseline − 1, null when the baseline is 0
 * @param lower the interval's lower end for the difference (95 %, or the resolution; see method)
 * @param upper the interval's upper end
 * @param method how the interval was obtained
 * @param significant whether the interval excludes 0 (and the difference exceeds the resolution)
 */
public record MetricDifference(
    Metric metric,
    double baseline,
    double candidate,
    double difference,
    Double relative,
    double lower,
    double upper,
    IntervalMethod method,
    boolean significant) {

  public MetricDifference {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(method, "method");
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is empty");
    }
  }
}
