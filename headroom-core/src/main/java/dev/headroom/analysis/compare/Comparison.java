package dev.headroom.analysis.compare;

import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.ingest.loadtest.LatencyHistogram;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Two runs compared step by step: steps are paired by equal concurrency, or, when each side holds
 * exactly one step, those two whatever their concurrency (with a warning if it differs). Each pair
 * gets the difference of throughput and of every percentile both report, with an interval:
 *
 * <ul>
 *   <li>percentiles, when both steps kept their response times: a percentile bootstrap of {@value
 *       #RESAMPLES} resamples per side. The q-quantile of a resample of n draws from the empirical
 *       distribution F̂ is its r-th order statistic, r = ⌈qn⌉, which is F̂⁻¹(U₍ᵣ₎) with U₍ᵣ₎ ~
 *       Beta(r, n − r + 1) (the order statistics of uniforms; David and Nagaraja, <i>Order
 *       Statistics</i>, 2003, §2.2), so each resample costs one Beta draw, not n;
 *   <li>throughput from request counts: each count Poisson, so Var(n/T) = n/T²; the difference's 95
 *       % interval is d ± 1.96·√(n₁/T₁² + n₂/T₂²);
 *   <li>percentiles from summaries with a request count (a k6 end-of-test summary, whose Trend
 *       percentiles are interpolated estimates over n requests): each side's 95 % interval of the
 *       percentile from the binomial spread of its rank, valued between the percentiles the summary
 *       reports ({@link #rankInterval}), plus the printed values' resolution, so a change smaller
 *       than the estimate's own uncertainty is not called significant;
 *   <li>otherwise, the printed values' resolution (half a unit of the last digit of each), which
 *       says nothing about sampling noise, and the report says so.
 * </ul>
 *
 * A difference is significant when its interval excludes 0 and it exceeds the values' resolution
 * (HdrHistogram's 0.1 % for bootstrapped percentiles).
 *
 * @param baseline what was read as the baseline
 * @param candidate what was read as the new run
 * @param steps one per paired step, by concurrency
 * @param gates the gates asked for
 * @param failures the gates broken, each with the difference that broke it
 * @param warnings unpaired steps, differing concurrency, the readers' warnings
 */
public record Comparison(
    LoadTestCurve baseline,
    LoadTestCurve candidate,
    List<StepComparison> steps,
    List<Gate> gates,
    List<GateFailure> failures,
    List<String> warnings) {

  /** Bootstrap resamples per side: enough for stable 2.5 % and 97.5 % percentiles. */
  public static final int RESAMPLES = 2000;

  /** The seed of the bootstrap's streams: one seed, so a comparison gives the same answer twice. */
  public static final long DEFAULT_SEED = 20261201L;

  /** z(0.975) for the 95 % normal interval. */
  private static final double Z = 1.959963984540054;

  public Comparison {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    steps = List.copyOf(steps);
    gates = List.copyOf(gates);
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  /** One pair of steps and its differences. */
  public record StepComparison(Step baseline, Step candidate, List<MetricDifference> differences) {
    public StepComparison {
      Objects.requireNonNull(baseline, "baseline");
      Objects.requireNonNull(candidate, "candidate");
      differences = List.copyOf(differences);
    }
  }

  /** A gate and the difference that broke it. */
  public record GateFailure(Gate gate, StepComparison step, MetricDifference difference) {}

  /**
   * Compares {@code candidate} with {@code baseline}.
   *
   * @param baselineName how messages name the baseline (its files)
   * @throws BadInputException when no step of one side pairs with a step of the other
   */
  public static Comparison of(
      LoadTestCurve baseline,
      String baselineName,
      LoadTestCurve candidate,
      String candidateName,
      List<Gate> gates,
      long seed) {
    List<String> warnings = new ArrayList<>();
    List<Step[]> pairs = new ArrayList<>();
    if (baseline.steps().size() == 1 && candidate.steps().size() == 1) {
      Step b = baseline.steps().get(0);
      Step c = candidate.steps().get(0);
      pairs.add(new Step[] {b, c});
      if (b.concurrency() != c.concurrency()) {
        warnings.add(
            "the runs had different concurrency (baseline "
                + Units.format(b.concurrency(), 6)
                + ", new "
                + Units.format(c.concurrency(), 6)
                + "): throughput and latency change with concurrency, so the differences mix the"
                + " release with the load");
      }
    } else {
      Map<Double, Step> byN = new LinkedHashMap<>();
      baseline.steps().forEach(s -> byN.putIfAbsent(s.concurrency(), s));
      List<String> newOnly = new ArrayList<>();
      for (Step c : candidate.steps()) {
        Step b = byN.remove(c.concurrency());
        if (b == null) {
          newOnly.add(Units.format(c.concurrency(), 6));
        } else {
          pairs.add(new Step[] {b, c});
        }
      }
      if (!byN.isEmpty()) {
        warnings.add(
            "not compared, only in the baseline: concurrency "
                + String.join(", ", byN.keySet().stream().map(n -> Units.format(n, 6)).toList()));
      }
      if (!newOnly.isEmpty()) {
        warnings.add(
            "not compared, only in the new run: concurrency " + String.join(", ", newOnly));
      }
    }
    if (pairs.isEmpty()) {
      throw new BadInputException(
          new InputProblem(
              candidateName,
              0,
              0,
              "",
              "no concurrency level in common with " + baselineName,
              "runs at the same concurrency on both sides, or one step on each side",
              null));
    }
    RandomDataGenerator baseStream = new RandomDataGenerator(seed);
    RandomDataGenerator newStream = new RandomDataGenerator(new Well19937c(seed + 1).nextLong());
    List<StepComparison> steps = new ArrayList<>();
    List<GateFailure> failures = new ArrayList<>();
    for (Step[] p : pairs) {
      List<MetricDifference> diffs = new ArrayList<>();
      for (Metric m : Metric.values()) {
        Double b = m.of(p[0]);
        Double c = m.of(p[1]);
        if (b != null && c != null) {
          diffs.add(difference(m, p[0], p[1], b, c, baseStream, newStream));
        }
      }
      StepComparison sc = new StepComparison(p[0], p[1], diffs);
      steps.add(sc);
      for (Gate g : gates) {
        for (MetricDifference d : diffs) {
          if (g.failedBy(d)) {
            failures.add(new GateFailure(g, sc, d));
          }
        }
      }
    }
    for (Gate g : gates) {
      boolean judged =
          steps.stream()
              .anyMatch(s -> s.differences().stream().anyMatch(d -> d.metric() == g.metric()));
      if (!judged) {
        warnings.add(
            "gate " + g + " not judged: " + g.metric().id() + " is not reported by both runs");
      }
    }
    baseline.warnings().forEach(w -> warnings.add("baseline: " + w));
    candidate.warnings().forEach(w -> warnings.add("new: " + w));
    return new Comparison(baseline, candidate, steps, gates, failures, warnings);
  }

  private static MetricDifference difference(
      Metric m,
      Step bs,
      Step cs,
      double b,
      double c,
      RandomDataGenerator baseStream,
      RandomDataGenerator newStream) {
    double d = c - b;
    Double relative = b == 0 ? null : c / b - 1;
    if (m == Metric.THROUGHPUT
        && bs.requests() > 0
        && cs.requests() > 0
        && bs.durationSeconds() > 0
        && cs.durationSeconds() > 0) {
      double var =
          bs.requests() / (bs.durationSeconds() * bs.durationSeconds())
              + cs.requests() / (cs.durationSeconds() * cs.durationSeconds());
      double half = Z * Math.sqrt(var);
      return new MetricDifference(
          m, b, c, d, relative, d - half, d + half, IntervalMethod.POISSON, Math.abs(d) > half);
    }
    LatencyHistogram bh = bs.histogram();
    LatencyHistogram ch = cs.histogram();
    if (m != Metric.THROUGHPUT && bh != null && ch != null) {
      double[] diffs = new double[RESAMPLES];
      for (int i = 0; i < RESAMPLES; i++) {
        diffs[i] =
            resampledQuantile(ch, m.quantile(), newStream)
                - resampledQuantile(bh, m.quantile(), baseStream);
      }
      Arrays.sort(diffs);
      double lower = diffs[(int) Math.floor(0.025 * (RESAMPLES - 1))];
      double upper = diffs[(int) Math.ceil(0.975 * (RESAMPLES - 1))];
      double resolution = LatencyHistogram.relativeResolution() * Math.max(b, c);
      boolean significant = (lower > 0 || upper < 0) && Math.abs(d) > resolution;
      return new MetricDifference(
          m,
          b,
          c,
          d,
          relative,
          Math.min(lower, d),
          Math.max(upper, d),
          IntervalMethod.BOOTSTRAP,
          significant);
    }
    double resolution = halfUnit(b) + halfUnit(c);
    double[] bi = m == Metric.THROUGHPUT ? null : rankInterval(bs, m.quantile());
    double[] ci = m == Metric.THROUGHPUT ? null : rankInterval(cs, m.quantile());
    if (bi != null && ci != null) {
      // each side's interval as a half-width on either side, combined as independent errors
      double lower = d - Math.hypot(bi[1] - b, c - ci[0]) - resolution;
      double upper = d + Math.hypot(b - bi[0], ci[1] - c) + resolution;
      return new MetricDifference(
          m,
          b,
          c,
          d,
          relative,
          lower,
          upper,
          IntervalMethod.ORDER_STATISTIC,
          lower > 0 || upper < 0);
    }
    return new MetricDifference(
        m,
        b,
        c,
        d,
        relative,
        d - resolution,
        d + resolution,
        IntervalMethod.RESOLUTION,
        Math.abs(d) > resolution);
  }

  /**
   * The 95 % interval of a summary's q-quantile from its request count n: the rank of the sample
   * q-quantile is binomial, so the quantiles q ± z·√(q(1 − q)/n) bound it (David and Nagaraja,
   * <i>Order Statistics</i>, 2003, §7.1), each valued by linear interpolation between the
   * percentiles the summary reports (p50, p90, p95, p99 and the maximum as q = 1). Null when the
   * step has no count or the lower end falls below the lowest reported percentile (nothing to
   * interpolate from): then only the resolution is known.
   */
  static double[] rankInterval(Step s, double q) {
    LatencySummary l = s.latency();
    if (s.requests() <= 0 || l == null) {
      return null;
    }
    double[][] knots = {
      {0.50, l.p50Ms() == null ? Double.NaN : l.p50Ms()},
      {0.90, l.p90Ms() == null ? Double.NaN : l.p90Ms()},
      {0.95, l.p95Ms() == null ? Double.NaN : l.p95Ms()},
      {0.99, l.p99Ms() == null ? Double.NaN : l.p99Ms()},
      {1.00, l.maxMs() == null ? Double.NaN : l.maxMs()}
    };
    List<double[]> known = new ArrayList<>();
    for (double[] k : knots) {
      if (!Double.isNaN(k[1])) {
        known.add(k);
      }
    }
    double half = Z * Math.sqrt(q * (1 - q) / s.requests());
    double lo = q - half;
    double hi = Math.min(1, q + half);
    if (known.size() < 2 || lo < known.get(0)[0] || hi > known.get(known.size() - 1)[0]) {
      return null;
    }
    return new double[] {valueAt(known, lo), valueAt(known, hi)};
  }

  /** Linear interpolation of the (quantile, value) knots at quantile p, within their range. */
  private static double valueAt(List<double[]> knots, double p) {
    for (int i = 1; i < knots.size(); i++) {
      double[] a = knots.get(i - 1);
      double[] b = knots.get(i);
      if (p <= b[0]) {
        return a[1] + (b[1] - a[1]) * (p - a[0]) / (b[0] - a[0]);
      }
    }
    return knots.get(knots.size() - 1)[1];
  }

  /**
   * The q-quantile of one bootstrap resample of {@code h}: the r-th order statistic, r = ⌈qn⌉, of n
   * draws from the empirical distribution is F̂⁻¹(U₍ᵣ₎) with U₍ᵣ₎ ~ Beta(r, n − r + 1).
   */
  static double resampledQuantile(LatencyHistogram h, double q, RandomDataGenerator random) {
    long n = h.total();
    long r = Math.max(1, (long) Math.ceil(q * n));
    double u = n == 1 ? 0.5 : random.nextBeta(r, n - r + 1);
    long rank = Math.min(n, Math.max(1, (long) Math.ceil(u * n)));
    return h.valueAtRank(rank);
  }

  /** Half a unit of the last digit of {@code v} as printed (48 → 0.5, 117.5 → 0.05). */
  static double halfUnit(double v) {
    BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
    return Math.pow(10, -d.scale()) / 2;
  }
}
