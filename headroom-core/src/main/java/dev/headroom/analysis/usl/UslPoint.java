package dev.headroom.analysis.usl;

/**
 * One measurement: at {@code concurrency} (N, e.g. virtual users, threads or nodes) the system
 * completed {@code throughput} (X) units of work per unit of time. Latency is not needed: under
 * Little's law R = N/X follows from these two.
 */
public record UslPoint(double concurrency, double throughput) {

  public UslPoint {
    if (!(concurrency > 0) || !Double.isFinite(concurrency)) {
      throw new IllegalArgumentException(
          "concurrency must be positive and finite, got " + concurrency);
    }
    if (!(throughput >= 0) || !Double.isFinite(throughput)) {
      throw new IllegalArgumentException("throughput must be >= 0 and finite, got " + throughput);
    }
  }
}
