package dev.headroom.analysis.queueing;

import java.util.List;

/**
 * A closed network solved at one population vector.
 *
 * @param population N_r per class
 * @param classes per class, in the network's class order
 * @param stations per station, in the network's station order
 * @param iterations fixed-point iterations used (0 for exact MVA)
 */
public record PopulationResult(
    List<Integer> population,
    List<ClassResult> classes,
    List<StationResult> stations,
    int iterations) {
  public PopulationResult {
    population = List.copyOf(population);
    classes = List.copyOf(classes);
    stations = List.copyOf(stations);
  }

  /** Σ_r N_r. */
  public int totalPopulation() {
    return population.stream().mapToInt(Integer::intValue).sum();
  }

  /** Σ_r X_r, requests per second. */
  public double totalThroughput() {
    return classes.stream().mapToDouble(ClassResult::throughput).sum();
  }
}
