package dev.headroom.analysis.queueing;

/**
 * The fewest servers that keep a latency percentile at or under a target, with the queue they give.
 *
 * @param arrivalRate λ per second
 * @param serviceTime S in seconds
 * @param percentile p, such as 0.95
 * @param target the bound on the p-quantile, seconds
 * @param metric which time the target bounds
 * @param minimumStableServers the fewest servers with ρ &lt; 1, ⌊λS⌋ + 1
 * @param queue the M/M/c queue at the chosen number of servers ({@code queue.servers()})
 * @param achieved the p-quantile of {@code metric} with that many servers, ≤ target
 */
public record ServerSizing(
    double arrivalRate,
    double serviceTime,
    double percentile,
    double target,
    LatencyMetric metric,
    int minimumStableServers,
    MMc queue,
    double achieved) {

  public ServerSizing {
    QueueInputException.percentile(percentile);
    QueueInputException.nonNegative("target", target);
    if (metric == null || queue == null) {
      throw new QueueInputException("metric and queue are required");
    }
    if (achieved > target) {
      throw new IllegalStateException(
          "a sizing must meet its target: " + achieved + " > " + target);
    }
  }

  /** The number of servers chosen. */
  public int servers() {
    return queue.servers();
  }
}
