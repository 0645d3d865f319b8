package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact and approximate MVA against published closed-network solutions. */
class MvaReferenceTest {

  /**
   * Jain Ex. 34.2: central server, CPU 0.125 s × 16, disk A 0.3 s × 10, disk B 0.2 s × 5, Z = 4 s.
   */
  static ClosedNetwork jain(int n) {
    return ClosedNetwork.singleClass(
        "Jain Ex. 34.2",
        n,
        4.0,
        List.of(
            new Station("CPU", StationKind.QUEUE, 1, List.of(0.125), List.of(16.0)),
            new Station("DiskA", StationKind.QUEUE, 1, List.of(0.3), List.of(10.0)),
            new Station("DiskB", StationKind.QUEUE, 1, List.of(0.2), List.of(5.0))));
  }

  @Test
  void exact_reproducesJainTable34_1ToThreeDecimals() {
    MvaSolution s = Mva.exact(jain(20));
    assertThat(s.results()).hasSize(20);
    List<Map<String, String>> rows = ReferenceCsv.read("mva_jain_ex34_2_table34_1.csv");
    assertThat(rows).hasSize(9);
    double[] visits = {16, 10, 5};
    String[] perVisit = {"R_cpu_per_visit_s", "R_diskA_per_visit_s", "R_diskB_per_visit_s"};
    String[] queue = {"Q_cpu", "Q_diskA", "Q_diskB"};
    for (Map<String, String> row : rows) {
      int n = Integer.parseInt(row.get("N"));
      PopulationResult p = s.results().get(n - 1);
      assertThat(p.totalPopulation()).isEqualTo(n);
      ClassResult c = p.classes().get(0);
      assertThat(c.throughput())
          .as("X(%d)", n)
          .isCloseTo(ReferenceCsv.num(row, "X_system_jobs_per_s"), within(5e-4));
      assertThat(c.responseTime())
          .as("R(%d)", n)
          .isCloseTo(ReferenceCsv.num(row, "R_system_s"), within(5e-4));
      for (int k = 0; k < 3; k++) {
        assertThat(c.residenceTimes().get(k) / visits[k])
            .as("%s at N=%d", perVisit[k], n)
            .isCloseTo(ReferenceCsv.num(row, perVisit[k]), within(5e-4));
        assertThat(p.stations().get(k).queueLength())
            .as("%s at N=%d", queue[k], n)
            .isCloseTo(ReferenceCsv.num(row, queue[k]), within(5e-4));
      }
    }
    ClassResult last = s.atFullPopulation().classes().get(0);
    assertThat(last.throughput()).isCloseTo(0.333247, within(5e-7));
    assertThat(last.responseTime()).isCloseTo(56.0156, within(5e-5));
  }

  @Test
  void exact_reproducesMenasceDatabaseServerQueueLengths() {
    List<Map<String, String>> rows = ReferenceCsv.read("mva_menasce_dbserver.csv");
    List<Station> stations =
        rows.stream()
            .map(
                r ->
                    new Station(
                        r.get("device"),
                        StationKind.QUEUE,
                        1,
                        List.of(ReferenceCsv.num(r, "service_time_per_visit_s")),
                        List.of(ReferenceCsv.num(r, "visits_per_txn"))))
            .toList();
    PopulationResult p =
        Mva.exact(ClosedNetwork.singleClass("Menascé DB server", 2, 0.0, stations))
            .atFullPopulation();
    for (int k = 0; k < rows.size(); k++) {
      assertThat(p.stations().get(k).queueLength())
          .as(rows.get(k).get("device"))
          .isCloseTo(ReferenceCsv.num(rows.get(k), "published_Q_at_N2"), within(5e-5));
    }
    assertThat(p.stations().get(0).queueLength()).isCloseTo(0.591304, within(5e-7));
    assertThat(p.totalThroughput()).isCloseTo(0.0452174, within(5e-8));
    assertThat(p.classes().get(0).responseTime()).isCloseTo(44.2308, within(5e-5));
  }

  /**
   * JMT's testLinearizerExample: classes N = (8, 1); a delay (class 0: 8 s) and a queue (1 s each).
   */
  static ClosedNetwork jmtTwoClass() {
    return new ClosedNetwork(
        "JMT linearizer example",
        List.of(new CustomerClass("class0", 8, 0.0), new CustomerClass("class1", 1, 0.0)),
        List.of(
            Station.ofDemands("Station1", StationKind.DELAY, 8.0, 0.0),
            Station.ofDemands("Station2", StationKind.QUEUE, 1.0, 1.0)));
  }

  private static void assertMatchesJmt(PopulationResult p, String algorithm) {
    Map<String, String> row =
        ReferenceCsv.read("mva_jmt_linearizer_2class_results.csv").stream()
            .filter(r -> r.get("algorithm").equals(algorithm))
            .findFirst()
            .orElseThrow();
    ClassResult c0 = p.classes().get(0);
    ClassResult c1 = p.classes().get(1);
    double tol = 5e-7 + 1e-12;
    assertThat(c0.throughput()).isCloseTo(ReferenceCsv.num(row, "X_class0"), within(tol));
    assertThat(c1.throughput()).isCloseTo(ReferenceCsv.num(row, "X_class1"), within(tol));
    assertThat(c0.queueLengths().get(0))
        .isCloseTo(ReferenceCsv.num(row, "Q_st1_class0"), within(tol));
    assertThat(c0.queueLengths().get(1))
        .isCloseTo(ReferenceCsv.num(row, "Q_st2_class0"), within(tol));
    assertThat(c1.queueLengths().get(1))
        .isCloseTo(ReferenceCsv.num(row, "Q_st2_class1"), within(tol));
    assertThat(c0.residenceTimes().get(0))
        .isCloseTo(ReferenceCsv.num(row, "R_st1_class0"), within(tol));
    assertThat(c0.residenceTimes().get(1))
        .isCloseTo(ReferenceCsv.num(row, "R_st2_class0"), within(tol));
    assertThat(c1.residenceTimes().get(1))
        .isCloseTo(ReferenceCsv.num(row, "R_st2_class1"), within(tol));
  }

  @Test
  void exact_reproducesJmtTwoClassToSixDecimals() {
    MvaSolution s = Mva.exact(jmtTwoClass());
    assertThat(s.results()).hasSize(1);
    assertThat(s.atFullPopulation().population()).containsExactly(8, 1);
    assertMatchesJmt(s.atFullPopulation(), "MVA_exact");
    assertThat(s.atFullPopulation().classes().get(0).throughput())
        .isCloseTo(0.6533269, within(5e-8));
  }

  @Test
  void bardSchweitzer_reproducesJmtTwoClassToSixDecimals() {
    MvaSolution s = Mva.bardSchweitzer(jmtTwoClass());
    assertThat(s.algorithm()).isEqualTo(MvaAlgorithm.BARD_SCHWEITZER);
    assertThat(s.atFullPopulation().iterations()).isPositive();
    assertMatchesJmt(s.atFullPopulation(), "Bard-Schweitzer");
  }

  static ClosedNetwork pdqTomcat(int n) {
    Map<String, String> row = ReferenceCsv.read("pdq_aws_tomcat_closed_multiserver.csv").get(0);
    int m = Integer.parseInt(row.get("threads_m"));
    double s = ReferenceCsv.num(row, "service_time_S_s");
    return ClosedNetwork.singleClass(
        "PDQ AWS Tomcat",
        n,
        ReferenceCsv.num(row, "think_time_Z_s"),
        List.of(new Station("tomcat", StationKind.QUEUE, m, List.of(s), List.of(1.0))));
  }

  /**
   * PDQ's AWS Tomcat model: N = 400, Z = 0, one 300-thread station with S = 0.444 s, modelled as a
   * 300-server queue and solved by exact load-dependent MVA (as PDQ's MSC node is). It is
   * saturated, so X = m/S and R = N/X: every published figure is reproduced to its 4 decimals.
   */
  @Test
  void exact_reproducesPdqClosedMultiserver() {
    Map<String, String> row = ReferenceCsv.read("pdq_aws_tomcat_closed_multiserver.csv").get(0);
    int n = Integer.parseInt(row.get("requests_N"));
    double s = ReferenceCsv.num(row, "service_time_S_s");
    PopulationResult p = Mva.exact(pdqTomcat(n)).atFullPopulation();
    double x = p.totalThroughput();
    double r = p.classes().get(0).responseTime();
    assertThat(x).isCloseTo(ReferenceCsv.num(row, "published_X_reqs_per_s"), within(5e-5));
    assertThat(x).isCloseTo(300 / 0.444, within(1e-9));
    assertThat(r).isCloseTo(ReferenceCsv.num(row, "published_R_s"), within(5e-5));
    assertThat(r / s).isCloseTo(ReferenceCsv.num(row, "published_stretch_factor"), within(5e-5));
    assertThat(r - s).isCloseTo(ReferenceCsv.num(row, "published_waiting_time_s"), within(5e-5));
    assertThat(p.stations().get(0).queueLength())
        .isCloseTo(ReferenceCsv.num(row, "published_queue_length"), within(5e-5));
    // the waiting line: customers present minus those in service
    assertThat(p.stations().get(0).queueLength() - x * s)
        .isCloseTo(ReferenceCsv.num(row, "published_waiting_line"), within(5e-5));
    assertThat(p.stations().get(0).utilization()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void exact_multiserverHasNoQueueingWhileCustomersAreFewerThanServers() {
    MvaSolution s = Mva.exact(pdqTomcat(400));
    for (int n = 1; n <= 300; n++) {
      assertThat(s.results().get(n - 1).classes().get(0).responseTime())
          .as("R(%d)", n)
          .isCloseTo(0.444, within(1e-9));
    }
    assertThat(s.results().get(300).classes().get(0).responseTime()).isGreaterThan(0.444);
  }

  /**
   * The machine-repairman model (Gross and Harris §2.7, M/M/m//N): N users thinking Z, m servers of
   * mean S. Its closed-form stationary distribution p(k) ∝ N!/(N−k)! · (S/Z)^k / β(k), with β(k) =
   * k! for k ≤ m and m!·m^(k−m) above, gives X = Σ p(k)·min(k, m)/S independently of MVA.
   */
  @Test
  void exact_multiserverMatchesTheMachineRepairmanClosedForm() {
    int[][] cases = {{10, 3}, {25, 4}, {40, 8}, {7, 7}, {60, 2}};
    for (int[] c : cases) {
      int users = c[0];
      int m = c[1];
      double s = 0.5;
      double z = 3.0;
      double[] w = new double[users + 1];
      w[0] = 1;
      double norm = 1;
      for (int k = 1; k <= users; k++) {
        w[k] = w[k - 1] * (users - k + 1) * (s / z) / Math.min(k, m);
        norm += w[k];
      }
      double x = 0;
      double q = 0;
      for (int k = 0; k <= users; k++) {
        x += w[k] / norm * Math.min(k, m) / s;
        q += w[k] / norm * k;
      }
      ClosedNetwork net =
          ClosedNetwork.singleClass(
              "repairman",
              users,
              z,
              List.of(new Station("pool", StationKind.QUEUE, m, List.of(s), List.of(1.0))));
      PopulationResult p = Mva.exact(net).atFullPopulation();
      assertThat(p.totalThroughput())
          .as("X for N=%d m=%d", users, m)
          .isCloseTo(x, within(1e-10 * x));
      assertThat(p.stations().get(0).queueLength())
          .as("Q for N=%d m=%d", users, m)
          .isCloseTo(q, within(1e-9));
    }
  }

  @Test
  void bardSchweitzer_multiserverUsesSeidmannAndApproachesTheSaturationBound() {
    PopulationResult p = Mva.bardSchweitzer(pdqTomcat(400)).atFullPopulation();
    assertThat(p.totalThroughput())
        .isLessThanOrEqualTo(300 / 0.444)
        .isCloseTo(300 / 0.444, within(300 / 0.444 * 0.01));
  }

  @Test
  void exact_refusesStateSpacesTooLargeAndPointsToTheApproximation() {
    ClosedNetwork big =
        new ClosedNetwork(
            "big",
            List.of(
                new CustomerClass("a", 1000, 0),
                new CustomerClass("b", 1000, 0),
                new CustomerClass("c", 1000, 0)),
            List.of(Station.ofDemands("q", StationKind.QUEUE, 1, 1, 1)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mva.exact(big))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("Bard–Schweitzer");
  }
}
