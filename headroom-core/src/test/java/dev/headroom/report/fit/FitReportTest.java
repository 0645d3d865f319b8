package dev.headroom.report.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.analysis.run.SloThroughput;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.report.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitReportTest {

  private static Step step(double n, double x) {
    return new Step(
        n,
        ConcurrencyOrigin.GAUGE,
        (long) (x * 60),
        2,
        60,
        x,
        new LatencySummary(
            n / x * 1000,
            n / x * 900,
            n / x * 1500,
            n / x * 1800,
            n / x * 2500,
            n / x * 4000,
            "hdrhistogram"));
  }

  /** Two "files", each with some steps of X = 100N/(1 + 0.05(N−1) + 0.001N(N−1)), out of order. */
  private static List<LoadTest> twoFiles() {
    double[] t = {0.05, 0.001, 100};
    LoadTest a =
        new LoadTest(
            "a.json",
            LoadTestFormat.PLAIN_CSV,
            "tool 1.0",
            LoadModel.CLOSED,
            List.of(step(8, x(t, 8)), step(1, x(t, 1)), step(32, x(t, 32))),
            List.of(
                "closed-loop generator: latency percentiles may understate stalls (coordinated"
                    + " omission)"),
            new SkippedRecords(3, List.of("line 7: not a number")));
    LoadTest b =
        new LoadTest(
            "b.json",
            LoadTestFormat.PLAIN_CSV,
            "tool 1.0",
            LoadModel.CLOSED,
            List.of(step(16, x(t, 16)), step(2, x(t, 2)), step(4, x(t, 4)), step(64, x(t, 64))),
            List.of(),
            SkippedRecords.NONE);
    return List.of(a, b);
  }

  private static double x(double[] t, double n) {
    return t[2] * n / (1 + t[0] * (n - 1) + t[1] * n * (n - 1));
  }

  @Test
  void of_combinesTheStepsOfSeveralInputsIntoOneCurveSortedByConcurrency() {
    FitReport r = FitReport.of(twoFiles(), List.of(), List.of());
    assertThat(r.steps())
        .extracting(Step::concurrency)
        .containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0);
    assertThat(r.model().points()).hasSize(7);
    assertThat(r.model().sigma()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.model().kappa()).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-11));
  }

  @Test
  void of_carriesReaderWarningsAndSkippedRecords() {
    FitReport r = FitReport.of(twoFiles(), List.of(), List.of());
    assertThat(r.warnings())
        .containsExactly(
            "a.json: closed-loop generator: latency percentiles may understate stalls (coordinated"
                + " omission)",
            "a.json: skipped 3 records that could not be read (line 7: not a number)");
    String json = FitRenderer.render(r, OutputFormat.JSON);
    assertThat(json)
        .contains("\"p99\" : ")
        .contains("\"requests\" : 6000")
        .contains("\"skippedRecords\" : 3");
    String text = FitRenderer.render(r, OutputFormat.TEXT);
    assertThat(text).contains("p99 ms").contains("skipped 3 records");
  }

  @Test
  void of_throughputAtTheAmdahlAsymptote_isReportedAsUnreachable() {
    FitReport ray = FitReportFixtures.raytracer();
    double limit = ray.model().amdahlLimit();
    FitReport r = FitReport.of(ray.inputs(), List.of(), List.of(limit, limit * 0.5));
    assertThat(r.predictions().get(0).prediction()).isNull();
    assertThat(r.predictions().get(0).problem())
        .contains("beyond what the model reaches")
        .contains("Amdahl limit");
    assertThat(r.predictions().get(1).prediction().retrogradeConcurrency()).isInfinite();
    assertThat(FitRenderer.render(r, OutputFormat.JSON))
        .contains("\"retrogradeConcurrency\" : null");
  }

  @Test
  void linearData_holdsBothCostsAtZeroAndRendersWithoutPeakOrLimit() {
    FitReport r = FitReportFixtures.linear();
    assertThat(r.model().boundsHit())
        .extracting(b -> b.parameter().id())
        .containsExactly("sigma", "kappa");
    assertThat(r.model().dominance().name()).isEqualTo("NEITHER");
    assertThat(r.predictions().get(1).prediction().concurrency())
        .isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
    String text = FitRenderer.render(r, OutputFormat.TEXT);
    assertThat(text).contains("No peak").contains("Amdahl limit λ/σ = none (σ = 0)");
    assertThat(FitRenderer.render(r, OutputFormat.JSON))
        .contains("\"peakConcurrency\" : null")
        .contains("\"amdahlLimit\" : null");
    assertThat(FitPlot.render(r)).doesNotContain("N* =");
  }

  @Test
  void threePoints_renderWithoutStandardErrors() {
    FitReport r = FitReportFixtures.threePoints();
    assertThat(r.model().degreesOfFreedom()).isZero();
    String text = FitRenderer.render(r, OutputFormat.TEXT);
    assertThat(text).contains("Intervals: none").contains("no standard errors");
    assertThat(FitPlot.render(r)).doesNotContain("<polygon");
  }

  @Test
  void of_oneLevel_hasNoModelButAReasonAndASummary() {
    FitReport r = FitReportFixtures.k6Single();
    assertThat(r.model()).isNull();
    assertThat(r.reason()).contains("1 concurrency level measured").contains("at least 3");
    assertThat(r.summaries()).hasSize(1);
    assertThat(r.summaries().get(0).sloChecks()).hasSize(2);
  }

  @Test
  void of_oneLevelWithAPrediction_isBadInputNamingTheOption() {
    List<LoadTest> one = List.of(FitReportFixtures.read("formats/wrk-latency.txt"));
    assertThatThrownBy(() -> FitReport.of(one, List.of(32.0), List.of(100.0)))
        .isInstanceOf(dev.headroom.model.BadInputException.class)
        .hasMessageContaining("--at")
        .hasMessageContaining("--throughput");
  }

  @Test
  void of_curveWithSlo_answersTheHighestThroughputWithinEachObjective() {
    FitReport r = FitReportFixtures.gatlingWithSlo();
    assertThat(r.model()).isNotNull();
    assertThat(r.sloThroughputs()).hasSize(2);
    SloThroughput p95 = r.sloThroughputs().get(0);
    // measured p95: 104.1, 123, 104.1, 112.1, 116, 113 ms at N = 1..6; every step but N = 2 is
    // within 120 ms, and the highest (N = 6, 58.45/s) is only a lower bound
    assertThat(p95.measured().concurrency()).isEqualTo(6);
    assertThat(p95.measured().throughput().value()).isCloseTo(58.4548, within(0.0001));
    assertThat(p95.measured().bound()).isTrue();
    assertThat(p95.measured().note()).contains("past the limit at N = 2");
    assertThat(p95.model().throughput()).isNotNull();
    assertThat(r.warnings()).noneMatch(w -> w.startsWith("--slo"));
  }

  @Test
  void of_gatlingRamp_fitsNoCurveFromTwoSteadyLevelsAndDrawsNoConclusion() {
    FitReport r =
        FitReport.of(
            List.of(FitReportFixtures.read("gatling/gatling-nuxeo-3.10.5-simulation.log.gz")),
            List.of(),
            List.of());
    // before: 59 steps, R² 0.06 and "contention dominates"
    assertThat(r.model()).isNull();
    assertThat(r.reason()).startsWith("59 concurrency levels measured, 2 of them steady");
    assertThat(r.summaries()).hasSize(2);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("dropped 57 of 59 steps"));
    assertThat(FitRenderer.render(r, OutputFormat.TEXT)).doesNotContain("dominates");
  }

  private static LoadTest inline(List<Step> steps) {
    return new LoadTest(
        "inline.jtl",
        LoadTestFormat.JMETER_CSV,
        null,
        LoadModel.CLOSED,
        steps,
        List.of(),
        SkippedRecords.NONE);
  }

  private static Step step(double n, double x, double meanMs) {
    LatencySummary lat = new LatencySummary(meanMs, meanMs, null, null, null, meanMs * 2, "test");
    return new Step(n, ConcurrencyOrigin.GAUGE, Math.round(x * 60), 0, 60, x, lat);
  }

  @Test
  void of_moreInFlightThanTheConcurrency_warnsNamingTheSteps() {
    // N = 4: X·R = 80/s × 100 ms = 8 > 4, which Little's law forbids
    FitReport r =
        FitReport.of(
            List.of(
                inline(
                    List.of(
                        step(1, 9.8, 100), step(2, 19, 100), step(4, 80, 100), step(8, 60, 100)))),
            List.of(),
            List.of());
    assertThat(r.model()).isNotNull();
    assertThat(r.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("X·R > N at N = 4 (X·R = 8)")
                    .doesNotContain("N = 8 ")
                    .contains("Little's law forbids"));
  }

  @Test
  void of_lowRSquared_saysSoAndDrawsNoConclusionFromTheCoefficients() {
    FitReport r =
        FitReport.of(
            List.of(
                inline(
                    List.of(
                        step(1, 10, 10),
                        step(2, 30, 10),
                        step(3, 12, 10),
                        step(4, 35, 10),
                        step(5, 11, 10),
                        step(6, 33, 10),
                        step(7, 9, 10),
                        step(8, 30, 10)))),
            List.of(),
            List.of());
    assertThat(r.model().rSquared()).isLessThan(FitReport.MIN_R_SQUARED);
    assertThat(r.conclusive()).isFalse();
    assertThat(r.warnings()).anyMatch(w -> w.contains("is below 0.8: the curve explains little"));
    String text = FitRenderer.render(r, OutputFormat.TEXT);
    assertThat(text).contains("not judged: R² = ").doesNotContain("dominates");
    assertThat(FitRenderer.render(r, OutputFormat.JSON)).contains("\"conclusive\" : false");
  }
}
