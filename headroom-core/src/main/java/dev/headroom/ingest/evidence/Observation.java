package dev.headroom.ingest.evidence;

import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured figure of an evidence file.
 *
 * @param metric the catalogue entry the key names
 * @param kind the component kind the key names ({@code cache} in {@code cache.hit_ratio}); null for
 *     system-wide metrics such as {@code latency_p95}
 * @param component the system file's component this belongs to, or empty for "the first component
 *     of {@code kind}"
 * @param value in the metric's canonical unit (a fraction, seconds, bytes, per second)
 * @param how how it was computed, in one line, for the report
 * @param location where the observation was read (for messages); a writer's own has line 0
 */
public record Observation(
    Metric metric,
    ComponentKind kind,
    String component,
    double value,
    ObservationWindow window,
    String how,
    SourceLocation location) {

  public Observation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(location, "location");
    component = component == null ? "" : component;
    how = how == null ? "" : how;
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(metric.key() + ": a measurement is finite and >= 0");
    }
    if (metric.systemWide() != (kind == null)) {
      throw new IllegalArgumentException(metric.key() + ": kind " + kind + " does not fit");
    }
    if (kind != null && !metric.kinds().contains(kind)) {
      throw new IllegalArgumentException(metric.key() + " is not measured on " + kind.id());
    }
  }

  /** {@code cache.hit_ratio}, or {@code latency_p95} for a system-wide metric. */
  public String key() {
    return kind == null ? metric.key() : kind.id() + "." + metric.key();
  }

  public Optional<String> componentName() {
    return component.isEmpty() ? Optional.empty() : Optional.of(component);
  }
}
