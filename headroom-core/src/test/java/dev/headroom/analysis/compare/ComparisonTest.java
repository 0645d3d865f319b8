package dev.headroom.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencyHistogram;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonTest {

  private static LoadTestCurve read(String resource) {
    LoadTest t =
        LoadTestFiles.read(Path.of("src/test/resources/" + resource), null, ReadOptions.DEFAULTS);
    return LoadTestCurve.of(List.of(t), List.of(resource));
  }

  private static Comparison compare(String base, String next, Gate... gates) {
    return Comparison.of(
        read(base), base, read(next), next, List.of(gates), Comparison.DEFAULT_SEED);
  }

  private static MetricDifference at(Comparison c, int step, Metric m) {
    return c.steps().get(step).differences().stream()
        .filter(d -> d.metric() == m)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void jmeterRunWithItself_pairsEveryLevelAndNothingIsSignificant() {
    Comparison c = compare("jmeter/jmeter.jtl.csv", "jmeter/jmeter.jtl.csv");
    assertThat(c.steps()).hasSize(8);
    assertThat(c.steps())
        .allSatisfy(s -> assertThat(s.differences()).noneMatch(MetricDifference::significant));
    assertThat(at(c, 0, Metric.P95).method()).isEqualTo(IntervalMethod.BOOTSTRAP);
    assertThat(at(c, 0, Metric.THROUGHPUT).method()).isEqualTo(IntervalMethod.POISSON);
  }

  @Test
  void jmeterThirtyPercentSlower_isSignificantWhereThereAreEnoughSamples_andFailsTheGate() {
    Comparison c =
        compare(
            "jmeter/jmeter.jtl.csv",
            "jmeter/jmeter-slower-1.3x.jtl.csv",
            new Gate(Metric.P95, 10),
            new Gate(Metric.P95, 50),
            new Gate(Metric.THROUGHPUT, -5));
    MetricDifference p95AtEight = at(c, 7, Metric.P95);
    assertThat(c.steps().get(7).baseline().concurrency()).isEqualTo(8.0);
    assertThat(p95AtEight.relative()).isCloseTo(0.30, within(0.01));
    assertThat(p95AtEight.significant()).isTrue();
    assertThat(p95AtEight.lower()).isPositive();
    // at N = 1 (3 samples: the JMeter run is a ramp) a 30 % shift is within the bootstrap's noise
    assertThat(at(c, 0, Metric.P95).significant()).isFalse();
    assertThat(c.failures()).extracting(f -> f.gate().toString()).containsOnly("p95+10%");
  }

  @Test
  void k6SummaryP95HalfAMillisecondSlower_isWithinTheEstimatesUncertainty(@TempDir Path dir)
      throws java.io.IOException {
    // the real summary with p(95) 0.5 ms higher: k6's Trend percentiles are interpolated between
    // the closest of 295 samples, so half a millisecond is well inside what the estimate can say
    Path real = Path.of("src/test/resources/k6/k6-summary-export.json");
    String text = java.nio.file.Files.readString(real);
    assertThat(text).contains("\"p(95)\": 117.5021332,");
    Path slower = dir.resolve("k6-summary-export-p95-plus-half-ms.json");
    java.nio.file.Files.writeString(
        slower, text.replaceFirst("\"p\\(95\\)\": 117.5021332,", "\"p(95)\": 118.0021332,"));
    LoadTestCurve base =
        LoadTestCurve.of(List.of(LoadTestFiles.read(real, null, null)), List.of("a"));
    LoadTestCurve next =
        LoadTestCurve.of(List.of(LoadTestFiles.read(slower, null, null)), List.of("b"));
    Comparison c =
        Comparison.of(
            base, "a", next, "b", List.of(new Gate(Metric.P95, 0.1)), Comparison.DEFAULT_SEED);
    MetricDifference p95 = at(c, 0, Metric.P95);
    assertThat(p95.difference()).isCloseTo(0.5, within(1e-9));
    assertThat(p95.method()).isEqualTo(IntervalMethod.ORDER_STATISTIC);
    assertThat(p95.significant()).isFalse();
    assertThat(p95.lower()).isNegative();
    assertThat(c.failures()).isEmpty();
  }

  @Test
  void rankInterval_ofK6SummaryP95_isBetweenTheReportedNeighbours() {
    // 295 requests: ranks 0.95 ± 1.96·√(0.95·0.05/295) = [0.92513, 0.97487], valued between
    // p90 108.9989912, p95 117.5021332 and p99 122.86742782
    Step s = read("k6/k6-summary-export.json").steps().get(0);
    double[] i = Comparison.rankInterval(s, 0.95);
    double h = 1.959963984540054 * Math.sqrt(0.95 * 0.05 / 295);
    double lower = 108.9989912 + (117.5021332 - 108.9989912) * (0.95 - h - 0.90) / 0.05;
    double upper = 117.5021332 + (122.86742782 - 117.5021332) * (h) / 0.04;
    assertThat(i[0]).isCloseTo(lower, within(1e-9));
    assertThat(i[1]).isCloseTo(upper, within(1e-9));
  }

  @Test
  void k6SummariesWithoutSamples_useTheRankIntervalAndSayP95Rose() {
    Comparison c =
        compare(
            "k6/k6-summary-export.json",
            "k6/k6-summary-export-slower-p95.json",
            new Gate(Metric.P95, 10),
            new Gate(Metric.P95, 25));
    MetricDifference p95 = at(c, 0, Metric.P95);
    assertThat(p95.method()).isEqualTo(IntervalMethod.ORDER_STATISTIC);
    assertThat(p95.significant()).isTrue();
    assertThat(at(c, 0, Metric.P50).significant()).isFalse();
    assertThat(c.failures()).extracting(f -> f.gate().toString()).containsExactly("p95+10%");
  }

  @Test
  void throughputGate_failsOnASignificantFall() {
    Step fast = new Step(4, ConcurrencyOrigin.CONFIGURED, 10_000, 0, 10, 1000, null);
    Step slow = new Step(4, ConcurrencyOrigin.CONFIGURED, 9_000, 0, 10, 900, null);
    Comparison c =
        Comparison.of(
            curve(fast), "a", curve(slow), "b", List.of(new Gate(Metric.THROUGHPUT, -5)), 1);
    MetricDifference x = at(c, 0, Metric.THROUGHPUT);
    // Var = n1/T1² + n2/T2² = 100 + 90; half-width 1.96·√190 = 27.0
    assertThat(x.upper() - x.difference()).isCloseTo(1.959964 * Math.sqrt(190), within(1e-4));
    assertThat(x.significant()).isTrue();
    assertThat(c.failures()).hasSize(1);
  }

  @Test
  void noLevelInCommon_isBadInputNamingBothSides() {
    LoadTestCurve a =
        new LoadTestCurve(
            List.of(
                new Step(1, ConcurrencyOrigin.INPUT, 0, 0, 0, 10, null),
                new Step(2, ConcurrencyOrigin.INPUT, 0, 0, 0, 19, null)),
            List.of(),
            List.of("csv"));
    LoadTestCurve b =
        new LoadTestCurve(
            List.of(
                new Step(4, ConcurrencyOrigin.INPUT, 0, 0, 0, 30, null),
                new Step(8, ConcurrencyOrigin.INPUT, 0, 0, 0, 40, null)),
            List.of(),
            List.of("csv"));
    assertThatThrownBy(() -> Comparison.of(a, "old.csv", b, "new.csv", List.of(), 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("new.csv")
        .hasMessageContaining("no concurrency level in common with old.csv");
  }

  @Test
  void halfUnit_isHalfTheLastPrintedDigit() {
    assertThat(Comparison.halfUnit(48)).isEqualTo(0.5);
    assertThat(Comparison.halfUnit(117.5)).isCloseTo(0.05, within(1e-15));
    assertThat(Comparison.halfUnit(1030)).isEqualTo(5.0);
  }

  @Test
  void resampledQuantile_ofOneSample_isThatSample() {
    LatencyHistogram h = new LatencyHistogram(new double[] {7.5}, new long[] {1});
    assertThat(Comparison.resampledQuantile(h, 0.95, new RandomDataGenerator(1))).isEqualTo(7.5);
  }

  /** Comparing a run with itself is never significant, whatever its shape (seeded inputs). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aRunComparedWithItself_isNeverSignificant(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int run = 0; run < 25; run++) {
      int distinct = 1 + r.nextInt(200);
      double[] values = new double[distinct];
      long[] counts = new long[distinct];
      double v = r.nextDouble() * 5;
      long n = 0;
      for (int i = 0; i < distinct; i++) {
        v += 0.001 + r.nextDouble() * r.nextDouble() * 50;
        values[i] = v;
        counts[i] = 1 + (r.nextInt(10) == 0 ? r.nextInt(5000) : r.nextInt(20));
        n += counts[i];
      }
      LatencyHistogram h = new LatencyHistogram(values, counts);
      LatencySummary lat =
          new LatencySummary(
              values[0],
              h.valueAtRank(Math.max(1, (long) Math.ceil(0.5 * n))),
              h.valueAtRank(Math.max(1, (long) Math.ceil(0.9 * n))),
              h.valueAtRank(Math.max(1, (long) Math.ceil(0.95 * n))),
              h.valueAtRank(Math.max(1, (long) Math.ceil(0.99 * n))),
              v,
              "hdrhistogram");
      double seconds = 0.5 + r.nextDouble() * 100;
      Step s =
          new Step(1 + r.nextInt(64), ConcurrencyOrigin.GAUGE, n, 0, seconds, n / seconds, lat, h);
      Comparison c =
          Comparison.of(
              curve(s),
              "a",
              curve(s),
              "a",
              List.of(new Gate(Metric.P99, 1), new Gate(Metric.THROUGHPUT, -1)),
              r.nextLong());
      assertThat(c.steps().get(0).differences())
          .hasSize(5)
          .noneMatch(MetricDifference::significant);
      assertThat(c.failures()).isEmpty();
    }
  }

  private static LoadTestCurve curve(Step s) {
    LoadTest t =
        new LoadTest(
            "x", LoadTestFormat.PLAIN_CSV, null, LoadModel.UNKNOWN, List.of(s), List.of(), null);
    return LoadTestCurve.of(List.of(t), List.of("x"));
  }
}
