package dev.headroom.analysis.compare;

import dev.headroom.model.Units;
import java.util.Objects;

/**
 * A CI gate such as {@code p95+10%} (fail when p95 rose by more than 10 %) or {@code throughput-5%}
 * (fail when throughput fell by more than 5 %). It fails only on a difference that is significant
 * and whose relative size, new/baseline − 1, is beyond the threshold in the gate's direction: a
 * noisy run within its interval never fails a build.
 *
 * @param metric what is judged
 * @param percent the allowed change in percent, positive for a rise, negative for a fall; not 0
 */
public record Gate(Metric metric, double percent) {

  public Gate {
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(percent) || percent == 0) {
      throw new IllegalArgumentException(
          "a gate's threshold is a non-zero percentage, got " + percent);
    }
  }

  /** Whether {@code d} breaks this gate. */
  public boolean failedBy(MetricDifference d) {
    if (d.metric() != metric || !d.significant() || d.relative() == null) {
      return false;
    }
    return percent > 0 ? d.relative() * 100 > percent : d.relative() * 100 < percent;
  }

  /** As the user writes it: {@code p95+10%}. */
  @Override
  public String toString() {
    return metric.id() + (percent > 0 ? "+" : "") + Units.format(percent, 6) + "%";
  }
}
