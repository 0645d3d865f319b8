package dev.headroom.analysis.sim.system;

/**
 * Health checks every {@code intervalSeconds}; an instance that fails {@code failures} checks in a
 * row leaves the rotation, and one that passes them again returns (P2: fail 3x, every 30 s). The
 * simulator takes the detection delay as {@code intervalSeconds × failures} after a death or a
 * recovery: the worst case, since the first failed check can come right after the death.
 */
public record HealthCheck(double intervalSeconds, int failures) {
  /** P2: a check every 30 s. */
  public static final double P2_INTERVAL_SECONDS = 30;

  /** P2: out after 3 failed checks. */
  public static final int P2_FAILURES = 3;

  public HealthCheck {
    Check.positive("health_check.interval (seconds)", intervalSeconds);
    Check.atLeast("health_check.failures", failures, 1);
  }

  public static HealthCheck p2() {
    return new HealthCheck(P2_INTERVAL_SECONDS, P2_FAILURES);
  }

  double detectionSeconds() {
    return intervalSeconds * failures;
  }
}
