package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;
import java.util.Optional;

/**
 * An external service a share {@code callShare} of synchronous requests call, once each, while
 * holding their worker. An attempt takes {@code latency} (an infinite-server delay: the provider's
 * capacity is not ours to model), fails with probability {@code failureProbability} independently,
 * and counts as a timeout when it would take longer than {@code timeoutSeconds} (it is abandoned at
 * the timeout). A failed attempt is retried at once, up to {@code retries} times. With independent
 * failures the expected attempts per call are Σ_{i=0..r} p^i = (1 − p^(r+1))/(1 − p): the retry
 * storm's multiplication of the offered load.
 */
public record External(
    double callShare,
    ServiceTime latency,
    double timeoutSeconds,
    double failureProbability,
    int retries,
    Optional<CircuitBreaker> breaker) {
  public External {
    Check.share("external.call_share", callShare);
    java.util.Objects.requireNonNull(latency, "external.latency");
    Check.positive("external.timeout (seconds)", timeoutSeconds);
    Check.share("external.failure_probability", failureProbability);
    Check.atLeast("external.retries", retries, 0);
  }

  /**
   * (1 − p^(r+1))/(1 − p), the expected attempts per call with independent failures; r + 1 at p =
   * 1.
   */
  public double expectedAttempts() {
    double p = failureProbability;
    return p == 1 ? retries + 1 : (1 - Math.pow(p, retries + 1)) / (1 - p);
  }
}
