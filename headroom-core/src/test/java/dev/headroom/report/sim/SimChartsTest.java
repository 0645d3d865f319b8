package dev.headroom.report.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.report.chart.Annotation;
import dev.headroom.report.chart.Chart;
import dev.headroom.report.chart.Series;
import dev.headroom.report.chart.SvgChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulation's charts against golden SVG files (regenerate with {@code
 * -Dheadroom.updateGolden=true}, render with headless chromium and look), on the same two runs as
 * {@link SimRendererGoldenTest}: acme-shop with a failure and a spike, write-heavy-scale at its
 * growth target.
 */
class SimChartsTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "sim");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");
  static final Figure SLO =
      new Figure(0.3, Dimension.DURATION, new Provenance.Declared("slo.latency_p95"));
  static final Figure TARGET =
      new Figure(0.7, Dimension.RATIO, new Provenance.Assumed("P13", "run servers at 70%"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"acme-shop", "write-heavy-scale"})
  void charts_matchGoldenSvg_underTwoLocales(String name) throws IOException {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY)) {
        Locale.setDefault(locale);
        SimReport report = SimRendererGoldenTest.report(name);
        check(name + "-latency.svg", SvgChart.render(SimCharts.latency(report, SLO)));
        check(name + "-utilisation.svg", SvgChart.render(SimCharts.utilisation(report, TARGET)));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void latency_shadesTheInjectedWindows_clippedToTheRun_andDrawsTheSlo() throws IOException {
    Chart chart = SimCharts.latency(SimRendererGoldenTest.report("acme-shop"), SLO);
    List<Series.Band> bands =
        chart.series().stream()
            .filter(Series.Band.class::isInstance)
            .map(Series.Band.class::cast)
            .toList();
    // acme-shop: instance 1 fails at 20s and recovers at 50s; a 1.5x spike from 40s for 10s
    assertThat(bands)
        .extracting(Series.Band::name)
        .containsExactly("spike 1.5x at 40s for 10s", "app instance 1 down at 20s until 50s");
    assertThat(bands.get(1).xs()).containsExactly(20.0, 50.0);
    assertThat(chart.annotations())
        .singleElement()
        .isInstanceOfSatisfying(
            Annotation.Reference.class, r -> assertThat(r.value()).isEqualTo(0.3));
  }

  @Test
  void utilisation_hasOneLinePerSimulatedComponent_atEveryWindowsMiddle() throws IOException {
    SimReport report = SimRendererGoldenTest.report("write-heavy-scale");
    Chart chart = SimCharts.utilisation(report, TARGET);
    List<Series.Line> lines =
        chart.series().stream()
            .filter(Series.Line.class::isInstance)
            .map(Series.Line.class::cast)
            .toList();
    assertThat(lines).hasSize(report.result().utilization().size());
    double firstMiddle =
        (report.result().windows().get(0).startSeconds()
                + report.result().windows().get(0).endSeconds())
            / 2;
    assertThat(lines).allSatisfy(l -> assertThat(l.xs()[0]).isEqualTo(firstMiddle));
  }

  private static void check(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(golden + " is stale: regenerate with -Dheadroom.updateGolden=true")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
