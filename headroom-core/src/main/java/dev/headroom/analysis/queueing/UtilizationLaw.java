package dev.headroom.analysis.queueing;

/**
 * The utilisation law, U = X·S (Denning and Buzen 1978; Jain §33.1): a server busy S seconds per
 * completion and completing X per second is busy a fraction X·S of the time. Spread over c
 * identical servers fed by arrivals λ, each is busy ρ = λS/c. {@code offeredLoad} is a = λS in
 * Erlangs, the mean number of busy servers (Little's law applied to the servers alone).
 *
 * @param throughput X (or λ in steady state), per second
 * @param serviceTime S, seconds per completion
 * @param servers c
 * @param offeredLoad a = X·S, Erlangs
 * @param utilization ρ = X·S / c, per server
 */
public record UtilizationLaw(
    double throughput, double serviceTime, int servers, double offeredLoad, double utilization) {

  public UtilizationLaw {
    QueueInputException.nonNegative("throughput", throughput);
    QueueInputException.nonNegative("service time", serviceTime);
    QueueInputException.servers(servers);
    LittlesLaw.check("offered load", offeredLoad, throughput, serviceTime);
    LittlesLaw.check("utilisation", utilization * servers, throughput, serviceTime);
  }

  /** U = X·S/c; may be 1 or more, which means the servers cannot keep up. */
  public static UtilizationLaw of(double throughput, double serviceTime, int servers) {
    QueueInputException.nonNegative("throughput", throughput);
    QueueInputException.nonNegative("service time", serviceTime);
    QueueInputException.servers(servers);
    double a = throughput * serviceTime;
    return new UtilizationLaw(throughput, serviceTime, servers, a, a / servers);
  }

  /** Whether the servers keep up: ρ &lt; 1. */
  public boolean stable() {
    return utilization < 1.0;
  }
}
