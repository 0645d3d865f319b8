package dev.headroom.report.roadmap;

import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.plan.roadmap.Breakpoint;
import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.plan.roadmap.RoadmapStep;
import dev.headroom.plan.roadmap.Sizes;
import dev.headroom.plan.roadmap.UncertaintyRange;
import dev.headroom.report.chart.Annotation;
import dev.headroom.report.chart.Axis;
import dev.headroom.report.chart.AxisUnit;
import dev.headroom.report.chart.BandPoint;
import dev.headroom.report.chart.Chart;
import dev.headroom.report.chart.DateRow;
import dev.headroom.report.chart.LineStyle;
import dev.headroom.report.chart.Point;
import dev.headroom.report.chart.Series;
import dev.headroom.report.chart.Side;
import dev.headroom.report.chart.SvgChart;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The roadmap as a chart ({@code headroom plan --plot roadmap.svg}): capacity and monthly cost
 * against load, with the date each load is reached under the axis.
 *
 * <p>The x axis is logarithmic, from 1x to the last row, because the rows are spaced by ratio
 * (1.25x, 1.5x, 2x … 1000x). On the left, each capacity the rows' {@link Sizes} carry as a count
 * (front app instances C5, read replicas C3, database primaries P9) is a step series: capacity
 * changes only where a row adds some. On the right, the monthly bill after each row's remedies is a
 * line on a logarithmic axis (the bill grows by orders of magnitude, like the load), dashed and
 * named a lower bound from the first row where something could not be priced. Vertical markers show
 * each kind's first break and the growth target (C1); a break the uncertainty engine sampled is
 * drawn as a shaded band over its interval.
 *
 * <p>Like every renderer it computes nothing: it places the roadmap's figures.
 */
public final class RoadmapChart {

  /** Breaks found at or below this multiple are already there today; they share one marker. */
  private static final double TODAY = 1.0;

  /**
   * A value under 1 the capacity axis must reach, so that a count of 1 (one replica, one primary)
   * is drawn above the axis line rather than on it.
   */
  private static final double BELOW_ONE = 0.5;

  private RoadmapChart() {}

  /** The roadmap's chart as a standalone SVG file. */
  public static String render(Roadmap roadmap) {
    return SvgChart.render(of(roadmap));
  }

  /** The roadmap's chart, for a renderer that draws it in its own page. */
  public static Chart of(Roadmap roadmap) {
    List<RoadmapStep> steps = roadmap.steps();
    Chart.Builder chart =
        Chart.builder(
                "Roadmap of " + roadmap.system() + ": capacity and monthly cost to " + last(steps),
                Axis.log("load (multiple of today's peak)", AxisUnit.MULTIPLE).including(TODAY),
                Axis.log("capacity (count)", AxisUnit.NUMBER).including(BELOW_ONE))
            .subtitle(subtitle(roadmap))
            .right(Axis.log("monthly cost after the remedies", AxisUnit.MONEY));
    List<DateRow.Mark> dates = new ArrayList<>();
    for (RoadmapStep s : steps) {
      if (s.date() != null) {
        dates.add(new DateRow.Mark(s.multiple().value(), s.date()));
      }
    }
    if (!dates.isEmpty()) {
      chart.dates(new DateRow("date", dates));
    }
    List<Series.Step> capacity = new ArrayList<>();
    addCapacity(capacity, steps, "front app instances", Sizes::appInstances);
    addCapacity(capacity, steps, "read replicas", Sizes::replicas);
    addCapacity(capacity, steps, "database primaries (shards)", Sizes::shards);
    capacity.forEach(chart::series);
    costs(steps).forEach(chart::series);
    // Bands last, so that the capacity and cost series keep their colours with or without them
    // (the chart draws bands under the lines whatever their order).
    ranges(roadmap, capacity).forEach(chart::series);
    markers(roadmap).forEach(chart::annotate);
    if (capacity.isEmpty()) {
      // Without sizes the left axis would be empty; the cost line still makes a chart, but the
      // reader should be told why no capacity is drawn.
      chart.subtitle(subtitle(roadmap) + "; the model sizes no capacity for this system");
    }
    return chart.build();
  }

  private static String last(List<RoadmapStep> steps) {
    return steps.get(steps.size() - 1).multiple().formatted();
  }

  private static String subtitle(Roadmap r) {
    String growth =
        r.monthlyGrowth() == null
            ? "no growth rate stated, so no dates"
            : r.monthlyGrowth().formatted() + " growth";
    return r.system()
        + ": "
        + growth
        + " from "
        + r.today()
        + "; growth target "
        + r.target().formatted();
  }

  private static void addCapacity(
      List<Series.Step> out, List<RoadmapStep> steps, String name, Function<Sizes, Figure> size) {
    List<Point> points = new ArrayList<>();
    Provenance provenance = null;
    for (RoadmapStep s : steps) {
      Figure f = size.apply(s.sizes());
      // A log axis cannot show 0: a capacity nobody needs yet starts where it is first needed.
      if (f != null && f.value() > 0) {
        points.add(new Point(s.multiple().value(), f.value()));
        provenance = provenance == null ? f.provenance() : provenance;
      }
    }
    if (!points.isEmpty()) {
      out.add(
          new Series.Step(
              name,
              Side.LEFT,
              points,
              new Provenance.Derived(
                  "the capacity model's size at each roadmap row, first: " + provenance.describe(),
                  List.of())));
    }
  }

  /**
   * The bill after each row's remedies: a solid line while every component is priced, a dashed
   * "lower bound" line from the last priced row on, naming what is not priced.
   */
  private static List<Series.Line> costs(List<RoadmapStep> steps) {
    List<Point> exact = new ArrayList<>();
    List<Point> bound = new ArrayList<>();
    Set<String> unpriced = new LinkedHashSet<>();
    Provenance provenance = null;
    for (RoadmapStep s : steps) {
      if (s.costAfter() == null) {
        continue;
      }
      Point p = new Point(s.multiple().value(), s.costAfter().amount().value());
      provenance = provenance == null ? s.costAfter().amount().provenance() : provenance;
      if (s.costAfter().lowerBound()) {
        if (bound.isEmpty() && !exact.isEmpty()) {
          bound.add(exact.get(exact.size() - 1));
        }
        bound.add(p);
        unpriced.addAll(s.costAfter().unpriced());
      } else if (bound.isEmpty()) {
        exact.add(p);
      } else {
        bound.add(p);
      }
    }
    List<Series.Line> out = new ArrayList<>();
    if (provenance == null) {
      return out;
    }
    Provenance derived =
        new Provenance.Derived(
            "sum of the components' monthly costs after each row's remedies, first: "
                + provenance.describe(),
            List.of());
    if (!exact.isEmpty()) {
      out.add(new Series.Line("monthly cost", Side.RIGHT, exact, derived));
    }
    if (!bound.isEmpty()) {
      out.add(
          new Series.Line(
              "monthly cost, at least (unpriced: " + String.join(", ", unpriced) + ")",
              Side.RIGHT,
              bound,
              derived,
              LineStyle.DASHED));
    }
    return out;
  }

  private static List<Annotation.Marker> markers(Roadmap r) {
    List<Annotation.Marker> out = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<String> alreadyWhy = new ArrayList<>();
    for (Breakpoint b : r.firstBreaks()) {
      if (b.multiple().value() <= TODAY) {
        already.add(label(b));
        alreadyWhy.add(label(b) + " at " + b.multiple().formatted() + ": " + b.figure().withKind());
        continue;
      }
      out.add(
          new Annotation.Marker(
              b.multiple().value(),
              label(b) + " at " + b.multiple().formatted(),
              b.multiple().provenance()));
    }
    if (!already.isEmpty()) {
      out.add(
          0,
          new Annotation.Marker(
              TODAY,
              "already at 1x: " + String.join(", ", already),
              new Provenance.Derived(
                  "first break multiples at or below today's load", alreadyWhy)));
    }
    RoadmapStep target = r.targetStep();
    out.add(
        new Annotation.Marker(
            target.multiple().value(),
            "growth target "
                + target.multiple().formatted()
                + (target.date() == null ? "" : " (" + target.date() + ")"),
            r.target().provenance()));
    return out;
  }

  /**
   * Each sampled break as a band over its interval of multiples. The band is read against x; its
   * height runs over the decades the logarithmic capacity axis shows (from the decade at or below
   * the smallest value to the decade at or above the largest), so it shades the plot's full height.
   */
  private static List<Series.Band> ranges(Roadmap r, List<Series.Step> capacity) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series.Step s : capacity) {
      for (double y : s.ys()) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
    if (capacity.isEmpty()) {
      return List.of();
    }
    lo = Math.pow(10, Math.floor(Math.log10(Math.min(lo, BELOW_ONE))));
    hi = Math.pow(10, Math.ceil(Math.log10(hi)));
    List<Series.Band> out = new ArrayList<>();
    for (Breakpoint b : r.firstBreaks()) {
      UncertaintyRange u = b.range();
      if (u == null) {
        continue;
      }
      double from = Math.max(u.low().value(), TODAY);
      double to = Math.max(u.high().value(), from);
      String name =
          label(b)
              + ": "
              + Math.round(u.level() * 100)
              + "% interval "
              + u.low().formatted()
              + " to "
              + u.high().formatted()
              + (u.lowDate() == null || u.highDate() == null
                  ? ""
                  : " (" + u.lowDate() + " to " + u.highDate() + ")");
      out.add(
          new Series.Band(
              name,
              Side.LEFT,
              List.of(new BandPoint(from, lo, hi), new BandPoint(to, lo, hi)),
              u.low().provenance()));
    }
    return out;
  }

  /** What breaks, in a few words: "db CPU 70%", "p95 SLO 500ms". */
  static String label(Breakpoint b) {
    String c = b.component().isEmpty() ? "" : b.component() + " ";
    String t = b.threshold().formatted();
    return switch (b.kind()) {
      case APP_CAPACITY -> c + "past " + t + " instances";
      case PRIMARY_CPU -> c + "CPU " + t;
      case REPLICA_CAPACITY -> c + "past " + t + " replicas";
      case SERVER_CONNECTIONS -> c + "max_connections " + t;
      case CLIENT_POOLS -> c + "pools past " + t + " connections";
      case LATENCY_P95 -> c + "p95 SLO " + t;
      case CACHE_MEMORY -> c + "memory < working set";
      case SINGLE_POINT_OF_FAILURE -> c + "single point of failure";
      case STAGE -> "stage " + stageStep(b);
    };
  }

  /** "growth -> scale" from the stage break's note ("growth -> scale: horizontal …"). */
  private static String stageStep(Breakpoint b) {
    int colon = b.note().indexOf(':');
    return (colon > 0 ? b.note().substring(0, colon) : b.kind().id()).toLowerCase(Locale.ROOT);
  }
}
