package dev.headroom.analysis.uncertainty;

import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslParameter;
import java.util.OptionalDouble;

/**
 * One set of Universal Scalability Law coefficients (σ, κ, λ), drawn or fitted, and what the
 * capacity model reads from it: X(N) = λN / (1 + σ(N−1) + κN(N−1)) (Gunther, <i>Guerrilla Capacity
 * Planning</i>, 2007, eq. 4.31), the peak N* = sqrt((1 − σ)/κ) (eq. 4.33), and the throughput at
 * which the mean latency R = N/X reaches a target (Schwartz 2015, "N(R)"). These are the formulas
 * of {@link UslModel}, which needs a fit to exist; a test holds the two to the same answers at the
 * fitted coefficients.
 */
public record UslCoefficients(double sigma, double kappa, double lambda) {

  public UslCoefficients {
    if (!Double.isFinite(sigma) || !Double.isFinite(kappa) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException(
          "USL coefficients must be finite, got " + sigma + ", " + kappa + ", " + lambda);
    }
  }

  /** The fitted coefficients of {@code model}. */
  public static UslCoefficients of(UslModel model) {
    return new UslCoefficients(model.sigma(), model.kappa(), model.lambda());
  }

  /** The coefficient of {@code p}. */
  public double get(UslParameter p) {
    return switch (p) {
      case SIGMA -> sigma;
      case KAPPA -> kappa;
      case LAMBDA -> lambda;
    };
  }

  /**
   * Whether the coefficients describe a real system, within the fitter's own bounds: 0 ≤ σ ≤ 1 (a
   * share of serialised work), 0 ≤ κ ≤ 1 (a cost per pair of workers) and λ &gt; 0 (one worker does
   * some work). A draw outside them is rejected, not clamped, so that no bound gathers draws.
   */
  public boolean physical() {
    for (UslParameter p : UslParameter.values()) {
      double v = get(p);
      if (v < p.lowerBound() || v > p.upperBound()) {
        return false;
      }
    }
    return lambda > 0;
  }

  /** X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
  public double throughputAt(double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }

  /** R(N) = (1 + σ(N−1) + κN(N−1)) / λ (Little's law with no think time). */
  public double latencyAt(double n) {
    return (1 + sigma * (n - 1) + kappa * n * (n - 1)) / lambda;
  }

  /** N* = max(1, sqrt((1 − σ)/κ)); positive infinity when κ = 0. */
  public double peakConcurrency() {
    return kappa == 0 ? Double.POSITIVE_INFINITY : Math.max(1, Math.sqrt((1 - sigma) / kappa));
  }

  /**
   * The most one instance takes within a mean-latency {@code target} (seconds), by the rule the
   * capacity evidence applies to a fit: the peak X(N*) when its own latency is within the target,
   * else the throughput N(R)/R where the latency reaches the target, from the positive root of κN²
   * + (σ − κ)N + (1 − σ − Rλ) = 0. Empty when even one worker is slower than the target (R &lt;
   * 1/λ) or σ = κ = 0 (latency never rises).
   */
  public OptionalDouble capacityWithin(double target) {
    double peak = peakConcurrency();
    if (Double.isFinite(peak) && target >= latencyAt(peak)) {
      return OptionalDouble.of(throughputAt(peak));
    }
    if (target < 1 / lambda) {
      return OptionalDouble.empty();
    }
    double c = 1 - sigma - target * lambda;
    double n;
    if (kappa == 0) {
      if (sigma == 0) {
        return OptionalDouble.empty();
      }
      n = -c / sigma;
    } else {
      double b = sigma - kappa;
      n = (-b + Math.sqrt(b * b - 4 * kappa * c)) / (2 * kappa);
    }
    return OptionalDouble.of(n / target);
  }
}
