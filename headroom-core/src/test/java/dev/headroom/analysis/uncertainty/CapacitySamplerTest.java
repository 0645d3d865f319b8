package dev.headroom.analysis.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.EvidenceBundle;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The USL draws against closed forms: the coefficient draws have the fit's mean and covariance, the
 * rejected share is the normal's mass outside the physical region, the spread of the drawn capacity
 * is the delta method's standard error of X(N*), and the coefficient formulas give {@link
 * UslModel}'s answers.
 */
class CapacitySamplerTest {

  /** Gunther's SPEC SDM91 benchmark (smoeding/usl's data set `specsdm91`), 7 points. */
  static List<UslPoint> specsdm91() throws IOException {
    try (InputStream in = CapacitySamplerTest.class.getResourceAsStream("/usl/specsdm91.csv")) {
      List<UslPoint> out = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
      for (int i = 1; i < lines.length; i++) {
        String[] c = lines[i].split(",");
        out.add(new UslPoint(Double.parseDouble(c[0]), Double.parseDouble(c[1])));
      }
      return out;
    }
  }

  private static final SystemSpec SYSTEM =
      SystemFileReader.read(
          "fit.yaml",
          "name: fit\nslo:\n  latency_p95: 500ms\ncomponents:\n  - { name: api, kind: app }\n");

  private static MeasuredCapacity fitted(UslModel usl) {
    Figure peak =
        new Figure(
            usl.maxThroughput(), Dimension.RATE, new Provenance.Derived("USL peak", List.of()));
    return new MeasuredCapacity("api", peak, usl, null, List.of(), List.of());
  }

  @Test
  void coefficientFormulas_giveTheFittedModelsAnswers() throws IOException {
    UslModel m = UslFitter.fit(specsdm91());
    UslCoefficients c = UslCoefficients.of(m);
    for (double n : new double[] {1, 7.5, 36, 96, 300}) {
      assertThat(c.throughputAt(n)).isCloseTo(m.throughputAt(n), within(1e-9 * m.throughputAt(n)));
      assertThat(c.latencyAt(n)).isCloseTo(m.latencyAt(n), within(1e-12 * m.latencyAt(n)));
    }
    assertThat(c.peakConcurrency()).isEqualTo(m.peakConcurrency());
    assertThat(c.throughputAt(c.peakConcurrency())).isCloseTo(m.maxThroughput(), within(1e-9));
    // below the peak's latency the rule is N(R)/R; at or above it, the peak itself
    double r = m.latencyAt(20);
    assertThat(c.capacityWithin(r).orElseThrow())
        .isCloseTo(m.throughputAtLatency(r), within(1e-9 * m.throughputAtLatency(r)));
    assertThat(c.capacityWithin(1.0).orElseThrow()).isCloseTo(m.maxThroughput(), within(1e-9));
    assertThat(c.capacityWithin(0.5 / m.lambda())).isEmpty();
    assertThat(c.physical()).isTrue();
  }

  @Test
  void coefficientDraws_haveTheFitsMeanAndCovariance() throws IOException {
    UslModel m = UslFitter.fit(specsdm91());
    double[][] cov = m.covariance();
    double[] theta = {m.sigma(), m.kappa(), m.lambda()};
    CapacitySampler.MultivariateNormal normal = CapacitySampler.MultivariateNormal.of(theta, cov);
    SplittableRandom random = new SplittableRandom(17);
    int n = 40_000;
    double[] sum = new double[3];
    double[][] cross = new double[3][3];
    for (int k = 0; k < n; k++) {
      double[] t = normal.sample(random);
      for (int i = 0; i < 3; i++) {
        sum[i] += t[i] - theta[i];
        for (int j = 0; j < 3; j++) {
          cross[i][j] += (t[i] - theta[i]) * (t[j] - theta[j]);
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      double se = Math.sqrt(cov[i][i]);
      // the mean's standard error is se/sqrt(n); allow five of them
      assertThat(sum[i] / n).isCloseTo(0, within(5 * se / Math.sqrt(n)));
      for (int j = 0; j < 3; j++) {
        // a sample covariance's standard error is at most sqrt(2/n) of se_i se_j (1 %): allow 5 %
        double scale = se * Math.sqrt(cov[j][j]);
        assertThat(cross[i][j] / n).isCloseTo(cov[i][j], within(0.05 * scale));
      }
    }
  }

  /**
   * With σ̂ = 0.001 and standard error 0.01, and κ, λ far from their bounds, a draw is non-physical
   * when σ &lt; 0: Φ(−0.1) = 0.4602 of them. 20,000 draws estimate it within ±0.0035 (one standard
   * error); allow four.
   */
  @Test
  void nonPhysicalDraws_areTheNormalsMassOutsideTheBounds() {
    double[] theta = {0.001, 0.01, 100};
    double[][] cov = {{1e-4, 0, 0}, {0, 1e-12, 0}, {0, 0, 1}};
    CapacitySampler.MultivariateNormal normal = CapacitySampler.MultivariateNormal.of(theta, cov);
    SplittableRandom random = new SplittableRandom(3);
    int n = 20_000;
    int out = 0;
    for (int k = 0; k < n; k++) {
      double[] t = normal.sample(random);
      if (!new UslCoefficients(t[0], t[1], t[2]).physical()) {
        out++;
      }
    }
    double expected = new NormalDistribution(0, 1).cumulativeProbability(-0.1);
    assertThat((double) out / n).isCloseTo(expected, within(4 * 0.0035));
  }

  @Test
  void aCoefficientHeldAtABound_keepsItsValueInEveryDraw() {
    double[] theta = {0.05, 0, 100};
    double[][] cov = {{1e-4, 0, 0.01}, {0, 0, 0}, {0.01, 0, 4}};
    CapacitySampler.MultivariateNormal normal = CapacitySampler.MultivariateNormal.of(theta, cov);
    SplittableRandom random = new SplittableRandom(5);
    for (int k = 0; k < 100; k++) {
      assertThat(normal.sample(random)[1]).isZero();
    }
  }

  /**
   * The peak X(N*) is stationary in N, so its delta-method variance is gᵀCg with g = ∂X/∂θ at N*
   * (UslModel.maxThroughputInterval, half-width t·se with t at n − p = 4 degrees of freedom). The
   * drawn capacities' standard deviation is that se within 15 % (the delta method is first order;
   * λ's standard error is 16 % of λ here, so the curvature shows).
   */
  @Test
  void drawnCapacity_spreadsAsTheDeltaMethodSaysAroundThePointAnswer() throws IOException {
    UslModel m = UslFitter.fit(specsdm91());
    MeasuredCapacity cap = fitted(m);
    CapacityDraws d = new CapacitySampler(2026, 20_000).draw(Map.of("api", cap), SYSTEM);
    double[] x = d.perInstance("api");
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean) / (x.length - 1);
    }
    Interval ci = m.maxThroughputInterval();
    double se = (ci.upper() - ci.lower()) / 2 / m.tQuantile();
    assertThat(Math.sqrt(var)).isCloseTo(se, within(0.15 * se));
    SampledInterval s = SampledInterval.of(x);
    assertThat(s.median()).isCloseTo(m.maxThroughput(), within(0.05 * m.maxThroughput()));
    // σ̂ is 3 standard errors above 0: about Φ(−3.04) = 0.12 % of draws are rejected
    assertThat(d.rejected().get("api")).isBetween(1, 120);
    assertThat(d.notDrawn()).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 99})
  void sameSeed_givesTheSameCapacityDraws(long seed) throws IOException {
    MeasuredCapacity cap = fitted(UslFitter.fit(specsdm91()));
    CapacityDraws a = new CapacitySampler(seed, 1_000).draw(Map.of("api", cap), SYSTEM);
    CapacityDraws b = new CapacitySampler(seed, 1_000).draw(Map.of("api", cap), SYSTEM);
    assertThat(a.perInstance("api")).isEqualTo(b.perInstance("api"));
    assertThat(a.rejected()).isEqualTo(b.rejected());
    Figure f = a.capacities(4).get("api").perInstance();
    assertThat(f.value()).isEqualTo(a.perInstance("api")[4]);
    assertThat(f.provenance().describe()).contains("draw 5 of 1000").contains("seed " + seed);
  }

  @Test
  void aMeasuredExample_drawsItsFittedAppAndKeepsItsQueuePool() {
    Path dir = Path.of("..", "examples", "measured-capacity");
    SystemSpec spec = SystemFileReader.read(dir.resolve("system.yaml"));
    EvidenceBundle bundle = EvidenceBundle.assemble(spec, dir);
    CapacityDraws d = new CapacitySampler(1, 1_000).draw(bundle.capacities(), spec);
    assertThat(d.drawn()).containsExactly("api");
    assertThat(d.notDrawn()).containsOnlyKeys("pdf");
    assertThat(d.notDrawn().get("pdf")).contains("M/M/c");
    assertThat(d.capacities(3).get("pdf")).isEqualTo(bundle.capacities().get("pdf"));
    // the measured step within the target is the point; the draws spread around it (seed 1:
    // 80 % interval 256.0..515.8 around 327.6, median 325.7, 25 draws rejected)
    double point = bundle.capacities().get("api").perInstance().value();
    SampledInterval s = SampledInterval.of(d.perInstance("api"));
    assertThat(s.low()).isLessThan(point);
    assertThat(s.high()).isGreaterThan(point);
    assertThat(s.median()).isCloseTo(point, within(0.1 * point));
  }
}
