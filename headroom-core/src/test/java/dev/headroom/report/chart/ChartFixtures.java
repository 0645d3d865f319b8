package dev.headroom.report.chart;

import dev.headroom.model.Provenance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The three chart shapes the roadmap and the simulator draw, with fixed illustrative data. */
final class ChartFixtures {

  private ChartFixtures() {}

  private static final Provenance PLAN =
      new Provenance.Derived("capacity model after each plan step", List.of("system.yaml"));

  /**
   * A roadmap: load multiples 1x…1000x on a log axis, capacity as a step function (requests per
   * second the system can carry after each step), monthly cost on the right axis, an uncertainty
   * band around capacity and two break points with their dates (15 %/month growth from 2026-12-01:
   * k× is reached after ln k / ln 1.15 months).
   */
  static Chart roadmap() {
    List<Point> capacity =
        List.of(
            new Point(1, 1200),
            new Point(1.6, 2600),
            new Point(3.2, 9000),
            new Point(40, 60000),
            new Point(300, 400000));
    List<Point> cost = new ArrayList<>();
    List<BandPoint> band = new ArrayList<>();
    double[] loads = {1, 1.6, 3.2, 10, 40, 100, 300, 1000};
    double[] costs = {800, 1150, 2400, 4100, 9800, 21000, 52000, 150000};
    for (int i = 0; i < loads.length; i++) {
      cost.add(new Point(loads[i], costs[i]));
    }
    // the band follows the steps (two points at each step's x), and widens the further the
    // projection runs from the measured load
    for (int i = 0; i < capacity.size(); i++) {
      double from = capacity.get(i).x();
      double to = i + 1 < capacity.size() ? capacity.get(i + 1).x() : 1000;
      for (double x : new double[] {from, to}) {
        double spread = 0.08 + 0.06 * Math.log10(x);
        double mid = capacity.get(i).y();
        band.add(new BandPoint(x, mid * (1 - spread), mid * (1 + spread)));
      }
    }
    LocalDate today = LocalDate.of(2026, 12, 1);
    List<DateRow.Mark> dates = new ArrayList<>();
    for (double k : new double[] {1, 10, 100, 1000}) {
      dates.add(new DateRow.Mark(k, today.plusDays(Math.round(monthsAtGrowth(k) * 30.4375))));
    }
    return Chart.builder(
            "Roadmap: capacity and monthly cost to 1000x",
            Axis.log("load (multiple of today)", AxisUnit.MULTIPLE),
            Axis.log("capacity", AxisUnit.RATE))
        .subtitle("acme-shop, 15%/month growth from 2026-12-01")
        .right(Axis.log("monthly cost", AxisUnit.MONEY))
        .dates(new DateRow("date", dates))
        .series(new Series.Band("capacity 90% interval", Side.LEFT, band, PLAN))
        .series(new Series.Step("capacity", Side.LEFT, capacity, PLAN))
        .series(
            new Series.Line(
                "monthly cost",
                Side.RIGHT,
                cost,
                new Provenance.Derived("cost model over the plan", List.of("price table"))))
        .annotate(
            new Annotation.Marker(
                1.6,
                "db CPU breaks at 1.6x (2027-04-05)",
                new Provenance.Derived("utilisation law U = X·S", List.of("db.cpu 82%"))))
        .annotate(
            new Annotation.Marker(
                40,
                "connections break at 40x (2029-08-06)",
                new Provenance.Derived("pool demand by Little's law", List.of("C3"))))
        .build();
  }

  /** Months until load is k× today at 15 % a month: ln k / ln 1.15. */
  static double monthsAtGrowth(double k) {
    return Math.log(k) / Math.log(1.15);
  }

  /**
   * Latency percentiles over an hour-long simulated run, with a spike between 1200 s and 1500 s
   * shaded as a band and the p99 SLO drawn across.
   */
  static Chart latency() {
    List<Point> p50 = new ArrayList<>();
    List<Point> p95 = new ArrayList<>();
    List<Point> p99 = new ArrayList<>();
    for (int t = 0; t <= 3600; t += 60) {
      // a bump of the same shape on every percentile while the spike lasts
      double spike = t >= 1200 && t <= 1500 ? Math.sin(Math.PI * (t - 1200) / 300.0) : 0;
      double wobble = 0.05 * Math.sin(t / 300.0);
      p50.add(new Point(t, 0.040 * (1 + wobble) + 0.060 * spike));
      p95.add(new Point(t, 0.120 * (1 + wobble) + 0.250 * spike));
      p99.add(new Point(t, 0.210 * (1 + wobble) + 0.600 * spike));
    }
    Provenance sim =
        new Provenance.Derived("discrete-event simulation, 10 replications", List.of("seed 42"));
    List<BandPoint> window = List.of(new BandPoint(1200, 0, 0.9), new BandPoint(1500, 0, 0.9));
    return Chart.builder(
            "Latency over time",
            Axis.linear("time since start", AxisUnit.DURATION),
            Axis.linear("latency", AxisUnit.DURATION))
        .subtitle("simulated at 3x today's load; traffic spike from 20 to 25 min")
        .series(
            new Series.Band(
                "traffic spike",
                Side.LEFT,
                window,
                new Provenance.Declared("scenario spike: 1200s to 1500s")))
        .series(new Series.Line("p50", Side.LEFT, p50, sim))
        .series(new Series.Line("p95", Side.LEFT, p95, sim))
        .series(new Series.Line("p99", Side.LEFT, p99, sim))
        .annotate(
            new Annotation.Reference(
                Side.LEFT,
                0.300,
                "SLO p99 300ms",
                new Provenance.Declared("system.yaml slo.latency_p99")))
        .build();
  }

  /**
   * Utilisation per component against load, with the 70 % target drawn across; points sized by the
   * instances each tier runs at that load.
   */
  static Chart utilisation() {
    Provenance law =
        new Provenance.Derived(
            "utilisation law U = λ·S / c", List.of("observations web.cpu, db.cpu"));
    double[] loads = {1, 2, 3, 4, 5};
    double[] web = {0.39, 0.78, 0.59, 0.78, 0.65};
    double[] db = {0.41, 0.82, 0.93, 0.66, 0.83};
    double[] cache = {0.12, 0.24, 0.36, 0.48, 0.6};
    List<Point> webLine = new ArrayList<>();
    List<Point> dbLine = new ArrayList<>();
    List<SizedPoint> cachePts = new ArrayList<>();
    for (int i = 0; i < loads.length; i++) {
      webLine.add(new Point(loads[i], web[i]));
      dbLine.add(new Point(loads[i], db[i]));
      cachePts.add(new SizedPoint(loads[i], cache[i], i + 1));
    }
    return Chart.builder(
            "Utilisation per component",
            Axis.linear("load (multiple of today)", AxisUnit.MULTIPLE),
            Axis.linear("utilisation", AxisUnit.RATIO).including(1))
        .subtitle("after each plan step; cache markers sized by node count")
        .series(new Series.Line("web", Side.LEFT, webLine, law))
        .series(new Series.Line("db", Side.LEFT, dbLine, law))
        .series(new Series.Points("cache", Side.LEFT, cachePts, law))
        .annotate(
            new Annotation.Reference(
                Side.LEFT,
                0.70,
                "target utilisation 70%",
                new Provenance.Assumed("M3", "server CPU target below 70%")))
        .build();
  }
}
