package dev.headroom.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis's extent and ticks, from the values drawn against it. Linear axes step by the unit's nice
 * step ({@link AxisUnit#niceStep}) and start and end on a tick; logarithmic axes run from the
 * decade at or below the smallest value to the decade at or above the largest, labelled at each
 * decade (and at 2 and 5 when the axis spans a single decade, where decades alone would leave two
 * labels).
 */
final class AxisRange {

  /**
   * Headroom above the largest value on a y axis, so a line at the top is not lost in the frame.
   */
  private static final double Y_HEADROOM = 0.05;

  /** Decades up to which a logarithmic axis draws its 2…9 minor grid lines. */
  private static final int MINOR_DECADES = 4;

  final Axis axis;
  final double lo;
  final double hi;
  final List<Tick> ticks;

  private AxisRange(Axis axis, double lo, double hi, List<Tick> ticks) {
    this.axis = axis;
    this.lo = lo;
    this.hi = hi;
    this.ticks = List.copyOf(ticks);
  }

  /**
   * The range of {@code axis} for {@code data} (plus the axis's own include values), aiming at
   * about {@code target} intervals; a y axis ({@code isY}) starts at 0 when its data is positive,
   * so heights compare honestly, and gets a little headroom.
   */
  static AxisRange of(Axis axis, double[] data, int target, boolean isY) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (isY && axis.scale() == Scale.LINEAR) {
      // headroom for the data only: an include value (100 %) is a limit the reader wants to see
      // as the axis's end, not a value to leave room above
      min = Math.min(min, 0);
      max = Math.max(max, 0);
      max += (max - min) * Y_HEADROOM;
    }
    for (double v : axis.include()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return axis.scale() == Scale.LOG ? log(axis, min, max) : linear(axis, min, max, target);
  }

  private static AxisRange linear(Axis axis, double min, double max, int target) {
    double span = max - min;
    if (span <= 0) {
      // one value only: a unit either side (or the value's own size), so it sits mid-axis
      span = Math.abs(max) > 0 ? Math.abs(max) : 1;
      min -= span / 2;
      max += span / 2;
    }
    double step = axis.unit().niceStep(span / target);
    long first = (long) Math.floor(min / step + 1e-9);
    long last = (long) Math.ceil(max / step - 1e-9);
    List<Tick> ticks = new ArrayList<>();
    for (long i = first; i <= last; i++) {
      // by index, so no rounding error accumulates along the axis
      double v = step * i;
      ticks.add(new Tick(v, axis.unit().format(v), true));
    }
    return new AxisRange(axis, step * first, step * last, ticks);
  }

  private static AxisRange log(Axis axis, double min, double max) {
    int first = (int) Math.floor(Math.log10(min) + 1e-9);
    int last = (int) Math.ceil(Math.log10(max) - 1e-9);
    if (last == first) {
      last++;
    }
    boolean oneDecade = last - first == 1;
    boolean minors = last - first <= MINOR_DECADES;
    List<Tick> ticks = new ArrayList<>();
    for (int d = first; d <= last; d++) {
      double decade = Math.pow(10, d);
      ticks.add(new Tick(decade, axis.unit().format(decade), true));
      if (d == last || !minors) {
        continue;
      }
      for (int m = 2; m <= 9; m++) {
        double v = m * decade;
        boolean labelled = oneDecade && (m == 2 || m == 5);
        ticks.add(new Tick(v, labelled ? axis.unit().format(v) : "", labelled));
      }
    }
    ticks.sort((a, b) -> Double.compare(a.value(), b.value()));
    return new AxisRange(axis, Math.pow(10, first), Math.pow(10, last), ticks);
  }

  /** Where {@code v} falls between the ends of the axis, 0 at the start and 1 at the end. */
  double fraction(double v) {
    if (axis.scale() == Scale.LOG) {
      return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }
    return (v - lo) / (hi - lo);
  }
}
