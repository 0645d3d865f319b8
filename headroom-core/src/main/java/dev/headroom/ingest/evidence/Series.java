package dev.headroom.ingest.evidence;

import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A measured time series of one metric at a fixed step, such as a Prometheus range query's result:
 * the input of dated forecasts. Point {@code i} is at {@code start + i·step}; a gap (the source had
 * no sample there) is {@link Double#NaN}.
 *
 * @param metric the catalogue entry the key names
 * @param kind the component kind the key names; null for system-wide metrics
 * @param component the system file's component, or empty for "the first component of {@code kind}"
 * @param values in the metric's canonical unit (a fraction, seconds, bytes, per second); copied
 * @param how how each point was computed, in one line, for the report
 * @param location where the series was read (for messages); a writer's own has line 0
 */
public record Series(
    Metric metric,
    ComponentKind kind,
    String component,
    Instant start,
    Duration step,
    double[] values,
    String how,
    SourceLocation location) {

  /** More points than this is not a series a forecast needs; a bound against hostile files. */
  public static final int MAX_POINTS = 1_000_000;

  public Series {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(location, "location");
    component = component == null ? "" : component;
    how = how == null ? "" : how;
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException(metric.key() + ": a series' step is positive");
    }
    if (values.length == 0 || values.length > MAX_POINTS) {
      throw new IllegalArgumentException(
          metric.key() + ": a series has 1 to " + MAX_POINTS + " points");
    }
    values = values.clone();
    for (double v : values) {
      if (!Double.isNaN(v) && (!Double.isFinite(v) || v < 0)) {
        throw new IllegalArgumentException(
            metric.key() + ": a series' points are finite and >= 0 (or gaps)");
      }
    }
    if (metric.systemWide() != (kind == null)) {
      throw new IllegalArgumentException(metric.key() + ": kind " + kind + " does not fit");
    }
    if (kind != null && !metric.kinds().contains(kind)) {
      throw new IllegalArgumentException(metric.key() + " is not measured on " + kind.id());
    }
  }

  /** The points, a copy: the record stays immutable. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The number of points, gaps included. */
  public int size() {
    return values.length;
  }

  /** Point {@code i}, or NaN for a gap. */
  public double value(int i) {
    return values[i];
  }

  /** When point {@code i} was taken. */
  public Instant time(int i) {
    return start.plus(step.multipliedBy(i));
  }

  /** From the first point to the last. */
  public ObservationWindow window() {
    return new ObservationWindow(start, time(values.length - 1));
  }

  /** {@code database.cpu}, or {@code rps} for a system-wide metric. */
  public String key() {
    return kind == null ? metric.key() : kind.id() + "." + metric.key();
  }

  public Optional<String> componentName() {
    return component.isEmpty() ? Optional.empty() : Optional.of(component);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && metric == s.metric
        && kind == s.kind
        && component.equals(s.component)
        && start.equals(s.start)
        && step.equals(s.step)
        && Arrays.equals(values, s.values)
        && how.equals(s.how)
        && location.equals(s.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, kind, component, start, step, Arrays.hashCode(values), how);
  }

  @Override
  public String toString() {
    return "Series["
        + key()
        + ", "
        + values.length
        + " points from "
        + start
        + " every "
        + step
        + "]";
  }
}
