package dev.headroom.report.chart;

import java.util.List;
import java.util.Objects;

/**
 * One axis: its label, what its values mean, its scale, and values its range must reach even when
 * no series does (a utilisation axis that should run to 100 %). The range is otherwise taken from
 * the data, so nothing plotted is ever cut off.
 *
 * @param label what the axis measures ("monthly cost", "latency"), without the unit
 * @param unit how values read; its {@link AxisUnit#symbol()} is added to the title when not blank
 * @param scale linear or logarithmic
 * @param include values the axis range must contain (finite; above 0 on a logarithmic axis)
 */
public record Axis(String label, AxisUnit unit, Scale scale, List<Double> include) {

  public Axis {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(scale, "scale");
    include = List.copyOf(include);
    for (double v : include) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "axis '" + label + "': a value to include must be finite, got " + v);
      }
      if (scale == Scale.LOG && v <= 0) {
        throw new IllegalArgumentException(
            "axis '"
                + label
                + "': a logarithmic axis cannot include "
                + v
                + "; it takes values above 0");
      }
    }
  }

  /** A linear axis ranged by its data. */
  public static Axis linear(String label, AxisUnit unit) {
    return new Axis(label, unit, Scale.LINEAR, List.of());
  }

  /** A logarithmic axis ranged by its data. */
  public static Axis log(String label, AxisUnit unit) {
    return new Axis(label, unit, Scale.LOG, List.of());
  }

  /** This axis, with its range stretched to contain {@code values} too. */
  public Axis including(double... values) {
    List<Double> all = new java.util.ArrayList<>(include);
    for (double v : values) {
      all.add(v);
    }
    return new Axis(label, unit, scale, all);
  }

  /** "monthly cost (USD/month)", or the bare label when the ticks carry the unit. */
  public String title() {
    return unit.symbol().isEmpty() ? label : label + " (" + unit.symbol() + ")";
  }
}
