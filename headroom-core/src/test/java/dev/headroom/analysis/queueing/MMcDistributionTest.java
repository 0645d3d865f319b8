package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The M/M/c waiting and response time distributions against independent computations. */
class MMcDistributionTest {

  /** P(W > t) by numerically convolving Wq (atom at 0 plus exponential tail) with exponential S. */
  private static double convolved(MMc q, double t) {
    double mu = 1 / q.serviceTime();
    double theta = q.servers() / q.serviceTime() - q.arrivalRate();
    double c = q.probabilityOfWaiting();
    // P(W > t) = (1 − C)·P(S > t) + P(Wq > t) + ∫0^t f_Wq(u)·P(S > t − u) du,
    // with f_Wq(u) = C·θ·e^{−θu} the density of the waiting time's continuous part
    int steps = 200_000;
    double h = t / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double u = i * h;
      double f = c * theta * Math.exp(-theta * u) * Math.exp(-mu * (t - u));
      sum += (i == 0 || i == steps) ? f / 2 : f;
    }
    return (1 - c) * Math.exp(-mu * t) + c * Math.exp(-theta * t) + sum * h;
  }

  @Test
  void responseTimeExceedance_matchesNumericalConvolution() {
    for (MMc q : new MMc[] {MMc.of(0.5, 1.0, 1), MMc.of(3.0, 1.0, 4), MMc.of(30, 0.2, 8)}) {
      for (double t : new double[] {0.1, 1.0, 3.0}) {
        assertThat(q.responseTimeExceedance(t))
            .as("%s t=%s", q.model(), t)
            .isCloseTo(convolved(q, t), within(1e-8));
      }
    }
  }

  @Test
  void responseTimeExceedance_isContinuousAcrossTheEqualRatesCase() {
    // cμ − λ = μ when λ = (c − 1)μ: here c = 3, μ = 1, λ = 2
    MMc special = MMc.of(2.0, 1.0, 3);
    MMc below = MMc.of(2.0 - 1e-7, 1.0, 3);
    MMc above = MMc.of(2.0 + 1e-7, 1.0, 3);
    for (double t : new double[] {0.01, 0.5, 2.0, 10.0, 50.0}) {
      double c = special.probabilityOfWaiting();
      assertThat(special.responseTimeExceedance(t))
          .isCloseTo((1 + c * t) * Math.exp(-t), within(1e-15));
      assertThat(below.responseTimeExceedance(t))
          .isCloseTo(special.responseTimeExceedance(t), within(1e-6));
      assertThat(above.responseTimeExceedance(t))
          .isCloseTo(special.responseTimeExceedance(t), within(1e-6));
    }
    assertThat(special.responseTimePercentile(0.95))
        .isCloseTo(below.responseTimePercentile(0.95), within(1e-5));
  }

  @Test
  void waitingTimePercentile_isZeroWhenFewEnoughWait() {
    MMc q = MMc.of(960 / 3600.0, 15.0, 8); // C = 0.059
    assertThat(q.waitingTimePercentile(0.90)).isZero();
    assertThat(q.waitingTimePercentile(0.95))
        .isCloseTo(
            Math.log(q.probabilityOfWaiting() / 0.05) / (8 / 15.0 - 960 / 3600.0), within(1e-12));
    assertThat(q.waitingTimeExceedance(q.waitingTimePercentile(0.99)))
        .isCloseTo(0.01, within(1e-12));
  }

  @Test
  void mm1Percentiles_followTheExponentialResponseTime() {
    MM1 q = MM1.of(3, 0.25); // W = 1 s, exponential
    assertThat(q.responseTimePercentile(0.95)).isCloseTo(Math.log(20), within(1e-12));
    // P(Wq > t) = 0.75·e^{−t}: p95 at ln(15)
    assertThat(q.waitingTimePercentile(0.95)).isCloseTo(Math.log(15), within(1e-12));
    assertThat(q.waitingTimePercentile(0.2)).isZero();
  }

  @Test
  void littlesLaw_givesTheThirdFromAnyTwo() {
    assertThat(LittlesLaw.fromRateAndTime(4, 0.2).population()).isCloseTo(0.8, within(1e-15));
    assertThat(LittlesLaw.fromPopulationAndTime(0.8, 0.2).arrivalRate())
        .isCloseTo(4, within(1e-12));
    assertThat(LittlesLaw.fromPopulationAndRate(0.8, 4).timeInSystem())
        .isCloseTo(0.2, within(1e-15));
    UtilizationLaw u = UtilizationLaw.of(240 / 3600.0, 15, 2);
    assertThat(u.utilization()).isCloseTo(0.5, within(1e-15));
    assertThat(u.offeredLoad()).isCloseTo(1.0, within(1e-15));
    assertThat(u.stable()).isTrue();
    assertThat(UtilizationLaw.of(10, 1, 5).stable()).isFalse();
  }
}
