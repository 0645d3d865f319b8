package dev.headroom.analysis.rightsizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class RightSizerTest {

  static final double MIB = 1024.0 * 1024;
  static final double GIB = 1024 * MIB;

  static Figure m(double v, Dimension d) {
    return new Figure(v, d, new Provenance.Measured("test", ""));
  }

  static Optional<Figure> set(double v, Dimension d) {
    return Optional.of(new Figure(v, d, new Provenance.Declared("test")));
  }

  public static ContainerUsage usage(
      double p95,
      double p99,
      double memPeak,
      double peakTotal,
      Optional<Figure> cpuReq,
      Optional<Figure> memReq,
      Optional<Figure> memLim,
      Optional<ContainerUsage.Autoscaler> hpa) {
    return new ContainerUsage(
        "shop",
        "checkout",
        "app",
        2,
        m(p95, Dimension.NUMBER),
        m(p99, Dimension.NUMBER),
        m(memPeak, Dimension.DATA_SIZE),
        m(peakTotal, Dimension.NUMBER),
        cpuReq,
        Optional.empty(),
        memReq,
        memLim,
        hpa,
        "raw samples");
  }

  @Test
  void recommend_overProvisionedCpuAndOomRiskMemory_matchTheRulesClosedForms() {
    ContainerUsage u =
        usage(
            0.5,
            0.6,
            900 * MIB,
            1.2,
            set(1.0, Dimension.NUMBER),
            set(512 * MIB, Dimension.DATA_SIZE),
            set(512 * MIB, Dimension.DATA_SIZE),
            Optional.of(new ContainerUsage.Autoscaler("checkout", 2, 3, 2, Optional.empty())));
    Prices prices =
        new Prices(
            new Figure(20, Dimension.MONTHLY_COST, new Provenance.Declared("--cpu-price")),
            new Figure(3, Dimension.MONTHLY_COST, new Provenance.Declared("--memory-price")));
    Recommendation r = RightSizer.recommend(u, RightSizingPolicy.defaults(), Optional.of(prices));
    assertThat(r.cpuRequest().value()).isEqualTo(0.5);
    assertThat(r.memory().value()).isCloseTo(900 * MIB * 1.15, within(1e-6));
    assertThat(r.cpu()).isEqualTo(Recommendation.Verdict.OVER);
    assertThat(r.memoryVerdict()).isEqualTo(Recommendation.Verdict.UNDER);
    // ⌈1.2 / (0.5 × 0.7)⌉ = ⌈3.43⌉ = 4 > 3 (P13's 70% target, assumed: the HPA gave none)
    assertThat(r.replicasAtPeak().orElseThrow().value()).isEqualTo(4);
    assertThat(r.replicasAtPeak().orElseThrow().provenance().describe()).contains("P13");
    assertThat(r.hpaMaxTooLow()).isTrue();
    // (1 − 0.5) × 20 + (512 MiB − 1035 MiB) / GiB × 3, × 2 replicas
    double expected = 2 * (0.5 * 20 + (512 * MIB - 900 * MIB * 1.15) / GIB * 3);
    assertThat(r.monthlySaving().orElseThrow().value()).isCloseTo(expected, within(1e-9));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("HPA checkout max 3"));
  }

  @Test
  void recommend_tinyUsage_isHeldAtVpasMinimums() {
    Recommendation r =
        RightSizer.recommend(
            usage(
                0.001,
                0.002,
                10 * MIB,
                0.002,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            RightSizingPolicy.defaults(),
            Optional.empty());
    assertThat(r.cpuRequest().value()).isEqualTo(RightSizingPolicy.MIN_CPU_CORES);
    assertThat(r.memory().value()).isEqualTo(RightSizingPolicy.MIN_MEMORY_BYTES);
    assertThat(r.cpu()).isEqualTo(Recommendation.Verdict.UNSET);
    assertThat(r.monthlySaving()).isEmpty();
  }

  @Test
  void recommend_withinTheTolerance_fits() {
    Recommendation r =
        RightSizer.recommend(
            usage(
                0.5,
                0.6,
                400 * MIB,
                1,
                set(0.55, Dimension.NUMBER),
                set(460 * MIB, Dimension.DATA_SIZE),
                set(460 * MIB, Dimension.DATA_SIZE),
                Optional.empty()),
            RightSizingPolicy.defaults(),
            Optional.empty());
    assertThat(r.cpu()).isEqualTo(Recommendation.Verdict.FITS);
    assertThat(r.memoryVerdict()).isEqualTo(Recommendation.Verdict.FITS);
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void policy_rejectsAPercentileOutsideZeroToOne() {
    assertThatThrownBy(() -> RightSizingPolicy.defaults().withCpuPercentile(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** More usage never lowers a recommendation; a bigger buffer never lowers memory. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void recommend_isMonotoneInUsageAndBuffer(long seed) {
    Random rnd = new Random(seed);
    double p95 = rnd.nextDouble() * 4;
    double mem = rnd.nextDouble() * 8 * GIB;
    double more = 1 + rnd.nextDouble();
    double buffer = rnd.nextDouble();
    RightSizingPolicy p = RightSizingPolicy.defaults().withMemoryBuffer(buffer);
    Recommendation a =
        RightSizer.recommend(
            usage(
                p95,
                p95,
                mem,
                p95 * 2,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            p,
            Optional.empty());
    Recommendation b =
        RightSizer.recommend(
            usage(
                p95 * more,
                p95 * more,
                mem * more,
                p95 * 2 * more,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            p,
            Optional.empty());
    Recommendation c =
        RightSizer.recommend(
            usage(
                p95,
                p95,
                mem,
                p95 * 2,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            p.withMemoryBuffer(buffer + 0.1),
            Optional.empty());
    assertThat(b.cpuRequest().value()).isGreaterThanOrEqualTo(a.cpuRequest().value());
    assertThat(b.memory().value()).isGreaterThanOrEqualTo(a.memory().value());
    assertThat(c.memory().value()).isGreaterThanOrEqualTo(a.memory().value());
    assertThat(a.memory().value()).isGreaterThanOrEqualTo(mem);
  }
}
