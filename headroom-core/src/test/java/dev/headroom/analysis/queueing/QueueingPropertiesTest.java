package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random inputs (one seed per case, so a failure names the seed that
 * reproduces it): Little's law, stability, monotonicity in servers and population, the MVA
 * throughput bound, and equivalent set-ups giving equal results.
 */
class QueueingPropertiesTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
  }

  /** A stable M/M/c: 1..64 servers, S from 1 ms to 10 s, ρ in (0, 0.999). */
  static MMc randomMMc(SplittableRandom rnd) {
    int c = 1 + rnd.nextInt(64);
    double s = Math.pow(10, rnd.nextDouble(-3, 1));
    double rho = rnd.nextDouble(0.0, 0.999);
    return MMc.of(rho * c / s, s, c);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void openQueues_satisfyLittlesLawAndStayBelowFullUtilisation(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MMc mmc = randomMMc(rnd);
    double s = mmc.serviceTime();
    double rho1 = rnd.nextDouble(0.0, 0.999);
    List<OpenQueue> queues =
        List.of(mmc, MM1.of(rho1 / s, s), MG1.of(rho1 / s, s, rnd.nextDouble(0, 4)));
    for (OpenQueue q : queues) {
      assertThat(q.utilization()).as(q.model()).isGreaterThanOrEqualTo(0).isLessThan(1);
      assertThat(q.meanNumberInSystem())
          .as("%s L = λW", q.model())
          .isCloseTo(
              q.arrivalRate() * q.meanResponseTime(),
              within(1e-9 * Math.max(1, q.meanNumberInSystem())));
      assertThat(q.meanQueueLength())
          .as("%s Lq = λWq", q.model())
          .isCloseTo(
              q.arrivalRate() * q.meanWaitingTime(),
              within(1e-9 * Math.max(1, q.meanQueueLength())));
      assertThat(q.meanResponseTime())
          .isCloseTo(q.meanWaitingTime() + s, within(1e-9 * q.meanResponseTime()));
      assertThat(q.probabilityOfWaiting()).isBetween(0.0, 1.0);
      assertThat(q.littlesLaw().population()).isEqualTo(q.meanNumberInSystem());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreServers_neverRaiseWaitingOrResponseTime(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MMc q = randomMMc(rnd);
    MMc more = MMc.of(q.arrivalRate(), q.serviceTime(), q.servers() + 1 + rnd.nextInt(8));
    double p = rnd.nextDouble(0.5, 0.999);
    assertThat(more.probabilityOfWaiting()).isLessThanOrEqualTo(q.probabilityOfWaiting());
    assertThat(more.meanWaitingTime()).isLessThanOrEqualTo(q.meanWaitingTime());
    assertThat(more.meanResponseTime()).isLessThanOrEqualTo(q.meanResponseTime());
    assertThat(more.waitingTimePercentile(p)).isLessThanOrEqualTo(q.waitingTimePercentile(p));
    assertThat(more.responseTimePercentile(p))
        .isLessThanOrEqualTo(q.responseTimePercentile(p) * (1 + 1e-12));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mmcWithOneServer_equalsMM1_andMG1WithCvOne(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double s = Math.pow(10, rnd.nextDouble(-3, 1));
    double lambda = rnd.nextDouble(0, 0.999) / s;
    double p = rnd.nextDouble(0.01, 0.999);
    MM1 a = MM1.of(lambda, s);
    MMc b = MMc.of(lambda, s, 1);
    MG1 g = MG1.of(lambda, s, 1.0);
    for (OpenQueue q : List.of(b, g)) {
      assertThat(q.meanQueueLength())
          .isCloseTo(a.meanQueueLength(), within(1e-9 * (1 + a.meanQueueLength())));
      assertThat(q.meanResponseTime())
          .isCloseTo(a.meanResponseTime(), within(1e-9 * a.meanResponseTime()));
      assertThat(q.probabilityOfWaiting()).isCloseTo(a.probabilityOfWaiting(), within(1e-12));
    }
    assertThat(b.responseTimePercentile(p))
        .isCloseTo(a.responseTimePercentile(p), within(1e-9 * a.responseTimePercentile(p)));
    assertThat(b.waitingTimePercentile(p))
        .isCloseTo(a.waitingTimePercentile(p), within(1e-9 * (1 + a.waitingTimePercentile(p))));
    // M/D/1 waits half as long as M/M/1 (Pollaczek–Khinchine with cv = 0)
    assertThat(MG1.of(lambda, s, 0).meanWaitingTime())
        .isCloseTo(a.meanWaitingTime() / 2, within(1e-12 * (1 + a.meanWaitingTime())));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void responseTimePercentile_invertsTheExceedance(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MMc q = randomMMc(rnd);
    double p = rnd.nextDouble(0.01, 0.9999);
    double t = q.responseTimePercentile(p);
    assertThat(q.responseTimeExceedance(t)).isCloseTo(1 - p, within(1e-9));
    assertThat(t).isGreaterThanOrEqualTo(-Math.log1p(-p) * q.serviceTime() * (1 - 1e-12));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mva_throughputRespectsTheDemandBoundAndRisesWithPopulation(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int k = 1 + rnd.nextInt(6);
    List<Station> stations = new ArrayList<>();
    double maxDemand = 0;
    for (int i = 0; i < k; i++) {
      boolean delay = rnd.nextInt(4) == 0;
      double d = rnd.nextDouble(0.001, 2.0);
      int servers = delay || rnd.nextInt(3) > 0 ? 1 : 2 + rnd.nextInt(6);
      stations.add(
          Station.ofDemands("s" + i, delay ? StationKind.DELAY : StationKind.QUEUE, d)
              .withServers(servers));
      if (!delay) {
        // the bound is the largest demand per server: X ≤ m/D at every queue
        maxDemand = Math.max(maxDemand, d / servers);
      }
    }
    int n = 1 + rnd.nextInt(60);
    ClosedNetwork net = ClosedNetwork.singleClass("random", n, rnd.nextDouble(0, 10), stations);
    for (MvaSolution s : List.of(Mva.exact(net), Mva.bardSchweitzer(net))) {
      assertThat(s.results()).hasSize(n);
      double previous = 0;
      for (PopulationResult p : s.results()) {
        double x = p.totalThroughput();
        if (maxDemand > 0) {
          assertThat(x)
              .as("%s X ≤ min m/D", s.algorithm())
              .isLessThanOrEqualTo(1 / maxDemand * (1 + 1e-9));
        }
        assertThat(x)
            .as("%s X non-decreasing in N", s.algorithm())
            .isGreaterThanOrEqualTo(previous * (1 - 1e-9));
        previous = x;
        for (StationResult st : p.stations()) {
          assertThat(st.utilization()).isLessThanOrEqualTo(1 + 1e-9);
        }
        double total = p.stations().stream().mapToDouble(StationResult::queueLength).sum();
        ClassResult c = p.classes().get(0);
        assertThat(total + c.throughput() * c.thinkTime())
            .as("customers are conserved")
            .isCloseTo(p.totalPopulation(), within(1e-8 * p.totalPopulation()));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void multiclassMva_conservesCustomersAndKeepsUtilisationBelowOne(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int classes = 1 + rnd.nextInt(3);
    int k = 1 + rnd.nextInt(4);
    List<CustomerClass> cs = new ArrayList<>();
    for (int r = 0; r < classes; r++) {
      cs.add(new CustomerClass("c" + r, 1 + rnd.nextInt(6), rnd.nextDouble(0, 3)));
    }
    List<Station> stations = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] d = new double[classes];
      for (int r = 0; r < classes; r++) {
        d[r] = rnd.nextDouble(0.01, 1.0);
      }
      stations.add(
          Station.ofDemands("s" + i, StationKind.QUEUE, d).withServers(1 + rnd.nextInt(2)));
    }
    ClosedNetwork net = new ClosedNetwork("random", cs, stations);
    for (MvaSolution s : List.of(Mva.exact(net), Mva.bardSchweitzer(net))) {
      PopulationResult p = s.atFullPopulation();
      for (ClassResult c : p.classes()) {
        double q = c.queueLengths().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(q + c.throughput() * c.thinkTime())
            .isCloseTo(c.population(), within(1e-8 * c.population()));
      }
      for (StationResult st : p.stations()) {
        assertThat(st.utilization()).isLessThanOrEqualTo(1 + 1e-9);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sizing_returnsTheFewestServersThatMeetTheTarget(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double s = Math.pow(10, rnd.nextDouble(-3, 0));
    double lambda = rnd.nextDouble(0, 200) / s;
    double p = rnd.nextDouble(0.5, 0.999);
    LatencyMetric metric =
        rnd.nextBoolean() ? LatencyMetric.RESPONSE_TIME : LatencyMetric.WAITING_TIME;
    double floor = metric == LatencyMetric.RESPONSE_TIME ? -Math.log1p(-p) * s : 0;
    double target = floor + rnd.nextDouble(0.01, 3) * s;
    ServerSizing z = Sizing.serversFor(lambda, s, p, target, metric);
    assertThat(z.achieved()).isLessThanOrEqualTo(target);
    assertThat(metric.percentile(MMc.of(lambda, s, z.servers()), p)).isEqualTo(z.achieved());
    if (z.servers() > z.minimumStableServers()) {
      assertThat(metric.percentile(MMc.of(lambda, s, z.servers() - 1), p)).isGreaterThan(target);
    }
    ArrivalSizing back = Sizing.maxArrivalRate(s, z.servers(), p, target, metric);
    assertThat(back.maxArrivalRate()).isGreaterThanOrEqualTo(lambda * (1 - 1e-9));
    assertThat(back.achieved()).isLessThanOrEqualTo(target);
  }
}
