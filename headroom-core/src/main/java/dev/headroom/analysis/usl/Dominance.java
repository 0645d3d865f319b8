package dev.headroom.analysis.usl;

/**
 * Which of the two USL costs is larger at the largest measured concurrency N: contention σ(N−1) or
 * coherency κN(N−1), the two terms of the denominator (Gunther 2007, eq. 4.31). Within a factor of
 * {@value #SIMILAR} of each other they count as {@link #BOTH}.
 */
public enum Dominance {
  CONTENTION(
      "contention (σ) dominates: work waits for something serial, such as a lock, a single writer,"
          + " a connection pool or one hot row. Throughput levels off towards λ/σ; shorten or split"
          + " the serial part."),
  COHERENCY(
      "coherency (κ) dominates: workers pay to stay consistent with each other (crosstalk, cache"
          + " coherency, chatty coordination, distributed locks). Past the peak, more concurrency"
          + " lowers throughput; cut the exchanges between workers."),
  BOTH(
      "contention (σ) and coherency (κ) cost about the same (within a factor of 1.25): look for a"
          + " serial resource and for crosstalk between workers alike."),
  NEITHER("neither cost is visible: the data scale linearly over the measured range.");

  /** Two costs closer than this ratio are reported as {@link #BOTH}. */
  public static final double SIMILAR = 1.25;

  private final String explanation;

  Dominance(String explanation) {
    this.explanation = explanation;
  }

  /** What this points to, in plain words. */
  public String explanation() {
    return explanation;
  }
}
