package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The VividCortex approx-queueing-theory table of M/M/m mean queue lengths, 84 cells. */
class ErlangCTableTest {

  static Stream<Map<String, String>> cells() {
    return ReferenceCsv.read("erlang_c_lq_table.csv").stream();
  }

  @Test
  void table_hasAllEightyFourCells() {
    assertThat(cells().count()).isEqualTo(84);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void meanQueueLength_matchesPublishedTableToSixDecimals(Map<String, String> row) {
    int m = Integer.parseInt(row.get("servers"));
    double rho = ReferenceCsv.num(row, "utilization");
    // S = 1 s, so λ = ρ·m per second
    MMc q = MMc.of(rho * m, 1.0, m);
    assertThat(q.meanQueueLength())
        .as("Lq for m=%d ρ=%s", m, rho)
        .isCloseTo(ReferenceCsv.num(row, "lq_erlang_c"), within(5e-7 + 1e-12));
    assertThat(q.utilization()).isCloseTo(rho, within(1e-12));
  }

  @Test
  void erlangB_isStableForThousandsOfServers() {
    // a^k/k! overflows a double beyond k ≈ 170; the recursion does not
    double c = Erlang.erlangC(5000, 4900.0);
    assertThat(c).isBetween(0.0, 1.0);
    MMc q = MMc.of(4900.0, 1.0, 5000);
    assertThat(q.meanQueueLength()).isFinite().isPositive();
  }

  @Test
  void erlangC_singleServerIsUtilisation() {
    for (double rho : List.of(0.1, 0.5, 0.99)) {
      assertThat(Erlang.erlangC(1, rho)).isCloseTo(rho, within(1e-15));
    }
  }
}
