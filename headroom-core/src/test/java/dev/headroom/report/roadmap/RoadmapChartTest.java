package dev.headroom.report.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.plan.roadmap.BreakKind;
import dev.headroom.plan.roadmap.Breakpoint;
import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.plan.roadmap.Roadmapper;
import dev.headroom.plan.roadmap.UncertaintyRange;
import dev.headroom.report.chart.Annotation;
import dev.headroom.report.chart.Chart;
import dev.headroom.report.chart.LineStyle;
import dev.headroom.report.chart.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The roadmap chart against golden SVG files (regenerate with {@code -Dheadroom.updateGolden=true},
 * then render them with headless chromium and look), and what it must show on every example.
 */
class RoadmapChartTest {

  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path GOLDEN = Path.of("src", "test", "resources", "report", "roadmap");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final Figure THOUSAND =
      new Figure(1000, Dimension.MULTIPLIER, new Provenance.Declared("the test"));
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      return dirs
          .filter(d -> Files.exists(d.resolve("system.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Roadmap roadmap(String name) throws IOException {
    String text =
        Files.readString(EXAMPLES.resolve(name).resolve("system.yaml"), StandardCharsets.UTF_8);
    return Roadmapper.of(
        Advisor.advise(
            SystemFileReader.read("examples/" + name + "/system.yaml", text),
            EXAMPLES.resolve(name)),
        THOUSAND,
        TODAY);
  }

  /** The roadmap with a hand-built 80% range on its first primary-CPU break: 2.1x to 2.8x. */
  static Roadmap withPrimaryRange(Roadmap r) {
    Provenance sampled = new Provenance.Derived("hand-built range for the test", List.of());
    UncertaintyRange range =
        new UncertaintyRange(
            new Figure(2.1, Dimension.MULTIPLIER, sampled),
            new Figure(2.8, Dimension.MULTIPLIER, sampled),
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 6, 1),
            0.8);
    List<Breakpoint> breaks =
        r.firstBreaks().stream()
            .map(b -> b.kind() == BreakKind.PRIMARY_CPU ? b.withRange(range) : b)
            .toList();
    return new Roadmap(
        r.system(),
        r.today(),
        r.todaySource(),
        r.monthlyGrowth(),
        r.to(),
        r.target(),
        r.steps(),
        breaks,
        r.notes());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"read-heavy-growth", "write-heavy-scale"})
  void render_matchesGoldenSvg_underTwoLocales(String name) throws IOException {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY)) {
        Locale.setDefault(locale);
        check(GOLDEN.resolve(name + ".svg"), RoadmapChart.render(roadmap(name)));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void render_withASampledRange_matchesGoldenSvg() throws IOException {
    check(
        GOLDEN.resolve("acme-shop-with-range.svg"),
        RoadmapChart.render(withPrimaryRange(roadmap("acme-shop"))));
  }

  @Test
  void readmeImage_isTheGoldenChart() throws IOException {
    Path image = Path.of("..", "docs", "images", "roadmap-read-heavy-growth.svg");
    check(image, RoadmapChart.render(roadmap("read-heavy-growth")));
  }

  @Test
  void sampledRange_isABandOverItsInterval_namedWithLevelAndDates() throws IOException {
    Chart chart = RoadmapChart.of(withPrimaryRange(roadmap("acme-shop")));
    List<Series.Band> bands =
        chart.series().stream()
            .filter(Series.Band.class::isInstance)
            .map(Series.Band.class::cast)
            .toList();
    assertThat(bands).hasSize(1);
    Series.Band band = bands.get(0);
    assertThat(band.name())
        .isEqualTo("db CPU 70%: 80% interval 2.1x to 2.8x (2027-03-01 to 2027-06-01)");
    assertThat(band.xs()).containsExactly(2.1, 2.8);
  }

  @Test
  void withoutSampledRanges_noBandIsDrawn() throws IOException {
    assertThat(RoadmapChart.of(roadmap("acme-shop")).series())
        .noneMatch(Series.Band.class::isInstance);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyFirstBreakAndTheTarget_haveAMarker(String name) throws IOException {
    Roadmap r = roadmap(name);
    Chart chart = RoadmapChart.of(r);
    List<Annotation.Marker> markers =
        chart.annotations().stream()
            .filter(Annotation.Marker.class::isInstance)
            .map(Annotation.Marker.class::cast)
            .toList();
    long above = r.firstBreaks().stream().filter(b -> b.multiple().value() > 1).count();
    boolean anyToday = r.firstBreaks().stream().anyMatch(b -> b.multiple().value() <= 1);
    assertThat(markers).hasSize((int) above + (anyToday ? 1 : 0) + 1);
    assertThat(markers)
        .anySatisfy(
            m -> {
              assertThat(m.x()).isEqualTo(r.targetStep().multiple().value());
              assertThat(m.label()).startsWith("growth target");
            });
    for (Breakpoint b : r.firstBreaks()) {
      assertThat(markers)
          .as("%s", b.kind())
          .anySatisfy(m -> assertThat(m.label()).contains(RoadmapChart.label(b)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void costLine_isDashedAndNamedALowerBound_exactlyFromTheFirstUnpricedRow(String name)
      throws IOException {
    Roadmap r = roadmap(name);
    List<Series.Line> lines =
        RoadmapChart.of(r).series().stream()
            .filter(Series.Line.class::isInstance)
            .map(Series.Line.class::cast)
            .toList();
    boolean anyBound = r.steps().stream().anyMatch(s -> s.costAfter().lowerBound());
    assertThat(lines)
        .filteredOn(l -> l.style() == LineStyle.DASHED)
        .hasSize(anyBound ? 1 : 0)
        .allSatisfy(l -> assertThat(l.name()).startsWith("monthly cost, at least (unpriced: "));
    double lastX = r.steps().get(r.steps().size() - 1).multiple().value();
    assertThat(lines.stream().mapToDouble(l -> l.xs()[l.xs().length - 1]).max().orElseThrow())
        .isEqualTo(lastX);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void capacitySteps_followTheRowsSizes(String name) throws IOException {
    Roadmap r = roadmap(name);
    List<Series.Step> steps =
        RoadmapChart.of(r).series().stream()
            .filter(Series.Step.class::isInstance)
            .map(Series.Step.class::cast)
            .toList();
    Series.Step app =
        steps.stream()
            .filter(s -> s.name().equals("front app instances"))
            .findFirst()
            .orElseThrow();
    double[] expected =
        r.steps().stream()
            .filter(s -> s.sizes().appInstances() != null && s.sizes().appInstances().value() > 0)
            .mapToDouble(s -> s.sizes().appInstances().value())
            .toArray();
    assertThat(app.ys()).containsExactly(expected);
  }

  private static void check(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(golden + " is stale: regenerate with -Dheadroom.updateGolden=true")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
