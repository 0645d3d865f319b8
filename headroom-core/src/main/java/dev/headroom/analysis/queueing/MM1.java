package dev.headroom.analysis.queueing;

/**
 * The M/M/1 queue: Poisson arrivals at rate λ, one server with exponential service of mean S, FCFS,
 * an unbounded queue, steady state (Kleinrock, <i>Queueing Systems</i> vol. 1, §3.2; Jain §31.2).
 * With ρ = λS: L = ρ/(1−ρ), Lq = ρ²/(1−ρ), W = S/(1−ρ), Wq = ρS/(1−ρ). The response time is
 * exponential with rate μ−λ = (1−ρ)/S, and an arrival waits with probability ρ.
 *
 * <p>Build with {@link #of(double, double)}; the record components are the computed metrics.
 */
public record MM1(
    double arrivalRate,
    double serviceTime,
    double utilization,
    double probabilityOfWaiting,
    double meanQueueLength,
    double meanNumberInSystem,
    double meanWaitingTime,
    double meanResponseTime)
    implements MarkovianQueue {

  public MM1 {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    OpenQueue.checkLittle(this);
  }

  /**
   * Solves the queue.
   *
   * @param arrivalRate λ per second, ≥ 0
   * @param serviceTime S in seconds, &gt; 0
   * @throws UnstableQueueException when ρ = λS ≥ 1
   */
  public static MM1 of(double arrivalRate, double serviceTime) {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    double rho = arrivalRate * serviceTime;
    if (rho >= 1.0) {
      throw new UnstableQueueException(arrivalRate, serviceTime, 1, rho);
    }
    double w = serviceTime / (1.0 - rho);
    double wq = rho * w;
    return new MM1(arrivalRate, serviceTime, rho, rho, arrivalRate * wq, arrivalRate * w, wq, w);
  }

  @Override
  public String model() {
    return "M/M/1";
  }

  @Override
  public int servers() {
    return 1;
  }

  /** P(Wq &gt; t) = ρ·e^{−(μ−λ)t}, so t_p = ln(ρ/(1−p)) / (μ−λ) when ρ &gt; 1−p, else 0. */
  @Override
  public double waitingTimePercentile(double p) {
    QueueInputException.percentile(p);
    if (utilization <= 1.0 - p) {
      return 0.0;
    }
    return Math.log(utilization / (1.0 - p)) * meanResponseTime;
  }

  /** W is exponential with mean S/(1−ρ): t_p = −ln(1−p)·W. */
  @Override
  public double responseTimePercentile(double p) {
    QueueInputException.percentile(p);
    return -Math.log1p(-p) * meanResponseTime;
  }
}
