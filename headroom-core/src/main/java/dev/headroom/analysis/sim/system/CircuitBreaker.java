package dev.headroom.analysis.sim.system;

/**
 * A circuit breaker on calls to an external service: closed, it lets calls through and counts
 * consecutive failures; at {@code failureThreshold} it opens and fails calls at once for {@code
 * openSeconds}; then half-open, it lets one trial call through: success closes it, failure opens it
 * again (Nygard, Release It!, 2nd ed., ch. 5).
 */
public record CircuitBreaker(int failureThreshold, double openSeconds) {
  public CircuitBreaker {
    Check.atLeast("circuit_breaker.failures", failureThreshold, 1);
    Check.positive("circuit_breaker.open (seconds)", openSeconds);
  }
}
