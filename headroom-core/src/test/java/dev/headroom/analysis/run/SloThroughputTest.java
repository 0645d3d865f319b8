package dev.headroom.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SloThroughputTest {

  private static final double[] LEVELS = {1, 2, 4, 8, 16, 24, 32, 48};

  /** X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
  private static double x(double s, double k, double l, double n) {
    return l * n / (1 + s * (n - 1) + k * n * (n - 1));
  }

  /**
   * Steps exactly on a USL curve, each with mean response time N/X − Z (seconds) and p95 = {@code
   * ratio} × mean, and the model fitted to them (which recovers the coefficients).
   */
  private record Curve(List<Step> steps, UslModel model) {}

  private static Curve curve(double s, double k, double l, double thinkSeconds, double ratio) {
    List<Step> steps = new ArrayList<>();
    List<UslPoint> points = new ArrayList<>();
    for (double n : LEVELS) {
      double xn = x(s, k, l, n);
      double meanMs = (n / xn - thinkSeconds) * 1000;
      LatencySummary lat =
          new LatencySummary(meanMs, meanMs, null, meanMs * ratio, null, null, "test");
      steps.add(new Step(n, ConcurrencyOrigin.GAUGE, 10_000, 0, 10_000 / xn, xn, lat));
      points.add(new UslPoint(n, xn));
    }
    return new Curve(steps, UslFitter.fit(points));
  }

  private static Slo p95(double ms) {
    return new Slo(Slo.Percentile.P95, ms);
  }

  @Test
  void model_limitBelowThePeak_isTheRootOfTheUslLatencyQuadratic() {
    Curve c = curve(0.05, 0.001, 100, 0, 2);
    // p95 ≤ 40 ms with p95 = 2 × mean: mean r = 20 ms; κN² + (σ − κ)N + (1 − σ − rλ) = 0
    double r = 0.020;
    double b = 0.05 - 0.001;
    double cc = 1 - 0.05 - r * 100;
    double n = (-b + Math.sqrt(b * b - 4 * 0.001 * cc)) / (2 * 0.001);
    SloThroughput t = SloThroughput.of(p95(40), c.steps(), c.model(), "test");
    assertThat(t.model().concurrency()).isCloseTo(n, within(1e-4));
    assertThat(t.model().throughput().value()).isCloseTo(n / r, within(1e-2));
    assertThat(t.model().note()).contains("p95/mean = 2 (median of 8 steps").contains("Z = 0 ms");
    assertThat(t.model().throughput().provenance().kind()).isEqualTo("derived");
  }

  @Test
  void model_thinkTimeBetweenRequests_isTakenOutOfNOverX() {
    // 200 ms per request at N = 1, of which each virtual user pauses 100 ms between a response
    // and its next request: p95 ≤ 600 ms is a mean r = 300 ms, so N/X = r + Z = 400 ms
    Curve paused = curve(0.05, 0.001, 5, 0.100, 2);
    double r = 0.300;
    double b = 0.05 - 0.001;
    double cc = 1 - 0.05 - (r + 0.100) * 5;
    double n = (-b + Math.sqrt(b * b - 4 * 0.001 * cc)) / (2 * 0.001);
    SloThroughput t = SloThroughput.of(p95(600), paused.steps(), paused.model(), "test");
    assertThat(t.model().concurrency()).isCloseTo(n, within(1e-3));
    assertThat(t.model().note()).contains("Z = 100 ms");
  }

  @Test
  void model_limitAbovePeakLatency_answersThePeak() {
    Curve c = curve(0.05, 0.001, 100, 0, 2);
    SloThroughput t = SloThroughput.of(p95(2000), c.steps(), c.model(), "test");
    double peak = Math.sqrt((1 - 0.05) / 0.001);
    assertThat(t.model().concurrency()).isCloseTo(peak, within(1e-3));
    assertThat(t.model().throughput().value()).isCloseTo(x(0.05, 0.001, 100, peak), within(1e-2));
    assertThat(t.model().note()).contains("the answer is X(N*)");
  }

  @Test
  void measured_crossingBetweenSteps_isInterpolatedLinearlyInN() {
    Step a = step(1, 10, 100);
    Step b = step(3, 25, 200);
    Step c = step(5, 30, 400);
    Curve model = curve(0.05, 0.001, 100, 0, 2);
    SloThroughput t = SloThroughput.of(p95(150), List.of(c, a, b), model.model(), "run.csv");
    // halfway from 100 ms to 200 ms: N = 2, X = 17.5/s
    assertThat(t.measured().concurrency()).isCloseTo(2, within(1e-12));
    assertThat(t.measured().throughput().value()).isCloseTo(17.5, within(1e-12));
    assertThat(t.measured().bound()).isFalse();
    assertThat(t.measured().note())
        .startsWith("interpolated between N = 1 (p95 100 ms, 10/s) and N = 3 (p95 200 ms, 25/s)");
  }

  @Test
  void measured_everyStepWithinTheLimit_isOnlyALowerBound() {
    Curve model = curve(0.05, 0.001, 100, 0, 2);
    SloThroughput t =
        SloThroughput.of(
            p95(500), List.of(step(1, 10, 100), step(3, 25, 200)), model.model(), "run.csv");
    assertThat(t.measured().throughput().value()).isEqualTo(25);
    assertThat(t.measured().bound()).isTrue();
    assertThat(t.measured().note()).startsWith("the highest measured step meets p95 ≤ 500 ms");
  }

  @Test
  void measured_firstStepAlreadyOverTheLimit_hasNoAnswerAndSaysWhy() {
    Curve model = curve(0.05, 0.001, 100, 0, 2);
    SloThroughput t =
        SloThroughput.of(p95(50), List.of(step(1, 10, 100)), model.model(), "run.csv");
    assertThat(t.measured().throughput()).isNull();
    assertThat(t.measured().note()).contains("at the lowest, N = 1, p95 is 100 ms");
  }

  private static Step step(double n, double x, double p95Ms) {
    LatencySummary lat = new LatencySummary(p95Ms / 2, null, null, p95Ms, null, null, "test");
    return new Step(n, ConcurrencyOrigin.GAUGE, 1000, 0, 1000 / x, x, lat);
  }

  @Test
  void measured_noisyStepPastTheLimitBelowStepsWithinIt_answersTheBestStepAndSaysSo() {
    Curve model = curve(0.05, 0.001, 100, 0, 2);
    SloThroughput t =
        SloThroughput.of(
            p95(120),
            List.of(step(1, 15, 104), step(2, 22, 123), step(3, 35, 104), step(4, 50, 150)),
            model.model(),
            "run.log");
    // 104 ms at N = 3 (35/s) and 150 ms at N = 4 (50/s): 16/46 of the way, X = 35 + 15 × 16/46
    assertThat(t.measured().concurrency()).isCloseTo(3 + 16.0 / 46, within(1e-12));
    assertThat(t.measured().throughput().value()).isCloseTo(35 + 15 * 16.0 / 46, within(1e-12));
    assertThat(t.measured().note())
        .contains("p95 is past the limit at N = 2 but within it at higher load");
  }

  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  /**
   * A looser objective never allows less throughput, and the model never answers more than the
   * curve's peak.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void model_looserLimitNeverLowersTheAnswer(long seed) {
    Random random = new Random(seed);
    double s = 0.01 + 0.2 * random.nextDouble();
    double k = 0.0001 + 0.005 * random.nextDouble();
    double l = 10 + 500 * random.nextDouble();
    // think time below 1/λ, so every step has a positive response time
    Curve c = curve(s, k, l, 0.9 / l * random.nextDouble(), 1.2 + 2 * random.nextDouble());
    double previous = 0;
    for (double limitMs = 5; limitMs < 5000; limitMs *= 1.5) {
      SloThroughput t = SloThroughput.of(p95(limitMs), c.steps(), c.model(), "test");
      if (t.model().throughput() == null) {
        continue;
      }
      double xv = t.model().throughput().value();
      assertThat(xv).isGreaterThanOrEqualTo(previous - 1e-9);
      assertThat(xv).isLessThanOrEqualTo(c.model().maxThroughput() * (1 + 1e-9));
      previous = xv;
    }
  }
}
