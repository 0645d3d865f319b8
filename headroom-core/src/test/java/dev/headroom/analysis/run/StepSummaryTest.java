package dev.headroom.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepSummaryTest {

  private static Step step(double n, ConcurrencyOrigin origin, double x, Double meanMs) {
    LatencySummary lat = new LatencySummary(meanMs, 40.0, 60.0, 80.0, null, 200.0, "test");
    return new Step(n, origin, 1000, 25, 1000 / x, x, lat);
  }

  @Test
  void littlesLaw_closedLoopWithoutThinkTime_holdsAndLeavesNoThinkTime() {
    // 10 users, 50 ms each, no think time: X = N/R = 200/s (interactive response time law, Z = 0)
    StepSummary s = StepSummary.of(step(10, ConcurrencyOrigin.CONFIGURED, 200, 50.0), List.of());
    assertThat(s.littlesLawConcurrency()).isCloseTo(10.0, within(1e-9));
    assertThat(s.littlesLawHolds()).isTrue();
    assertThat(s.thinkTimeMs()).isCloseTo(0.0, within(1e-9));
    assertThat(s.errorRatio()).isEqualTo(0.025);
    assertThat(s.bottleneckDemandBoundMs()).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void littlesLaw_thinkTime_isNOverXMinusR() {
    // 10 users, R = 50 ms, X = 100/s: each cycle takes N/X = 100 ms, so Z = 50 ms
    StepSummary s = StepSummary.of(step(10, ConcurrencyOrigin.GAUGE, 100, 50.0), List.of());
    assertThat(s.littlesLawHolds()).isTrue();
    assertThat(s.thinkTimeMs()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void littlesLaw_moreInFlightThanUsers_isAViolationBeyondTheTolerance() {
    // X·R = 300/s × 50 ms = 15 > 10 · 1.05
    StepSummary s = StepSummary.of(step(10, ConcurrencyOrigin.CONFIGURED, 300, 50.0), List.of());
    assertThat(s.littlesLawHolds()).isFalse();
    assertThat(s.thinkTimeMs()).isNull();
    // 10.4 in flight at N = 10 is within the 5 % measurement resolution
    assertThat(
            StepSummary.of(step(10, ConcurrencyOrigin.CONFIGURED, 208, 50.0), List.of())
                .littlesLawHolds())
        .isTrue();
  }

  @Test
  void littlesLaw_concurrencyFromLittlesLaw_isNotCheckedAgainstItself() {
    StepSummary s = StepSummary.of(step(10, ConcurrencyOrigin.LITTLES_LAW, 200, 50.0), List.of());
    assertThat(s.littlesLawHolds()).isNull();
    assertThat(s.thinkTimeMs()).isNull();
  }

  @Test
  void responseTime_withoutMean_usesTheMedianAndSaysSo() {
    StepSummary s = StepSummary.of(step(10, ConcurrencyOrigin.CONFIGURED, 200, null), List.of());
    assertThat(s.responseTimeIsMean()).isFalse();
    assertThat(s.responseTimeMs()).isEqualTo(40.0);
  }

  @Test
  void slo_passFailAndNotJudged() {
    List<Slo> slos =
        List.of(
            new Slo(Slo.Percentile.P95, 80),
            new Slo(Slo.Percentile.P90, 59.9),
            new Slo(Slo.Percentile.P99, 100));
    List<Slo.Check> c =
        StepSummary.of(step(10, ConcurrencyOrigin.CONFIGURED, 200, 50.0), slos).sloChecks();
    assertThat(c.get(0).pass()).as("80 ms ≤ 80 ms passes").isTrue();
    assertThat(c.get(1).pass()).isFalse();
    assertThat(c.get(1).measuredMs()).isEqualTo(60.0);
    assertThat(c.get(2).pass()).as("no p99 reported").isNull();
  }

  @Test
  void nextLevels_spanOneToFourTimesTheMeasuredLevel() {
    assertThat(StepSummary.nextLevels(16)).containsExactly(1L, 4L, 8L, 16L, 32L, 64L);
    assertThat(StepSummary.nextLevels(1)).containsExactly(1L, 2L, 4L);
    assertThat(StepSummary.nextLevels(2.6)).containsExactly(1L, 3L, 5L, 10L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void nextLevels_alwaysIncludeOneAndTheMeasuredLevelAndGiveAtLeastThreeLevels(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 1000; i++) {
      double n = 1 + random.nextDouble() * 10_000;
      List<Long> levels = StepSummary.nextLevels(n);
      assertThat(levels).contains(1L, Math.round(n)).hasSizeGreaterThanOrEqualTo(3).isSorted();
    }
  }

  @Test
  void slo_rejectsAZeroLimitAndUnknownPercentile() {
    assertThatThrownBy(() -> new Slo(Slo.Percentile.P95, 0)).hasMessageContaining("above 0 ms");
    assertThatThrownBy(() -> Slo.Percentile.byId("p97"))
        .hasMessageContaining("p97")
        .hasMessageContaining("p50, p90, p95, p99");
  }
}
