package dev.headroom.analysis.usl;

import java.util.Objects;

/**
 * A fitted coefficient. {@code standardError} and {@code confidenceInterval} are null when they
 * cannot be estimated: the coefficient sits at a bound (it was held there, so least-squares theory
 * gives it no sampling variance), or there are no residual degrees of freedom (as many points as
 * free coefficients), or the Jacobian is singular.
 */
public record ParameterEstimate(
    UslParameter parameter,
    double value,
    Double standardError,
    Interval confidenceInterval,
    boolean atBound) {

  public ParameterEstimate {
    Objects.requireNonNull(parameter, "parameter");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(parameter.id() + " must be finite, got " + value);
    }
    if (standardError != null && (!Double.isFinite(standardError) || standardError < 0)) {
      throw new IllegalArgumentException(
          "standard error must be finite and >= 0, got " + standardError);
    }
  }
}
