package dev.headroom.analysis.health;

import dev.headroom.model.Figure;
import java.util.Objects;

/** M6: at a request rate R, (1 - p) x R requests per second are slower than the p-th percentile. */
public record SlowRequests(String percentile, Figure latency, Figure slowPerSecond) {
  public SlowRequests {
    Objects.requireNonNull(percentile, "percentile");
    Objects.requireNonNull(slowPerSecond, "slowPerSecond");
  }
}
