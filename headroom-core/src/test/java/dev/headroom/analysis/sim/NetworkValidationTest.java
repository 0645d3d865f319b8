package dev.headroom.analysis.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unsimulatable input is refused with what was found and what is allowed. */
class NetworkValidationTest {
  static final ServiceTime ONE = ServiceTime.exponential(1);

  @Test
  void zeroServers_isRefused() {
    assertThatThrownBy(() -> Station.fcfs("db", 0, ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "station 'db' has 0 servers; allowed: at least 1 (a station with no server never"
                + " serves)");
  }

  @Test
  void probabilityAboveOne_namesTheRowAndTheColumn() {
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(Station.fcfs("app", 1, ONE), Station.fcfs("db", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(1.0, 0.0))),
                    new double[][] {{0, 1.2, -0.2}, {0, 0, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "routing row of station 'app': probability to 'db' is 1.2; allowed: between 0 and 1");
  }

  @Test
  void routingRowNotSummingToOne_isRefused() {
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(Station.fcfs("app", 1, ONE), Station.fcfs("db", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(1.0, 0.0))),
                    new double[][] {{0, 0.5, 0.4}, {0, 0, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("routing row of station 'app' sums to 0.9")
        .hasMessageEndingWith("allowed: 1 (within 1.0E-9)");
  }

  @Test
  void entryNotSummingToOne_isRefused() {
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(Station.fcfs("app", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(0.5))),
                    new double[][] {{0, 1}}))
        .hasMessage("entry probabilities of source 'web' sums to 0.5; allowed: 1 (within 1.0E-9)");
  }

  @Test
  void routingCycleWithNoExit_isRefused() {
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(
                        Station.fcfs("app", 1, ONE),
                        Station.fcfs("cache", 1, ONE),
                        Station.fcfs("db", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(1.0, 0.0, 0.0))),
                    new double[][] {{0, 0.5, 0, 0.5}, {0, 0, 1, 0}, {0, 1, 0, 0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "routing cycle with no exit: customers of source 'web' reach stations [cache, db] and"
                + " can never leave; allowed: a path with positive probability to the exit from"
                + " every reachable station");
  }

  @Test
  void emptyEmpiricalDistribution_isRefused() {
    assertThatThrownBy(() -> ServiceTime.empirical())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "empirical service time: no samples; give at least one measured value (seconds, >= 0)");
  }

  @Test
  void negativeSample_andNonPositiveParameters_areRefused() {
    assertThatThrownBy(() -> ServiceTime.empirical(0.1, -1))
        .hasMessage(
            "empirical service time: sample 1 is -1.0; allowed: finite values >= 0 seconds");
    assertThatThrownBy(() -> ServiceTime.exponential(0))
        .hasMessage("exponential mean is 0.0; allowed: a finite number > 0 (seconds)");
    assertThatThrownBy(() -> ServiceTime.lognormal(1, Double.NaN))
        .hasMessage("lognormal cv is NaN; allowed: a finite number > 0 (seconds)");
  }

  @Test
  void badSourcesAndPlans_areRefused() {
    assertThatThrownBy(() -> new PoissonSource("web", -3, List.of(1.0)))
        .hasMessage("source 'web' has arrival rate -3.0/s; allowed: a finite rate > 0");
    assertThatThrownBy(() -> new ClosedPopulation("users", 0, ONE, List.of(1.0)))
        .hasMessage("population 'users' has 0 customers; allowed: at least 1");
    assertThatThrownBy(() -> new RunPlan(0, 100, 1, 1L))
        .hasMessage("1 replications; allowed: at least 2 (a confidence interval needs n - 1 >= 1)");
    assertThatThrownBy(() -> new RunPlan(-1, 100, 2, 1L))
        .hasMessage("warm-up is -1.0 s; allowed: a finite time >= 0");
  }

  @Test
  void duplicateNames_andWrongShapes_areRefused() {
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(Station.fcfs("app", 1, ONE), Station.fcfs("app", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(1.0, 0.0))),
                    new double[][] {{0, 0, 1}, {0, 0, 1}}))
        .hasMessage("station name 'app' is used twice; allowed: unique names");
    assertThatThrownBy(
            () ->
                new Network(
                    List.of(Station.fcfs("app", 1, ONE)),
                    List.of(new PoissonSource("web", 1, List.of(1.0))),
                    new double[][] {{1}}))
        .hasMessage(
            "routing row of station 'app' has 1 columns; allowed: 2 (one per station, then the"
                + " exit)");
  }

  @Test
  void unstableOpenNetwork_failsWithTheReasonInsteadOfExhaustingMemory() {
    // ρ = 2: the queue grows by about one customer a second until the cap
    Network overloaded = Networks.singleQueue(2.0, 1, ONE);
    assertThatThrownBy(() -> new Simulator(overloaded, 1L, 0).run(0, 1e9))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("customers in the network at once")
        .hasMessageContaining("the open load exceeds what the stations can serve");
  }
}
