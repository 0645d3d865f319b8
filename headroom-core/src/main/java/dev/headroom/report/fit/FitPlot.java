package dev.headroom.report.fit;

import dev.headroom.analysis.run.Slo;
import dev.headroom.analysis.run.SloThroughput;
import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The fit as a self-contained SVG, for judging it at a glance. A title names the files and gives σ,
 * κ, λ, N* and R² (and says when R² is too low to draw conclusions). The throughput panel has the
 * measured steps, each dot's area proportional to its request count (so sparse steps look sparse
 * and a fit that hangs on them looks bad), the fitted USL curve with its confidence band, the
 * linear ideal λN, N* marked, the {@code --at} and {@code --throughput} predictions, and the
 * model's answer to each {@code --slo}. When the steps report latency, a second panel plots the
 * response time against concurrency: the measured means (and each objective's percentile), the
 * model's mean R(N) = N/X(N) − Z (Little's law with the think time Z, {@link
 * SloThroughput#thinkSeconds}) and each objective's limit as a line. Hand-written SVG, so the
 * output is small and byte-for-byte deterministic (coordinates to 2 decimals, {@link
 * java.util.Locale#ROOT}).
 *
 * <p>The x axis runs to the larger of the largest measured concurrency and N* (but no further than
 * {@link UslModel#EXTRAPOLATION_FACTOR}× the data, where the curve stops meaning much), and takes
 * in the predictions asked for, plus a margin; the y axes to the highest of what they show.
 */
public final class FitPlot {

  static final int WIDTH = 720;
  private static final int LEFT = 80;
  private static final int RIGHT = 24;

  /** Height of the title block above the throughput panel. */
  private static final int TITLE = 74;

  private static final int PANEL = 330;
  private static final int LATENCY_PANEL = 220;
  private static final int GAP = 66;
  private static final int SAMPLES = 160;

  /** Radius of the dots of steps without a request count, and the smallest and largest others. */
  private static final double DOT = 3;

  private static final double DOT_MIN = 1.5;
  private static final double DOT_MAX = 7;

  /** Characters of the file list in the title before it is cut. */
  private static final int TITLE_FILES = 90;

  private final FitReport report;
  private final UslModel model;
  private final double xMax;
  private final double xStep;
  private final Axis throughput;
  private final Axis latency;
  private final double thinkSeconds;
  private final int height;
  private final StringBuilder svg = new StringBuilder();

  /** A panel's vertical scale: where it sits and what it spans. */
  private record Axis(int top, int height, double max, double step) {
    double y(double v) {
      return top + height - v / max * height;
    }

    int bottom() {
      return top + height;
    }
  }

  private FitPlot(FitReport report) {
    this.report = report;
    this.model = report.model();
    double dataMax = model.maxMeasuredConcurrency();
    double reach =
        model.kappa() > 0
            ? Math.max(
                dataMax,
                Math.min(model.peakConcurrency() * 1.2, UslModel.EXTRAPOLATION_FACTOR * dataMax))
            : dataMax * 1.2;
    for (FitPrediction p : report.predictions()) {
      if (p.prediction() != null) {
        reach = Math.max(reach, p.prediction().concurrency() * 1.05);
      }
    }
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
    double yStep = niceStep(top / 8);
    this.throughput = new Axis(TITLE, PANEL, Math.ceil(top / yStep) * yStep, yStep);
    this.thinkSeconds = SloThroughput.thinkSeconds(report.steps());
    this.latency = latencyAxis();
    this.height = (latency == null ? throughput.bottom() : latency.bottom()) + GAP;
  }

  /** The latency panel's scale, or null when no step reports a mean or a judged percentile. */
  private Axis latencyAxis() {
    double top = 0;
    double measuredTop = 0;
    for (Step s : report.steps()) {
      for (Double v : latencies(s)) {
        measuredTop = Math.max(measuredTop, v);
      }
    }
    if (measuredTop == 0) {
      return null;
    }
    top = measuredTop;
    for (Slo slo : report.slos()) {
      top = Math.max(top, slo.limitMs());
    }
    // the model's R(N) grows without bound past N*: show it up to twice what was measured
    for (int i = 1; i <= SAMPLES; i++) {
      top = Math.max(top, Math.min(modelMs(xMax * i / SAMPLES), 2 * measuredTop));
    }
    top *= 1.05;
    double step = niceStep(top / 5);
    return new Axis(throughput.bottom() + GAP, LATENCY_PANEL, Math.ceil(top / step) * step, step);
  }

  /** The step's mean and the percentiles of the objectives, in ms, those it reports. */
  private List<Double> latencies(Step s) {
    List<Double> out = new ArrayList<>();
    LatencySummary l = s.latency();
    if (l == null) {
      return out;
    }
    if (l.meanMs() != null) {
      out.add(l.meanMs());
    }
    for (Slo slo : report.slos()) {
      Double v = slo.percentile().of(l);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** The model's mean response time at concurrency n, in ms: N/X(N) − Z, at least 0. */
  private double modelMs(double n) {
    return Math.max(0, (n / model.throughputAt(n) - thinkSeconds) * 1000);
  }

  /** The SVG document for the report's model, steps, predictions and objectives. */
  public static String render(FitReport report) {
    if (report.model() == null) {
      throw new IllegalArgumentException("a plot needs a fitted model: " + report.reason());
    }
    FitPlot p = new FitPlot(report);
    p.draw();
    return p.svg.toString();
  }

  private void draw() {
    line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    line(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + WIDTH
            + "\" height=\""
            + height
            + "\" viewBox=\"0 0 "
            + WIDTH
            + " "
            + height
            + "\" font-family=\"sans-serif\" font-size=\"12\">");
    line("<title>" + esc("USL fit of " + files() + ": " + coefficients()) + "</title>");
    line("<rect width=\"" + WIDTH + "\" height=\"" + height + "\" fill=\"#ffffff\"/>");
    title();
    axes(throughput, "throughput X (per second)");
    band();
    ideal();
    curve();
    peak();
    points();
    predictions();
    sloMarks();
    legend();
    if (latency != null) {
      axes(latency, "response time (ms)");
      latencyPanel();
    }
    line("</svg>");
  }

  private String files() {
    List<String> names = new ArrayList<>();
    for (LoadTest t : report.inputs()) {
      String src = t.source();
      int slash = Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\'));
      names.add(src.substring(slash + 1));
    }
    String all = String.join(", ", names);
    return all.length() <= TITLE_FILES
        ? all
        : all.substring(0, TITLE_FILES) + "… (" + names.size() + " files)";
  }

  private String coefficients() {
    return "σ = "
        + Units.format(model.sigma(), 4)
        + ", κ = "
        + Units.format(model.kappa(), 4)
        + ", λ = "
        + Units.format(model.lambda(), 5)
        + "/s, "
        + (model.kappa() > 0
            ? "peak at N = "
                + Units.format(model.peakConcurrency(), 4)
                + " (X = "
                + Units.format(model.maxThroughput(), 5)
                + "/s)"
            : "no peak (κ = 0)")
        + ", R² = "
        + Units.fixed(model.rSquared(), 3);
  }

  private void title() {
    line(
        "<text x=\""
            + LEFT
            + "\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
            + esc("USL fit: " + files())
            + "</text>");
    line("<text x=\"" + LEFT + "\" y=\"38\">" + esc(coefficients()) + "</text>");
    if (!report.conclusive()) {
      line(
          "<text x=\""
              + LEFT
              + "\" y=\"54\" fill=\"#c0392b\">"
              + esc(
                  "R² below "
                      + Units.format(FitReport.MIN_R_SQUARED, 2)
                      + ": the curve explains little of the data; no conclusion from σ, κ or N*")
              + "</text>");
    }
  }

  private void axes(Axis a, String label) {
    double x0 = px(0);
    double y0 = a.y(0);
    line("<g stroke=\"#dddddd\" stroke-width=\"1\">");
    for (double v : ticks(a.step(), a.max(), 1)) {
      line(
          "<line x1=\""
              + f(x0)
              + "\" y1=\""
              + f(a.y(v))
              + "\" x2=\""
              + f(px(xMax))
              + "\" y2=\""
              + f(a.y(v))
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
            + f(a.y(a.max()))
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
    for (double v : ticks(a.step(), a.max(), 0)) {
      line(
          "<line x1=\""
              + f(x0 - 5)
              + "\" y1=\""
              + f(a.y(v))
              + "\" x2=\""
              + f(x0)
              + "\" y2=\""
              + f(a.y(v))
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
    for (double v : ticks(a.step(), a.max(), 0)) {
      line(
          "<text x=\""
              + f(x0 - 8)
              + "\" y=\""
              + f(a.y(v) + 4)
              + "\" text-anchor=\"end\">"
              + Units.format(v, 6)
              + "</text>");
    }
    line(
        "<text x=\""
            + f((px(0) + px(xMax)) / 2)
            + "\" y=\""
            + f(y0 + 36)
            + "\" text-anchor=\"middle\">concurrency N</text>");
    double mid = (a.y(0) + a.y(a.max())) / 2;
    line(
        "<text x=\"18\" y=\""
            + f(mid)
            + "\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
            + f(mid)
            + ")\">"
            + label
            + "</text>");
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
      upper.add(f(px(n)) + "," + f(py(Math.min(b.upper(), throughput.max()))));
      lower.add(0, f(px(n)) + "," + f(py(Math.max(b.lower(), 0))));
    }
    upper.addAll(lower);
    line(
        "<polygon fill=\"#4a90d9\" fill-opacity=\"0.2\" stroke=\"none\" points=\""
            + String.join(" ", upper)
            + "\"/>");
  }

  private void ideal() {
    double end = Math.min(xMax, throughput.max() / model.lambda());
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
    // near the right edge the label goes to the left of the marker, so it is not cut off
    boolean left = px(ns) > WIDTH - RIGHT - 170;
    line(
        "<text x=\""
            + f(left ? px(ns) - 6 : px(ns) + 6)
            + "\" y=\""
            + f(py(xs) - 8)
            + "\""
            + (left ? " text-anchor=\"end\"" : "")
            + " fill=\"#c0392b\">N* = "
            + Units.format(ns, 4)
            + ", X = "
            + Units.format(xs, 5)
            + "</text>");
  }

  /**
   * The measured steps, each dot's area proportional to its request count relative to the largest
   * step's (radius from {@value #DOT_MIN} to {@value #DOT_MAX}), so a fit resting on a few sparse
   * steps shows it; steps without a count (a concurrency,throughput CSV) get one size.
   */
  private void points() {
    long most = 0;
    for (Step s : report.steps()) {
      most = Math.max(most, s.requests());
    }
    line("<g fill=\"#222222\" fill-opacity=\"0.8\">");
    for (Step s : report.steps()) {
      line(
          "<circle cx=\""
              + f(px(s.concurrency()))
              + "\" cy=\""
              + f(py(s.throughput()))
              + "\" r=\""
              + f(radius(s, most))
              + "\"/>");
    }
    line("</g>");
  }

  private static double radius(Step s, long most) {
    if (most == 0 || s.requests() == 0) {
      return DOT;
    }
    return DOT_MIN + (DOT_MAX - DOT_MIN) * Math.sqrt((double) s.requests() / most);
  }

  /** The --at and --throughput answers: an orange square on the curve, labelled. */
  private void predictions() {
    // each label a line lower than the one before, so labels of nearby answers do not overlap
    int drawn = 0;
    line("<g fill=\"#e67e22\" font-size=\"11\">");
    for (FitPrediction p : report.predictions()) {
      if (p.prediction() == null) {
        continue;
      }
      double n = p.prediction().concurrency();
      double x = p.prediction().throughput();
      if (n > xMax || x > throughput.max()) {
        continue;
      }
      line(
          "<rect x=\"" + f(px(n) - 4) + "\" y=\"" + f(py(x) - 4) + "\" width=\"8\" height=\"8\"/>");
      String label =
          p.given() == FitPrediction.Given.CONCURRENCY
              ? "--at " + Units.format(p.value(), 6) + ": X = " + Units.format(x, 4) + "/s"
              : "--throughput " + Units.format(p.value(), 6) + "/s: N = " + Units.format(n, 4);
      // near the right edge the label goes to the left of the marker, so it is not cut off
      boolean left = px(n) > WIDTH - RIGHT - 150;
      line(
          "<text x=\""
              + f(left ? px(n) - 7 : px(n) + 7)
              + "\" y=\""
              + f(py(x) + 14 + 13 * drawn++)
              + "\""
              + (left ? " text-anchor=\"end\"" : "")
              + ">"
              + esc(label)
              + "</text>");
    }
    line("</g>");
  }

  /** Each objective's answer from the model: a purple diamond at (N, X), labelled. */
  private void sloMarks() {
    // each label at least a line above the one before: objectives' answers often lie close together
    double lastY = Double.POSITIVE_INFINITY;
    for (SloThroughput t : report.sloThroughputs()) {
      SloThroughput.Answer a = t.model();
      if (a.throughput() == null || a.concurrency() > xMax) {
        continue;
      }
      double cx = px(a.concurrency());
      double cy = py(a.throughput().value());
      line(
          "<path d=\"M "
              + f(cx)
              + " "
              + f(cy - 6)
              + " L "
              + f(cx + 6)
              + " "
              + f(cy)
              + " L "
              + f(cx)
              + " "
              + f(cy + 6)
              + " L "
              + f(cx - 6)
              + " "
              + f(cy)
              + " Z\" fill=\"#8e44ad\"/>");
      line(
          "<text x=\""
              + f(cx - 8)
              + "\" y=\""
              + f(lastY = Math.min(cy - 8, lastY - 13))
              + "\" text-anchor=\"end\" fill=\"#8e44ad\" font-size=\"11\">"
              + esc(
                  sloLabel(t.slo())
                      + ": X ≤ "
                      + Units.format(a.throughput().value(), 4)
                      + "/s (model)")
              + "</text>");
    }
  }

  private static String sloLabel(Slo slo) {
    return slo.percentile().id() + " ≤ " + Units.format(slo.limitMs(), 4) + " ms";
  }

  /**
   * Response time against concurrency: the measured means (dots) and objective percentiles
   * (hollow), the model's mean N/X(N) − Z, and each objective's limit.
   */
  private void latencyPanel() {
    StringBuilder pts = new StringBuilder();
    for (int i = 1; i <= SAMPLES; i++) {
      double n = xMax * i / SAMPLES;
      double r = modelMs(n);
      if (r > latency.max()) {
        break;
      }
      pts.append(pts.length() == 0 ? "" : " ").append(f(px(n))).append(',').append(f(ly(r)));
    }
    line("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"" + pts + "\"/>");
    // limits' labels side by side from the right, so close limits do not print over each other
    int drawn = 0;
    for (Slo slo : report.slos()) {
      if (slo.limitMs() > latency.max()) {
        continue;
      }
      line(
          "<line x1=\""
              + f(px(0))
              + "\" y1=\""
              + f(ly(slo.limitMs()))
              + "\" x2=\""
              + f(px(xMax))
              + "\" y2=\""
              + f(ly(slo.limitMs()))
              + "\" stroke=\"#8e44ad\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>");
      line(
          "<text x=\""
              + f(px(xMax) - 4 - 100 * drawn++)
              + "\" y=\""
              + f(ly(slo.limitMs()) - 5)
              + "\" text-anchor=\"end\" fill=\"#8e44ad\" font-size=\"11\">"
              + esc(sloLabel(slo))
              + "</text>");
    }
    long most = 0;
    for (Step s : report.steps()) {
      most = Math.max(most, s.requests());
    }
    for (Step s : report.steps()) {
      LatencySummary l = s.latency();
      if (l == null) {
        continue;
      }
      for (Slo slo : report.slos()) {
        Double v = slo.percentile().of(l);
        if (v != null && v <= latency.max()) {
          line(
              "<circle cx=\""
                  + f(px(s.concurrency()))
                  + "\" cy=\""
                  + f(ly(v))
                  + "\" r=\""
                  + f(radius(s, most))
                  + "\" fill=\"none\" stroke=\"#8e44ad\" stroke-width=\"1.2\"/>");
        }
      }
      if (l.meanMs() != null && l.meanMs() <= latency.max()) {
        line(
            "<circle cx=\""
                + f(px(s.concurrency()))
                + "\" cy=\""
                + f(ly(l.meanMs()))
                + "\" r=\""
                + f(radius(s, most))
                + "\" fill=\"#222222\" fill-opacity=\"0.8\"/>");
      }
    }
    int y = latency.top() - 8;
    int x = LEFT + 12;
    line("<g font-size=\"11\">");
    line("<circle cx=\"" + x + "\" cy=\"" + (y - 4) + "\" r=\"3\" fill=\"#222222\"/>");
    line("<text x=\"" + (x + 8) + "\" y=\"" + y + "\">measured mean</text>");
    line(
        "<line x1=\""
            + (x + 110)
            + "\" y1=\""
            + (y - 4)
            + "\" x2=\""
            + (x + 134)
            + "\" y2=\""
            + (y - 4)
            + "\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
    line(
        "<text x=\""
            + (x + 140)
            + "\" y=\""
            + y
            + "\">"
            + esc("model mean N/X − Z, Z = " + Units.format(thinkSeconds * 1000, 3) + " ms")
            + "</text>");
    if (!report.slos().isEmpty()) {
      line(
          "<circle cx=\""
              + (x + 390)
              + "\" cy=\""
              + (y - 4)
              + "\" r=\"3\" fill=\"none\" stroke=\"#8e44ad\" stroke-width=\"1.2\"/>");
      line("<text x=\"" + (x + 398) + "\" y=\"" + y + "\">measured percentile</text>");
    }
    line("</g>");
  }

  private double ly(double ms) {
    return latency.y(ms);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private void legend() {
    int x = LEFT + 12;
    int y = TITLE - 4;
    line("<g font-size=\"11\">");
    line("<circle cx=\"" + x + "\" cy=\"" + (y - 4) + "\" r=\"3\" fill=\"#222222\"/>");
    line("<text x=\"" + (x + 8) + "\" y=\"" + y + "\">measured (area ∝ requests)</text>");
    line(
        "<line x1=\""
            + (x + 150)
            + "\" y1=\""
            + (y - 4)
            + "\" x2=\""
            + (x + 174)
            + "\" y2=\""
            + (y - 4)
            + "\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
    line("<text x=\"" + (x + 180) + "\" y=\"" + y + "\">USL fit</text>");
    line(
        "<rect x=\""
            + (x + 235)
            + "\" y=\""
            + (y - 10)
            + "\" width=\"24\" height=\"10\" fill=\"#4a90d9\" fill-opacity=\"0.2\"/>");
    line(
        "<text x=\""
            + (x + 265)
            + "\" y=\""
            + y
            + "\">"
            + Units.format(model.confidenceLevel() * 100, 4)
            + " % confidence band</text>");
    line(
        "<line x1=\""
            + (x + 400)
            + "\" y1=\""
            + (y - 4)
            + "\" x2=\""
            + (x + 424)
            + "\" y2=\""
            + (y - 4)
            + "\" stroke=\"#888888\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
    line("<text x=\"" + (x + 430) + "\" y=\"" + y + "\">linear λN</text>");
    line("</g>");
  }

  private double px(double n) {
    return LEFT + n / xMax * (WIDTH - LEFT - RIGHT);
  }

  private double py(double x) {
    return throughput.y(x);
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
