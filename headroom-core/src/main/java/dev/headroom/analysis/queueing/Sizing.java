package dev.headroom.analysis.queueing;

import java.util.Locale;

/**
 * Sizing in reverse with M/M/c: the fewest servers (threads, connections, instances) that keep a
 * percentile of response or waiting time under a target at a given arrival rate, and the largest
 * arrival rate a given number of servers sustains under the target.
 *
 * <p>Both searches rely on monotonicity: at a fixed load, adding a server never raises the
 * probability of waiting nor the waiting time (the Erlang C formula falls with c; Jain §31.3), and
 * at a fixed c every percentile rises with λ.
 */
public final class Sizing {

  /** A search that walks further than this many servers past stability has met a bug. */
  private static final int MAX_EXTRA_SERVERS = 10_000_000;

  private Sizing() {}

  /** The fewest servers keeping the p-quantile of the response time at or under the target. */
  public static ServerSizing serversFor(
      double arrivalRate, double serviceTime, double percentile, double targetSeconds) {
    return serversFor(
        arrivalRate, serviceTime, percentile, targetSeconds, LatencyMetric.RESPONSE_TIME);
  }

  /**
   * The fewest servers c with {@code metric}'s p-quantile ≤ {@code targetSeconds}. Starts at the
   * fewest stable servers ⌊λS⌋ + 1 and adds one at a time, stepping Erlang B in O(1) per server.
   *
   * @throws QueueInputException when no number of servers can meet the target: a response time is
   *     never shorter than the service time, so its p-quantile is at least −ln(1−p)·S
   */
  public static ServerSizing serversFor(
      double arrivalRate,
      double serviceTime,
      double percentile,
      double targetSeconds,
      LatencyMetric metric) {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.percentile(percentile);
    QueueInputException.nonNegative("target", targetSeconds);
    if (metric == LatencyMetric.RESPONSE_TIME) {
      double floor = -Math.log1p(-percentile) * serviceTime;
      if (targetSeconds < floor || (targetSeconds == floor && arrivalRate > 0)) {
        throw new QueueInputException(
            String.format(
                Locale.ROOT,
                "no number of servers meets a p%s response time of %s s: with exponential service"
                    + " of mean %s s the service time alone has p%s = %s s. Shorten the service"
                    + " time, or bound the waiting time instead",
                pLabel(percentile),
                QueueInputException.show(targetSeconds),
                QueueInputException.show(serviceTime),
                pLabel(percentile),
                QueueInputException.show(floor)));
      }
    }
    double a = arrivalRate * serviceTime;
    if (a >= MAX_EXTRA_SERVERS) {
      throw new QueueInputException(
          "offered load λ·S = " + QueueInputException.show(a) + " Erlangs is too large to size");
    }
    int minimum = (int) Math.floor(a) + 1;
    double b = Erlang.erlangB(minimum, a);
    for (int c = minimum; c <= minimum + MAX_EXTRA_SERVERS; c++) {
      if (c > minimum) {
        b = Erlang.next(b, c, a);
      }
      MMc q = MMc.withErlangB(arrivalRate, serviceTime, c, b);
      double achieved = metric.percentile(q, percentile);
      if (achieved <= targetSeconds) {
        return new ServerSizing(
            arrivalRate, serviceTime, percentile, targetSeconds, metric, minimum, q, achieved);
      }
    }
    throw new IllegalStateException("server search did not end; this is a bug");
  }

  /** The largest arrival rate c servers sustain with the response time's p-quantile ≤ target. */
  public static ArrivalSizing maxArrivalRate(
      double serviceTime, int servers, double percentile, double targetSeconds) {
    return maxArrivalRate(
        serviceTime, servers, percentile, targetSeconds, LatencyMetric.RESPONSE_TIME);
  }

  /**
   * The largest λ with {@code metric}'s p-quantile ≤ {@code targetSeconds}, found by bisection on
   * [0, c/S) to 1e-12 relative; the answer returned meets the target.
   *
   * @throws QueueInputException when even an idle system misses the target
   */
  public static ArrivalSizing maxArrivalRate(
      double serviceTime,
      int servers,
      double percentile,
      double targetSeconds,
      LatencyMetric metric) {
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.servers(servers);
    QueueInputException.percentile(percentile);
    QueueInputException.nonNegative("target", targetSeconds);
    MMc idle = MMc.of(0.0, serviceTime, servers);
    double idleValue = metric.percentile(idle, percentile);
    if (idleValue > targetSeconds) {
      throw new QueueInputException(
          String.format(
              Locale.ROOT,
              "no arrival rate meets a p%s %s of %s s: even with no load the p%s is %s s"
                  + " (exponential service of mean %s s)",
              pLabel(percentile),
              metric.words(),
              QueueInputException.show(targetSeconds),
              pLabel(percentile),
              QueueInputException.show(idleValue),
              QueueInputException.show(serviceTime)));
    }
    double lo = 0.0;
    double hi = servers / serviceTime; // unstable at and above
    MMc best = idle;
    double bestValue = idleValue;
    for (int i = 0; i < 300 && hi - lo > 1e-12 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      MMc q = MMc.of(mid, serviceTime, servers);
      double v = metric.percentile(q, percentile);
      if (v <= targetSeconds) {
        lo = mid;
        best = q;
        bestValue = v;
      } else {
        hi = mid;
      }
    }
    return new ArrivalSizing(
        serviceTime, servers, percentile, targetSeconds, metric, lo, best, bestValue);
  }

  /** "95" for 0.95, "99.9" for 0.999. */
  static String pLabel(double percentile) {
    return new java.math.BigDecimal(Double.toString(percentile * 100.0))
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
