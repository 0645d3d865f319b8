package dev.headroom.analysis.queueing;

/**
 * The largest arrival rate a pool of servers sustains with a latency percentile at or under a
 * target, with the queue at that rate.
 *
 * @param serviceTime S in seconds
 * @param servers c
 * @param percentile p, such as 0.95
 * @param target the bound on the p-quantile, seconds
 * @param metric which time the target bounds
 * @param maxArrivalRate the largest λ per second meeting the target (to 1e-12 relative)
 * @param queue the M/M/c queue at {@code maxArrivalRate}
 * @param achieved the p-quantile at that rate, ≤ target
 */
public record ArrivalSizing(
    double serviceTime,
    int servers,
    double percentile,
    double target,
    LatencyMetric metric,
    double maxArrivalRate,
    MMc queue,
    double achieved) {

  public ArrivalSizing {
    QueueInputException.percentile(percentile);
    QueueInputException.nonNegative("target", target);
    QueueInputException.nonNegative("maximum arrival rate", maxArrivalRate);
    if (metric == null || queue == null) {
      throw new QueueInputException("metric and queue are required");
    }
    if (achieved > target) {
      throw new IllegalStateException(
          "a sizing must meet its target: " + achieved + " > " + target);
    }
  }
}
