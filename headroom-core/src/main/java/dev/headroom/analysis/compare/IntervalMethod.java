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
