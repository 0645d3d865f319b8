package dev.headroom.analysis.queueing;

/**
 * The M/G/1 queue: Poisson arrivals, one server whose service time has any distribution with mean S
 * and coefficient of variation cv = σ_S/S, FCFS, unbounded queue, steady state. The
 * Pollaczek–Khinchine mean-value formula (Kleinrock vol. 1, eq. 5.72; Jain §31.9) gives Lq = ρ²(1 +
 * cv²) / (2(1−ρ)) and Wq = Lq/λ = ρS(1 + cv²) / (2(1−ρ)). cv = 1 is M/M/1, cv = 0 is M/D/1 (half
 * the M/M/1 wait); a burstier service (cv &gt; 1) waits longer at the same load.
 *
 * <p>Only the means are known for a general service distribution, so there are no percentiles.
 */
public record MG1(
    double arrivalRate,
    double serviceTime,
    double serviceCv,
    double utilization,
    double probabilityOfWaiting,
    double meanQueueLength,
    double meanNumberInSystem,
    double meanWaitingTime,
    double meanResponseTime)
    implements OpenQueue {

  public MG1 {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.nonNegative("service-time coefficient of variation", serviceCv);
    OpenQueue.checkLittle(this);
  }

  /**
   * Solves the queue from the service time's coefficient of variation.
   *
   * @param arrivalRate λ per second, ≥ 0
   * @param serviceTime mean S in seconds, &gt; 0
   * @param serviceCv σ_S / S, ≥ 0 (1 for exponential service, 0 for constant service)
   * @throws UnstableQueueException when ρ = λS ≥ 1
   */
  public static MG1 of(double arrivalRate, double serviceTime, double serviceCv) {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.nonNegative("service-time coefficient of variation", serviceCv);
    double rho = arrivalRate * serviceTime;
    if (rho >= 1.0) {
      throw new UnstableQueueException(arrivalRate, serviceTime, 1, rho);
    }
    double wq = rho * serviceTime * (1.0 + serviceCv * serviceCv) / (2.0 * (1.0 - rho));
    double w = wq + serviceTime;
    return new MG1(
        arrivalRate, serviceTime, serviceCv, rho, rho, arrivalRate * wq, arrivalRate * w, wq, w);
  }

  /**
   * Solves the queue from the service time's variance in seconds² (cv = √variance / S).
   *
   * @throws UnstableQueueException when ρ = λS ≥ 1
   */
  public static MG1 withVariance(double arrivalRate, double serviceTime, double serviceVariance) {
    QueueInputException.positive("service time", serviceTime);
    QueueInputException.nonNegative("service-time variance", serviceVariance);
    return of(arrivalRate, serviceTime, Math.sqrt(serviceVariance) / serviceTime);
  }

  @Override
  public String model() {
    return "M/G/1";
  }

  @Override
  public int servers() {
    return 1;
  }
}
