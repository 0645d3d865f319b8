package dev.headroom.analysis.queueing;

import java.util.List;

/**
 * A solved closed network. For a single-class network {@code results} holds every population from 1
 * to N in order (the curve of throughput and response time against users); for several classes it
 * holds the full population vector only.
 *
 * @param network the model solved
 * @param algorithm how
 * @param tolerance the fixed-point tolerance on queue lengths (0 for exact MVA)
 * @param results at least one, the last at the network's populations
 */
public record MvaSolution(
    ClosedNetwork network,
    MvaAlgorithm algorithm,
    double tolerance,
    List<PopulationResult> results) {
  public MvaSolution {
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("an MVA solution has at least one population");
    }
  }

  /** The result at the network's populations. */
  public PopulationResult atFullPopulation() {
    return results.get(results.size() - 1);
  }
}
