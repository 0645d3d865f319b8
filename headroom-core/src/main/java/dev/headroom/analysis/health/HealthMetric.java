package dev.headroom.analysis.health;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * One health metric: its value (null when not measured), its target and warning level (the warning
 * is null where the sources give only a target or where the target is the user's own SLO, which is
 * broken as soon as it is exceeded), and the status.
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
    Figure warning,
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
