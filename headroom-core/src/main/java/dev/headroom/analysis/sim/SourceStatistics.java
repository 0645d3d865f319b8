package dev.headroom.analysis.sim;

import java.util.List;

/**
 * A source's figures across replications. Each percentile is the mean of the replications'
 * percentiles with a t interval over them (each replication's percentile is one observation of a
 * consistent estimator; Law §9.4 applies to any such per-run statistic).
 *
 * @param responsePercentiles one per {@link Simulator#PERCENTILES}, in that order
 */
public record SourceStatistics(
    String name,
    Estimate throughputPerSecond,
    Estimate meanResponseSeconds,
    List<Estimate> responsePercentiles) {
  public SourceStatistics {
    responsePercentiles = List.copyOf(responsePercentiles);
  }

  /** The estimate of the {@code percent}-th percentile, which must be one of the reported ones. */
  public Estimate percentile(double percent) {
    int i = Simulator.PERCENTILES.indexOf(percent);
    if (i < 0) {
      throw new IllegalArgumentException(
          "percentile " + percent + " is not reported; allowed: " + Simulator.PERCENTILES);
    }
    return responsePercentiles.get(i);
  }
}
