package dev.headroom.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Provenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class SvgChartTest {

  static final Path GOLDEN = Path.of("src/test/resources/report/chart");

  private static final Provenance DECLARED = new Provenance.Declared("test");

  static Stream<Arguments> charts() {
    return Stream.of(
        Arguments.of("roadmap.svg", (Supplier<Chart>) ChartFixtures::roadmap),
        Arguments.of("latency.svg", (Supplier<Chart>) ChartFixtures::latency),
        Arguments.of("utilisation.svg", (Supplier<Chart>) ChartFixtures::utilisation));
  }

  /**
   * Golden files under src/test/resources/report/chart; run with {@code
   * -Dheadroom.updateGolden=true} (or {@code -Dheadroom.golden.update=true}) to rewrite them, then
   * review the diff and look at the drawings before committing.
   */
  @ParameterizedTest
  @MethodSource("charts")
  void render_matchesGoldenFileInEveryLocale(String file, Supplier<Chart> chart)
      throws IOException {
    String svg = inBothLocales(() -> SvgChart.render(chart.get()));
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("headroom.updateGolden")
        || Boolean.getBoolean("headroom.golden.update")) {
      Files.writeString(golden, svg, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file %s (-Dheadroom.updateGolden=true creates it)", golden)
        .exists();
    assertThat(svg).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("charts")
  void render_isWellFormedXmlWithTitleAndDescription(String file, Supplier<Chart> chart) {
    Chart c = chart.get();
    Document doc = parse(SvgChart.render(c));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(c.title());
    String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
    for (Series s : c.series()) {
      assertThat(desc).contains(s.name()).contains(s.provenance().describe());
    }
    for (Annotation a : c.annotations()) {
      assertThat(desc).contains(a.label()).contains(a.provenance().describe());
    }
  }

  @ParameterizedTest
  @MethodSource("charts")
  void inline_isTheSvgElementWithoutTheXmlDeclaration(String file, Supplier<Chart> chart) {
    String inline = SvgChart.inline(chart.get());
    assertThat(inline).startsWith("<svg ").endsWith("</svg>\n");
    assertThat(SvgChart.render(chart.get()))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline);
    assertThat(inline).doesNotContain(" id=\"");
  }

  @Test
  void render_escapesMarkupInEveryLabel() {
    Chart c =
        Chart.builder(
                "<script>&\"'",
                Axis.linear("x <1>", AxisUnit.NUMBER),
                Axis.linear("y & z", AxisUnit.NUMBER))
            .subtitle("a\u0001b")
            .series(
                new Series.Line(
                    "a<b", Side.LEFT, List.of(new Point(0, 1), new Point(1, 2)), DECLARED))
            .annotate(new Annotation.Marker(0.5, "m>n", DECLARED))
            .annotate(new Annotation.Reference(Side.LEFT, 1.5, "r&s", DECLARED))
            .build();
    String svg = SvgChart.render(c);
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("<script>&\"'");
    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;&amp;&quot;&apos;");
    assertThat(svg).contains("a b").doesNotContain("\u0001");
  }

  @Test
  void logAxis_ticksAtDecades_andLabelsTwoAndFiveWithinOneDecade() {
    AxisRange wide =
        AxisRange.of(Axis.log("load", AxisUnit.MULTIPLE), new double[] {1, 1000}, 8, false);
    assertThat(wide.lo).isEqualTo(1);
    assertThat(wide.hi).isEqualTo(1000);
    assertThat(wide.ticks.stream().filter(t -> !t.label().isEmpty()).map(Tick::label))
        .containsExactly("1x", "10x", "100x", "1000x");
    AxisRange narrow =
        AxisRange.of(Axis.log("load", AxisUnit.MULTIPLE), new double[] {1.5, 8}, 8, false);
    assertThat(narrow.ticks.stream().filter(t -> !t.label().isEmpty()).map(Tick::label))
        .containsExactly("1x", "2x", "5x", "10x");
  }

  @Test
  void decimalStep_isOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(AxisUnit.decimalStep(0.7)).isEqualTo(1.0);
    assertThat(AxisUnit.decimalStep(1.3)).isEqualTo(2.0);
    assertThat(AxisUnit.decimalStep(3)).isEqualTo(5.0);
    assertThat(AxisUnit.decimalStep(2000)).isEqualTo(2000.0);
    assertThat(AxisUnit.decimalStep(6.5)).isEqualTo(10.0);
  }

  @Test
  void linearAxis_stepsOneTwoFive_andClockUnitsForDurations() {
    AxisRange numbers =
        AxisRange.of(Axis.linear("n", AxisUnit.NUMBER), new double[] {0, 87}, 8, false);
    assertThat(numbers.ticks.stream().map(Tick::label))
        .containsExactly("0", "20", "40", "60", "80", "100");
    AxisRange time =
        AxisRange.of(Axis.linear("t", AxisUnit.DURATION), new double[] {0, 3600}, 8, false);
    assertThat(time.ticks.stream().map(Tick::label))
        .containsExactly("0s", "10min", "20min", "30min", "40min", "50min", "60min");
    AxisRange ratio =
        AxisRange.of(Axis.linear("u", AxisUnit.RATIO).including(1), new double[] {0.4}, 6, true);
    assertThat(ratio.ticks.stream().map(Tick::label))
        .containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
  }

  @Test
  void chart_refusesNoSeries() {
    assertThatThrownBy(
            () ->
                Chart.builder(
                        "empty",
                        Axis.linear("x", AxisUnit.NUMBER),
                        Axis.linear("y", AxisUnit.NUMBER))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart 'empty' has no series; a chart needs at least one");
  }

  @Test
  void series_refusesNoPoints() {
    assertThatThrownBy(() -> new Series.Line("latency", Side.LEFT, List.of(), DECLARED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line series 'latency' is empty; a series needs at least one point");
  }

  @Test
  void point_refusesNonFiniteValues() {
    assertThatThrownBy(() -> new Point(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a chart point must be finite, got (1.0, NaN)");
    assertThatThrownBy(() -> new BandPoint(1, 2, Double.POSITIVE_INFINITY))
        .hasMessageContaining("a band point must be finite");
    assertThatThrownBy(() -> new BandPoint(1, 3, 2))
        .hasMessage("a band's low must not exceed its high, got low = 3.0 > high = 2.0 at x = 1.0");
    assertThatThrownBy(() -> new SizedPoint(1, 2, -1))
        .hasMessageContaining("size must be finite and 0 or more");
  }

  @Test
  void chart_refusesNonPositiveValuesOnALogAxis() {
    assertThatThrownBy(
            () ->
                Chart.builder(
                        "r",
                        Axis.log("load", AxisUnit.MULTIPLE),
                        Axis.linear("cost", AxisUnit.MONEY))
                    .series(
                        new Series.Line(
                            "cost", Side.LEFT, List.of(new Point(1, 5), new Point(0, 6)), DECLARED))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increasing order of x");
    assertThatThrownBy(
            () ->
                Chart.builder(
                        "r",
                        Axis.log("load", AxisUnit.MULTIPLE),
                        Axis.linear("cost", AxisUnit.MONEY))
                    .series(
                        new Series.Line(
                            "cost", Side.LEFT, List.of(new Point(0, 5), new Point(2, 6)), DECLARED))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "series 'cost': x = 0.0 (value 1) on the logarithmic axis 'load'; a logarithmic axis"
                + " takes values above 0");
    assertThatThrownBy(
            () ->
                Chart.builder(
                        "r",
                        Axis.linear("t", AxisUnit.DURATION),
                        Axis.log("latency", AxisUnit.DURATION))
                    .series(new Series.Line("p99", Side.LEFT, List.of(new Point(0, 0.2)), DECLARED))
                    .annotate(new Annotation.Reference(Side.LEFT, -1, "floor", DECLARED))
                    .build())
        .hasMessage(
            "reference line 'floor': y = -1.0 (value 1) on the logarithmic axis 'latency'; a"
                + " logarithmic axis takes values above 0");
  }

  @Test
  void chart_refusesARightSeriesWithoutARightAxis() {
    assertThatThrownBy(
            () ->
                Chart.builder(
                        "r", Axis.linear("x", AxisUnit.NUMBER), Axis.linear("y", AxisUnit.NUMBER))
                    .series(new Series.Line("cost", Side.RIGHT, List.of(new Point(0, 1)), DECLARED))
                    .build())
        .hasMessage(
            "chart 'r': series 'cost' is read against the right axis, but the chart has none;"
                + " give it one or put the series on the left");
  }

  @Test
  void step_refusesRepeatedX() {
    assertThatThrownBy(
            () ->
                new Series.Step(
                    "capacity", Side.LEFT, List.of(new Point(1, 1), new Point(1, 2)), DECLARED))
        .hasMessage(
            "series 'capacity': point 2 has x = 1.0 after x = 1.0; points must be in strictly"
                + " increasing order of x");
  }

  @Test
  void render_refusesADrawingTooSmallForAPlot() {
    assertThatThrownBy(() -> SvgChart.render(ChartFixtures.latency(), 100, 100))
        .hasMessage("a chart must be at least 320 × 240 pixels, got 100 × 100");
  }

  private static String inBothLocales(Supplier<String> render) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = render.get();
      Locale.setDefault(Locale.GERMANY);
      assertThat(render.get()).as("output under de-DE").isEqualTo(root);
      return root;
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }
}
