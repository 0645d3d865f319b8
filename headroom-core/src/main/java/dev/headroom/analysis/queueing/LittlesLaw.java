package dev.headroom.analysis.queueing;

import java.util.Locale;

/**
 * Little's law, L = λW: the mean number of customers in a system equals their arrival rate times
 * the mean time each spends in it (Little 1961; Jain, <i>The Art of Computer Systems Performance
 * Analysis</i>, §33.6). It holds for any stable system whatever the distributions, so any two of
 * the three give the third.
 *
 * @param population L, the mean number in the system
 * @param arrivalRate λ, per second (equal to the throughput X in steady state)
 * @param timeInSystem W, seconds
 */
public record LittlesLaw(double population, double arrivalRate, double timeInSystem) {

  /** Relative tolerance used by {@link #check}: the models compute L as λW, so only rounding. */
  static final double TOLERANCE = 1e-9;

  public LittlesLaw {
    QueueInputException.nonNegative("population", population);
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.nonNegative("time in system", timeInSystem);
    check("Little's law", population, arrivalRate, timeInSystem);
  }

  /** L from λ (per second) and W (seconds). */
  public static LittlesLaw fromRateAndTime(double arrivalRate, double timeInSystem) {
    QueueInputException.nonNegative("arrival rate", arrivalRate);
    QueueInputException.nonNegative("time in system", timeInSystem);
    return new LittlesLaw(arrivalRate * timeInSystem, arrivalRate, timeInSystem);
  }

  /** λ = L / W. */
  public static LittlesLaw fromPopulationAndTime(double population, double timeInSystem) {
    QueueInputException.nonNegative("population", population);
    QueueInputException.positive("time in system", timeInSystem);
    return new LittlesLaw(population, population / timeInSystem, timeInSystem);
  }

  /** W = L / λ. */
  public static LittlesLaw fromPopulationAndRate(double population, double arrivalRate) {
    QueueInputException.nonNegative("population", population);
    QueueInputException.positive("arrival rate", arrivalRate);
    return new LittlesLaw(population, arrivalRate, population / arrivalRate);
  }

  /**
   * Fails when {@code population} is not {@code rate × time} to within rounding: a model that
   * breaks Little's law has a bug, so this is an internal error, not bad input.
   */
  static void check(String what, double population, double rate, double time) {
    double expected = rate * time;
    if (!(Math.abs(population - expected) <= TOLERANCE * Math.max(1.0, Math.abs(expected)))) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%s violates Little's law: L = %s but λW = %s × %s = %s",
              what,
              population,
              rate,
              time,
              expected));
    }
  }
}
