package dev.headroom.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one chart shows, as a value: a title and an optional subtitle, the x axis (with an
 * optional row of dates under it), a left and an optional right y axis, the series and the
 * annotations. The compact constructor refuses what cannot be drawn (no series, a series on a right
 * axis that is not there, a value at or below 0 on a logarithmic axis) with a message that names
 * the series, the point and the axis.
 *
 * <p>Build one with {@link #builder(String, Axis, Axis)}; draw it with {@link SvgChart}.
 */
public record Chart(
    String title,
    String subtitle,
    Axis x,
    Optional<DateRow> dates,
    Axis left,
    Optional<Axis> right,
    List<Series> series,
    List<Annotation> annotations) {

  public Chart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(dates, "dates");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    series = List.copyOf(series);
    annotations = List.copyOf(annotations);
    if (title.isBlank()) {
      throw new IllegalArgumentException("a chart needs a title");
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException(
          "chart '" + title + "' has no series; a chart needs at least one");
    }
    for (Series s : series) {
      Axis y = yAxis(title, s.side(), right, left, "series '" + s.name() + "'");
      positive(x, s.xs(), "series '" + s.name() + "'", "x");
      positive(y, s.ys(), "series '" + s.name() + "'", "y");
    }
    for (Annotation a : annotations) {
      if (a instanceof Annotation.Reference r) {
        Axis y = yAxis(title, r.side(), right, left, "reference line '" + r.label() + "'");
        positive(y, new double[] {r.value()}, "reference line '" + r.label() + "'", "y");
      } else if (a instanceof Annotation.Marker m) {
        positive(x, new double[] {m.x()}, "marker '" + m.label() + "'", "x");
      }
    }
    dates.ifPresent(
        row ->
            positive(
                x,
                row.marks().stream().mapToDouble(DateRow.Mark::x).toArray(),
                "date row '" + row.label() + "'",
                "x"));
  }

  /** The y axis {@code side} refers to. */
  public Axis axis(Side side) {
    return side == Side.LEFT ? left : right.orElseThrow();
  }

  private static Axis yAxis(String title, Side side, Optional<Axis> right, Axis left, String what) {
    if (side == Side.LEFT) {
      return left;
    }
    return right.orElseThrow(
        () ->
            new IllegalArgumentException(
                "chart '"
                    + title
                    + "': "
                    + what
                    + " is read against the right axis, but the chart has none; give it one"
                    + " or put the "
                    + (what.startsWith("series") ? "series" : "line")
                    + " on the left"));
  }

  private static void positive(Axis axis, double[] values, String what, String which) {
    if (axis.scale() != Scale.LOG) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] <= 0) {
        throw new IllegalArgumentException(
            what
                + ": "
                + which
                + " = "
                + values[i]
                + " (value "
                + (i + 1)
                + ") on the logarithmic axis '"
                + axis.label()
                + "'; a logarithmic axis takes values above 0");
      }
    }
  }

  /** Starts a chart with its title, x axis and left y axis. */
  public static Builder builder(String title, Axis x, Axis left) {
    return new Builder(title, x, left);
  }

  /** Collects a chart's parts; {@link #build()} checks them all at once. */
  public static final class Builder {
    private final String title;
    private final Axis x;
    private final Axis left;
    private String subtitle = "";
    private DateRow dates;
    private Axis right;
    private final List<Series> series = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();

    private Builder(String title, Axis x, Axis left) {
      this.title = title;
      this.x = x;
      this.left = left;
    }

    public Builder subtitle(String text) {
      this.subtitle = Objects.requireNonNull(text, "subtitle");
      return this;
    }

    public Builder dates(DateRow row) {
      this.dates = Objects.requireNonNull(row, "dates");
      return this;
    }

    public Builder right(Axis axis) {
      this.right = Objects.requireNonNull(axis, "right");
      return this;
    }

    public Builder series(Series s) {
      series.add(Objects.requireNonNull(s, "series"));
      return this;
    }

    public Builder annotate(Annotation a) {
      annotations.add(Objects.requireNonNull(a, "annotation"));
      return this;
    }

    public Chart build() {
      return new Chart(
          title,
          subtitle,
          x,
          Optional.ofNullable(dates),
          left,
          Optional.ofNullable(right),
          series,
          annotations);
    }
  }
}
