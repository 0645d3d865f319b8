package dev.headroom.analysis.queueing;

/**
 * An open queue with Poisson arrivals and exponential service (M/M/1, M/M/c), whose waiting and
 * response time distributions are known in closed form, so percentiles can be predicted and not
 * only means.
 */
public interface MarkovianQueue extends OpenQueue {

  /**
   * The time t (seconds) that a fraction {@code p} of requests wait less than: the smallest t with
   * P(Wq ≤ t) ≥ p. It is 0 when at least a fraction p of requests do not wait at all.
   *
   * @param p a fraction strictly between 0 and 1, 0.95 for the 95th percentile
   */
  double waitingTimePercentile(double p);

  /**
   * The time t (seconds) that a fraction {@code p} of requests complete within: P(W ≤ t) = p, W
   * being waiting plus service.
   *
   * @param p a fraction strictly between 0 and 1, 0.95 for the 95th percentile
   */
  double responseTimePercentile(double p);
}
