package dev.headroom.analysis.usl;

import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A fitted Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)) (Gunther, <i>Guerrilla
 * Capacity Planning</i>, 2007, eq. 4.31 with λ = X(1) as in Schwartz 2015 and R {@code usl} 2.0),
 * with the statistics of the fit and everything that can be read from the curve.
 *
 * <p>Units: concurrency N is a count; throughput X is in whatever unit per time the points were
 * given in; latencies R = N/X (Little's law with no think time) are in the reciprocal time unit, so
 * seconds when throughput is per second. Immutable; built by {@link UslFitter}.
 */
public final class UslModel {

  /**
   * Predictions beyond this multiple of the largest measured concurrency carry a warning (Schwartz
   * 2015, ch. 5).
   */
  public static final double EXTRAPOLATION_FACTOR = 2.0;

  private final List<UslPoint> points;
  private final double[] theta;
  private final boolean[] atBound;
  private final double[][] covariance;
  private final int freeParameters;
  private final double rss;
  private final double tss;
  private final double confidenceLevel;
  private final double tQuantile;
  private final ComparisonFit amdahl;
  private final ComparisonFit linear;
  private final List<String> warnings;
  private final List<BoundHit> boundsHit;
  private final double maxMeasuredConcurrency;

  UslModel(
      List<UslPoint> points,
      double[] theta,
      boolean[] atBound,
      double[][] covariance,
      int freeParameters,
      double rss,
      double tss,
      double confidenceLevel,
      double tQuantile,
      ComparisonFit amdahl,
      ComparisonFit linear,
      List<String> warnings) {
    this.points = List.copyOf(points);
    this.theta = theta.clone();
    this.atBound = atBound.clone();
    this.covariance = covariance == null ? null : deepCopy(covariance);
    this.freeParameters = freeParameters;
    this.rss = rss;
    this.tss = tss;
    this.confidenceLevel = confidenceLevel;
    this.tQuantile = tQuantile;
    this.amdahl = amdahl;
    this.linear = linear;
    this.maxMeasuredConcurrency =
        this.points.stream().mapToDouble(UslPoint::concurrency).max().orElseThrow();
    List<BoundHit> hits = new ArrayList<>();
    for (UslParameter p : UslParameter.values()) {
      if (atBound[p.ordinal()]) {
        hits.add(BoundHit.of(p, theta[p.ordinal()]));
      }
    }
    this.boundsHit = List.copyOf(hits);
    List<String> w = new ArrayList<>(warnings);
    if (kappa() > 0 && peakConcurrency() > EXTRAPOLATION_FACTOR * maxMeasuredConcurrency) {
      w.add(
          String.format(
              Locale.ROOT,
              "the peak N* = %s lies beyond %s× the largest measured concurrency (%s): it is an"
                  + " extrapolation, so treat N* and X(N*) as rough; measure closer to it.",
              Units.format(peakConcurrency(), 4),
              Units.format(EXTRAPOLATION_FACTOR, 2),
              Units.format(maxMeasuredConcurrency, 6)));
    }
    this.warnings = List.copyOf(w);
  }

  /** Contention σ. */
  public double sigma() {
    return theta[0];
  }

  /** Coherency κ. */
  public double kappa() {
    return theta[1];
  }

  /** Throughput at concurrency 1, λ. */
  public double lambda() {
    return theta[2];
  }

  /** The estimate of one coefficient with its standard error and confidence interval. */
  public ParameterEstimate estimate(UslParameter p) {
    int i = p.ordinal();
    Double se = null;
    Interval ci = null;
    if (covariance != null && !atBound[i]) {
      se = Math.sqrt(covariance[i][i]);
      double half = tQuantile * se;
      ci = new Interval(theta[i] - half, theta[i] + half);
    }
    return new ParameterEstimate(p, theta[i], se, ci, atBound[i]);
  }

  /** σ, κ, λ in that order. */
  public List<ParameterEstimate> estimates() {
    List<ParameterEstimate> list = new ArrayList<>();
    for (UslParameter p : UslParameter.values()) {
      list.add(estimate(p));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * The covariance matrix of (σ, κ, λ): s²·(JᵀJ)⁻¹ over the free coefficients, with s² = RSS/(n−p),
   * zero rows and columns for coefficients held at a bound; null when it cannot be estimated.
   */
  public double[][] covariance() {
    return covariance == null ? null : deepCopy(covariance);
  }

  /** Which coefficients the bounded fit held at a bound, with what that means. */
  public List<BoundHit> boundsHit() {
    return boundsHit;
  }

  /** The measured points, in the order given. */
  public List<UslPoint> points() {
    return points;
  }

  /** Observed minus fitted throughput, one per point, in the order of {@link #points()}. */
  public List<Double> residuals() {
    List<Double> r = new ArrayList<>(points.size());
    for (UslPoint p : points) {
      r.add(p.throughput() - throughputAt(p.concurrency()));
    }
    return Collections.unmodifiableList(r);
  }

  public double residualSumOfSquares() {
    return rss;
  }

  /** Number of coefficients estimated (3, fewer when some are held at a bound). */
  public int freeParameters() {
    return freeParameters;
  }

  /** n − p: points minus free coefficients. */
  public int degreesOfFreedom() {
    return points.size() - freeParameters;
  }

  /** s = sqrt(RSS/(n − p)); NaN-free: null when n = p. */
  public Double residualStandardError() {
    int df = degreesOfFreedom();
    return df > 0 ? Math.sqrt(rss / df) : null;
  }

  /**
   * 1 − RSS/TSS. Descriptive only: for a nonlinear model it is not the share of variance explained
   * and can mislead (R {@code usl} 3.0 dropped it for that reason); compare residuals instead.
   */
  public double rSquared() {
    return tss > 0 ? 1 - rss / tss : 1.0;
  }

  /** The level of the confidence intervals and band, e.g. 0.95. */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * The two-sided Student t quantile t(1 − (1 − level)/2, n − p) used for every interval; null when
   * there are no degrees of freedom.
   */
  public Double tQuantile() {
    return covariance == null ? null : tQuantile;
  }

  /** Amdahl's law (κ = 0) fitted to the same points. */
  public ComparisonFit amdahl() {
    return amdahl;
  }

  /** Linear scaling X = λN fitted to the same points (least squares through the origin). */
  public ComparisonFit linear() {
    return linear;
  }

  /** What a reader should know before trusting the fit (few points, extrapolated peak, …). */
  public List<String> warnings() {
    return warnings;
  }

  public double maxMeasuredConcurrency() {
    return maxMeasuredConcurrency;
  }

  // ---- reading the curve ----

  /** X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
  public double throughputAt(double n) {
    checkConcurrency(n);
    return throughput(theta, n);
  }

  /** R(N) = N / X(N) = (1 + σ(N−1) + κN(N−1)) / λ (Little's law). */
  public double latencyAt(double n) {
    checkConcurrency(n);
    return (1 + sigma() * (n - 1) + kappa() * n * (n - 1)) / lambda();
  }

  /**
   * The continuous concurrency of maximum throughput, N* = sqrt((1 − σ)/κ) (Gunther 2007, eq.
   * 4.33), at least 1 (below one unit of concurrency the model means nothing), or positive infinity
   * when κ = 0 (Amdahl: throughput only levels off).
   */
  public double peakConcurrency() {
    if (kappa() == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(1, Math.sqrt((1 - sigma()) / kappa()));
  }

  /**
   * The integer concurrency (at least 1) with the highest X: floor or ceiling of N*; empty when κ =
   * 0.
   */
  public OptionalLong bestIntegerConcurrency() {
    if (kappa() == 0) {
      return OptionalLong.empty();
    }
    double ns = peakConcurrency();
    long lo = Math.max(1, (long) Math.floor(ns));
    long hi = Math.max(1, (long) Math.ceil(ns));
    return OptionalLong.of(throughput(theta, hi) > throughput(theta, lo) ? hi : lo);
  }

  /**
   * X(N*), the highest throughput the model reaches; when κ = 0 the supremum λ/σ (never reached),
   * and positive infinity when σ = κ = 0.
   */
  public double maxThroughput() {
    if (kappa() == 0) {
      return amdahlLimit();
    }
    return throughput(theta, peakConcurrency());
  }

  /**
   * λ/σ: the ceiling throughput would approach if only contention existed (Amdahl's asymptote; R
   * {@code usl} "limit.scalability"); positive infinity when σ = 0.
   */
  public double amdahlLimit() {
    return sigma() == 0 ? Double.POSITIVE_INFINITY : lambda() / sigma();
  }

  /** Which cost dominates at the largest measured concurrency, and what it points to. */
  public Dominance dominance() {
    double contention = contentionCost();
    double coherency = coherencyCost();
    if (contention == 0 && coherency == 0) {
      return Dominance.NEITHER;
    }
    if (contention <= coherency * Dominance.SIMILAR
        && coherency <= contention * Dominance.SIMILAR) {
      return Dominance.BOTH;
    }
    return contention > coherency ? Dominance.CONTENTION : Dominance.COHERENCY;
  }

  /** σ(N−1) at the largest measured N: the contention term of the denominator. */
  public double contentionCost() {
    return sigma() * (maxMeasuredConcurrency - 1);
  }

  /** κN(N−1) at the largest measured N: the coherency term of the denominator. */
  public double coherencyCost() {
    return kappa() * maxMeasuredConcurrency * (maxMeasuredConcurrency - 1);
  }

  /**
   * Both concurrencies at which the model delivers throughput {@code x}. Solving X(N) = x gives
   * xκN² + (xσ − xκ − λ)N + x(1 − σ) = 0; with b = λ − xσ + xκ and Δ = b² − 4x²κ(1 − σ) the roots
   * are (b ∓ √Δ)/(2xκ). The lower one is computed as 2x(1 − σ)/(b + √Δ), which is stable and stays
   * valid when κ = 0 (then it is x(1−σ)/(λ − xσ), Schwartz 2015 eq. 8). usl4j's inverse uses only
   * the κ = 0 form and so understates N near the peak.
   *
   * @throws IllegalArgumentException if x is not positive or exceeds {@link #maxThroughput()}
   */
  public ConcurrencyBranches concurrenciesAt(double x) {
    if (!(x > 0) || !Double.isFinite(x)) {
      throw new IllegalArgumentException("throughput must be positive and finite, got " + x);
    }
    double s = sigma();
    double k = kappa();
    double l = lambda();
    double b = l - x * s + x * k;
    double disc = b * b - 4 * x * x * k * (1 - s);
    double max = maxThroughput();
    // At X(N*) itself Δ is 0 up to rounding, so a tiny negative Δ still counts as the peak.
    if (x > max * (1 + 1e-12) || b <= 0 || disc < -1e-12 * b * b) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "throughput %s is beyond what the model reaches: its maximum is %s%s",
              Units.format(x, 6),
              Units.format(max, 6),
              k == 0
                  ? " (the Amdahl limit λ/σ, approached but never reached)"
                  : " at N* = " + Units.format(peakConcurrency(), 5)));
    }
    double root = Math.sqrt(Math.max(0, disc));
    double lower = 2 * x * (1 - s) / (b + root);
    double upper = k == 0 ? Double.POSITIVE_INFINITY : (b + root) / (2 * x * k);
    if (s == 1) {
      // X(N) = λ/(1 + κ(N−1)) is flat (κ = 0) or falling; N ≥ 1 only on the falling side.
      lower = k == 0 ? 1 : 1 + (l / x - 1) / k;
      upper = lower;
    }
    return new ConcurrencyBranches(lower, Math.max(upper, lower));
  }

  /**
   * The useful (lower-branch) concurrency at throughput x; see {@link #concurrenciesAt(double)}.
   */
  public double concurrencyAt(double x) {
    return concurrenciesAt(x).lower();
  }

  /**
   * Latency R = N/x on the useful branch at throughput x (the full-κ inverse, not usl4j's
   * shortcut).
   */
  public double latencyAtThroughput(double x) {
    return concurrencyAt(x) / x;
  }

  /**
   * The concurrency at which latency reaches r: R(N) = (1 + σ(N−1) + κN(N−1))/λ solved for N, κN² +
   * (σ − κ)N + (1 − σ − rλ) = 0, positive root (Schwartz 2015, "N(R)"). R rises with N, so there is
   * one answer.
   *
   * @throws IllegalArgumentException when r is below 1/λ, the latency at N = 1 (the least the model
   *     offers)
   */
  public double concurrencyAtLatency(double r) {
    if (!(r > 0) || !Double.isFinite(r)) {
      throw new IllegalArgumentException("latency must be positive and finite, got " + r);
    }
    double s = sigma();
    double k = kappa();
    double c = 1 - s - r * lambda();
    if (r < 1 / lambda()) {
      throw new IllegalArgumentException(
          "latency "
              + Units.format(r, 6)
              + " is below the model's latency at concurrency 1, 1/λ = "
              + Units.format(1 / lambda(), 6));
    }
    if (k == 0) {
      if (s == 0) {
        throw new IllegalArgumentException("with σ = κ = 0 latency is 1/λ at every concurrency");
      }
      return -c / s;
    }
    double b = s - k;
    return (-b + Math.sqrt(b * b - 4 * k * c)) / (2 * k);
  }

  /** X at the concurrency where latency reaches r: N(r)/r. */
  public double throughputAtLatency(double r) {
    return concurrencyAtLatency(r) / r;
  }

  /**
   * The confidence band of X(N) at this model's level, by the delta method: Var X̂(N) ≈ gᵀ C g with
   * g = ∂X/∂(σ, κ, λ) and C the covariance; half-width t·√Var, t at n − p degrees of freedom. It
   * covers the mean curve, not single new measurements. Null when the fit has no covariance.
   */
  public Interval throughputBand(double n) {
    checkConcurrency(n);
    if (covariance == null) {
      return null;
    }
    return deltaInterval(throughput(theta, n), gradient(theta, n), 0);
  }

  /**
   * Confidence interval of N* by the delta method: ∂(N*)/∂σ = −1/(2κN*), ∂(N*)/∂κ = −N* / (2κ).
   * Null when there is no peak (κ = 0), when N* is clamped to 1, or when the fit has no covariance.
   */
  public Interval peakConcurrencyInterval() {
    if (covariance == null || kappa() == 0 || Math.sqrt((1 - sigma()) / kappa()) < 1) {
      return null;
    }
    double ns = peakConcurrency();
    double[] g = {-1 / (2 * kappa() * ns), -ns / (2 * kappa()), 0};
    return deltaInterval(ns, g, 1);
  }

  /**
   * Confidence interval of X(N*) by the delta method. Because ∂X/∂N = 0 at N*, the gradient of
   * X(N*(θ); θ) is just ∂X/∂θ at N* (the envelope theorem). Null when {@link
   * #peakConcurrencyInterval()} is.
   */
  public Interval maxThroughputInterval() {
    if (peakConcurrencyInterval() == null) {
      return null;
    }
    double ns = peakConcurrency();
    return deltaInterval(throughput(theta, ns), gradient(theta, ns), 0);
  }

  private Interval deltaInterval(double value, double[] g, double floor) {
    double var = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        var += g[i] * covariance[i][j] * g[j];
      }
    }
    double half = tQuantile * Math.sqrt(Math.max(0, var));
    if (!Double.isFinite(half)) {
      return null;
    }
    return new Interval(Math.max(floor, value - half), value + half);
  }

  /** True when n is beyond {@link #EXTRAPOLATION_FACTOR}× the largest measured concurrency. */
  public boolean isExtrapolation(double n) {
    return n > EXTRAPOLATION_FACTOR * maxMeasuredConcurrency;
  }

  /** The model read at concurrency n: throughput, band, latency, and an extrapolation warning. */
  public UslPrediction predictAtConcurrency(double n) {
    checkConcurrency(n);
    List<String> w = new ArrayList<>();
    extrapolationWarning(n, w);
    return new UslPrediction(n, throughputAt(n), throughputBand(n), latencyAt(n), null, w);
  }

  /**
   * The model read at throughput x: the useful concurrency, its latency, and the retrograde branch.
   *
   * @throws IllegalArgumentException when x is beyond {@link #maxThroughput()}
   */
  public UslPrediction predictAtThroughput(double x) {
    ConcurrencyBranches b = concurrenciesAt(x);
    List<String> w = new ArrayList<>();
    extrapolationWarning(b.lower(), w);
    return new UslPrediction(b.lower(), x, throughputBand(b.lower()), b.lower() / x, b.upper(), w);
  }

  private void extrapolationWarning(double n, List<String> w) {
    if (isExtrapolation(n)) {
      w.add(
          String.format(
              Locale.ROOT,
              "concurrency %s is more than %s× the largest measured (%s): an extrapolation; the USL"
                  + " cannot see saturation it was not shown, so measure before relying on it",
              Units.format(n, 6),
              Units.format(EXTRAPOLATION_FACTOR, 2),
              Units.format(maxMeasuredConcurrency, 6)));
    }
  }

  private static void checkConcurrency(double n) {
    if (!(n > 0) || !Double.isFinite(n)) {
      throw new IllegalArgumentException("concurrency must be positive and finite, got " + n);
    }
  }

  static double throughput(double[] t, double n) {
    return t[2] * n / (1 + t[0] * (n - 1) + t[1] * n * (n - 1));
  }

  /** ∂X/∂σ = −λN(N−1)/D², ∂X/∂κ = −λN²(N−1)/D², ∂X/∂λ = N/D, with D the denominator. */
  static double[] gradient(double[] t, double n) {
    double d = 1 + t[0] * (n - 1) + t[1] * n * (n - 1);
    double q = t[2] * n / (d * d);
    return new double[] {-q * (n - 1), -q * n * (n - 1), n / d};
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "UslModel[σ=%s, κ=%s, λ=%s]",
        Units.format(sigma(), 7),
        Units.format(kappa(), 7),
        Units.format(lambda(), 7));
  }
}
