package dev.headroom.analysis.sim;

import static dev.headroom.analysis.sim.Coverage.assertCovers;

import org.junit.jupiter.api.Test;

/**
 * M/G/1 against Pollaczek–Khinchine (Kleinrock 1975, eq. 5.72; Jain 1991, §31.3): Wq = λE[S²] /
 * (2(1 − ρ)) = ρ·E[S]·(1 + C_S²) / (2(1 − ρ)), R = Wq + E[S]. Deterministic, lognormal and
 * empirical service times, 12 replications of 40,000 s after 2,000 s each (400,000 s for the
 * lognormal: its E[S²] is carried by a heavy tail, so short runs give skewed replication means and
 * a t interval that under-covers), 99 % intervals.
 */
class Mg1SimulationTest {

  static void check(String label, ServiceTime s, double lambda, double maxRelative) {
    check(label, s, lambda, maxRelative, 40_000);
  }

  static void check(
      String label, ServiceTime s, double lambda, double maxRelative, double lengthSeconds) {
    double rho = lambda * s.mean();
    double wq = rho * s.mean() * (1 + s.squaredCv()) / (2 * (1 - rho));
    SimulationResult r =
        Simulation.run(
            Networks.singleQueue(lambda, 1, s), new RunPlan(2_000, lengthSeconds, 12, 1234L, 0.99));
    assertCovers(label + " Wq", r.station("queue").meanWaitSeconds(), wq, maxRelative);
    assertCovers(
        label + " R", r.source("arrivals").meanResponseSeconds(), wq + s.mean(), maxRelative);
    assertCovers(label + " U", r.station("queue").utilization(), rho, 0.01);
  }

  @Test
  void deterministicService_halvesTheMm1Wait() {
    // M/D/1, ρ = 0.7: Wq = 0.7/(2·0.3) = 1.1667 s
    check("M/D/1", ServiceTime.deterministic(1.0), 0.7, 0.03);
  }

  @Test
  void lognormalService_matchesPollaczekKhinchine() {
    // ρ = 0.6, C_S = 1.5: Wq = 0.6·(1 + 2.25)/(2·0.4) = 2.4375 s
    check("M/LN(cv 1.5)/1", ServiceTime.lognormal(1.0, 1.5), 0.6, 0.05, 400_000);
  }

  @Test
  void empiricalService_usesTheSampleMoments() {
    // samples 0.5, 1, 1.5, 3: E[S] = 1.5, E[S²] = 3.125; λ = 0.5, ρ = 0.75: Wq = 0.5·3.125/0.5
    check("M/Emp/1", ServiceTime.empirical(0.5, 1.0, 1.5, 3.0), 0.5, 0.06);
  }
}
