package dev.headroom.analysis.queueing;

/**
 * One station at one population, over all classes.
 *
 * @param name the station
 * @param kind queue or delay
 * @param servers m
 * @param utilization per server, U = Σ_r X_r·D_r / m (utilisation law); 0 for a delay, which has no
 *     server to keep busy
 * @param queueLength Q, the mean number of customers at the station, waiting or in service
 */
public record StationResult(
    String name, StationKind kind, int servers, double utilization, double queueLength) {
  public StationResult {
    QueueInputException.nonNegative("utilization", utilization);
    QueueInputException.nonNegative("queue length", queueLength);
  }
}
