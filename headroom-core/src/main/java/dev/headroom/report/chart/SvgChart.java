package dev.headroom.report.chart;

import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * Draws a {@link Chart} as SVG. Hand-written, so the output is small, has no dependency and is the
 * same byte for byte on every machine and in every locale (coordinates to 2 decimals, numbers
 * through {@link Units} in {@link java.util.Locale#ROOT}). The document is self-contained (no
 * external fonts, styles or ids), so several charts can be inlined in one HTML page; {@link
 * #inline} gives the {@code <svg>} element alone for that, {@link #render} a standalone file.
 *
 * <p>Accessible: the root has {@code role="img"} and an {@code aria-label}, and carries a {@code
 * <title>} and a {@code <desc>} that lists every series and annotation with its provenance.
 */
public final class SvgChart {

  /** The default drawing size, in CSS pixels. */
  public static final int WIDTH = 800;

  public static final int HEIGHT = 500;

  /** Smallest drawing size that leaves room for a plot between the margins. */
  static final int MIN_WIDTH = 320;

  static final int MIN_HEIGHT = 240;

  /** Okabe–Ito colours: told apart by readers with every common colour-vision deficiency. */
  static final List<String> PALETTE =
      List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000");

  private static final String REFERENCE_COLOUR = "#a4262c";
  private static final String MARKER_COLOUR = "#444444";
  private static final String AXIS_COLOUR = "#333333";
  private static final String GRID_COLOUR = "#e3e3e3";
  private static final String MINOR_GRID_COLOUR = "#f3f3f3";

  private static final int FONT = 12;
  private static final int SMALL_FONT = 11;
  private static final int TITLE_FONT = 16;

  /** Width of a character as a share of the font size, to estimate label widths (sans-serif). */
  private static final double CHAR_WIDTH = 0.6;

  private static final int LEGEND_ROW = 16;
  private static final int LEGEND_SWATCH = 22;
  private static final int LEGEND_GAP = 18;
  private static final int MARKER_ROW = 14;
  private static final int DATE_ROW = 20;

  /** Below the plot: a row of tick labels and the x axis title, apart enough to read. */
  private static final int BOTTOM = 48;

  private static final int TICK = 5;
  private static final double MIN_RADIUS = 2.5;
  private static final double MAX_RADIUS = 9;
  private static final double UNIFORM_RADIUS = 3.5;
  private static final double BAND_OPACITY = 0.2;

  /** About how many intervals an axis is divided into. */
  private static final int X_INTERVALS = 8;

  private static final int Y_INTERVALS = 6;

  private final Chart chart;
  private final int width;
  private final int height;
  private final AxisRange xr;
  private final AxisRange left;
  private final AxisRange right;
  private final StringBuilder svg = new StringBuilder();
  private double plotLeft;
  private double plotRight;
  private double plotTop;
  private double plotBottom;

  private SvgChart(Chart chart, int width, int height) {
    this.chart = chart;
    this.width = width;
    this.height = height;
    List<double[]> xs = new ArrayList<>();
    List<double[]> leftYs = new ArrayList<>();
    List<double[]> rightYs = new ArrayList<>();
    for (Series s : chart.series()) {
      xs.add(s.xs());
      (s.side() == Side.LEFT ? leftYs : rightYs).add(s.ys());
    }
    for (Annotation a : chart.annotations()) {
      if (a instanceof Annotation.Reference r) {
        (r.side() == Side.LEFT ? leftYs : rightYs).add(new double[] {r.value()});
      } else if (a instanceof Annotation.Marker m) {
        xs.add(new double[] {m.x()});
      }
    }
    this.xr = AxisRange.of(chart.x(), concat(xs), X_INTERVALS, false);
    this.left = AxisRange.of(chart.left(), concat(leftYs), Y_INTERVALS, true);
    this.right =
        chart
            .right()
            .map(axis -> AxisRange.of(axis, concat(rightYs), Y_INTERVALS, true))
            .orElse(null);
  }

  /** The chart as a standalone SVG file at the default size, with its XML declaration. */
  public static String render(Chart chart) {
    return render(chart, WIDTH, HEIGHT);
  }

  /** The chart as a standalone SVG file of {@code width} × {@code height} pixels. */
  public static String render(Chart chart, int width, int height) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline(chart, width, height);
  }

  /** The {@code <svg>} element alone, at the default size, to inline in an HTML page. */
  public static String inline(Chart chart) {
    return inline(chart, WIDTH, HEIGHT);
  }

  /** The {@code <svg>} element alone, {@code width} × {@code height} pixels. */
  public static String inline(Chart chart, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    if (width < MIN_WIDTH || height < MIN_HEIGHT) {
      throw new IllegalArgumentException(
          "a chart must be at least "
              + MIN_WIDTH
              + " × "
              + MIN_HEIGHT
              + " pixels, got "
              + width
              + " × "
              + height);
    }
    SvgChart c = new SvgChart(chart, width, height);
    c.draw();
    return c.svg.toString();
  }

  private void draw() {
    List<LegendItem> legend = legendItems();
    layOutHorizontally();
    List<List<LegendItem>> legendRows = legendRows(legend);
    List<MarkerLabel> markerLabels = markerLabels();
    int markerRows = markerLabels.stream().mapToInt(MarkerLabel::row).max().orElse(-1) + 1;
    double headerBottom = chart.subtitle().isEmpty() ? 30 : 48;
    double legendTop = headerBottom + 4;
    plotTop = legendTop + legendRows.size() * LEGEND_ROW + 10 + markerRows * MARKER_ROW;
    plotBottom = height - BOTTOM - (chart.dates().isPresent() ? DATE_ROW : 0);

    line(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + width
            + "\" height=\""
            + height
            + "\" viewBox=\"0 0 "
            + width
            + " "
            + height
            + "\" role=\"img\" aria-label=\""
            + Xml.escape(chart.title())
            + "\" font-family=\"sans-serif\" font-size=\""
            + FONT
            + "\">");
    line("<title>" + Xml.escape(chart.title()) + "</title>");
    line("<desc>" + Xml.escape(description()) + "</desc>");
    line("<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>");
    header();
    grid();
    for (int i = 0; i < chart.series().size(); i++) {
      if (chart.series().get(i) instanceof Series.Band b) {
        band(b, colour(i));
      }
    }
    axes();
    for (int i = 0; i < chart.series().size(); i++) {
      Series s = chart.series().get(i);
      if (s instanceof Series.Line l) {
        polyline(l, colour(i));
      } else if (s instanceof Series.Step st) {
        step(st, colour(i));
      } else if (s instanceof Series.Points p) {
        points(p, colour(i));
      }
    }
    references();
    markers(markerLabels);
    legend(legendRows, legendTop);
    line("</svg>");
  }

  // ---- layout -------------------------------------------------------------------------------

  /** Margins wide enough for the longest tick label on each side and the rotated axis titles. */
  private void layOutHorizontally() {
    plotLeft = 20 + 8 + TICK + widest(left, SMALL_FONT);
    double rightNeed = right == null ? 0 : 20 + 8 + TICK + widest(right, SMALL_FONT);
    String lastX = "";
    for (Tick t : xr.ticks) {
      if (!t.label().isEmpty()) {
        lastX = t.label();
      }
    }
    double lastHalf = textWidth(lastX, SMALL_FONT) / 2 + 6;
    if (chart.dates().isPresent()) {
      for (DateRow.Mark m : chart.dates().get().marks()) {
        lastHalf =
            Math.max(
                lastHalf, m.x() >= xr.hi ? textWidth(m.date().toString(), SMALL_FONT) / 2 + 6 : 0);
      }
    }
    plotRight = width - Math.max(Math.max(rightNeed, lastHalf), 24);
  }

  private static double widest(AxisRange r, int font) {
    double w = 0;
    for (Tick t : r.ticks) {
      w = Math.max(w, textWidth(t.label(), font));
    }
    return Math.max(w, 24);
  }

  private static double textWidth(String text, int font) {
    return text.codePointCount(0, text.length()) * font * CHAR_WIDTH;
  }

  // ---- header, legend ------------------------------------------------------------------------

  private void header() {
    line(
        "<text x=\"20\" y=\"24\" font-size=\""
            + TITLE_FONT
            + "\" font-weight=\"bold\" fill=\""
            + AXIS_COLOUR
            + "\">"
            + Xml.escape(chart.title())
            + "</text>");
    if (!chart.subtitle().isEmpty()) {
      line("<text x=\"20\" y=\"42\" fill=\"#555555\">" + Xml.escape(chart.subtitle()) + "</text>");
    }
  }

  private record LegendItem(Series series, String colour, String text, double width) {}

  private List<LegendItem> legendItems() {
    List<LegendItem> items = new ArrayList<>();
    for (int i = 0; i < chart.series().size(); i++) {
      Series s = chart.series().get(i);
      String text = s.name() + (s.side() == Side.RIGHT ? " (right axis)" : "");
      items.add(
          new LegendItem(
              s, colour(i), text, LEGEND_SWATCH + 6 + textWidth(text, SMALL_FONT) + LEGEND_GAP));
    }
    return items;
  }

  /** Legend entries in rows that fit between the plot's edges, in series order. */
  private List<List<LegendItem>> legendRows(List<LegendItem> items) {
    List<List<LegendItem>> rows = new ArrayList<>();
    List<LegendItem> row = new ArrayList<>();
    double used = 0;
    for (LegendItem item : items) {
      if (!row.isEmpty() && used + item.width() > plotRight - plotLeft) {
        rows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(item);
      used += item.width();
    }
    rows.add(row);
    return rows;
  }

  private void legend(List<List<LegendItem>> rows, double top) {
    line("<g font-size=\"" + SMALL_FONT + "\" fill=\"" + AXIS_COLOUR + "\">");
    double y = top + LEGEND_ROW - 4;
    for (List<LegendItem> row : rows) {
      double x = plotLeft;
      for (LegendItem item : row) {
        swatch(item, x, y - 4);
        line(
            "<text x=\""
                + f(x + LEGEND_SWATCH + 6)
                + "\" y=\""
                + f(y)
                + "\">"
                + Xml.escape(item.text())
                + "</text>");
        x += item.width();
      }
      y += LEGEND_ROW;
    }
    line("</g>");
  }

  private void swatch(LegendItem item, double x, double cy) {
    String c = item.colour();
    Series s = item.series();
    if (s instanceof Series.Line l) {
      line(
          "<line x1=\""
              + f(x)
              + "\" y1=\""
              + f(cy)
              + "\" x2=\""
              + f(x + LEGEND_SWATCH)
              + "\" y2=\""
              + f(cy)
              + "\" stroke=\""
              + c
              + "\" stroke-width=\"2\""
              + dash(l.style())
              + "/>");
    } else if (s instanceof Series.Step) {
      line(
          "<path d=\"M"
              + f(x)
              + " "
              + f(cy + 4)
              + " H"
              + f(x + LEGEND_SWATCH / 2.0)
              + " V"
              + f(cy - 4)
              + " H"
              + f(x + LEGEND_SWATCH)
              + "\" fill=\"none\" stroke=\""
              + c
              + "\" stroke-width=\"2\"/>");
    } else if (s instanceof Series.Points) {
      line(
          "<circle cx=\""
              + f(x + LEGEND_SWATCH / 2.0)
              + "\" cy=\""
              + f(cy)
              + "\" r=\"4\" fill=\""
              + c
              + "\" fill-opacity=\"0.7\"/>");
    } else {
      line(
          "<rect x=\""
              + f(x)
              + "\" y=\""
              + f(cy - 5)
              + "\" width=\""
              + LEGEND_SWATCH
              + "\" height=\"10\" fill=\""
              + c
              + "\" fill-opacity=\""
              + BAND_OPACITY
              + "\"/>");
    }
  }

  // ---- axes ------------------------------------------------------------------------------

  private void grid() {
    line("<g stroke-width=\"1\">");
    for (Tick t : xr.ticks) {
      double x = px(t.value());
      line(
          "<line x1=\""
              + f(x)
              + "\" y1=\""
              + f(plotTop)
              + "\" x2=\""
              + f(x)
              + "\" y2=\""
              + f(plotBottom)
              + "\" stroke=\""
              + (t.major() ? GRID_COLOUR : MINOR_GRID_COLOUR)
              + "\"/>");
    }
    for (Tick t : left.ticks) {
      double y = py(left, t.value());
      line(
          "<line x1=\""
              + f(plotLeft)
              + "\" y1=\""
              + f(y)
              + "\" x2=\""
              + f(plotRight)
              + "\" y2=\""
              + f(y)
              + "\" stroke=\""
              + (t.major() ? GRID_COLOUR : MINOR_GRID_COLOUR)
              + "\"/>");
    }
    line("</g>");
  }

  private void axes() {
    line("<g stroke=\"" + AXIS_COLOUR + "\" stroke-width=\"1\" fill=\"none\">");
    line(
        "<path d=\"M"
            + f(plotLeft)
            + " "
            + f(plotTop)
            + " V"
            + f(plotBottom)
            + " H"
            + f(plotRight)
            + (right == null ? "" : " V" + f(plotTop))
            + "\"/>");
    for (Tick t : xr.ticks) {
      double x = px(t.value());
      line(
          "<line x1=\""
              + f(x)
              + "\" y1=\""
              + f(plotBottom)
              + "\" x2=\""
              + f(x)
              + "\" y2=\""
              + f(plotBottom + (t.major() ? TICK : TICK / 2.0))
              + "\"/>");
    }
    yTicks(left, plotLeft, -1);
    if (right != null) {
      yTicks(right, plotRight, 1);
    }
    line("</g>");

    line("<g fill=\"" + AXIS_COLOUR + "\" font-size=\"" + SMALL_FONT + "\">");
    double lastEnd = Double.NEGATIVE_INFINITY;
    for (Tick t : xr.ticks) {
      if (t.label().isEmpty()) {
        continue;
      }
      double x = px(t.value());
      double half = textWidth(t.label(), SMALL_FONT) / 2;
      if (x - half < lastEnd + 4) {
        continue; // would overlap the label before it
      }
      lastEnd = x + half;
      text(x, plotBottom + 18, "middle", t.label());
    }
    yLabels(left, plotLeft - TICK - 3, "end");
    if (right != null) {
      yLabels(right, plotRight + TICK + 3, "start");
    }
    chart.dates().ifPresent(this::dateRow);
    line("</g>");

    line("<g fill=\"" + AXIS_COLOUR + "\">");
    text((plotLeft + plotRight) / 2, height - 10, "middle", chart.x().title());
    rotated(16, chart.left().title());
    chart.right().ifPresent(a -> rotated(width - 10, a.title()));
    line("</g>");
  }

  private void yTicks(AxisRange r, double x, int direction) {
    for (Tick t : r.ticks) {
      double y = py(r, t.value());
      line(
          "<line x1=\""
              + f(x)
              + "\" y1=\""
              + f(y)
              + "\" x2=\""
              + f(x + direction * (t.major() ? TICK : TICK / 2.0))
              + "\" y2=\""
              + f(y)
              + "\"/>");
    }
  }

  private void yLabels(AxisRange r, double x, String anchor) {
    for (Tick t : r.ticks) {
      if (!t.label().isEmpty()) {
        text(x, py(r, t.value()) + 4, anchor, t.label());
      }
    }
  }

  private void rotated(double x, String label) {
    double y = (plotTop + plotBottom) / 2;
    line(
        "<text x=\""
            + f(x)
            + "\" y=\""
            + f(y)
            + "\" text-anchor=\"middle\" transform=\"rotate(-90 "
            + f(x)
            + " "
            + f(y)
            + ")\">"
            + Xml.escape(label)
            + "</text>");
  }

  /** The dates under the x tick labels, each centred on its x, skipping any that would overlap. */
  private void dateRow(DateRow row) {
    double y = plotBottom + 34;
    double lastEnd = Double.NEGATIVE_INFINITY;
    double firstStart = Double.POSITIVE_INFINITY;
    for (DateRow.Mark m : row.marks()) {
      if (m.x() < xr.lo || m.x() > xr.hi) {
        continue;
      }
      String label = m.date().toString();
      double x = px(m.x());
      double half = textWidth(label, SMALL_FONT) / 2;
      if (x - half < lastEnd + 6) {
        continue;
      }
      lastEnd = x + half;
      firstStart = Math.min(firstStart, x - half);
      text(x, y, "middle", label);
    }
    double labelEnd = Math.min(plotLeft - TICK - 3, firstStart - 6);
    if (labelEnd - textWidth(row.label(), SMALL_FONT) >= 2) {
      text(labelEnd, y, "end", row.label());
    }
  }

  // ---- data ------------------------------------------------------------------------------

  private void band(Series.Band b, String colour) {
    AxisRange r = range(b.side());
    List<String> upper = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    for (BandPoint p : b.points()) {
      upper.add(f(px(p.x())) + "," + f(py(r, p.high())));
      lower.add(0, f(px(p.x())) + "," + f(py(r, p.low())));
    }
    upper.addAll(lower);
    open(b);
    line(
        "<polygon fill=\""
            + colour
            + "\" fill-opacity=\""
            + BAND_OPACITY
            + "\" stroke=\"none\" points=\""
            + String.join(" ", upper)
            + "\"/>");
    line("</g>");
  }

  private void polyline(Series.Line l, String colour) {
    AxisRange r = range(l.side());
    open(l);
    if (l.points().size() == 1) {
      Point p = l.points().get(0);
      line(
          "<circle cx=\""
              + f(px(p.x()))
              + "\" cy=\""
              + f(py(r, p.y()))
              + "\" r=\"3\" fill=\""
              + colour
              + "\"/>");
    } else {
      List<String> pts = new ArrayList<>();
      for (Point p : l.points()) {
        pts.add(f(px(p.x())) + "," + f(py(r, p.y())));
      }
      line(
          "<polyline fill=\"none\" stroke=\""
              + colour
              + "\" stroke-width=\"2\" stroke-linejoin=\"round\""
              + dash(l.style())
              + " points=\""
              + String.join(" ", pts)
              + "\"/>");
    }
    line("</g>");
  }

  /** Post-step: each value holds from its x to the next point's x, the last to the axis's end. */
  private void step(Series.Step s, String colour) {
    AxisRange r = range(s.side());
    StringBuilder d = new StringBuilder();
    List<Point> pts = s.points();
    for (int i = 0; i < pts.size(); i++) {
      Point p = pts.get(i);
      double end = i + 1 < pts.size() ? pts.get(i + 1).x() : xr.hi;
      d.append(i == 0 ? "M" + f(px(p.x())) + " " : " V")
          .append(f(py(r, p.y())))
          .append(" H")
          .append(f(px(end)));
    }
    open(s);
    line(
        "<path d=\""
            + d
            + "\" fill=\"none\" stroke=\""
            + colour
            + "\" stroke-width=\"2\" stroke-linejoin=\"miter\"/>");
    line("</g>");
  }

  /**
   * Marker area proportional to size: radius from MIN_RADIUS to MAX_RADIUS by √(size / largest).
   */
  private void points(Series.Points s, String colour) {
    AxisRange r = range(s.side());
    double largest = s.largestSize();
    open(s);
    line("<g fill=\"" + colour + "\" fill-opacity=\"0.7\" stroke=\"" + colour + "\">");
    for (SizedPoint p : s.points()) {
      double radius =
          s.uniformSize()
              ? UNIFORM_RADIUS
              : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(p.size() / largest);
      line(
          "<circle cx=\""
              + f(px(p.x()))
              + "\" cy=\""
              + f(py(r, p.y()))
              + "\" r=\""
              + f(radius)
              + "\"/>");
    }
    line("</g>");
    line("</g>");
  }

  /** A group for one series, whose {@code <title>} (a tooltip) says where its numbers come from. */
  private void open(Series s) {
    line("<g>");
    line("<title>" + Xml.escape(s.name() + ": " + s.provenance().describe()) + "</title>");
  }

  // ---- annotations -----------------------------------------------------------------------

  private void references() {
    for (Annotation a : chart.annotations()) {
      if (a instanceof Annotation.Reference ref) {
        double y = py(range(ref.side()), ref.value());
        line("<g>");
        line("<title>" + Xml.escape(ref.label() + ": " + ref.provenance().describe()) + "</title>");
        line(
            "<line x1=\""
                + f(plotLeft)
                + "\" y1=\""
                + f(y)
                + "\" x2=\""
                + f(plotRight)
                + "\" y2=\""
                + f(y)
                + "\" stroke=\""
                + REFERENCE_COLOUR
                + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
        line(
            "<text x=\""
                + f(plotRight - 4)
                + "\" y=\""
                + f(y - 4)
                + "\" text-anchor=\"end\" font-size=\""
                + SMALL_FONT
                + "\" fill=\""
                + REFERENCE_COLOUR
                + "\">"
                + Xml.escape(ref.label())
                + "</text>");
        line("</g>");
      }
    }
  }

  private record MarkerLabel(Annotation.Marker marker, int row, String anchor, double x) {}

  /**
   * Places marker labels above the plot, each in the first row where it overlaps no label already
   * placed; a label that would run past the right edge is written to the left of its line.
   */
  private List<MarkerLabel> markerLabels() {
    List<MarkerLabel> placed = new ArrayList<>();
    List<double[]> spans = new ArrayList<>(); // row, start, end
    for (Annotation a : chart.annotations()) {
      if (!(a instanceof Annotation.Marker m)) {
        continue;
      }
      double x = px(m.x());
      double w = textWidth(m.label(), SMALL_FONT);
      boolean leftward = x + 4 + w > width - 4;
      double start = leftward ? x - 4 - w : x + 4;
      double end = start + w;
      int row = 0;
      while (overlaps(spans, row, start, end)) {
        row++;
      }
      spans.add(new double[] {row, start, end});
      placed.add(new MarkerLabel(m, row, leftward ? "end" : "start", leftward ? x - 4 : x + 4));
    }
    return placed;
  }

  private static boolean overlaps(List<double[]> spans, int row, double start, double end) {
    for (double[] s : spans) {
      if (s[0] == row && start < s[2] + 8 && end > s[1] - 8) {
        return true;
      }
    }
    return false;
  }

  private void markers(List<MarkerLabel> labels) {
    for (MarkerLabel l : labels) {
      Annotation.Marker m = l.marker();
      double x = px(m.x());
      double baseline = plotTop - 6 - l.row() * MARKER_ROW;
      line("<g>");
      line("<title>" + Xml.escape(m.label() + ": " + m.provenance().describe()) + "</title>");
      line(
          "<line x1=\""
              + f(x)
              + "\" y1=\""
              + f(baseline + 3)
              + "\" x2=\""
              + f(x)
              + "\" y2=\""
              + f(plotBottom)
              + "\" stroke=\""
              + MARKER_COLOUR
              + "\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>");
      line(
          "<text x=\""
              + f(l.x())
              + "\" y=\""
              + f(baseline)
              + "\" text-anchor=\""
              + l.anchor()
              + "\" font-size=\""
              + SMALL_FONT
              + "\" fill=\""
              + MARKER_COLOUR
              + "\">"
              + Xml.escape(m.label())
              + "</text>");
      line("</g>");
    }
  }

  // ---- description -----------------------------------------------------------------------

  /** Every series and annotation with its provenance, for screen readers and curious readers. */
  private String description() {
    StringBuilder d = new StringBuilder();
    if (!chart.subtitle().isEmpty()) {
      d.append(chart.subtitle()).append(". ");
    }
    d.append("x: ").append(axisText(xr));
    d.append("; left: ").append(axisText(left));
    if (right != null) {
      d.append("; right: ").append(axisText(right));
    }
    d.append('.');
    for (Series s : chart.series()) {
      d.append('\n')
          .append(s.name())
          .append(" (")
          .append(s.kind())
          .append(", ")
          .append(s.size())
          .append(s.size() == 1 ? " value" : " values")
          .append(", ")
          .append(s.side().word())
          .append(" axis): ")
          .append(s.provenance().describe());
    }
    for (Annotation a : chart.annotations()) {
      d.append('\n');
      if (a instanceof Annotation.Reference r) {
        d.append(a.label())
            .append(" (line at ")
            .append(chart.axis(r.side()).unit().format(r.value()))
            .append(", ")
            .append(r.side().word())
            .append(" axis)");
      } else if (a instanceof Annotation.Marker m) {
        d.append(a.label())
            .append(" (marker at ")
            .append(chart.x().unit().format(m.x()))
            .append(')');
      }
      d.append(": ").append(a.provenance().describe());
    }
    return d.toString();
  }

  private static String axisText(AxisRange r) {
    return r.axis.title()
        + (r.axis.scale() == Scale.LOG ? ", logarithmic, " : ", ")
        + r.axis.unit().format(r.lo)
        + " to "
        + r.axis.unit().format(r.hi);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private AxisRange range(Side side) {
    return side == Side.LEFT ? left : right;
  }

  private double px(double x) {
    return plotLeft + xr.fraction(x) * (plotRight - plotLeft);
  }

  private double py(AxisRange r, double y) {
    return plotBottom - r.fraction(y) * (plotBottom - plotTop);
  }

  private String colour(int seriesIndex) {
    return PALETTE.get(seriesIndex % PALETTE.size());
  }

  private void text(double x, double y, String anchor, String label) {
    line(
        "<text x=\""
            + f(x)
            + "\" y=\""
            + f(y)
            + "\" text-anchor=\""
            + anchor
            + "\">"
            + Xml.escape(label)
            + "</text>");
  }

  private static String dash(LineStyle style) {
    return style == LineStyle.DASHED ? " stroke-dasharray=\"6 4\"" : "";
  }

  private static double[] concat(List<double[]> parts) {
    return parts.stream().flatMapToDouble(DoubleStream::of).toArray();
  }

  private static String f(double v) {
    return Units.fixed(v, 2);
  }

  private void line(String s) {
    svg.append(s).append('\n');
  }
}
