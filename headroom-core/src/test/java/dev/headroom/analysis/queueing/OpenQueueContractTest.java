package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every open queue promises, run against every implementation. */
class OpenQueueContractTest {

  /** A model under test: how to build it from (λ, S), with its server count. */
  interface Factory {
    OpenQueue of(double arrivalRate, double serviceTime);
  }

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("M/M/1", 1, (Factory) MM1::of),
        Arguments.of("M/M/c c=1", 1, (Factory) (l, s) -> MMc.of(l, s, 1)),
        Arguments.of("M/M/c c=5", 5, (Factory) (l, s) -> MMc.of(l, s, 5)),
        Arguments.of("M/M/c c=200", 200, (Factory) (l, s) -> MMc.of(l, s, 200)),
        Arguments.of("M/G/1 cv=0", 1, (Factory) (l, s) -> MG1.of(l, s, 0)),
        Arguments.of("M/G/1 cv=2", 1, (Factory) (l, s) -> MG1.of(l, s, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void contract_meansAreConsistent(String name, int servers, Factory f) {
    for (double rho : new double[] {0.0, 0.01, 0.3, 0.7, 0.95, 0.9999}) {
      double s = 0.25;
      OpenQueue q = f.of(rho * servers / s, s);
      assertThat(q.servers()).isEqualTo(servers);
      assertThat(q.utilization()).isCloseTo(rho, within(1e-12));
      assertThat(q.probabilityOfWaiting()).isBetween(0.0, 1.0);
      assertThat(q.meanResponseTime())
          .isCloseTo(q.meanWaitingTime() + s, within(1e-9 * q.meanResponseTime()));
      assertThat(q.meanNumberInSystem())
          .isCloseTo(
              q.arrivalRate() * q.meanResponseTime(), within(1e-9 * (1 + q.meanNumberInSystem())));
      assertThat(q.meanQueueLength())
          .isCloseTo(
              q.arrivalRate() * q.meanWaitingTime(), within(1e-9 * (1 + q.meanQueueLength())));
      // L = Lq + a: the customers in service are the busy servers
      assertThat(q.meanNumberInSystem())
          .isCloseTo(
              q.meanQueueLength() + rho * servers, within(1e-9 * (1 + q.meanNumberInSystem())));
      if (q instanceof MarkovianQueue m) {
        double previous = 0;
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
          double w = m.responseTimePercentile(p);
          assertThat(w)
              .isGreaterThanOrEqualTo(previous)
              .isGreaterThanOrEqualTo(m.waitingTimePercentile(p));
          previous = w;
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void contract_refusesUnstableAndInvalidInput(String name, int servers, Factory f) {
    assertThatThrownBy(() -> f.of(servers / 0.25, 0.25))
        .isInstanceOfSatisfying(
            UnstableQueueException.class, e -> assertThat(e.utilization()).isEqualTo(1.0))
        .hasMessageContaining("not below 1");
    assertThatThrownBy(() -> f.of(-1, 0.25))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("arrival rate");
    assertThatThrownBy(() -> f.of(Double.NaN, 0.25))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> f.of(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("service time");
    assertThatThrownBy(() -> f.of(1, 0))
        .isInstanceOf(QueueInputException.class)
        .hasMessageContaining("service time");
  }
}
