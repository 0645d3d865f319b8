package dev.headroom.analysis.sim;

/**
 * How long and how often to simulate. Each replication runs from an empty network (closed customers
 * all thinking) for {@code warmupSeconds}, whose observations are deleted, then for {@code
 * lengthSeconds} of observed time. Replications are independent: replication r's streams derive
 * from {@code seed} and r alone (see {@link Streams}).
 *
 * @param warmupSeconds simulated time discarded at the start (the initial transient), ≥ 0
 * @param lengthSeconds simulated time observed after the warm-up, &gt; 0
 * @param replications independent runs, ≥ 2 (a confidence interval needs n − 1 ≥ 1)
 * @param seed the master seed
 * @param confidence the two-sided confidence level of every interval, in (0, 1)
 */
public record RunPlan(
    double warmupSeconds, double lengthSeconds, int replications, long seed, double confidence) {

  /** The default confidence level, 95 %. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  public RunPlan {
    if (!Double.isFinite(warmupSeconds) || warmupSeconds < 0) {
      throw new IllegalArgumentException(
          "warm-up is " + warmupSeconds + " s; allowed: a finite time >= 0");
    }
    if (!Double.isFinite(lengthSeconds) || lengthSeconds <= 0) {
      throw new IllegalArgumentException(
          "run length is " + lengthSeconds + " s; allowed: a finite time > 0");
    }
    if (replications < 2) {
      throw new IllegalArgumentException(
          replications
              + " replications; allowed: at least 2 (a confidence interval needs n - 1 >= 1)");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence level is " + confidence + "; allowed: strictly between 0 and 1");
    }
  }

  public RunPlan(double warmupSeconds, double lengthSeconds, int replications, long seed) {
    this(warmupSeconds, lengthSeconds, replications, seed, DEFAULT_CONFIDENCE);
  }

  public double endSeconds() {
    return warmupSeconds + lengthSeconds;
  }
}
