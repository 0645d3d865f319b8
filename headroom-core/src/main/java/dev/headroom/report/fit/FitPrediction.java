package dev.headroom.report.fit;

import dev.headroom.analysis.usl.UslPrediction;
import java.util.Objects;

/**
 * One question asked of the model (--at N or --throughput X) and its answer: {@code prediction} is
 * null when the question has no answer (a throughput beyond the model's maximum), and then {@code
 * problem} says why.
 */
public record FitPrediction(Given given, double value, UslPrediction prediction, String problem) {

  /** What the question gave: a concurrency or a throughput. */
  public enum Given {
    CONCURRENCY,
    THROUGHPUT
  }

  public FitPrediction {
    Objects.requireNonNull(given, "given");
    if ((prediction == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of prediction and problem");
    }
  }
}
