package dev.headroom.analysis.usl;

/**
 * The two concurrencies at which the USL curve passes through one throughput (the curve rises to
 * its peak, then falls). {@code lower} is the useful one: the same throughput with fewer requests
 * in flight, so lower latency. {@code upper} is on the retrograde side, past the peak; it is
 * infinite when κ = 0 (no retrograde side).
 */
public record ConcurrencyBranches(double lower, double upper) {

  public ConcurrencyBranches {
    if (!(lower > 0) || !Double.isFinite(lower) || !(upper >= lower)) {
      throw new IllegalArgumentException("need 0 < lower <= upper, got " + lower + ", " + upper);
    }
  }
}
