package dev.headroom.report.sim;

import dev.headroom.analysis.sim.system.Failure;
import dev.headroom.analysis.sim.system.Spike;
import dev.headroom.analysis.sim.system.SystemModel;
import dev.headroom.analysis.sim.system.UtilizationSeries;
import dev.headroom.analysis.sim.system.WindowStatistics;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The charts of {@code headroom simulate --plot PREFIX}: latency over simulated time against the
 * SLO, and each component's utilisation over time against the target utilisation (P13). Both shade
 * the injected spike and failure windows, so a reader sees cause and effect on one time axis.
 *
 * <p>Each point is one time-series window of the run, at the window's middle, averaged over the
 * replications ({@link WindowStatistics}, {@link UtilizationSeries}): means only, as the result
 * records them, so the lines carry no interval (the report's tables do).
 */
public final class SimCharts {

  private SimCharts() {}

  /**
   * Latency per window (p95 and mean of successful requests) with the p95 SLO as a reference line.
   *
   * @param slo the SLO's p95 (or the assumed target when the system states none)
   */
  public static Chart latency(SimReport report, Figure slo) {
    Objects.requireNonNull(slo, "slo");
    List<WindowStatistics> windows = windows(report);
    Provenance perWindow = perWindow(report, "latency of the requests completed in each window");
    Series.Line p95 =
        new Series.Line(
            "p95 per window",
            Side.LEFT,
            points(windows, WindowStatistics::p95LatencySeconds),
            perWindow);
    Series.Line mean =
        new Series.Line(
            "mean per window",
            Side.LEFT,
            points(windows, WindowStatistics::meanLatencySeconds),
            perWindow,
            LineStyle.DASHED);
    double top = Math.max(slo.value(), Math.max(max(p95), max(mean)));
    Chart.Builder chart =
        Chart.builder(
                "Simulated latency of " + report.system() + " at " + report.load().formatted(),
                Axis.linear("simulated time", AxisUnit.DURATION),
                Axis.linear("latency", AxisUnit.DURATION))
            .subtitle(subtitle(report))
            .series(p95)
            .series(mean)
            .annotate(
                new Annotation.Reference(
                    Side.LEFT, slo.value(), "p95 SLO " + slo.formatted(), slo.provenance()));
    injected(report, top).forEach(chart::series);
    return chart.build();
  }

  /**
   * Each component's utilisation per window on a 0-100 % axis, with the target utilisation as a
   * reference line.
   *
   * @param target the utilisation the capacity model sizes for (P13)
   */
  public static Chart utilisation(SimReport report, Figure target) {
    Objects.requireNonNull(target, "target");
    List<WindowStatistics> windows = windows(report);
    Chart.Builder chart =
        Chart.builder(
                "Simulated utilisation of " + report.system() + " at " + report.load().formatted(),
                Axis.linear("simulated time", AxisUnit.DURATION),
                Axis.linear("utilisation", AxisUnit.RATIO).including(0, 1))
            .subtitle(subtitle(report))
            .annotate(
                new Annotation.Reference(
                    Side.LEFT,
                    target.value(),
                    "target " + target.formatted(),
                    target.provenance()));
    for (UtilizationSeries u : report.result().utilization()) {
      List<Point> points = new ArrayList<>();
      for (int w = 0; w < windows.size() && w < u.utilization().size(); w++) {
        points.add(new Point(middle(windows.get(w)), u.utilization().get(w)));
      }
      if (!points.isEmpty()) {
        chart.series(
            new Series.Line(
                u.component(),
                Side.LEFT,
                points,
                perWindow(
                    report, "busy servers / servers of " + u.component() + " in each window")));
      }
    }
    double top = 1;
    for (UtilizationSeries u : report.result().utilization()) {
      for (double v : u.utilization()) {
        top = Math.max(top, v);
      }
    }
    injected(report, top).forEach(chart::series);
    return chart.build();
  }

  private static List<WindowStatistics> windows(SimReport report) {
    List<WindowStatistics> windows = report.result().windows();
    if (windows.isEmpty()) {
      throw new IllegalArgumentException(
          "the simulation of " + report.system() + " recorded no time-series window to chart");
    }
    return windows;
  }

  private static String subtitle(SimReport r) {
    return r.result().plan().replications()
        + " replications of "
        + Units.formatDuration(r.result().plan().lengthSeconds())
        + " after "
        + Units.formatDuration(r.result().plan().warmupSeconds())
        + " warm-up, seed "
        + r.result().plan().seed()
        + (r.injected().isEmpty() ? "" : "; " + String.join(", ", r.injected()));
  }

  private static Provenance perWindow(SimReport r, String what) {
    return new Provenance.Derived(
        what + ", mean over the replications (headroom simulate)",
        List.of(
            "load = " + r.load().formatted(),
            "replications = " + r.result().plan().replications(),
            "seed = " + r.result().plan().seed()));
  }

  private static List<Point> points(
      List<WindowStatistics> windows, ToDoubleFunction<WindowStatistics> value) {
    List<Point> out = new ArrayList<>();
    for (WindowStatistics w : windows) {
      out.add(new Point(middle(w), value.applyAsDouble(w)));
    }
    return out;
  }

  private static double middle(WindowStatistics w) {
    return (w.startSeconds() + w.endSeconds()) / 2;
  }

  private static double max(Series s) {
    double m = 0;
    for (double y : s.ys()) {
      m = Math.max(m, y);
    }
    return m;
  }

  /**
   * The spikes and failures the run injected, each a band from its start to its end (a failure that
   * never recovers runs to the end of the run) and from 0 to {@code top}, clipped to the observed
   * run.
   */
  private static List<Series.Band> injected(SimReport report, double top) {
    SystemModel system = report.simulation().system();
    double from = report.result().plan().warmupSeconds();
    double to = from + report.result().plan().lengthSeconds();
    Provenance asked = new Provenance.Declared("--spike and --fail on the command line");
    List<Series.Band> out = new ArrayList<>();
    for (Spike s : system.arrivals().spikes()) {
      band(
              "spike "
                  + Units.format(s.multiplier(), Dimension.MULTIPLIER)
                  + " at "
                  + Units.formatDuration(s.atSeconds())
                  + " for "
                  + Units.formatDuration(s.durationSeconds()),
              s.atSeconds(),
              s.atSeconds() + s.durationSeconds(),
              from,
              to,
              top,
              asked)
          .ifPresent(out::add);
    }
    for (Failure f : system.failures()) {
      String what =
          (f.target() == Failure.Target.APP_INSTANCE ? "app instance " : "replica ")
              + f.index()
              + " down at "
              + Units.formatDuration(f.atSeconds())
              + (Double.isFinite(f.recoverSeconds())
                  ? " until " + Units.formatDuration(f.recoverSeconds())
                  : "");
      band(what.toLowerCase(Locale.ROOT), f.atSeconds(), f.recoverSeconds(), from, to, top, asked)
          .ifPresent(out::add);
    }
    return out;
  }

  private static java.util.Optional<Series.Band> band(
      String name,
      double start,
      double end,
      double from,
      double to,
      double top,
      Provenance provenance) {
    double a = Math.max(start, from);
    double b = Math.min(end, to);
    if (!(b > a)) {
      // outside the observed run (in the warm-up, or after it): nothing to shade
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Series.Band(
            name,
            Side.LEFT,
            List.of(new BandPoint(a, 0, top), new BandPoint(b, 0, top)),
            provenance));
  }
}
