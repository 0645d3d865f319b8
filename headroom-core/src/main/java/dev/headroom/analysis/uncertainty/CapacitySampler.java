package dev.headroom.analysis.uncertainty;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.sim.Streams;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.model.SystemSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Draws each load-tested component's per-instance capacity from its Universal Scalability Law fit's
 * uncertainty, so the roadmap's capacity carries what the load test could not pin down.
 *
 * <p><b>Method.</b> The least-squares coefficients θ̂ = (σ, κ, λ) are asymptotically normal with
 * the fit's covariance C = s²(JᵀJ)⁻¹ (Seber and Wild, <i>Nonlinear Regression</i>, 1989, §2.1; the
 * covariance {@link UslModel#covariance()} reports). A draw is θ = θ̂ + L z, with z three
 * independent standard normals and L the Cholesky factor of C (Gentle, <i>Random Number Generation
 * and Monte Carlo Methods</i>, 2003, §5.3.1), factored over the coefficients the fit left free (one
 * held at a bound has no variance and keeps its value in every draw). The factor is taken of the
 * correlation matrix and scaled back, since σ's variance (10⁻⁴) and λ's (10²) are too far apart for
 * one absolute positivity threshold.
 *
 * <p><b>Non-physical draws are rejected</b>, not clamped (clamping would pile draws on a bound): a
 * draw with σ or κ outside [0, 1] or λ ≤ 0 ({@link UslCoefficients#physical()}) is drawn again, and
 * so is one whose capacity rule has no answer (even one worker slower than the target). The
 * accepted draws follow the normal truncated to the physical region; how many were rejected is
 * reported per component. After {@link #MAX_ATTEMPTS_PER_DRAW} attempts per wanted draw the
 * component is not drawn at all, and says why.
 *
 * <p><b>Capacity of a draw.</b> The figure the capacity model reads is the evidence's per-instance
 * capacity, whether measured (the fastest load-test step within the p95 target) or from the model;
 * a draw scales it by c(θ)/c(θ̂), with c the model's capacity within the target ({@link
 * UslCoefficients#capacityWithin}), or, when the fit itself has no answer there, the throughput at
 * the largest measured concurrency. So the point answer is the draw at θ̂ exactly, and the draws
 * carry the fit's relative uncertainty around it.
 *
 * <p>Each component draws from its own stream, named {@code capacity.<component>}, so results are
 * reproducible bit for bit and independent of the ranged figures' draws.
 */
public final class CapacitySampler {

  /**
   * Attempts allowed per wanted draw before a component is reported as not drawable: a fit whose
   * normal puts under 1 % of its mass in the physical region says nothing a truncated normal should
   * be built on.
   */
  public static final int MAX_ATTEMPTS_PER_DRAW = 100;

  /** Correlations may be asymmetric by rounding up to this much (Hipparchus's relative test). */
  private static final double SYMMETRY_TOLERANCE = 1e-9;

  /**
   * A correlation matrix whose pivot falls below this is singular: two coefficients move as one.
   */
  private static final double POSITIVITY_THRESHOLD = 1e-12;

  private final long seed;
  private final int draws;

  /**
   * @param draws how many draws, as for {@link Sampler} (the roadmap passes the same count, so draw
   *     i of the capacities goes with draw i of the system)
   */
  public CapacitySampler(long seed, int draws) {
    Sampler.checkDraws(draws);
    this.seed = seed;
    this.draws = draws;
  }

  /**
   * Draws the per-instance capacity of every component of {@code capacities} that has a USL fit
   * with a covariance; the others keep their figure in every draw and are listed with the reason in
   * {@link CapacityDraws#notDrawn()}.
   *
   * @param capacities the evidence's capacities by component ({@code EvidenceBundle.capacities()})
   * @param spec the system, for each component's p95 target
   */
  public CapacityDraws draw(Map<String, MeasuredCapacity> capacities, SystemSpec spec) {
    Objects.requireNonNull(capacities, "capacities");
    SystemView view = new SystemView(spec);
    Map<String, double[]> drawn = new LinkedHashMap<>();
    Map<String, Integer> rejected = new LinkedHashMap<>();
    Map<String, String> notDrawn = new LinkedHashMap<>();
    for (Map.Entry<String, MeasuredCapacity> e : new java.util.TreeMap<>(capacities).entrySet()) {
      String name = e.getKey();
      MeasuredCapacity m = e.getValue();
      UslModel usl = m.usl();
      if (usl == null) {
        notDrawn.put(
            name,
            m.queue() != null
                ? "an M/M/c pool, not a fit: its capacity has no fitted uncertainty"
                : "too few concurrency levels for a USL fit");
        continue;
      }
      double[][] cov = usl.covariance();
      if (cov == null) {
        notDrawn.put(
            name,
            "the fit has no covariance (as many points as coefficients, or it overflowed):"
                + " measure more concurrency levels");
        continue;
      }
      double target =
          spec.component(name)
              .flatMap(c -> view.fact(c.fact("capacity.p95_target")))
              .orElseGet(view::p95Target)
              .value();
      UslCoefficients fitted = UslCoefficients.of(usl);
      double maxN = usl.maxMeasuredConcurrency();
      ToDoubleFunction<UslCoefficients> rule =
          fitted.capacityWithin(target).isPresent()
              ? c -> c.capacityWithin(target).orElse(Double.NaN)
              : c -> c.throughputAt(maxN);
      double reference = rule.applyAsDouble(fitted);
      double[] factor;
      try {
        factor = new double[draws];
        int[] counts = drawFactors(fitted, cov, rule, reference, name, factor);
        if (counts == null) {
          notDrawn.put(
              name,
              "fewer than 1 in "
                  + MAX_ATTEMPTS_PER_DRAW
                  + " draws of the fit's coefficients were physical: the fit is too uncertain to"
                  + " sample; measure more concurrency levels");
          continue;
        }
        rejected.put(name, counts[0]);
      } catch (MathIllegalArgumentException singular) {
        notDrawn.put(
            name, "the fit's covariance is singular (two coefficients move as one): not drawn");
        continue;
      }
      double point = m.perInstance().value();
      for (int i = 0; i < draws; i++) {
        factor[i] *= point;
      }
      drawn.put(name, factor);
    }
    return new CapacityDraws(capacities, seed, draws, drawn, rejected, notDrawn);
  }

  /**
   * Fills {@code out} with c(θᵢ)/c(θ̂) for accepted draws θᵢ; returns {rejected} or null when the
   * attempts ran out.
   */
  private int[] drawFactors(
      UslCoefficients fitted,
      double[][] cov,
      ToDoubleFunction<UslCoefficients> rule,
      double reference,
      String name,
      double[] out) {
    SplittableRandom random = Streams.stream(seed, "capacity." + name);
    double[] theta = {fitted.sigma(), fitted.kappa(), fitted.lambda()};
    MultivariateNormal normal = MultivariateNormal.of(theta, cov);
    long attempts = 0;
    long maxAttempts = (long) MAX_ATTEMPTS_PER_DRAW * out.length;
    int rejected = 0;
    for (int i = 0; i < out.length; ) {
      if (++attempts > maxAttempts) {
        return null;
      }
      double[] t = normal.sample(random);
      UslCoefficients c = new UslCoefficients(t[0], t[1], t[2]);
      double capacity = c.physical() ? rule.applyAsDouble(c) : Double.NaN;
      if (!(capacity > 0) || !Double.isFinite(capacity)) {
        rejected++;
        continue;
      }
      out[i++] = capacity / reference;
    }
    return new int[] {rejected};
  }

  /** θ̂ + D·L·z over the free coefficients, L the Cholesky factor of their correlation matrix. */
  record MultivariateNormal(double[] mean, int[] free, double[] scale, double[][] lower) {

    static MultivariateNormal of(double[] mean, double[][] cov) {
      List<Integer> freeList = new ArrayList<>();
      for (int i = 0; i < mean.length; i++) {
        if (cov[i][i] > 0) {
          freeList.add(i);
        }
      }
      int k = freeList.size();
      int[] free = freeList.stream().mapToInt(Integer::intValue).toArray();
      double[] scale = new double[k];
      for (int a = 0; a < k; a++) {
        scale[a] = Math.sqrt(cov[free[a]][free[a]]);
      }
      double[][] lower = new double[k][k];
      if (k > 0) {
        RealMatrix corr = MatrixUtils.createRealMatrix(k, k);
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            corr.setEntry(a, b, cov[free[a]][free[b]] / (scale[a] * scale[b]));
          }
        }
        lower =
            new CholeskyDecomposition(corr, SYMMETRY_TOLERANCE, POSITIVITY_THRESHOLD)
                .getL()
                .getData();
      }
      return new MultivariateNormal(mean.clone(), free, scale, lower);
    }

    double[] sample(SplittableRandom random) {
      int k = free.length;
      double[] z = new double[k];
      for (int a = 0; a < k; a++) {
        z[a] = random.nextGaussian();
      }
      double[] out = mean.clone();
      for (int a = 0; a < k; a++) {
        double sum = 0;
        for (int b = 0; b <= a; b++) {
          sum += lower[a][b] * z[b];
        }
        out[free[a]] += scale[a] * sum;
      }
      return out;
    }
  }
}
