package dev.headroom.analysis.usl;

import java.util.List;
import java.util.Objects;

/**
 * The model read at one point: a concurrency with its throughput, the throughput's confidence band
 * (null when the fit has no standard errors) and latency R = N/X (Little's law, in the time unit of
 * the throughput: seconds when throughput is per second). {@code retrogradeConcurrency} is the
 * second, past-the-peak concurrency with the same throughput, when the prediction started from a
 * throughput (null otherwise, and infinite when κ = 0). {@code warnings} say when the point is an
 * extrapolation.
 */
public record UslPrediction(
    double concurrency,
    double throughput,
    Interval throughputBand,
    double latency,
    Double retrogradeConcurrency,
    List<String> warnings) {

  public UslPrediction {
    if (!Double.isFinite(concurrency)
        || !Double.isFinite(throughput)
        || !Double.isFinite(latency)) {
      throw new IllegalArgumentException("a prediction must be finite");
    }
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
  }
}
