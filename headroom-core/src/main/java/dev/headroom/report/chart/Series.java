package dev.headroom.report.chart;

import dev.headroom.model.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * Data drawn against the x axis and one y axis. Every series names where its numbers come from (its
 * {@link Provenance}), which the SVG carries in its description, so a chart is as traceable as a
 * table.
 */
public sealed interface Series {

  /** The legend's name for the series. */
  String name();

  /** The y axis the series is read against. */
  Side side();

  /** Where the numbers come from. */
  Provenance provenance();

  /** Every x value, for ranging and checking the x axis. */
  double[] xs();

  /** Every y value (both ends of a band), for ranging and checking the y axis. */
  double[] ys();

  /** "line", "step", "points" or "band", for the description. */
  String kind();

  /** How many values the series plots. */
  int size();

  /** Values joined by straight segments, in order of x (latency over time, cost against load). */
  record Line(String name, Side side, List<Point> points, Provenance provenance, LineStyle style)
      implements Series {
    public Line {
      points = checked(name, side, provenance, points, "line");
      Objects.requireNonNull(style, "style");
      ascending(name, points.stream().mapToDouble(Point::x).toArray(), false);
    }

    /** A solid line. */
    public Line(String name, Side side, List<Point> points, Provenance provenance) {
      this(name, side, points, provenance, LineStyle.SOLID);
    }

    @Override
    public double[] xs() {
      return points.stream().mapToDouble(Point::x).toArray();
    }

    @Override
    public double[] ys() {
      return points.stream().mapToDouble(Point::y).toArray();
    }

    @Override
    public String kind() {
      return "line";
    }

    @Override
    public int size() {
      return points.size();
    }
  }

  /**
   * A step function: each y holds from its x until the next point's x, and the last until the end
   * of the x axis (capacity, which changes only when a plan step adds some).
   */
  record Step(String name, Side side, List<Point> points, Provenance provenance) implements Series {
    public Step {
      points = checked(name, side, provenance, points, "step");
      ascending(name, points.stream().mapToDouble(Point::x).toArray(), true);
    }

    @Override
    public double[] xs() {
      return points.stream().mapToDouble(Point::x).toArray();
    }

    @Override
    public double[] ys() {
      return points.stream().mapToDouble(Point::y).toArray();
    }

    @Override
    public String kind() {
      return "step";
    }

    @Override
    public int size() {
      return points.size();
    }
  }

  /** Unconnected markers, each as large as its size says (measurements weighted by samples). */
  record Points(String name, Side side, List<SizedPoint> points, Provenance provenance)
      implements Series {
    public Points {
      points = checked(name, side, provenance, points, "points");
    }

    @Override
    public double[] xs() {
      return points.stream().mapToDouble(SizedPoint::x).toArray();
    }

    @Override
    public double[] ys() {
      return points.stream().mapToDouble(SizedPoint::y).toArray();
    }

    @Override
    public String kind() {
      return "points";
    }

    @Override
    public int size() {
      return points.size();
    }

    /** The largest size in the series, against which every marker is scaled. */
    double largestSize() {
      return points.stream().mapToDouble(SizedPoint::size).max().orElse(0);
    }

    /** Whether every point has the same size, so size says nothing and markers stay small. */
    boolean uniformSize() {
      return points.stream().mapToDouble(SizedPoint::size).distinct().count() == 1;
    }
  }

  /** A shaded interval low…high per x (a confidence band, a spike window's range). */
  record Band(String name, Side side, List<BandPoint> points, Provenance provenance)
      implements Series {
    public Band {
      points = checked(name, side, provenance, points, "band");
      ascending(name, points.stream().mapToDouble(BandPoint::x).toArray(), false);
    }

    @Override
    public double[] xs() {
      return points.stream().mapToDouble(BandPoint::x).toArray();
    }

    @Override
    public double[] ys() {
      return points.stream()
          .flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.low(), p.high()))
          .toArray();
    }

    @Override
    public String kind() {
      return "band";
    }

    @Override
    public int size() {
      return points.size();
    }
  }

  private static <T> List<T> checked(
      String name, Side side, Provenance provenance, List<T> points, String kind) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(points, "points");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " series needs a name for the legend");
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException(
          kind + " series '" + name + "' is empty; a series needs at least one point");
    }
    return List.copyOf(points);
  }

  private static void ascending(String name, double[] xs, boolean strictly) {
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] < xs[i - 1] || (strictly && xs[i] == xs[i - 1])) {
        throw new IllegalArgumentException(
            "series '"
                + name
                + "': point "
                + (i + 1)
                + " has x = "
                + xs[i]
                + " after x = "
                + xs[i - 1]
                + "; points must be in "
                + (strictly ? "strictly increasing" : "increasing")
                + " order of x");
      }
    }
  }
}
