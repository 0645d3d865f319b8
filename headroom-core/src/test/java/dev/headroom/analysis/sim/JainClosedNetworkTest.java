package dev.headroom.analysis.sim;

import static dev.headroom.analysis.sim.Coverage.assertCovers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed central-server network of Jain (1991) example 34.2 against exact Mean Value Analysis
 * (Reiser &amp; Lavenberg 1980; Jain Box 34.1): the published Table 34.1 ({@code
 * mva_jain_ex34_2_table34_1.csv}, 3 decimals) is first reproduced by the recursion below, then the
 * simulated throughput, system response time R = N/X − Z, per-visit response times and queue
 * lengths must cover the exact values in their 99 % intervals (10 replications of 60,000 s after
 * 2,000 s).
 */
class JainClosedNetworkTest {
  static final double[] S = {0.125, 0.3, 0.2};
  static final double[] V = {16, 10, 5};
  static final double Z = 4;
  static final String[] NAMES = {"CPU", "DiskA", "DiskB"};

  /** Exact single-class MVA: R_i = S_i(1 + Q_i(n−1)), X = n/(Z + Σ V_i R_i), Q_i = X V_i R_i. */
  static double[][] mva(int population) {
    double[] q = new double[3];
    double[] r = new double[3];
    double x = 0;
    for (int n = 1; n <= population; n++) {
      double total = 0;
      for (int i = 0; i < 3; i++) {
        r[i] = S[i] * (1 + q[i]);
        total += V[i] * r[i];
      }
      x = n / (Z + total);
      for (int i = 0; i < 3; i++) {
        q[i] = x * V[i] * r[i];
      }
    }
    return new double[][] {{x, population / x - Z}, r.clone(), q.clone()};
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {3, 20})
  void simulation_coversExactMva(int population) {
    double[][] exact = mva(population);
    Map<String, String> row =
        Networks.csv("mva_jain_ex34_2_table34_1.csv").stream()
            .filter(r -> r.get("N").equals(Integer.toString(population)))
            .findFirst()
            .orElseThrow();
    // the recursion reproduces the published table to its 3 decimals
    assertThat(exact[0][0]).isCloseTo(num(row, "X_system_jobs_per_s"), within(6e-4));
    assertThat(exact[0][1]).isCloseTo(num(row, "R_system_s"), within(6e-4));
    List<String> rCols = List.of("R_cpu_per_visit_s", "R_diskA_per_visit_s", "R_diskB_per_visit_s");
    List<String> qCols = List.of("Q_cpu", "Q_diskA", "Q_diskB");
    for (int i = 0; i < 3; i++) {
      assertThat(exact[1][i]).isCloseTo(num(row, rCols.get(i)), within(6e-4));
      assertThat(exact[2][i]).isCloseTo(num(row, qCols.get(i)), within(6e-4));
    }

    SimulationResult sim =
        Simulation.run(
            Networks.jain342(population), new RunPlan(2_000, 60_000, 10, 342L + population, 0.99));
    String n = "Jain 34.2 N=" + population;
    SourceStatistics terminals = sim.source("terminals");
    assertCovers(n + " X", terminals.throughputPerSecond(), exact[0][0], 0.02);
    assertCovers(n + " R", terminals.meanResponseSeconds(), exact[0][1], 0.03);
    for (int i = 0; i < 3; i++) {
      StationStatistics st = sim.station(NAMES[i]);
      assertCovers(n + " R_" + NAMES[i], st.meanResponseSeconds(), exact[1][i], 0.05);
      assertCovers(n + " Q_" + NAMES[i], st.meanNumberInStation(), exact[2][i], 0.05);
      // utilisation law U_i = X·D_i (Jain §33.2)
      assertCovers(n + " U_" + NAMES[i], st.utilization(), exact[0][0] * V[i] * S[i], 0.02);
    }
  }

  static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
