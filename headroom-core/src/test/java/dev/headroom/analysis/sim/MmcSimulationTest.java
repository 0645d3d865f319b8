package dev.headroom.analysis.sim;

import static dev.headroom.analysis.sim.Coverage.assertCovers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * M/M/c against the Erlang C table ({@code erlang_c_lq_table.csv}, VividCortex
 * approx-queueing-theory, verified by recomputation): S = 1 s, λ = ρc, so the exact mean queue
 * length Lq is the table's cell, Wq = Lq/λ by Little's law and U = ρ (Kleinrock 1975, §3.5). Three
 * cells that cover pooling (c = 2, 4, 8) at loads where queues matter; each simulated with 12
 * replications of 40,000 s after 2,000 s, 99 % intervals.
 */
class MmcSimulationTest {

  static Stream<Map<String, String>> cells() {
    return Networks.csv("erlang_c_lq_table.csv").stream()
        .filter(
            r ->
                (r.get("servers").equals("2") && r.get("utilization").equals("0.700"))
                    || (r.get("servers").equals("4") && r.get("utilization").equals("0.800"))
                    || (r.get("servers").equals("8") && r.get("utilization").equals("0.700")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void queueLengthWaitAndUtilisation_matchErlangC(Map<String, String> row) {
    int c = Integer.parseInt(row.get("servers"));
    double rho = Double.parseDouble(row.get("utilization"));
    double lq = Double.parseDouble(row.get("lq_erlang_c"));
    double lambda = rho * c;
    SimulationResult r =
        Simulation.run(
            Networks.singleQueue(lambda, c, ServiceTime.exponential(1.0)),
            new RunPlan(2_000, 40_000, 12, 8L + c, 0.99));
    StationStatistics q = r.station("queue");
    String label = "M/M/" + c + " rho=" + rho;
    assertCovers(label + " Lq", q.meanQueueLength(), lq, 0.08);
    assertCovers(label + " Wq", q.meanWaitSeconds(), lq / lambda, 0.08);
    assertCovers(label + " U", q.utilization(), rho, 0.01);
    assertCovers(label + " R", r.source("arrivals").meanResponseSeconds(), 1 + lq / lambda, 0.03);
    assertThat(cells().count()).isEqualTo(3);
  }
}
