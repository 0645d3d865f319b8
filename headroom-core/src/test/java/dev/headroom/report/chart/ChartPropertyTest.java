package dev.headroom.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Provenance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants over seeded random data: the axes hold everything, and every drawing is sound. */
class ChartPropertyTest {

  private static final Provenance SOURCE = new Provenance.Declared("property test");
  private static final Pattern COORDINATE =
      Pattern.compile("(?:x|x1|x2|cx|y|y1|y2|cy)=\"(-?[0-9.]+)\"");
  private static final Pattern POINTS = Pattern.compile("points=\"([^\"]*)\"");

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** Values spread over up to six decades, some negative on linear axes. */
  private static double[] values(Random r, int n, boolean positive) {
    double scale = Math.pow(10, r.nextInt(9) - 3);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          positive
              ? scale * Math.pow(10, r.nextDouble() * 6)
              : scale * (r.nextDouble() * 2 - (r.nextInt(4) == 0 ? 1 : 0));
    }
    return v;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void axisRange_containsEveryValue_withOrderedTicksFromEndToEnd(long seed) {
    Random r = new Random(seed);
    for (Scale scale : Scale.values()) {
      for (AxisUnit unit : AxisUnit.values()) {
        boolean isY = r.nextBoolean();
        double[] data = values(r, 1 + r.nextInt(30), scale == Scale.LOG);
        if (unit == AxisUnit.DATE) {
          for (int i = 0; i < data.length; i++) {
            data[i] = 20000 + Math.abs(data[i]) % 5000; // days around 2024…2037
          }
        }
        AxisRange range =
            AxisRange.of(new Axis("a", unit, scale, List.of()), data, 2 + r.nextInt(8), isY);
        for (double v : data) {
          assertThat(range.lo).as("%s %s lo", scale, unit).isLessThanOrEqualTo(v);
          assertThat(range.hi).as("%s %s hi", scale, unit).isGreaterThanOrEqualTo(v);
        }
        assertThat(range.hi).isGreaterThan(range.lo);
        assertThat(range.ticks.get(0).value()).isEqualTo(range.lo);
        assertThat(range.ticks.get(range.ticks.size() - 1).value()).isEqualTo(range.hi);
        long majors = range.ticks.stream().filter(Tick::major).count();
        assertThat(majors).as("%s %s major ticks", scale, unit).isBetween(2L, 60L);
        for (int i = 1; i < range.ticks.size(); i++) {
          assertThat(range.ticks.get(i).value()).isGreaterThan(range.ticks.get(i - 1).value());
        }
        assertThat(range.fraction(range.lo))
            .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(range.fraction(range.hi))
            .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void render_randomChart_isWellFormedDeterministicAndInsideTheDrawing(long seed) throws Exception {
    Random r = new Random(seed);
    boolean logX = r.nextBoolean();
    boolean logY = r.nextBoolean();
    Axis x =
        new Axis(
            "x",
            AxisUnit.values()[r.nextInt(AxisUnit.values().length)],
            logX ? Scale.LOG : Scale.LINEAR,
            List.of());
    Axis y =
        new Axis(
            "y",
            AxisUnit.values()[r.nextInt(AxisUnit.values().length)],
            logY ? Scale.LOG : Scale.LINEAR,
            List.of());
    Chart.Builder b = Chart.builder("random " + seed, x, y).right(Axis.linear("r", AxisUnit.MONEY));
    int n = 2 + r.nextInt(20);
    double[] xs = values(r, n, logX);
    java.util.Arrays.sort(xs);
    for (int s = 0; s < 1 + r.nextInt(5); s++) {
      double[] ys = values(r, n, logY);
      List<Point> pts = new ArrayList<>();
      List<BandPoint> band = new ArrayList<>();
      List<SizedPoint> sized = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pts.add(new Point(xs[i], ys[i]));
        band.add(new BandPoint(xs[i], ys[i], ys[i] + Math.abs(ys[i]) * 0.5));
        sized.add(new SizedPoint(xs[i], ys[i], r.nextInt(10)));
      }
      switch (r.nextInt(4)) {
        case 0 -> b.series(new Series.Line("line " + s, Side.LEFT, pts, SOURCE));
        case 1 -> b.series(new Series.Points("points " + s, Side.LEFT, sized, SOURCE));
        case 2 -> b.series(new Series.Band("band " + s, Side.LEFT, band, SOURCE));
        default -> {
          if (xs[0] < xs[n - 1] && allDistinct(xs)) {
            b.series(new Series.Step("step " + s, Side.LEFT, pts, SOURCE));
          } else {
            b.series(new Series.Line("line " + s, Side.RIGHT, pts, SOURCE));
          }
        }
      }
    }
    b.annotate(new Annotation.Marker(xs[r.nextInt(n)], "marker", SOURCE));
    b.annotate(new Annotation.Reference(Side.RIGHT, r.nextDouble() * 100, "budget", SOURCE));
    Chart chart = b.build();

    String svg = SvgChart.render(chart);
    assertThat(SvgChart.render(chart)).as("the same chart twice").isEqualTo(svg);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    Matcher m = COORDINATE.matcher(svg);
    while (m.find()) {
      assertThat(Double.parseDouble(m.group(1)))
          .as("coordinate %s", m.group())
          .isBetween(0.0, (double) SvgChart.WIDTH);
    }
    Matcher p = POINTS.matcher(svg);
    while (p.find()) {
      for (String xy : p.group(1).split(" ")) {
        String[] c = xy.split(",");
        assertThat(Double.parseDouble(c[0])).isBetween(0.0, (double) SvgChart.WIDTH);
        assertThat(Double.parseDouble(c[1])).isBetween(0.0, (double) SvgChart.HEIGHT);
      }
    }
  }

  private static boolean allDistinct(double[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
