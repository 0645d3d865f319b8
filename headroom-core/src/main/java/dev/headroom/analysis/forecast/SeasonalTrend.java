package dev.headroom.analysis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * A trend with a day-of-week season fitted to daily peaks by least squares:
 *
 * <pre>
 *   linear:      y(t)     = a + b·t + s(dow(t)) + e(t)
 *   log-linear:  ln y(t)  = a + b·t + s(dow(t)) + e(t)     (growth by a constant factor a day)
 * </pre>
 *
 * with t in days from the first day, s one effect per weekday (the first day's weekday is the
 * reference, so six effects), and e the residual. Both shapes are fitted; the one with the smaller
 * squared error on the peaks themselves is kept (same number of parameters, so the comparison is
 * fair). Future peaks are simulated (see {@link #paths}) so that intervals carry the residuals'
 * real shape, bursts included, and the uncertainty of the fitted parameters.
 */
public final class SeasonalTrend {

  /** The trend's shape. */
  public enum Shape {
    LINEAR("linear trend"),
    LOG_LINEAR("log-linear (exponential) trend");

    private final String label;

    Shape(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Intercept, slope and six weekday effects. */
  static final int PARAMETERS = 8;

  /**
   * Residuals are resampled in blocks of a week, so that a bad week (a burst that lasts days) stays
   * a bad week in the simulated future instead of being shuffled into independent days (the moving
   * block bootstrap, Künsch 1989).
   */
  static final int BLOCK_DAYS = 7;

  /** Days per month: 365.25 / 12, the calendar's mean month. */
  public static final double DAYS_PER_MONTH = 365.25 / 12;

  private final DailyPeaks history;
  private final Shape shape;
  private final double[] beta;
  private final RealMatrix covariance;
  private final double[] residuals;
  private final int observed;
  private final double rSquared;
  private final double squaredError;
  private final double otherSquaredError;
  private final DayOfWeek reference;

  private SeasonalTrend(
      DailyPeaks history,
      Shape shape,
      double[] beta,
      RealMatrix covariance,
      double[] residuals,
      int observed,
      double rSquared,
      double squaredError,
      double otherSquaredError) {
    this.history = history;
    this.shape = shape;
    this.beta = beta;
    this.covariance = covariance;
    this.residuals = residuals;
    this.observed = observed;
    this.rSquared = rSquared;
    this.squaredError = squaredError;
    this.otherSquaredError = otherSquaredError;
    this.reference = history.first().getDayOfWeek();
  }

  /**
   * Why {@code peaks} cannot be forecast, or empty if it can: fewer observed days than {@code
   * minDays}, or a weekday seen fewer than twice (its effect could not be told from noise).
   */
  public static Optional<String> insufficient(DailyPeaks peaks, int minDays) {
    int n = peaks.observed();
    if (n < minDays) {
      return Optional.of(
          "at least "
              + minDays
              + " days with daily peaks (two of each weekday for the weekly season); the series has "
              + n);
    }
    int[] perDay = new int[7];
    for (int d = 0; d < peaks.days(); d++) {
      if (!Double.isNaN(peaks.peak(d))) {
        perDay[peaks.date(d).getDayOfWeek().ordinal()]++;
      }
    }
    List<String> thin = new ArrayList<>();
    for (DayOfWeek w : DayOfWeek.values()) {
      if (perDay[w.ordinal()] < 2) {
        thin.add(w.name().charAt(0) + w.name().substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (!thin.isEmpty()) {
      return Optional.of(
          "at least two daily peaks on every weekday; too few on " + String.join(", ", thin));
    }
    return Optional.empty();
  }

  /**
   * Fits both shapes to {@code peaks} and keeps the better.
   *
   * @throws IllegalArgumentException when {@link #insufficient} says the peaks cannot be forecast
   */
  public static SeasonalTrend fit(DailyPeaks peaks, int minDays) {
    insufficient(peaks, minDays)
        .ifPresent(
            needs -> {
              throw new IllegalArgumentException("cannot fit daily peaks: needs " + needs);
            });
    SeasonalTrend linear = fit(peaks, Shape.LINEAR);
    boolean positive = true;
    for (int d = 0; d < peaks.days(); d++) {
      positive &= Double.isNaN(peaks.peak(d)) || peaks.peak(d) > 0;
    }
    if (!positive) {
      return linear; // a zero peak has no logarithm: only the linear shape fits
    }
    SeasonalTrend log = fit(peaks, Shape.LOG_LINEAR);
    return log.squaredError < linear.squaredError
        ? log.comparedWith(linear.squaredError)
        : linear.comparedWith(log.squaredError);
  }

  private SeasonalTrend comparedWith(double other) {
    return new SeasonalTrend(
        history, shape, beta, covariance, residuals, observed, rSquared, squaredError, other);
  }

  private static SeasonalTrend fit(DailyPeaks peaks, Shape shape) {
    DayOfWeek ref = peaks.first().getDayOfWeek();
    int n = peaks.observed();
    double[] y = new double[n];
    double[][] x = new double[n][];
    int i = 0;
    for (int d = 0; d < peaks.days(); d++) {
      double p = peaks.peak(d);
      if (Double.isNaN(p)) {
        continue;
      }
      y[i] = shape == Shape.LOG_LINEAR ? Math.log(p) : p;
      x[i] = regressors(d, peaks.date(d).getDayOfWeek(), ref);
      i++;
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double errorVariance = ols.estimateErrorVariance();
    RealMatrix covariance =
        MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance())
            .scalarMultiply(errorVariance);
    double[] residuals = ols.estimateResiduals();
    double sse = 0;
    for (int k = 0; k < n; k++) {
      double fitted = y[k] - residuals[k];
      double original = shape == Shape.LOG_LINEAR ? Math.exp(fitted) : fitted;
      double back = shape == Shape.LOG_LINEAR ? Math.exp(y[k]) : y[k];
      sse += (back - original) * (back - original);
    }
    double r2 = ols.calculateRSquared();
    return new SeasonalTrend(peaks, shape, beta, covariance, residuals, n, r2, sse, Double.NaN);
  }

  /** The regressors of day {@code t} (the intercept is added by the regression). */
  private static double[] regressors(int t, DayOfWeek dow, DayOfWeek ref) {
    double[] row = new double[PARAMETERS - 1];
    row[0] = t;
    int offset = Math.floorMod(dow.ordinal() - ref.ordinal(), 7);
    if (offset > 0) {
      row[offset] = 1;
    }
    return row;
  }

  /** The fitted value of day {@code t} on the model's scale. */
  private double fittedOnScale(int t) {
    double[] row = regressors(t, history.date(t).getDayOfWeek(), reference);
    double v = beta[0];
    for (int k = 0; k < row.length; k++) {
      v += beta[k + 1] * row[k];
    }
    return v;
  }

  /** The fitted peak of day {@code t} (a future day if past the history), in the series' unit. */
  public double fitted(int t) {
    return toUnit(fittedOnScale(t));
  }

  private double toUnit(double onScale) {
    return shape == Shape.LOG_LINEAR ? Math.exp(onScale) : onScale;
  }

  public Shape shape() {
    return shape;
  }

  public DailyPeaks history() {
    return history;
  }

  /** Observed days the fit used. */
  public int observed() {
    return observed;
  }

  /** R² on the model's scale (of ln y for the log-linear shape). */
  public double rSquared() {
    return rSquared;
  }

  /** The residuals' standard deviation on the model's scale, with n − p degrees of freedom. */
  public double residualSd() {
    double ss = 0;
    for (double r : residuals) {
      ss += r * r;
    }
    return Math.sqrt(ss / (observed - PARAMETERS));
  }

  /** Squared error of the kept shape on the peaks, and of the other one (NaN if not fitted). */
  public double squaredError() {
    return squaredError;
  }

  public double otherSquaredError() {
    return otherSquaredError;
  }

  /** The slope b per day on the model's scale, and its standard error. */
  public double slope() {
    return beta[1];
  }

  public double slopeStandardError() {
    return Math.sqrt(covariance.getEntry(1, 1));
  }

  /** Degrees of freedom of the residuals: observed days − 8 parameters. */
  public int degreesOfFreedom() {
    return observed - PARAMETERS;
  }

  /**
   * Relative growth per month at the slope {@code b} (per day on the model's scale): e^(b·30.44) −
   * 1 for the log-linear shape; b·30.44 / level for the linear one, the level being the fitted peak
   * averaged over the last week (the weekday effects cancel over a week).
   */
  public double growthPerMonth(double b) {
    if (shape == Shape.LOG_LINEAR) {
      return Math.expm1(b * DAYS_PER_MONTH);
    }
    double level = 0;
    int last = history.days() - 1;
    for (int t = last - 6; t <= last; t++) {
      level += fitted(t);
    }
    level /= 7;
    if (!(level > 0)) {
      throw new IllegalStateException(
          "the fitted level is " + level + ": growth relative to it is undefined");
    }
    return b * DAYS_PER_MONTH / level;
  }

  /**
   * Simulated future daily peaks: {@code draws} paths over the {@code days} days after the
   * history's last day. Each path draws the parameters from their sampling distribution (a
   * multivariate t with n − p degrees of freedom around the estimate, covariance σ̂²(XᵀX)⁻¹), and
   * adds residuals resampled in blocks of {@value #BLOCK_DAYS} days, inflated by √(n / (n − p)) so
   * that in-sample residuals, which the fit has shrunk, stand for out-of-sample errors (Davison &
   * Hinkley 1997, §6.2.3). Path {@code [k][j]} is day {@code history.days() + j}.
   */
  public double[][] paths(int days, int draws, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int df = degreesOfFreedom();
    RealMatrix l = choleskyOrZero(covariance);
    double inflate = Math.sqrt((double) observed / df);
    int block = Math.min(BLOCK_DAYS, residuals.length);
    int first = history.days();
    double[][] base = new double[days][];
    for (int j = 0; j < days; j++) {
      base[j] = regressors(first + j, history.date(first + j).getDayOfWeek(), reference);
    }
    double[][] out = new double[draws][days];
    double[] z = new double[PARAMETERS];
    double[] b = new double[PARAMETERS];
    for (int k = 0; k < draws; k++) {
      double chi2 = 0;
      for (int m = 0; m < df; m++) {
        double g = random.nextGaussian();
        chi2 += g * g;
      }
      double w = Math.sqrt(df / chi2);
      for (int m = 0; m < PARAMETERS; m++) {
        z[m] = random.nextGaussian() * w;
      }
      for (int r = 0; r < PARAMETERS; r++) {
        double s = beta[r];
        for (int c = 0; c <= r; c++) {
          s += l.getEntry(r, c) * z[c];
        }
        b[r] = s;
      }
      int pos = 0;
      int left = 0;
      for (int j = 0; j < days; j++) {
        if (left == 0) {
          pos = random.nextInt(residuals.length); // circular blocks
          left = block;
        }
        double e = residuals[pos] * inflate;
        pos = (pos + 1) % residuals.length;
        left--;
        double v = b[0];
        double[] row = base[j];
        for (int m = 0; m < row.length; m++) {
          v += b[m + 1] * row[m];
        }
        out[k][j] = Math.max(0, toUnit(v + e));
      }
    }
    return out;
  }

  /**
   * The Cholesky factor of the parameters' covariance, taken on the correlation matrix (unit
   * diagonal, so the decomposition's positivity threshold means the same for a utilisation and for
   * a request rate) and scaled back. Zero when the fit is exact: a noiseless series leaves no
   * residual, every parameter variance is σ̂² times a constant, and all of them are rounding.
   */
  private RealMatrix choleskyOrZero(RealMatrix covariance) {
    int p = covariance.getRowDimension();
    double[] sd = new double[p];
    for (int i = 0; i < p; i++) {
      double v = covariance.getEntry(i, i);
      if (!(v > EXACT_FIT_VARIANCE * (1 + beta[i] * beta[i]))) {
        return MatrixUtils.createRealMatrix(p, p);
      }
      sd[i] = Math.sqrt(v);
    }
    RealMatrix correlation = MatrixUtils.createRealMatrix(p, p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        correlation.setEntry(i, j, covariance.getEntry(i, j) / (sd[i] * sd[j]));
      }
    }
    RealMatrix l =
        new CholeskyDecomposition(
                correlation,
                CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD,
                CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD)
            .getL();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        l.setEntry(i, j, l.getEntry(i, j) * sd[i]);
      }
    }
    return l;
  }

  /** A parameter variance below this share of the parameter's square is rounding, not spread. */
  private static final double EXACT_FIT_VARIANCE = 1e-24;

  /**
   * The pointwise prediction band of the {@code days} days after the history: per day, the lower,
   * median and upper quantiles of the simulated peaks ({@code [j][0..2]}).
   */
  public double[][] band(int days, ForecastSettings settings) {
    double[][] paths = paths(days, settings.draws(), settings.seed());
    double[][] out = new double[days][3];
    double[] column = new double[paths.length];
    for (int j = 0; j < days; j++) {
      for (int k = 0; k < paths.length; k++) {
        column[k] = paths[k][j];
      }
      Arrays.sort(column);
      out[j][0] = quantile(column, settings.lowerQuantile());
      out[j][1] = quantile(column, 0.5);
      out[j][2] = quantile(column, settings.upperQuantile());
    }
    return out;
  }

  /** The nearest-rank quantile q of sorted {@code xs}: the smallest with a share q at or below. */
  static double quantile(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** The date of day {@code t} counted from the history's first day. */
  public LocalDate date(int t) {
    return history.date(t);
  }
}
