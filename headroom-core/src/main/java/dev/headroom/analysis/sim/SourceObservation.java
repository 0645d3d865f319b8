package dev.headroom.analysis.sim;

import java.util.List;

/**
 * What one replication observed for one source after the warm-up.
 *
 * @param throughputPerSecond completed responses (exits) per second
 * @param meanResponseSeconds from entering the network (arrival or end of think) to the exit
 * @param responsePercentiles response time at each of {@link Simulator#PERCENTILES}, seconds
 * @param completions responses observed
 */
public record SourceObservation(
    String name,
    double throughputPerSecond,
    double meanResponseSeconds,
    List<Double> responsePercentiles,
    long completions) {
  public SourceObservation {
    responsePercentiles = List.copyOf(responsePercentiles);
  }
}
