package dev.headroom.analysis.compare;

/** How the interval of a difference was obtained; the reports print {@link #description()}. */
public enum IntervalMethod {
  /** Both runs kept their response times: a percentile bootstrap over them. */
  BOOTSTRAP(
      "95 % percentile bootstrap over both runs' recorded response times (HdrHistogram, 3"
          + " significant digits)"),
  /** Throughput from request counts: each count Poisson, a normal approximation. */
  POISSON(
      "95 % normal interval with each run's request count taken as Poisson: Var X = n/T²; it"
          + " omits burstiness, so it is a lower bound on the noise"),
  /**
   * Summaries with a request count and several percentiles (a k6 end-of-test summary, wrk, hey,
   * Gatling's stats): a percentile of n requests is an estimate whose rank is uncertain by the
   * binomial spread, so the interval is valued between the percentiles the summary reports.
   */
  ORDER_STATISTIC(
      "95 % interval of each run's percentile from its request count n: ranks q ± 1.96·√(q(1 − q)/n)"
          + " (the order statistic's binomial interval), valued by linear interpolation between the"
          + " percentiles the summary reports; it assumes independent requests, so it is a lower"
          + " bound on the noise"),
  /** Summaries only: the printed values' last digit is all that is known. */
  RESOLUTION(
      "the printed values' resolution only (half the last digit of each): the inputs keep no"
          + " samples, so sampling noise is not included");

  private final String description;

  IntervalMethod(String description) {
    this.description = description;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
