package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SizingTest {

  @Test
  void serversFor_airportNeedsThreeAgentsForA95thPercentileUnderFiftySeconds() {
    // 240/h, 15 s. Two agents: ρ = 0.5, C = 1/3 and cμ − λ = μ, so P(W > t) = (1 + Cμt)e^{−μt},
    // whose p95 is 57.25 s; three agents bring it to 46.18 s.
    ServerSizing z = Sizing.serversFor(240 / 3600.0, 15.0, 0.95, 50.0);
    assertThat(z.servers()).isEqualTo(3);
    assertThat(z.minimumStableServers()).isEqualTo(2);
    assertThat(z.achieved()).isCloseTo(46.1835, within(5e-4));
    double two = MMc.of(240 / 3600.0, 15.0, 2).responseTimePercentile(0.95);
    assertThat(two).isCloseTo(57.2469, within(5e-4));
    assertThat((1 + two / 45.0) * Math.exp(-two / 15.0)).isCloseTo(0.05, within(1e-12));
    assertThat(Sizing.serversFor(240 / 3600.0, 15.0, 0.95, 60.0).servers()).isEqualTo(2);
  }

  @Test
  void serversFor_connectionPoolWaitTarget() {
    // 1200 req/s holding a connection 40 ms: a = 48 Erlangs; p99 wait under 5 ms
    ServerSizing z = Sizing.serversFor(1200, 0.040, 0.99, 0.005, LatencyMetric.WAITING_TIME);
    assertThat(z.servers()).isGreaterThan(48);
    assertThat(MMc.of(1200, 0.040, z.servers()).waitingTimePercentile(0.99))
        .isLessThanOrEqualTo(0.005);
    assertThat(MMc.of(1200, 0.040, z.servers() - 1).waitingTimePercentile(0.99))
        .isGreaterThan(0.005);
  }

  @Test
  void serversFor_refusesAResponseTargetBelowTheServiceTimeItself() {
    // exponential service of mean 40 ms has p95 = 40 ms × ln 20 = 119.8 ms
    assertThatThrownBy(() -> Sizing.serversFor(1200, 0.040, 0.95, 0.100))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("p95")
        .hasMessageContaining("0.119829");
  }

  @Test
  void maxArrivalRate_meetsTheTargetAndOneStepMoreMissesIt() {
    ArrivalSizing a = Sizing.maxArrivalRate(0.040, 60, 0.95, 0.150);
    assertThat(a.achieved()).isLessThanOrEqualTo(0.150).isCloseTo(0.150, within(1e-9));
    assertThat(MMc.of(a.maxArrivalRate() * (1 + 1e-9), 0.040, 60).responseTimePercentile(0.95))
        .isGreaterThan(0.150);
    assertThat(a.maxArrivalRate()).isLessThan(60 / 0.040);
  }

  @Test
  void unstableInput_isRefusedWithTheUtilisationComputed() {
    assertThatThrownBy(() -> MMc.of(100, 0.05, 4))
        .isInstanceOf(UnstableQueueException.class)
        .hasMessageContaining("= 1.25,")
        .hasMessageContaining("at least 6");
    assertThatThrownBy(() -> MM1.of(4, 0.25))
        .isInstanceOfSatisfying(
            UnstableQueueException.class, e -> assertThat(e.utilization()).isEqualTo(1.0));
    assertThatThrownBy(() -> MG1.of(5, 0.25, 1))
        .isInstanceOf(UnstableQueueException.class)
        .hasMessageContaining("1.25");
  }

  @Test
  void badNumbers_areRefusedNamingTheParameter() {
    assertThatThrownBy(() -> MMc.of(-1, 0.1, 2))
        .hasMessageContaining("arrival rate")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> MMc.of(Double.NaN, 0.1, 2)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> MM1.of(1, 0))
        .hasMessageContaining("service time must be a finite number > 0");
    assertThatThrownBy(() -> MMc.of(1, 0.1, 0)).hasMessageContaining("servers must be at least 1");
    assertThatThrownBy(() -> MMc.of(1, 0.1, 2).responseTimePercentile(95))
        .hasMessageContaining("0.95 for p95");
    assertThatThrownBy(() -> MG1.of(1, 0.1, -2)).hasMessageContaining("coefficient of variation");
  }
}
