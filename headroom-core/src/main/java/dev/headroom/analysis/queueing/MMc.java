package dev.headroom.analysis.queueing;

/**
 * The M/M/c queue: Poisson arrivals at rate λ, c identical servers with exponential service of mean
 * S sharing one FCFS queue of unbounded length, steady state (Kleinrock vol. 1, §3.5; Gross and
 * Harris, <i>Fundamentals of Queueing Theory</i>, §2.3). With offered load a = λS, ρ = a/c and C
 * the Erlang C probability of waiting ({@link Erlang}):
 *
 * <ul>
 *   <li>Lq = C·ρ/(1−ρ), Wq = C/(cμ−λ) = C·S/(c(1−ρ)), W = Wq + S, L = λW = Lq + a;
 *   <li>P(Wq &gt; t) = C·e^{−(cμ−λ)t} (Gross and Harris eq. 2.46);
 *   <li>W = Wq + S with S exponential and independent of Wq, so P(W &gt; t) = e^{−μt}·(1 − C·μ·
 *       (e^{−δt} − 1)/δ) with δ = cμ − λ − μ, which is (1 + C·μ·t)·e^{−μt} when δ = 0 (Gross and
 *       Harris eq. 2.47; the δ = 0 case is its limit).
 * </ul>
 *
 * <p>Build with {@link #of(double, double, int)}; the record components are the computed metrics.
 */
public record MMc(
    double arrivalRate,
    double serviceTime,
    int servers,
    double utilization,
    double probabilityOfWaiting,
    double meanQueueLength,
    double meanNumberInSystem,
    double meanWaitingTime,
    double meanResponseTime)
    implements MarkovianQueue {

  public MMc {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.servers(servers);
    if (!(probabilityOfWaiting >= 0 && probabilityOfWaiting <= 1)) {
      throw new QueueInputException(
          "probability of waiting must be in [0, 1], found "
              + QueueInputException.show(probabilityOfWaiting));
    }
    OpenQueue.checkLittle(this);
  }

  /**
   * Solves the queue.
   *
   * @param arrivalRate λ per second, ≥ 0
   * @param serviceTime S in seconds, &gt; 0
   * @param servers c ≥ 1
   * @throws UnstableQueueException when ρ = λS/c ≥ 1
   */
  public static MMc of(double arrivalRate, double serviceTime, int servers) {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.servers(servers);
    double a = arrivalRate * serviceTime;
    checkStable(arrivalRate, serviceTime, servers);
    return withErlangB(arrivalRate, serviceTime, servers, Erlang.erlangB(servers, a));
  }

  /** Refuses ρ ≥ 1, naming the utilisation computed. */
  static void checkStable(double arrivalRate, double serviceTime, int servers) {
    double rho = arrivalRate * serviceTime / servers;
    if (rho >= 1.0) {
      throw new UnstableQueueException(arrivalRate, serviceTime, servers, rho);
    }
  }

  /** Solves the queue given B(c, a) already computed, so sizing can walk c in O(1) per step. */
  static MMc withErlangB(double arrivalRate, double serviceTime, int servers, double erlangB) {
    double a = arrivalRate * serviceTime;
    double rho = a / servers;
    double c = Erlang.fromB(erlangB, rho);
    double wq = c * serviceTime / (servers * (1.0 - rho));
    double w = wq + serviceTime;
    return new MMc(
        arrivalRate, serviceTime, servers, rho, c, arrivalRate * wq, arrivalRate * w, wq, w);
  }

  @Override
  public String model() {
    return servers == 1 ? "M/M/1" : "M/M/" + servers;
  }

  /** The offered load a = λS in Erlangs: the mean number of busy servers. */
  public double offeredLoad() {
    return arrivalRate * serviceTime;
  }

  /** cμ − λ per second: the rate at which the waiting-time tail decays. */
  private double drainRate() {
    return (servers - offeredLoad()) / serviceTime;
  }

  /** P(Wq &gt; t) = C·e^{−(cμ−λ)t}, so t_p = ln(C/(1−p)) / (cμ−λ) when C &gt; 1−p, else 0. */
  @Override
  public double waitingTimePercentile(double p) {
    QueueInputException.percentile(p);
    if (probabilityOfWaiting <= 1.0 - p) {
      return 0.0;
    }
    return Math.log(probabilityOfWaiting / (1.0 - p)) / drainRate();
  }

  /** P(Wq &gt; t) for t ≥ 0. */
  public double waitingTimeExceedance(double t) {
    QueueInputException.nonNegative("time", t);
    return probabilityOfWaiting * Math.exp(-drainRate() * t);
  }

  /**
   * P(W &gt; t) for t ≥ 0, exact for M/M/c (see the class comment). Written two ways: with expm1
   * when δt is small, where the difference of exponentials would cancel, and as a sum of two
   * decaying exponentials otherwise, where e^{−δt} could overflow for δ &lt; 0.
   */
  public double responseTimeExceedance(double t) {
    QueueInputException.nonNegative("time", t);
    double mu = 1.0 / serviceTime;
    double theta = drainRate();
    double delta = theta - mu;
    double cw = probabilityOfWaiting;
    double dt = delta * t;
    if (Math.abs(dt) < 1.0) {
      // (e^{−δt} − 1)/δ = expm1(−δt)/δ, which tends to −t as δ → 0
      double g = delta == 0.0 ? -t : Math.expm1(-dt) / delta;
      return Math.exp(-mu * t) * (1.0 - cw * mu * g);
    }
    double k = cw * mu / delta;
    return (1.0 + k) * Math.exp(-mu * t) - k * Math.exp(-theta * t);
  }

  /** Solves P(W &gt; t) = 1 − p by bisection: the exceedance falls strictly from 1 at t = 0. */
  @Override
  public double responseTimePercentile(double p) {
    QueueInputException.percentile(p);
    double tail = 1.0 - p;
    double lo = 0.0;
    // The response time is at least the service time's percentile and at most that plus the
    // waiting time's, so start there and widen only if rounding says otherwise.
    double hi = -Math.log(tail) * serviceTime + Math.max(waitingTimePercentile(p), serviceTime);
    while (responseTimeExceedance(hi) > tail) {
      lo = hi;
      hi *= 2.0;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (responseTimeExceedance(mid) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
