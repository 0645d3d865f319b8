package dev.headroom.analysis.queueing;

import java.util.Locale;

/**
 * The offered load meets or exceeds capacity (per-server utilisation ρ = λS/c ≥ 1): the queue grows
 * without bound and no steady state exists. Carries the utilisation that was computed so callers
 * can say by how much capacity falls short.
 */
public final class UnstableQueueException extends QueueInputException {
  private static final long serialVersionUID = 1L;

  private final double utilization;

  public UnstableQueueException(
      double arrivalRate, double serviceTime, int servers, double utilization) {
    super(
        String.format(
            Locale.ROOT,
            "unstable queue: utilisation ρ = λ·S/c = %s/s × %s s / %d = %s, which is not below 1;"
                + " the queue grows without bound. Add servers (at least %d are needed), shorten"
                + " the service time or lower the arrival rate",
            show(arrivalRate),
            show(serviceTime),
            servers,
            show(utilization),
            (long) Math.floor(arrivalRate * serviceTime) + 1));
    this.utilization = utilization;
  }

  /** The per-server utilisation λS/c that was computed (≥ 1). */
  public double utilization() {
    return utilization;
  }
}
