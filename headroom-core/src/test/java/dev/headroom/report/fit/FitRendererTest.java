package dev.headroom.report.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.report.OutputFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FitRendererTest {

  /** Renders under Locale.ROOT and under de-DE (decimal comma) and checks both are identical. */
  private static String inBothLocales(Supplier<String> render) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = render.get();
      Locale.setDefault(Locale.GERMANY);
      String german = render.get();
      assertThat(german).as("output under de-DE").isEqualTo(root);
      return root;
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static String ext(OutputFormat f) {
    return switch (f) {
      case TEXT -> "txt";
      case MARKDOWN -> "md";
      case JSON -> "json";
    };
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void render_cisco_matchesGoldenFileInEveryLocale(OutputFormat format) {
    Golden.assertMatches(
        "cisco." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.cisco(), format)));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void render_isilonWithLatency_matchesGoldenFile(OutputFormat format) {
    Golden.assertMatches(
        "isilon." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.isilon(), format)));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void render_curveWithObjectives_matchesGoldenFile(OutputFormat format) {
    Golden.assertMatches(
        "gatling-slo." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.gatlingWithSlo(), format)));
  }

  @Test
  void render_raytracer_saysKappaIsAtItsBound() {
    String text =
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.raytracer(), OutputFormat.TEXT));
    Golden.assertMatches("raytracer.txt", text);
    assertThat(text)
        .contains("Bound hit: κ = 0")
        .contains("Amdahl's law holds")
        .contains("No peak");
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void render_singleRuns_matchGoldenFilesInEveryLocale(OutputFormat format) {
    Golden.assertMatches(
        "single-k6." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.k6Single(), format)));
    Golden.assertMatches(
        "single-wrk." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.wrkSingle(), format)));
    Golden.assertMatches(
        "two-ab." + ext(format),
        inBothLocales(() -> FitRenderer.render(FitReportFixtures.abTwoLevels(), format)));
  }

  @Test
  void render_singleRun_saysWhatItMeasuredAndWhatToMeasureNext() {
    String text = FitRenderer.render(FitReportFixtures.k6Single(), OutputFormat.TEXT);
    assertThat(text)
        .contains("No curve: 1 concurrency level measured")
        .contains("errors        11 (3.73 % of requests)")
        .contains("pass: p95 ≤ 300 ms, measured 117.5 ms")
        .contains("= 1.527 requests in flight, within N = 8")
        .contains("concurrency 1, 2, 4, 8, 16, 32")
        .doesNotContain("contention");
  }

  @Test
  void render_wrkWithoutP95_saysTheObjectiveCannotBeJudgedAndLittlesLawFails() {
    String text = FitRenderer.render(FitReportFixtures.wrkSingle(), OutputFormat.TEXT);
    assertThat(text)
        .contains("not judged: p95 ≤ 300 ms; the input does not report p95")
        .contains("= 25.63 requests in flight, more than N =")
        .contains("Little's law forbids X·R > N");
  }

  @Test
  void render_twoLevels_summarisesEachStep() {
    String md = FitRenderer.render(FitReportFixtures.abTwoLevels(), OutputFormat.MARKDOWN);
    assertThat(md)
        .contains("## Step at N = 1")
        .contains("## Step at N = 4")
        .contains("2 concurrency levels measured");
  }

  @Test
  void plot_cisco_matchesGoldenSvg() {
    String svg = inBothLocales(() -> FitPlot.render(FitReportFixtures.cisco()));
    Golden.assertMatches("cisco.svg", svg);
    assertThat(svg)
        .startsWith("<?xml")
        .contains("<polyline")
        .contains("<polygon")
        .contains("N* = 35.57")
        .endsWith("</svg>\n");
  }

  @Test
  void plot_curveWithObjectives_hasTitleLatencyPanelPredictionsAndTheSloLine() {
    String svg = inBothLocales(() -> FitPlot.render(FitReportFixtures.gatlingWithSlo()));
    Golden.assertMatches("gatling-slo.svg", svg);
    assertThat(svg)
        .contains("USL fit: gatling-3.10.5-simulation.log</text>")
        .contains("σ = 0, κ = 0.01033, λ = 13.24/s, peak at N = 9.838 (X = 68.615/s), R² = 0.977")
        .contains("response time (ms)")
        .contains("model mean N/X − Z, Z = 32.2 ms")
        .contains("--at 8: X = 67.1/s")
        .contains("--throughput 50/s: N = 4.343")
        .contains(">p95 ≤ 120 ms</text>")
        .contains("p95 ≤ 120 ms: X ≤ 52.16/s (model)");
    // dot area follows the request count: 22 requests at N = 1, 150 at N = 5 (the most)
    assertThat(svg).contains("r=\"7\"").contains("r=\"3.61\"");
  }

  @Test
  void plot_raytracer_hasNoPeakMarker() {
    String svg = inBothLocales(() -> FitPlot.render(FitReportFixtures.raytracer()));
    Golden.assertMatches("raytracer.svg", svg);
    assertThat(svg).doesNotContain("N* =");
  }
}
