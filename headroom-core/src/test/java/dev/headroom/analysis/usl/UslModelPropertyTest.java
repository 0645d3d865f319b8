package dev.headroom.analysis.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of a fitted model, over models fitted to noisy points drawn from random (σ, κ, λ), one
 * seed per case so a failure can be replayed.
 */
class UslModelPropertyTest {

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** Fits points made from random coefficients with 2 % multiplicative noise. */
  static UslModel randomModel(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double sigma = rnd.nextDouble(0.0, 0.2);
    double kappa = rnd.nextBoolean() ? rnd.nextDouble(1e-5, 5e-3) : 0.0;
    double lambda = Math.exp(rnd.nextDouble(0, Math.log(1e5)));
    int count = 6 + rnd.nextInt(15);
    int step = 1 + rnd.nextInt(4);
    List<UslPoint> pts = new ArrayList<>();
    double[] t = {sigma, kappa, lambda};
    for (int i = 0; i < count; i++) {
      double n = 1 + i * step;
      double x = UslModel.throughput(t, n) * (1 + 0.02 * (rnd.nextDouble() * 2 - 1));
      pts.add(new UslPoint(n, x));
    }
    return UslFitter.fit(pts);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void throughput_neverExceedsLinearScaling(long seed) {
    UslModel m = randomModel(seed);
    for (double n = 1; n <= 1000; n *= 1.7) {
      assertThat(m.throughputAt(n)).isLessThanOrEqualTo(m.lambda() * n * (1 + 1e-12));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void peakConcurrency_maximisesThroughput(long seed) {
    UslModel m = randomModel(seed);
    if (m.kappa() == 0) {
      // Amdahl: X rises for ever towards λ/σ
      assertThat(m.throughputAt(1e6)).isLessThanOrEqualTo(m.maxThroughput());
      assertThat(m.throughputAt(2e6)).isGreaterThan(m.throughputAt(1e6));
      return;
    }
    double ns = m.peakConcurrency();
    double xs = m.maxThroughput();
    assertThat(xs).isEqualTo(m.throughputAt(ns));
    for (double f : new double[] {0.5, 0.9, 0.99, 1.01, 1.1, 2, 10}) {
      if (ns * f >= 1) {
        assertThat(m.throughputAt(ns * f)).isLessThanOrEqualTo(xs);
      }
    }
    long best = m.bestIntegerConcurrency().orElseThrow();
    for (long k = Math.max(1, best - 3); k <= best + 3; k++) {
      assertThat(m.throughputAt(k)).isLessThanOrEqualTo(m.throughputAt(best));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inverse_roundTripsOnBothBranches(long seed) {
    UslModel m = randomModel(seed);
    for (double f : new double[] {0.01, 0.3, 0.7, 0.95, 0.999, m.kappa() > 0 ? 1.0 : 0.9999}) {
      double x = m.maxThroughput() * f;
      ConcurrencyBranches b = m.concurrenciesAt(x);
      assertThat(m.throughputAt(b.lower())).isCloseTo(x, within(x * 1e-9));
      if (Double.isFinite(b.upper())) {
        assertThat(m.throughputAt(b.upper())).isCloseTo(x, within(x * 1e-9));
        assertThat(b.upper()).isGreaterThanOrEqualTo(m.peakConcurrency() * (1 - 1e-9));
      }
      assertThat(b.lower()).isLessThanOrEqualTo(m.peakConcurrency() * (1 + 1e-9));
    }
    for (double n = 1; n < Math.min(m.peakConcurrency(), 1e4); n *= 1.9) {
      assertThat(m.concurrencyAt(m.throughputAt(n))).isCloseTo(n, within(n * 1e-9));
      assertThat(m.concurrencyAtLatency(m.latencyAt(n))).isCloseTo(n, within(n * 1e-9));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void latency_isConcurrencyOverThroughput(long seed) {
    UslModel m = randomModel(seed);
    for (double n = 1; n <= 500; n *= 2.3) {
      assertThat(m.latencyAt(n)).isCloseTo(n / m.throughputAt(n), within(m.latencyAt(n) * 1e-12));
    }
    double x = m.maxThroughput() * 0.5;
    assertThat(m.latencyAtThroughput(x))
        .isCloseTo(m.concurrencyAt(x) / x, within(1e-15 + m.latencyAtThroughput(x) * 1e-12));
    // more concurrency never lowers latency
    assertThat(m.latencyAt(10)).isGreaterThanOrEqualTo(m.latencyAt(5));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void band_containsTheCurveAndHasPositiveWidth(long seed) {
    UslModel m = randomModel(seed);
    double nMax = m.maxMeasuredConcurrency();
    Interval inside = m.throughputBand(nMax / 2);
    Interval far = m.throughputBand(nMax * 4);
    assertThat(inside.contains(m.throughputAt(nMax / 2))).isTrue();
    assertThat(far.contains(m.throughputAt(nMax * 4))).isTrue();
    assertThat(inside.upper()).isGreaterThan(inside.lower());
    assertThat(far.upper()).isGreaterThan(far.lower());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fit_staysWithinBounds(long seed) {
    UslModel m = randomModel(seed);
    assertThat(m.sigma()).isBetween(0.0, 1.0);
    assertThat(m.kappa()).isBetween(0.0, 1.0);
    assertThat(m.lambda()).isPositive();
    assertThat(m.rSquared()).isLessThanOrEqualTo(1.0);
  }
}
