package dev.headroom.analysis.usl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestCurveSteadyTest {

  private static LoadTestCurve read(String resource) {
    LoadTest t =
        LoadTestFiles.read(Path.of("src/test/resources/" + resource), null, ReadOptions.DEFAULTS);
    return LoadTestCurve.of(List.of(t), List.of(resource));
  }

  @Test
  void steady_gatlingRamp_dropsTheSparseLevelsAndNamesThem() {
    LoadTestCurve all = read("gatling/gatling-nuxeo-3.10.5-simulation.log.gz");
    assertThat(all.steps()).hasSize(59);
    LoadTestCurve steady = all.steady();
    assertThat(steady.steps()).hasSize(2);
    assertThat(steady.steps()).allSatisfy(s -> assertThat(s.requests()).isGreaterThanOrEqualTo(20));
    assertThat(steady.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("dropped 57 of 59 steps too sparse or too short to be steady")
                    .contains("N = 13 (8 requests)")
                    .contains("; and 49 more"));
  }

  @Test
  void steady_gatlingRunWithOneShortTail_keepsTheRest() {
    LoadTestCurve steady = read("gatling/gatling-3.10.5-simulation.log").steady();
    assertThat(steady.steps()).hasSize(6);
    assertThat(steady.warnings()).anyMatch(w -> w.contains("N = 7 (4 requests)"));
  }

  @Test
  void steady_stepShorterThanFiveResponseTimes_isDropped() {
    LatencySummary slow = new LatencySummary(220.0, 220.0, null, null, null, 230.0, "test");
    // 100 requests in 0.5 s at 220 ms each: 2.3 response times, not a steady measurement
    Step shortStep = new Step(1, ConcurrencyOrigin.GAUGE, 100, 0, 0.5, 200, slow);
    Step longStep = new Step(2, ConcurrencyOrigin.GAUGE, 100, 0, 11, 9.1, slow);
    LoadTestCurve c =
        new LoadTestCurve(List.of(shortStep, longStep), List.of(), List.of("k6-json")).steady();
    assertThat(c.steps()).containsExactly(longStep);
    assertThat(c.warnings().get(0)).contains("N = 1 (500 ms at a mean response time of 220 ms)");
  }

  @Test
  void steady_rateOnlySteps_cannotBeJudgedAndAreKept() {
    LoadTestCurve cisco = read("usl/cisco_schwartz.csv");
    assertThat(cisco.steady()).isSameAs(cisco);
  }
}
