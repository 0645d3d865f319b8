package dev.headroom.analysis.sim;

import static dev.headroom.analysis.sim.Coverage.assertCovers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * M/M/1 with λ = 0.8/s, S = 1 s (ρ = 0.8) against its closed forms (Kleinrock 1975, §3.2; Jain
 * 1991, §31.2): R = S/(1 − ρ) = 5 s, Wq = ρS/(1 − ρ) = 4 s, Lq = ρ²/(1 − ρ) = 3.2, and the response
 * time is exponential with rate μ − λ = 0.2/s, so its p-quantile is −ln(1 − p)/(μ − λ). Every exact
 * value must lie in the simulator's own 99 % interval (20 replications of 10^5 s after a 2,000 s
 * warm-up), and the interval must be narrow (sanity bound on its half-width).
 */
class Mm1SimulationTest {
  static final double LAMBDA = 0.8;
  static final double S = 1.0;
  static final double RATE = 1 / S - LAMBDA;
  static SimulationResult result;

  @BeforeAll
  static void simulate() {
    result =
        Simulation.run(
            Networks.singleQueue(LAMBDA, 1, ServiceTime.exponential(S)),
            new RunPlan(2_000, 100_000, 20, 20261201L, 0.99));
  }

  @Test
  void meanResponseTime_isSOverOneMinusRho() {
    assertCovers("M/M/1 R", result.source("arrivals").meanResponseSeconds(), S / (1 - 0.8), 0.03);
  }

  @Test
  void waitQueueLengthAndUtilisation_matchClosedForms() {
    StationStatistics q = result.station("queue");
    assertCovers("M/M/1 Wq", q.meanWaitSeconds(), 0.8 * S / 0.2, 0.04);
    assertCovers("M/M/1 Lq", q.meanQueueLength(), 0.8 * 0.8 / 0.2, 0.04);
    assertCovers("M/M/1 U", q.utilization(), 0.8, 0.01);
    assertCovers("M/M/1 X", q.throughputPerSecond(), LAMBDA, 0.01);
  }

  @Test
  void responsePercentiles_matchTheExponentialQuantiles() {
    SourceStatistics src = result.source("arrivals");
    for (double p : new double[] {50, 90, 95, 99}) {
      double exact = -Math.log(1 - p / 100) / RATE;
      assertCovers("M/M/1 p" + p, src.percentile(p), exact, p < 99 ? 0.04 : 0.06);
    }
  }
}
