package dev.headroom.report.fit;

import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The fit as a self-contained SVG: measured points, the fitted USL curve with its confidence band,
 * the linear ideal λN, N* marked, axes with ticks and labels. Hand-written SVG, so the output is
 * small and byte-for-byte deterministic (coordinates to 2 decimals, {@link java.util.Locale#ROOT}).
 *
 * <p>The x axis runs to the larger of the largest measured concurrency and N* (but no further than
 * {@link UslModel#EXTRAPOLATION_FACTOR}× the data, where the curve stops meaning much), plus a
 * margin; the y axis to the highest of the points, the curve and the band.
 */
public final class FitPlot {

  static final int WIDTH = 720;
  static final int HEIGHT = 440;
  private static final int LEFT = 80;
  private static final int RIGHT = 24;
  private static final int TOP = 40;
  private static final int BOTTOM = 56;
  private static final int SAMPLES = 160;

  private final UslModel model;
  private final double xMax;
  private final double yMax;
  private final double xStep;
  private final double yStep;
  private final StringBuilder svg = new StringBuilder();

  private FitPlot(UslModel model) {
    this.model = model;
    double dataMax = model.maxMeasuredConcurrency();
    double reach =
        model.kappa() > 0
            ? Math.max(
                dataMax,
                Math.min(model.peakConcurrency() * 1.2, UslModel.EXTRAPOLATION_FACTOR * dataMax))
            : dataMax * 1.2;
    this.xStep = niceStep(reach / 6);
    this.xMax = Math.ceil(reach / xStep) * xStep;
    double top = 0;
    for (UslPoint p : model.points()) {
      top = Math.max(top, p.throughput());
    }
    for (int i = 1; i <= SAMPLES; i++) {
      double n = xMax * i / SAMPLES;
      top = Math.max(top, model.throughputAt(n));
      Interval band = model.throughputBand(n);
      if (band != null) {
        top = Math.max(top, Math.min(band.upper(), 1.5 * model.throughputAt(n)));
      }
    }
    top = top > 0 ? top * 1.05 : 1;
    this.yStep = niceStep(top / 8);
    this.yMax = Math.ceil(top / yStep) * yStep;
  }

  /** The SVG document for the report's model and points. */
  public static String render(FitReport report) {
    return render(report.model());
  }

  /** The SVG document for a model and the points it was fitted to. */
  public static String render(UslModel model) {
    FitPlot p = new FitPlot(model);
    p.draw();
    return p.svg.toString();
  }

  private void draw() {
    line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    line(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + WIDTH
            + "\" height=\""
            + HEIGHT
            + "\" viewBox=\"0 0 "
            + WIDTH
            + " "
            + HEIGHT
            + "\" font-family=\"sans-serif\" font-size=\"12\">");
    line(
        "<title>USL fit: σ="
            + Units.format(model.sigma(), 4)
            + ", κ="
            + Units.format(model.kappa(), 4)
            + ", λ="
            + Units.format(model.lambda(), 6)
            + "</title>");
    line("<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#ffffff\"/>");
    axes();
    band();
    ideal();
    curve();
    peak();
    points();
    legend();
    line("</svg>");
  }

  private void axes() {
    double x0 = px(0);
    double y0 = py(0);
    line("<g stroke=\"#dddddd\" stroke-width=\"1\">");
    for (double v : ticks(yStep, yMax, 1)) {
      line(
          "<line x1=\""
              + f(x0)
              + "\" y1=\""
              + f(py(v))
              + "\" x2=\""
              + f(px(xMax))
              + "\" y2=\""
              + f(py(v))
              + "\"/>");
    }
    line("</g>");
    line("<g stroke=\"#333333\" stroke-width=\"1\">");
    line(
        "<line x1=\""
            + f(x0)
            + "\" y1=\""
            + f(y0)
            + "\" x2=\""
            + f(px(xMax))
            + "\" y2=\""
            + f(y0)
            + "\"/>");
    line(
        "<line x1=\""
            + f(x0)
            + "\" y1=\""
            + f(y0)
            + "\" x2=\""
            + f(x0)
            + "\" y2=\""
            + f(py(yMax))
            + "\"/>");
    for (double v : ticks(xStep, xMax, 0)) {
      line(
          "<line x1=\""
              + f(px(v))
              + "\" y1=\""
              + f(y0)
              + "\" x2=\""
              + f(px(v))
              + "\" y2=\""
              + f(y0 + 5)
              + "\"/>");
    }
    for (double v : ticks(yStep, yMax, 0)) {
      line(
          "<line x1=\""
              + f(x0 - 5)
              + "\" y1=\""
              + f(py(v))
              + "\" x2=\""
              + f(x0)
              + "\" y2=\""
              + f(py(v))
              + "\"/>");
    }
    line("</g>");
    line("<g fill=\"#333333\">");
    for (double v : ticks(xStep, xMax, 0)) {
      line(
          "<text x=\""
              + f(px(v))
              + "\" y=\""
              + f(y0 + 18)
              + "\" text-anchor=\"middle\">"
              + Units.format(v, 6)
              + "</text>");
    }
    for (double v : ticks(yStep, yMax, 0)) {
      line(
          "<text x=\""
              + f(x0 - 8)
              + "\" y=\""
              + f(py(v) + 4)
              + "\" text-anchor=\"end\">"
              + Units.format(v, 6)
              + "</text>");
    }
    line(
        "<text x=\""
            + f((px(0) + px(xMax)) / 2)
            + "\" y=\""
            + (HEIGHT - 14)
            + "\" text-anchor=\"middle\">concurrency N</text>");
    line(
        "<text x=\"18\" y=\""
            + f((py(0) + py(yMax)) / 2)
            + "\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
            + f((py(0) + py(yMax)) / 2)
            + ")\">throughput X (per second)</text>");
    line("</g>");
  }

  private void band() {
    if (model.throughputBand(xMax) == null) {
      return;
    }
    List<String> upper = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      double n = xMax * i / SAMPLES;
      Interval b = model.throughputBand(n);
      upper.add(f(px(n)) + "," + f(py(Math.min(b.upper(), yMax))));
      lower.add(0, f(px(n)) + "," + f(py(Math.max(b.lower(), 0))));
    }
    upper.addAll(lower);
    line(
        "<polygon fill=\"#4a90d9\" fill-opacity=\"0.2\" stroke=\"none\" points=\""
            + String.join(" ", upper)
            + "\"/>");
  }

  private void ideal() {
    double end = Math.min(xMax, yMax / model.lambda());
    line(
        "<line x1=\""
            + f(px(0))
            + "\" y1=\""
            + f(py(0))
            + "\" x2=\""
            + f(px(end))
            + "\" y2=\""
            + f(py(model.lambda() * end))
            + "\" stroke=\"#888888\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
  }

  private void curve() {
    StringBuilder pts = new StringBuilder(f(px(0)) + "," + f(py(0)));
    for (int i = 1; i <= SAMPLES; i++) {
      double n = xMax * i / SAMPLES;
      pts.append(' ').append(f(px(n))).append(',').append(f(py(model.throughputAt(n))));
    }
    line("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"" + pts + "\"/>");
  }

  private void peak() {
    double ns = model.peakConcurrency();
    if (!Double.isFinite(ns) || ns > xMax) {
      return;
    }
    double xs = model.maxThroughput();
    line(
        "<line x1=\""
            + f(px(ns))
            + "\" y1=\""
            + f(py(0))
            + "\" x2=\""
            + f(px(ns))
            + "\" y2=\""
            + f(py(xs))
            + "\" stroke=\"#c0392b\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>");
    line("<circle cx=\"" + f(px(ns)) + "\" cy=\"" + f(py(xs)) + "\" r=\"4\" fill=\"#c0392b\"/>");
    line(
        "<text x=\""
            + f(px(ns) + 6)
            + "\" y=\""
            + f(py(xs) - 8)
            + "\" fill=\"#c0392b\">N* = "
            + Units.format(ns, 4)
            + ", X = "
            + Units.format(xs, 5)
            + "</text>");
  }

  private void points() {
    line("<g fill=\"#222222\">");
    for (UslPoint p : model.points()) {
      line(
          "<circle cx=\""
              + f(px(p.concurrency()))
              + "\" cy=\""
              + f(py(p.throughput()))
              + "\" r=\"3\"/>");
    }
    line("</g>");
  }

  private void legend() {
    int x = LEFT + 12;
    int y = TOP - 18;
    line("<g font-size=\"11\">");
    line("<circle cx=\"" + x + "\" cy=\"" + (y - 4) + "\" r=\"3\" fill=\"#222222\"/>");
    line("<text x=\"" + (x + 8) + "\" y=\"" + y + "\">measured</text>");
    line(
        "<line x1=\""
            + (x + 80)
            + "\" y1=\""
            + (y - 4)
            + "\" x2=\""
            + (x + 104)
            + "\" y2=\""
            + (y - 4)
            + "\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
    line("<text x=\"" + (x + 110) + "\" y=\"" + y + "\">USL fit</text>");
    line(
        "<rect x=\""
            + (x + 170)
            + "\" y=\""
            + (y - 10)
            + "\" width=\"24\" height=\"10\" fill=\"#4a90d9\" fill-opacity=\"0.2\"/>");
    line(
        "<text x=\""
            + (x + 200)
            + "\" y=\""
            + y
            + "\">"
            + Units.format(model.confidenceLevel() * 100, 4)
            + " % confidence band</text>");
    line(
        "<line x1=\""
            + (x + 340)
            + "\" y1=\""
            + (y - 4)
            + "\" x2=\""
            + (x + 364)
            + "\" y2=\""
            + (y - 4)
            + "\" stroke=\"#888888\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
    line("<text x=\"" + (x + 370) + "\" y=\"" + y + "\">linear λN</text>");
    line("</g>");
  }

  private double px(double n) {
    return LEFT + n / xMax * (WIDTH - LEFT - RIGHT);
  }

  private double py(double x) {
    return HEIGHT - BOTTOM - x / yMax * (HEIGHT - TOP - BOTTOM);
  }

  /** step·i for i = from … max/step, computed by index so no rounding error accumulates. */
  private static List<Double> ticks(double step, double max, int from) {
    List<Double> t = new ArrayList<>();
    long count = Math.round(max / step);
    for (long i = from; i <= count; i++) {
      t.add(step * i);
    }
    return t;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String f(double v) {
    return Units.fixed(v, 2);
  }

  private void line(String s) {
    svg.append(s).append('\n');
  }
}
