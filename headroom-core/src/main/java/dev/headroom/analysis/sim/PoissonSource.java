package dev.headroom.analysis.sim;

import java.util.List;

/**
 * Open arrivals: a Poisson process of rate λ per second (exponential inter-arrival times of mean
 * 1/λ). A customer leaves the network when routing sends it to the exit.
 */
public record PoissonSource(String name, double ratePerSecond, List<Double> entry)
    implements Source {
  public PoissonSource {
    entry = Sources.checkName(name, entry);
    if (!Double.isFinite(ratePerSecond) || ratePerSecond <= 0) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "' has arrival rate "
              + ratePerSecond
              + "/s; allowed: a finite rate > 0");
    }
  }
}
