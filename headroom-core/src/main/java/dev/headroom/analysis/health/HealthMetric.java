package dev.headroom.analysis.health;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * One health metric: its value (null when not measured), its target and its critical level, and the
 * status: ok within the target, warning beyond it, critical beyond the critical level. The sources
 * call that second level "warning" (M1: warning above 1 s; M3: 85%; M4: 80%), but past it the
 * status is critical, so it is named for what it does here. The critical level is null where the
 * sources give only a target or where the target is the user's own SLO, which is broken as soon as
 * it is exceeded.
 *
 * @param lowerIsBetter true for latency, CPU and the like; false for hit ratios and availability
 * @param needs how to measure it, when unknown
 */
public record HealthMetric(
    String metric,
    String label,
    Figure value,
    HealthStatus status,
    Figure target,
    Figure critical,
    boolean lowerIsBetter,
    String knowledge,
    String needs) {
  public HealthMetric {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(knowledge, "knowledge");
    needs = needs == null ? "" : needs;
    if ((value == null) != (status == HealthStatus.UNKNOWN)) {
      throw new IllegalArgumentException(
          "a metric is unknown exactly when it has no value: " + metric);
    }
  }
}
