package dev.headroom.analysis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the engine over seeded random networks. */
class SimulationPropertiesTest {
  static final RunPlan SHORT = new RunPlan(50, 1_000, 4, 77L);

  /** Random open Jackson networks of 2–5 stations, every one below ρ = 0.9. */
  static Stream<Network> openNetworks() {
    SplittableRandom rnd = new SplittableRandom(2026);
    return IntStream.range(0, 6).mapToObj(k -> randomOpen(rnd));
  }

  static Network randomOpen(SplittableRandom rnd) {
    int n = 2 + rnd.nextInt(4);
    double[][] p = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      double left = 1;
      for (int j = 0; j < n; j++) {
        double q = j == i ? 0 : rnd.nextDouble() * left * 0.4;
        p[i][j] = q;
        left -= q;
      }
      p[i][n] = left; // each step keeps ≥ 60 %, so the exit has ≥ 0.6^4 ≈ 0.13
    }
    List<Station> stations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = 1 + rnd.nextInt(3);
      ServiceTime s =
          switch (rnd.nextInt(4)) {
            case 0 -> ServiceTime.exponential(0.01 + rnd.nextDouble() * 0.05);
            case 1 -> ServiceTime.deterministic(0.01 + rnd.nextDouble() * 0.05);
            case 2 -> ServiceTime.lognormal(0.01 + rnd.nextDouble() * 0.05, 0.5 + rnd.nextDouble());
            default -> ServiceTime.empirical(0.01, 0.02 + rnd.nextDouble() * 0.05, 0.03);
          };
      stations.add(Station.fcfs("s" + i, c, s));
    }
    List<Double> entry = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entry.add(i == 0 ? 1.0 : 0.0);
    }
    // visit ratios V = e(I − P)^−1 by fixed-point iteration, then λ so the busiest station is at
    // 0.8
    double[] v = new double[n];
    for (int it = 0; it < 500; it++) {
      double[] next = new double[n];
      next[0] = 1;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          next[j] += v[i] * p[i][j];
        }
      }
      v = next;
    }
    double maxLoad = 0;
    for (int i = 0; i < n; i++) {
      Station s = stations.get(i);
      maxLoad = Math.max(maxLoad, v[i] * s.service().mean() / s.servers());
    }
    return new Network(stations, List.of(new PoissonSource("web", 0.8 / maxLoad, entry)), p);
  }

  @ParameterizedTest
  @MethodSource("openNetworks")
  void sameSeed_givesIdenticalResults_andAnotherSeedDoesNot(Network net) {
    SimulationResult a = Simulation.run(net, SHORT, 1);
    SimulationResult b = Simulation.run(net, SHORT, 1);
    assertThat(a).isEqualTo(b);
    assertThat(a.toString()).isEqualTo(b.toString());
    RunPlan other = new RunPlan(50, 1_000, 4, 78L);
    assertThat(Simulation.run(net, other, 1).sources()).isNotEqualTo(a.sources());
  }

  @ParameterizedTest
  @MethodSource("openNetworks")
  void results_doNotDependOnTheNumberOfThreads(Network net) {
    SimulationResult one = Simulation.run(net, SHORT, 1);
    assertThat(Simulation.run(net, SHORT, 2)).isEqualTo(one);
    assertThat(Simulation.run(net, SHORT, 3)).isEqualTo(one);
  }

  @ParameterizedTest
  @MethodSource("openNetworks")
  void littlesLaw_holdsAtEveryStation(Network net) {
    // L = X·R per station (Little 1961); exact up to the customers present at the ends
    for (ReplicationResult r : Simulation.run(net, SHORT, 2).replications()) {
      for (StationObservation s : r.stations()) {
        double lx = s.throughputPerSecond() * s.meanResponseSeconds();
        assertThat(s.meanNumberInStation())
            .as("%s L vs X·R", s.name())
            .isCloseTo(lx, org.assertj.core.api.Assertions.offset(0.02 + 0.03 * lx));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("openNetworks")
  void flowBalance_everyCustomerThatEntersLeaves(Network net) {
    // open and stable: the source's exits per second equal its arrival rate
    double lambda = ((PoissonSource) net.sources().get(0)).ratePerSecond();
    SimulationResult r = Simulation.run(net, new RunPlan(50, 1_000, 4, 77L, 0.99), 2);
    Estimate x = r.sources().get(0).throughputPerSecond();
    assertThat(Math.abs(x.mean() - lambda)).isLessThan(x.halfWidth() + 0.02 * lambda);
  }

  /**
   * More servers never lower throughput capacity: a saturated closed network (40 customers, no
   * think time) with c = 1..4 servers at one station; common random numbers (the same streams by
   * name) keep the comparison tight.
   */
  @Test
  void moreServers_neverLowerSaturatedThroughput() {
    SplittableRandom rnd = new SplittableRandom(8);
    for (int trial = 0; trial < 4; trial++) {
      double[] s = {0.01 + 0.05 * rnd.nextDouble(), 0.01 + 0.05 * rnd.nextDouble(), 0.02};
      int grown = rnd.nextInt(3);
      Estimate previous = null;
      for (int c = 1; c <= 4; c++) {
        int[] servers = {1, 1, 1};
        servers[grown] = c;
        List<Station> st = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          st.add(Station.fcfs("s" + i, servers[i], ServiceTime.exponential(s[i])));
        }
        Network net =
            new Network(
                st,
                List.of(
                    new ClosedPopulation(
                        "users", 40, ServiceTime.deterministic(1e-6), List.of(1.0, 0.0, 0.0))),
                new double[][] {{0, 0.5, 0.5, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}});
        Estimate x =
            Simulation.run(net, new RunPlan(20, 500, 4, 5L + trial), 2)
                .source("users")
                .throughputPerSecond();
        // the bound: the slowest of the three, c_i/(V_i·S_i) with V = (1, ½, ½)
        double bound =
            Math.min(servers[0] / s[0], Math.min(2 * servers[1] / s[1], 2 * servers[2] / s[2]));
        assertThat(x.lower()).as("X ≤ asymptotic bound %s", bound).isLessThanOrEqualTo(bound);
        if (previous != null) {
          assertThat(x.mean())
              .as("trial %d, %d servers at s%d: X must not fall", trial, c, grown)
              .isGreaterThanOrEqualTo(previous.mean() - previous.halfWidth() - x.halfWidth());
        }
        previous = x;
      }
    }
  }

  @Test
  void addingASource_doesNotShiftAnotherSourcesStreams() {
    Network alone = Networks.singleQueue(0.5, 1, ServiceTime.exponential(1.0));
    Network withNeighbour =
        new Network(
            List.of(
                Station.fcfs("queue", 1, ServiceTime.exponential(1.0)),
                Station.fcfs("other", 1, ServiceTime.exponential(0.5))),
            List.of(
                new PoissonSource("arrivals", 0.5, List.of(1.0, 0.0)),
                new PoissonSource("batch", 1.0, List.of(0.0, 1.0))),
            new double[][] {{0, 0, 1}, {0, 0, 1}});
    ReplicationResult a = Simulation.replicate(alone, SHORT, 0);
    ReplicationResult b = Simulation.replicate(withNeighbour, SHORT, 0);
    assertThat(b.stations().get(0)).isEqualTo(a.stations().get(0));
    assertThat(b.sources().get(0)).isEqualTo(a.sources().get(0));
  }

  @Test
  void delayStation_hasNoWaitAndItsMeanNumberIsLambdaTimesS() {
    Network net =
        new Network(
            List.of(Station.delay("network", ServiceTime.lognormal(0.2, 2.0))),
            List.of(new PoissonSource("in", 50, List.of(1.0))),
            new double[][] {{0, 1}});
    SimulationResult r = Simulation.run(net, new RunPlan(10, 2_000, 4, 3L, 0.99), 2);
    StationStatistics s = r.station("network");
    assertThat(s.meanWaitSeconds().mean()).isZero();
    assertThat(s.meanQueueLength().mean()).isZero();
    // M/G/∞: the number present is Poisson with mean λ·E[S] = 10 for any service distribution
    assertThat(s.meanNumberInStation().covers(10.0)).as("%s", s.meanNumberInStation()).isTrue();
  }
}
