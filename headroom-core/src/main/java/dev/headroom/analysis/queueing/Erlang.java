package dev.headroom.analysis.queueing;

/**
 * The Erlang loss and delay formulas for c servers offered a = λS Erlangs.
 *
 * <p>Erlang B is computed by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) (Jagerman
 * 1974; the method of PDQ's {@code lib/PDQ_MServer.c}). Every step divides numbers of similar size,
 * so it neither overflows nor loses precision for thousands of servers, unlike the textbook sum of
 * a^k/k!. Erlang C follows from B as C = B / (1 − ρ(1 − B)) with ρ = a/c (Cooper, <i>Introduction
 * to Queueing Theory</i>, eq. 3.1.5).
 */
public final class Erlang {

  private Erlang() {}

  /** B(c, a): the probability an arrival finds all c servers busy in a loss system. */
  public static double erlangB(int servers, double offeredLoad) {
    QueueInputException.servers(servers);
    QueueInputException.nonNegative("offered load", offeredLoad);
    double b = 1.0;
    for (int k = 1; k <= servers; k++) {
      b = next(b, k, offeredLoad);
    }
    return b;
  }

  /**
   * C(c, a): the probability an arrival waits in M/M/c.
   *
   * @throws UnstableQueueException when a ≥ c (the formula has no meaning there)
   */
  public static double erlangC(int servers, double offeredLoad) {
    double b = erlangB(servers, offeredLoad);
    double rho = offeredLoad / servers;
    if (rho >= 1.0) {
      throw new UnstableQueueException(offeredLoad, 1.0, servers, rho);
    }
    return fromB(b, rho);
  }

  /** One step of the recursion: B(k) from B(k−1). */
  static double next(double previousB, int k, double offeredLoad) {
    double ab = offeredLoad * previousB;
    return ab / (k + ab);
  }

  /** C from B at per-server utilisation ρ &lt; 1. */
  static double fromB(double b, double rho) {
    return b / (1.0 - rho * (1.0 - b));
  }
}
