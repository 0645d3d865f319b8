package dev.headroom.report.fit;

import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import dev.headroom.report.chart.Annotation;
import dev.headroom.report.chart.Axis;
import dev.headroom.report.chart.AxisUnit;
import dev.headroom.report.chart.BandPoint;
import dev.headroom.report.chart.Chart;
import dev.headroom.report.chart.LineStyle;
import dev.headroom.report.chart.Point;
import dev.headroom.report.chart.Series;
import dev.headroom.report.chart.Side;
import dev.headroom.report.chart.SizedPoint;
import dev.headroom.report.chart.SvgChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The fit as a self-contained SVG, drawn through {@link dev.headroom.report.chart}: measured
 * points, the fitted USL curve with its confidence band, the linear ideal λN, N* marked. Every
 * series carries its provenance into the SVG's description.
 *
 * <p>The curve runs to the larger of the largest measured concurrency and N* (but no further than
 * {@link UslModel#EXTRAPOLATION_FACTOR}× the data, where the curve stops meaning much), plus a
 * margin. Far from the data the band's upper edge runs away; it is drawn to at most {@value
 * #BAND_CAP}× the curve so it cannot flatten the curve, and the ideal line stops at the top of what
 * is drawn.
 */
public final class FitPlot {

  static final int WIDTH = 720;
  static final int HEIGHT = 440;
  private static final int SAMPLES = 160;

  /** How far past the data (or N*) the curve is drawn, so its shape there is visible. */
  private static final double MARGIN = 1.2;

  /** The band's upper edge is drawn to at most this multiple of the curve. */
  static final double BAND_CAP = 1.5;

  private FitPlot() {}

  /** The SVG document for the report's model and points. */
  public static String render(FitReport report) {
    return render(report.model());
  }

  /** The SVG document for a model and the points it was fitted to. */
  public static String render(UslModel model) {
    return SvgChart.render(chart(model), WIDTH, HEIGHT);
  }

  /** The fit as a chart, for a report that inlines it in a page of its own. */
  public static Chart chart(UslModel model) {
    double dataMax = model.maxMeasuredConcurrency();
    double reach =
        model.kappa() > 0
            ? Math.max(
                dataMax,
                Math.min(model.peakConcurrency() * MARGIN, UslModel.EXTRAPOLATION_FACTOR * dataMax))
            : dataMax * MARGIN;
    String sigma = "σ = " + Units.format(model.sigma(), 4);
    String kappa = "κ = " + Units.format(model.kappa(), 4);
    String lambda = "λ = " + Units.format(model.lambda(), 6);
    Provenance usl =
        new Provenance.Derived(
            "USL X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) (Gunther 2007)",
            List.of(sigma, kappa, lambda));

    List<Point> curve = new ArrayList<>();
    List<BandPoint> band = new ArrayList<>();
    double top = 0;
    curve.add(new Point(0, 0));
    for (int i = 1; i <= SAMPLES; i++) {
      double n = reach * i / SAMPLES;
      double x = model.throughputAt(n);
      curve.add(new Point(n, x));
      top = Math.max(top, x);
      Interval b = model.throughputBand(n);
      if (b != null) {
        double high = Math.min(b.upper(), BAND_CAP * x);
        band.add(new BandPoint(n, Math.min(Math.max(b.lower(), 0), high), high));
        top = Math.max(top, high);
      }
    }
    List<SizedPoint> measured = new ArrayList<>();
    for (UslPoint p : model.points()) {
      measured.add(new SizedPoint(p.concurrency(), p.throughput(), 1));
      top = Math.max(top, p.throughput());
    }
    double idealEnd = Math.min(reach, top / model.lambda());

    Chart.Builder chart =
        Chart.builder(
            "USL fit: σ="
                + Units.format(model.sigma(), 4)
                + ", κ="
                + Units.format(model.kappa(), 4)
                + ", λ="
                + Units.format(model.lambda(), 6),
            Axis.linear("concurrency N", AxisUnit.NUMBER),
            Axis.linear("throughput X (per second)", AxisUnit.NUMBER));
    chart
        .series(new Series.Line("USL fit", Side.LEFT, curve, usl))
        .series(
            new Series.Points(
                "measured",
                Side.LEFT,
                measured,
                new Provenance.Measured("the load-test steps the fit read", "")));
    if (!band.isEmpty()) {
      chart.series(
          new Series.Band(
              Units.format(model.confidenceLevel() * 100, 4) + " % confidence band",
              Side.LEFT,
              band,
              new Provenance.Derived(
                  "delta method on the fit's covariance, t at n − p degrees of freedom; upper"
                      + " edge drawn to at most "
                      + Units.format(BAND_CAP, 2)
                      + "× the curve",
                  List.of(sigma, kappa, lambda))));
    }
    chart.series(
        new Series.Line(
            "linear λN",
            Side.LEFT,
            List.of(new Point(0, 0), new Point(idealEnd, model.lambda() * idealEnd)),
            new Provenance.Derived("linear scaling X = λN", List.of(lambda)),
            LineStyle.DASHED));
    double ns = model.peakConcurrency();
    if (Double.isFinite(ns) && ns <= reach) {
      chart.annotate(
          new Annotation.Marker(
              ns,
              "N* = " + Units.format(ns, 4) + ", X = " + Units.format(model.maxThroughput(), 5),
              new Provenance.Derived(
                  "N* = √((1 − σ) / κ) (Gunther 2007, eq. 4.33)", List.of(sigma, kappa))));
    }
    return chart.build();
  }
}
