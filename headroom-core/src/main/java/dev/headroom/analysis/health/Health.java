package dev.headroom.analysis.health;

import java.util.List;

/** The health section: every metric, and the slow requests per second (M6). */
public record Health(List<HealthMetric> metrics, List<SlowRequests> slowRequests) {
  public Health {
    metrics = List.copyOf(metrics);
    slowRequests = List.copyOf(slowRequests);
  }
}
