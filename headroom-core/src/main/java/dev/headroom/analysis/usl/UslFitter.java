package dev.headroom.analysis.usl;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Fits the USL by bounded nonlinear least squares: minimise Σ (Xᵢ − X(Nᵢ))² subject to 0 ≤ σ ≤ 1, 0
 * ≤ κ ≤ 1, λ &gt; 0.
 *
 * <p>Method. Levenberg–Marquardt (Hipparchus, the MINPACK variant) with a parameter validator that
 * projects every trial point onto the bounds, started from three points: a linearised start
 * (Gunther's transform N·λ₀/X − 1 = σ(N−1) + κN(N−1), solved by linear least squares with λ₀ = max
 * X/N), the start of R {@code usl} (σ, κ) = (0.01, 0.0001) and that of Schwartz and usl4j (0.1,
 * 0.01). The best result is then checked face by face: a coefficient that ended on a bound is held
 * there and the others refitted, until no free coefficient sits on a bound. This active-set step
 * makes the answer the exact bounded optimum rather than wherever projection stopped, and tells
 * which bounds are hit.
 *
 * <p>Statistics. With p free coefficients and n points, s² = RSS/(n − p); the covariance is
 * s²·(JᵀJ)⁻¹ at the optimum (Hipparchus's own covariance and sigma are not scaled by s²); standard
 * errors are its diagonal's square roots; two-sided intervals are estimate ± t(1 − α/2, n − p)·SE.
 * A coefficient held at a bound has no standard error.
 */
public final class UslFitter {

  /** The confidence level used unless another is asked for. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /** Fewer distinct concurrency levels than this cannot determine three coefficients. */
  public static final int MIN_POINTS = 3;

  /** Fewer points than this earn a warning (R {@code usl} warns too; usl4j refuses). */
  public static final int RECOMMENDED_POINTS = 6;

  private static final double TOLERANCE = 1e-14;
  private static final double BOUND_SLACK = 1e-9;
  private static final int MAX_ITERATIONS = 2_000;
  private static final double[][] STARTS = {{0.01, 1e-4}, {0.1, 0.01}};

  private UslFitter() {}

  /** Fits at the default 95 % confidence level; see {@link #fit(List, double, String)}. */
  public static UslModel fit(List<UslPoint> points) {
    return fit(points, DEFAULT_CONFIDENCE_LEVEL, "input");
  }

  /**
   * Fits the USL to {@code points}.
   *
   * @param confidenceLevel for intervals and the band, in (0, 1)
   * @param source names the data in error messages (a file name, or "input")
   * @throws BadInputException with fewer than 3 distinct concurrency levels, with no positive
   *     throughput, or when no start converges
   */
  public static UslModel fit(List<UslPoint> points, double confidenceLevel, String source) {
    return fit(points, confidenceLevel, source, MAX_ITERATIONS);
  }

  static UslModel fit(
      List<UslPoint> points, double confidenceLevel, String source, int maxIterations) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(source, "source");
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be in (0, 1), got " + confidenceLevel);
    }
    List<UslPoint> data = List.copyOf(points);
    Set<Double> levels = new HashSet<>();
    data.forEach(p -> levels.add(p.concurrency()));
    if (levels.size() < MIN_POINTS) {
      throw new BadInputException(
          new InputProblem(
              source,
              0,
              0,
              "",
              data.size() == levels.size()
                  ? data.size() + " measured point" + (data.size() == 1 ? "" : "s")
                  : levels.size() + " distinct concurrency levels (in " + data.size() + " points)",
              "at least "
                  + MIN_POINTS
                  + " distinct concurrency levels to fit the three USL coefficients"
                  + " σ, κ, λ (6 or more for a fit worth trusting), for example one load-test"
                  + " result per concurrency level",
              null));
    }
    if (data.stream().allMatch(p -> p.throughput() == 0)) {
      throw new BadInputException(
          new InputProblem(
              source,
              0,
              0,
              "throughput",
              "zero throughput at every point",
              "some positive throughput to fit",
              null));
    }
    double[] n = data.stream().mapToDouble(UslPoint::concurrency).toArray();
    double[] x = data.stream().mapToDouble(UslPoint::throughput).toArray();
    // Fit on X / max X so that the solver sees numbers near 1 whatever the unit (1e-300 or 1e200
    // requests per second fit alike); σ and κ are scale-free, λ and the RSS are scaled back.
    double scale = 0;
    for (double v : x) {
      scale = Math.max(scale, v);
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] / scale;
    }

    Candidate best = fitFace(n, y, Double.NaN, Double.NaN, source, maxIterations, false, null);
    // Active set: hold any coefficient that ended on a bound there and refit the rest.
    for (int round = 0; round < 2; round++) {
      double fixSigma = best.fixed[0] ? best.theta[0] : onBound(best.theta[0]);
      double fixKappa = best.fixed[1] ? best.theta[1] : onBound(best.theta[1]);
      boolean newBound =
          !best.fixed[0] && !Double.isNaN(fixSigma) || !best.fixed[1] && !Double.isNaN(fixKappa);
      if (!newBound) {
        break;
      }
      Candidate face = fitFace(n, y, fixSigma, fixKappa, source, maxIterations, false, best.theta);
      // Adopt the face unless it fits measurably worse (then the coefficient is small, not zero).
      if (face.rss <= best.rss * (1 + 1e-9) + Double.MIN_NORMAL) {
        best = face;
      } else {
        break;
      }
    }
    Candidate amdahl =
        best.fixed[1] && best.theta[1] == 0
            ? best
            : fitFace(n, y, Double.NaN, 0, source, maxIterations, true, null);
    best = best.rescaled(scale);
    amdahl = amdahl.rescaled(scale);
    boolean[] atBound = {best.fixed[0], best.fixed[1], false};
    int p = best.freeCount();
    int df = n.length - p;
    double[][] cov = null;
    double t = Double.NaN;
    List<String> warnings = new ArrayList<>();
    if (n.length < RECOMMENDED_POINTS) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "only %d points: with so few, one odd measurement moves the coefficients a lot and"
                  + " the intervals are wide (or absent); measure at least %d concurrency levels,"
                  + " ideally a dozen, from 1 to past the expected peak",
              n.length,
              RECOMMENDED_POINTS));
    }
    if (df <= 0) {
      warnings.add(
          "as many points as fitted coefficients: the curve passes through every point, so nothing"
              + " is left to estimate the error; no standard errors or intervals");
    } else if (best.unscaledCovariance == null) {
      warnings.add(
          "the coefficients are not separately identifiable from these points (singular"
              + " Jacobian); no standard errors or intervals");
    } else {
      double s2 = best.rss / df;
      cov = new double[3][3];
      int[] idx = best.freeIndices();
      for (int i = 0; i < idx.length; i++) {
        for (int j = 0; j < idx.length; j++) {
          cov[idx[i]][idx[j]] = best.unscaledCovariance[i][j] * s2;
        }
      }
      t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
      if (!allFinite(cov)) {
        cov = null;
        warnings.add(
            "the covariance of the coefficients overflows in these units; no standard errors or"
                + " intervals (rescale the throughput)");
      }
    }
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double tss = 0;
    for (double v : x) {
      tss += (v - mean) * (v - mean);
    }
    return new UslModel(
        data,
        best.theta,
        atBound,
        cov,
        p,
        best.rss,
        tss,
        confidenceLevel,
        t,
        comparison("Amdahl (κ = 0)", amdahl, n.length),
        linear(n, x),
        warnings);
  }

  private static boolean allFinite(double[][] m) {
    for (double[] row : m) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The bound v sits on, or NaN. "On" allows {@value #BOUND_SLACK}: LM approaching a bound from
   * inside can stop a hair away from it (σ = 1e-17 on exactly linear data); the face fit then
   * decides, since it is adopted only if its RSS is no worse.
   */
  private static double onBound(double v) {
    return v <= BOUND_SLACK ? 0 : v >= 1 - BOUND_SLACK ? 1 : Double.NaN;
  }

  private static ComparisonFit comparison(String name, Candidate c, int count) {
    int p = c.freeCount();
    return new ComparisonFit(
        name,
        c.theta[0],
        c.theta[1],
        c.theta[2],
        p,
        c.rss,
        count > p ? Math.sqrt(c.rss / (count - p)) : null);
  }

  /** X = λN by least squares through the origin: λ = ΣNX / ΣN². */
  private static ComparisonFit linear(double[] n, double[] x) {
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n.length; i++) {
      sxy += n[i] * x[i];
      sxx += n[i] * n[i];
    }
    double l = sxy / sxx;
    double rss = 0;
    for (int i = 0; i < n.length; i++) {
      double r = x[i] - l * n[i];
      rss += r * r;
    }
    return new ComparisonFit(
        "linear (X = λN)", 0, 0, l, 1, rss, n.length > 1 ? Math.sqrt(rss / (n.length - 1)) : null);
  }

  /**
   * The best fit over all starts with σ and/or κ held at the given values (NaN = free); with {@code
   * firstConverged}, the first start that converges (enough for the two-coefficient Amdahl
   * comparison, whose surface has one minimum in practice). {@code from}, when not null, is tried
   * first: the point where the previous fit stopped, so a face fit never ends worse than it. Throws
   * when no start converges.
   */
  static Candidate fitFace(
      double[] n,
      double[] x,
      double fixSigma,
      double fixKappa,
      String source,
      int maxIterations,
      boolean firstConverged,
      double[] from) {
    boolean[] fixed = {!Double.isNaN(fixSigma), !Double.isNaN(fixKappa), false};
    double lambda0 = 0;
    for (int i = 0; i < n.length; i++) {
      lambda0 = Math.max(lambda0, x[i] / n[i]);
    }
    List<double[]> starts = new ArrayList<>();
    if (from != null) {
      starts.add(from.clone());
    }
    starts.add(linearisedStart(n, x, lambda0));
    for (double[] s : STARTS) {
      starts.add(new double[] {s[0], s[1], lambda0});
    }
    Candidate best = null;
    RuntimeException last = null;
    for (double[] s : starts) {
      double[] full = {fixed[0] ? fixSigma : s[0], fixed[1] ? fixKappa : s[1], s[2]};
      try {
        Candidate c = solve(n, x, full, fixed, maxIterations);
        if (best == null || c.rss < best.rss) {
          best = c;
        }
        if (firstConverged) {
          break;
        }
      } catch (MathIllegalStateException | MathIllegalArgumentException e) {
        last = e;
      }
    }
    if (best == null) {
      throw new BadInputException(
          new InputProblem(
              source,
              0,
              0,
              "",
              "points the USL fit could not converge on from any of "
                  + starts.size()
                  + " starting points ("
                  + last.getMessage()
                  + ")",
              "points that rise with concurrency, then level off or fall; check the units and that"
                  + " each row pairs a concurrency with its own throughput",
              null),
          last);
    }
    return best;
  }

  /**
   * Gunther's linearisation (<i>Guerrilla Capacity Planning</i>, §5.5): with λ₀ taken as given,
   * N·λ₀/X − 1 = σ(N−1) + κN(N−1) is linear in σ and κ. Solved by 2×2 normal equations and clamped
   * into the bounds; a cheap start close to the optimum for well-behaved data.
   */
  private static double[] linearisedStart(double[] n, double[] x, double lambda0) {
    double a11 = 0;
    double a12 = 0;
    double a22 = 0;
    double b1 = 0;
    double b2 = 0;
    for (int i = 0; i < n.length; i++) {
      if (x[i] <= 0) {
        continue;
      }
      double y = n[i] * lambda0 / x[i] - 1;
      double u = n[i] - 1;
      double v = n[i] * (n[i] - 1);
      a11 += u * u;
      a12 += u * v;
      a22 += v * v;
      b1 += u * y;
      b2 += v * y;
    }
    double det = a11 * a22 - a12 * a12;
    double s = 0.01;
    double k = 1e-4;
    if (det > 0 && Double.isFinite(det)) {
      s = (b1 * a22 - b2 * a12) / det;
      k = (a11 * b2 - a12 * b1) / det;
    }
    return new double[] {clamp(s, 1e-6, 0.999), clamp(k, 1e-9, 0.999), lambda0};
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
  }

  /** One Levenberg–Marquardt run over the free coefficients, projected onto the bounds. */
  private static Candidate solve(
      double[] n, double[] x, double[] start, boolean[] fixed, int maxIterations) {
    int[] free = freeIndices(fixed);
    double[] full = start.clone();
    MultivariateJacobianFunction f =
        point -> {
          double[] t = expand(full, free, point);
          RealVector value = new ArrayRealVector(n.length);
          RealMatrix jac = new Array2DRowRealMatrix(n.length, free.length);
          for (int i = 0; i < n.length; i++) {
            value.setEntry(i, UslModel.throughput(t, n[i]));
            double[] g = UslModel.gradient(t, n[i]);
            for (int j = 0; j < free.length; j++) {
              jac.setEntry(i, j, g[free[j]]);
            }
          }
          return new Pair<>(value, jac);
        };
    double[] init = new double[free.length];
    for (int j = 0; j < free.length; j++) {
      init[j] = full[free[j]];
    }
    double lambdaFloor = start[2] * 1e-15;
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .model(f)
            .target(x)
            .start(init)
            .parameterValidator(
                v -> {
                  RealVector c = v.copy();
                  for (int j = 0; j < free.length; j++) {
                    UslParameter p = UslParameter.values()[free[j]];
                    double lo = p == UslParameter.LAMBDA ? lambdaFloor : p.lowerBound();
                    double e = c.getEntry(j);
                    c.setEntry(j, Double.isNaN(e) ? lo : Math.min(p.upperBound(), Math.max(lo, e)));
                  }
                  return c;
                })
            .maxEvaluations(maxIterations * 4)
            .maxIterations(maxIterations)
            .lazyEvaluation(false)
            .build();
    LeastSquaresOptimizer.Optimum opt =
        new LevenbergMarquardtOptimizer()
            .withCostRelativeTolerance(TOLERANCE)
            .withParameterRelativeTolerance(TOLERANCE)
            .withOrthoTolerance(TOLERANCE)
            .optimize(problem);
    double[] theta = expand(full, free, opt.getPoint());
    double rss = 0;
    for (int i = 0; i < n.length; i++) {
      double r = x[i] - UslModel.throughput(theta, n[i]);
      rss += r * r;
    }
    if (!Double.isFinite(rss)) {
      throw new MathIllegalStateException(
          org.hipparchus.exception.LocalizedCoreFormats.NAN_NOT_ALLOWED);
    }
    double[][] cov = null;
    try {
      cov = opt.getCovariances(1e-14).getData();
      for (double[] row : cov) {
        for (double v : row) {
          if (!Double.isFinite(v)) {
            cov = null;
            break;
          }
        }
        if (cov == null) {
          break;
        }
      }
    } catch (MathIllegalArgumentException e) {
      cov = null;
    }
    return new Candidate(theta, fixed, rss, cov);
  }

  private static int[] freeIndices(boolean[] fixed) {
    int count = 0;
    for (boolean b : fixed) {
      count += b ? 0 : 1;
    }
    int[] idx = new int[count];
    int k = 0;
    for (int i = 0; i < fixed.length; i++) {
      if (!fixed[i]) {
        idx[k++] = i;
      }
    }
    return idx;
  }

  private static double[] expand(double[] full, int[] free, RealVector point) {
    double[] t = full.clone();
    for (int j = 0; j < free.length; j++) {
      t[free[j]] = point.getEntry(j);
    }
    return t;
  }

  /**
   * One local optimum: coefficients (σ, κ, λ), which were held fixed, RSS, (JᵀJ)⁻¹ of the free
   * ones.
   */
  record Candidate(double[] theta, boolean[] fixed, double rss, double[][] unscaledCovariance) {
    int freeCount() {
      return UslFitter.freeIndices(fixed).length;
    }

    int[] freeIndices() {
      return UslFitter.freeIndices(fixed);
    }

    /**
     * This fit in the units of X·c, from one made on X: λ and RSS scale by c and c²; with D =
     * diag(1, 1, c) over the free coefficients, (JᵀJ)⁻¹ becomes D(JᵀJ)⁻¹D / c², so that s²(JᵀJ)⁻¹
     * is the covariance in the new units.
     */
    Candidate rescaled(double c) {
      double[] t = theta.clone();
      t[2] *= c;
      double[][] u = null;
      if (unscaledCovariance != null) {
        int[] idx = freeIndices();
        u = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
          for (int j = 0; j < idx.length; j++) {
            double di = idx[i] == 2 ? c : 1;
            double dj = idx[j] == 2 ? c : 1;
            u[i][j] = unscaledCovariance[i][j] * di * dj / (c * c);
          }
        }
      }
      return new Candidate(t, fixed, rss * c * c, u);
    }
  }
}
