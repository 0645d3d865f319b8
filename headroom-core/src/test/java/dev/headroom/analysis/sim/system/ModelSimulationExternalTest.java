package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Figure;
import org.junit.jupiter.api.Test;

/**
 * An external service declared with its call share, timeout and retries, and measured with its p95
 * and rate-limited share, is simulated: the retry storm's attempts per call follow the closed form
 * (1 − p^(r+1))/(1 − p); without its figures it is listed as not simulated, naming what it needs.
 */
class ModelSimulationExternalTest {

  private static final String SYSTEM =
      """
      name: payments
      workload: { peak_rps: 200 rps, read_ratio: 80%, queries_per_request: 2 }
      components:
        - { name: web, kind: app, instances: 2, vcpu: 4, pool: { size: 20 } }
        - { name: db, kind: database, role: primary, vcpu: 4, max_connections: 100 }
        - { name: psp, kind: external, timeout: 2s, call_share: 10%, retries: 2%s }
      observations:
        web.cpu: 40%
        db.cpu: 30%
        psp.latency_p95: 300ms
        psp.rate_limited: 20%
      """;

  private static CapacityModel model(String breaker) {
    return Advisor.advise(SystemFileReader.read("sys.yaml", SYSTEM.replace("%s", breaker))).model();
  }

  @Test
  void declaredExternal_isSimulated_withTheRetryStormOfTheClosedForm() {
    CapacityModel m = model("");
    ModelSimulation sim = ModelSimulation.of(m, CapacityModel.today());
    External e = sim.system().external().orElseThrow();
    assertThat(e.callShare()).isEqualTo(0.10);
    assertThat(e.retries()).isEqualTo(2);
    assertThat(e.failureProbability()).isEqualTo(0.20);
    assertThat(e.timeoutSeconds()).isEqualTo(2.0);
    // an exponential call time with p95 = 300 ms has mean 300 ms / ln 20
    assertThat(e.latency().mean()).isCloseTo(0.300 / Math.log(20), within(1e-12));
    assertThat(sim.parameters())
        .anyMatch(p -> p.name().equals("psp mean call time"))
        .anyMatch(p -> p.name().equals("psp failure probability"));
    SystemSimulationResult r = ModelSimulation.check(m, CapacityModel.today(), 7L);
    RetryStorm storm = r.retries().orElseThrow();
    double exact = (1 - Math.pow(0.2, 3)) / (1 - 0.2);
    assertThat(storm.expectedAttempts()).isCloseTo(exact, within(1e-12));
    // timeouts at 2 s are rare (P(T > 2 s) = 20^(-2/0.3) ≈ 2e-9), so the failures are the 20 %
    assertThat(storm.attemptsPerCall().mean())
        .isCloseTo(exact, within(Math.max(0.03, 3 * storm.attemptsPerCall().halfWidth())));
  }

  @Test
  void declaredBreaker_isAnAssumedParameterWithItsThreshold() {
    ModelSimulation sim =
        ModelSimulation.of(model(", circuit_breaker: true"), CapacityModel.today());
    CircuitBreaker b = sim.system().external().orElseThrow().breaker().orElseThrow();
    assertThat(b.failureThreshold()).isEqualTo(ModelSimulation.BREAKER_FAILURES);
    Figure f =
        sim.parameters().stream()
            .filter(p -> p.name().equals("psp circuit breaker"))
            .findFirst()
            .orElseThrow()
            .value();
    assertThat(f.provenance().describe()).contains("X1").contains("failures in a row");
  }

  @Test
  void externalWithoutItsFigures_isListedAsNotSimulated_namingWhatItNeeds() {
    String yaml =
        SYSTEM
            .replace("call_share: 10%, retries: 2%s", "retries: 1")
            .replace("  psp.latency_p95: 300ms\n", "");
    ModelSimulation sim =
        ModelSimulation.of(
            Advisor.advise(SystemFileReader.read("sys.yaml", yaml)).model(), CapacityModel.today());
    assertThat(sim.system().external()).isEmpty();
    assertThat(sim.notes())
        .anyMatch(
            n ->
                n.contains("external service psp not simulated: needs psp.call_share")
                    && n.contains("observations.psp.latency_p95"));
  }
}
