package dev.headroom.analysis.usl;

import java.util.Objects;

/**
 * A simpler model fitted to the same points, shown beside the USL so a reader can see what κ and σ
 * buy: Amdahl's law (κ held at 0) and linear scaling (σ = κ = 0, X = λN). Coefficients the model
 * does not have are 0.
 *
 * @param residualStandardError sqrt(RSS/(n − p)); null when n = p
 */
public record ComparisonFit(
    String name,
    double sigma,
    double kappa,
    double lambda,
    int parameters,
    double residualSumOfSquares,
    Double residualStandardError) {

  public ComparisonFit {
    Objects.requireNonNull(name, "name");
    if (!Double.isFinite(sigma)
        || !Double.isFinite(kappa)
        || !Double.isFinite(lambda)
        || !Double.isFinite(residualSumOfSquares)) {
      throw new IllegalArgumentException("a comparison fit must be finite");
    }
  }

  /** X(N) of this model. */
  public double throughputAt(double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }
}
