package dev.headroom.analysis.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Figure;
import dev.headroom.model.SystemSpec;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sampler against the uniform distribution's closed forms, and its invariants as seeded
 * property tests: same seed, same draws; named streams; a range of width zero is the point answer;
 * widening a range never narrows the interval of a monotone function; threads change nothing.
 */
class SamplerTest {

  static SystemSpec system(String peak, String growth, String cpu) {
    return SystemFileReader.read(
        "draws.yaml",
        "name: draws\n"
            + "workload:\n"
            + "  peak_rps: "
            + peak
            + "\n"
            + "  growth: "
            + growth
            + "\n"
            + "components:\n"
            + "  - { name: web, kind: app, instances: 2 }\n"
            + "  - { name: db, kind: database, role: primary }\n"
            + "observations:\n"
            + "  db.cpu: "
            + cpu
            + "\n");
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 12).map(i -> 7919 * i + 3).boxed();
  }

  @Test
  void sameSeed_givesIdenticalDrawsBitForBit() {
    SystemSpec spec = system("700..900", "8..15%/month", "70%..80%");
    Draws a = new Sampler(42).draw(spec);
    Draws b = new Sampler(42).draw(spec);
    for (String key : spec.ranges().keySet()) {
      assertThat(a.values(key)).isEqualTo(b.values(key));
    }
    assertThat(a.system(17).facts().asMap()).isEqualTo(b.system(17).facts().asMap());
    assertThat(new Sampler(43).draw(spec).values("workload.peak_rps"))
        .isNotEqualTo(a.values("workload.peak_rps"));
  }

  @Test
  void addingARange_leavesTheOtherKeysDrawsUnchanged() {
    Draws one = new Sampler(5).draw(system("700..900", "10%/month", "75%"));
    Draws three = new Sampler(5).draw(system("700..900", "8..15%/month", "70%..80%"));
    assertThat(three.values("workload.peak_rps")).isEqualTo(one.values("workload.peak_rps"));
    assertThat(one.keys()).containsExactly("workload.peak_rps");
    assertThat(three.keys()).containsExactly("workload.peak_rps", "workload.growth", "db.cpu");
  }

  @Test
  void theFirstDrawsOfALongerRun_areTheShorterRun() {
    SystemSpec spec = system("700..900", "8..15%/month", "70%..80%");
    double[] shorter = new Sampler(9, 1_000).draw(spec).values("db.cpu");
    double[] longer = new Sampler(9, 5_000).draw(spec).values("db.cpu");
    assertThat(java.util.Arrays.copyOf(longer, 1_000)).isEqualTo(shorter);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void draws_matchTheUniformMeanAndVarianceAndStayWithinTheRange(long seed) {
    int n = 20_000;
    double[] v =
        new Sampler(seed, n)
            .draw(system("700..900", "10%/month", "75%"))
            .values("workload.peak_rps");
    double sum = 0;
    double sq = 0;
    for (double x : v) {
      assertThat(x).isBetween(700.0, 900.0);
      sum += x;
      sq += x * x;
    }
    double mean = sum / n;
    double variance = sq / n - mean * mean;
    // uniform on [a, b]: mean (a+b)/2, variance (b−a)²/12; the mean's standard error is
    // sqrt(var/n) = 0.41, the variance's ≈ (b−a)²/sqrt(180 n) = 21.1: both within 5 of them
    assertThat(mean).isCloseTo(800, within(5 * 0.41));
    assertThat(variance).isCloseTo(200.0 * 200 / 12, within(5 * 21.1));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRangeOfWidthZero_givesAZeroWidthIntervalEqualToThePointAnswer(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double rps = 100 + r.nextInt(5_000);
    SystemSpec ranged = system(rps + ".." + rps, "10%/month", "75%");
    SystemSpec point = system(Double.toString(rps), "10%/month", "75%");
    Draws draws = new Sampler(seed).draw(ranged);
    double[] util = new double[draws.count()];
    for (int i = 0; i < util.length; i++) {
      util[i] = utilisation(draws.system(i));
    }
    SampledInterval interval = SampledInterval.of(util);
    assertThat(interval.isPoint()).isTrue();
    assertThat(interval.low()).isEqualTo(utilisation(point));
    assertThat(interval.censored()).isZero();
  }

  /**
   * A monotone (increasing) function of the system: the load per instance over a fixed capacity.
   */
  private static double utilisation(SystemSpec s) {
    return s.facts().value("workload.peak_rps", 0) / (2 * 500.0);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void wideningARangeAboutItsMidpoint_neverNarrowsTheIntervalOfAMonotoneFunction(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double mid = 0.05 + 0.1 * r.nextDouble();
    double half = 0.001 + 0.02 * r.nextDouble();
    double wider = half + 0.03 * r.nextDouble();
    SampledInterval narrow = monthsTo10x(seed, mid - half, mid + half);
    SampledInterval wide = monthsTo10x(seed, mid - wider, mid + wider);
    assertThat(wide.contains(narrow)).as("%s contains %s", wide, narrow).isTrue();
    assertThat(wide.width()).isGreaterThanOrEqualTo(narrow.width());
  }

  private static SampledInterval monthsTo10x(long seed, double lowGrowth, double highGrowth) {
    SystemSpec spec =
        system(
            "800",
            String.format(
                java.util.Locale.ROOT, "%.6f..%.6f%%/month", 100 * lowGrowth, 100 * highGrowth),
            "75%");
    Draws d = new Sampler(seed).draw(spec);
    double[] tens = new double[d.count()];
    java.util.Arrays.fill(tens, 10);
    return SampledInterval.of(TimeToReach.months(tens, d));
  }

  @Test
  void evaluatingTheDrawsOnOneOrTwoThreads_givesIdenticalResults() throws Exception {
    Draws d = new Sampler(11).draw(system("700..900", "8..15%/month", "70%..80%"));
    double[] one = onThreads(1, d);
    double[] two = onThreads(2, d);
    assertThat(two).isEqualTo(one);
    assertThat(SampledInterval.of(two)).isEqualTo(SampledInterval.of(one));
  }

  private static double[] onThreads(int threads, Draws d) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(
              () ->
                  IntStream.range(0, d.count())
                      .parallel()
                      .mapToDouble(i -> utilisation(d.system(i)) * d.value("db.cpu", i, 0))
                      .toArray())
          .get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aDrawnFigure_namesItsRangeDrawAndSeed() {
    SystemSpec spec = system("700..900 rps", "10%/month", "75%");
    Figure f = new Sampler(42).draw(spec).system(0).facts().get("workload.peak_rps").orElseThrow();
    assertThat(f.provenance().kind()).isEqualTo("derived");
    assertThat(f.provenance().describe())
        .contains("draw 1 of 1000, uniform over 700..900 rps (seed 42)")
        .contains("draws.yaml:3:13");
  }

  @Test
  void aSystemWithoutRanges_drawsItselfEveryTime() {
    SystemSpec spec = system("800", "10%/month", "75%");
    Draws d = new Sampler(1, 3).draw(spec);
    assertThat(d.keys()).isEmpty();
    assertThat(d.systems()).containsExactly(spec, spec, spec);
    assertThat(d.value("workload.peak_rps", 2, 0)).isEqualTo(800);
  }

  @Test
  void sampler_refusesFewerThanTwoDraws() {
    assertThatThrownBy(() -> new Sampler(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("draws: found 1; allowed 2 to 1000000 (the roadmap uses 1000)");
  }

  @Test
  void aDrawOutsideTheRun_isRefused() {
    Draws d = new Sampler(1, 2).draw(system("700..900", "10%/month", "75%"));
    assertThatThrownBy(() -> d.system(2)).hasMessage("draw 2 of 2 (0-based)");
  }
}
