package dev.headroom.analysis.trace;

/**
 * The levels the trace analysis uses.
 *
 * @param nPlusOneMin how many times one statement (or one database span name) must run in one
 *     request, one after the other, to be reported as an N+1 suspect
 */
public record TraceSettings(int nPlusOneMin) {

  /**
   * INVENTORY M2: fewer than 10 queries per request is the target; one statement repeated 10 times
   * in one request reaches that level on its own, which is what a loop of per-item queries does.
   */
  public static final int N_PLUS_ONE_MIN_M2 = 10;

  public TraceSettings {
    if (nPlusOneMin < 2) {
      throw new IllegalArgumentException(
          "the N+1 level is at least 2 repetitions, got " + nPlusOneMin);
    }
  }

  /** The defaults, each with its knowledge id. */
  public static TraceSettings defaults() {
    return new TraceSettings(N_PLUS_ONE_MIN_M2);
  }
}
