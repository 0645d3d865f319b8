package dev.headroom.analysis.health;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.SystemView;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Health statuses at their boundaries (M1-M9), SLO overrides, and slow requests per second (M6).
 */
class HealthAnalyzerTest {

  private static Health assess(SystemYaml y) {
    return HealthAnalyzer.assess(
        new SystemView(y.spec()), dev.headroom.advice.Advisor.thresholds(y.spec()));
  }

  private static HealthMetric metric(SystemYaml y, String key) {
    return assess(y).metrics().stream()
        .filter(m -> m.metric().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no health metric " + key));
  }

  private static SystemYaml app() {
    return system().component("name: web, kind: app");
  }

  @ParameterizedTest(name = "p95 {0} -> {1}")
  @CsvSource({"499ms, ok", "500ms, ok", "501ms, warning", "1s, warning", "1.001s, critical"})
  void p95_defaultTargetIsFiveHundredMillisecondsWithAWarningToOneSecond(
      String p95, String expected) {
    HealthMetric m = metric(app().observe("latency_p95: " + p95), "latency_p95");
    assertThat(m.status().id()).isEqualTo(expected);
    assertThat(m.target().value()).isEqualTo(0.5);
    assertThat(m.target().provenance()).isInstanceOf(Provenance.Assumed.class);
    assertThat(m.critical().value()).isEqualTo(1.0);
    assertThat(m.value().provenance()).isInstanceOf(Provenance.Measured.class);
  }

  @ParameterizedTest(name = "SLO 300ms, p95 {0} -> {1}")
  @CsvSource({"299ms, ok", "300ms, ok", "301ms, critical", "2s, critical"})
  void p95_brokenSloIsCriticalAtOnce(String p95, String expected) {
    HealthMetric m =
        metric(app().slo("latency_p95: 300ms").observe("latency_p95: " + p95), "latency_p95");
    assertThat(m.status().id()).isEqualTo(expected);
    assertThat(m.target().provenance()).isInstanceOf(Provenance.Declared.class);
    assertThat(m.critical()).isNull();
  }

  @ParameterizedTest(name = "p50 {0}, SLO {1} -> {2}")
  @CsvSource({
    "100ms, '', ok",
    "101ms, '', warning",
    "101ms, latency_p50: 100ms, critical",
    "99ms, latency_p50: 100ms, ok"
  })
  void p50_defaultsToOneHundredMillisecondsAndAnSloMakesItAPromise(
      String p50, String slo, String expected) {
    SystemYaml y = app().observe("latency_p50: " + p50);
    if (!slo.isEmpty()) {
      y.slo(slo);
    }
    assertThat(metric(y, "latency_p50").status().id()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "p99 {0} -> {1}")
  @CsvSource({"1s, ok", "1.001s, warning"})
  void p99_defaultTargetIsOneSecond(String p99, String expected) {
    assertThat(metric(app().observe("latency_p99: " + p99), "latency_p99").status().id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "errors {0}, SLO {1} -> {2}")
  @CsvSource({
    "0.1%, '', ok",
    "0.11%, '', warning",
    "0.5%, error_rate: 0.5%, ok",
    "0.51%, error_rate: 0.5%, critical"
  })
  void errorRate_defaultsToOneInAThousand(String rate, String slo, String expected) {
    SystemYaml y = app().observe("error_rate: " + rate);
    if (!slo.isEmpty()) {
      y.slo(slo);
    }
    assertThat(metric(y, "error_rate").status().id()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "availability {0} against 99.9% -> {1}")
  @CsvSource({"99.95%, ok", "99.9%, ok", "99.89%, critical"})
  void availability_isHigherIsBetterAndOnlyWithAnSlo(String measured, String expected) {
    HealthMetric m =
        metric(
            app().slo("availability: 99.9%").observe("availability: " + measured), "availability");
    assertThat(m.lowerIsBetter()).isFalse();
    assertThat(m.status().id()).isEqualTo(expected);
    assertThat(assess(app().observe("availability: 99%")).metrics())
        .noneMatch(x -> x.metric().equals("availability"));
  }

  @ParameterizedTest(name = "cpu {0} -> {1}")
  @CsvSource({"70%, ok", "70.1%, warning", "85%, warning", "85.1%, critical"})
  void cpu_targetSeventyWarningEightyFive(String cpu, String expected) {
    assertThat(metric(app().observe("web.cpu: " + cpu), "web.cpu").status().id())
        .isEqualTo(expected);
    assertThat(
            metric(
                    system().component("name: db, kind: database").observe("db.cpu: " + cpu),
                    "db.cpu")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "memory {0} -> {1}")
  @CsvSource({"80%, ok", "80.1%, warning", "90%, warning", "90.1%, critical"})
  void memory_targetEightyWarningNinety(String used, String expected) {
    assertThat(metric(app().observe("web.memory_used: " + used), "web.memory_used").status().id())
        .isEqualTo(expected);
  }

  @Test
  void unmeasuredMetrics_areUnknownAndSayHowToMeasure() {
    Health h = assess(app().component("name: db, kind: database"));
    HealthMetric cpu =
        h.metrics().stream().filter(m -> m.metric().equals("web.cpu")).findFirst().orElseThrow();
    assertThat(cpu.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(cpu.value()).isNull();
    assertThat(cpu.needs()).startsWith("observations.web.cpu: ");
    assertThat(h.metrics())
        .filteredOn(m -> m.metric().equals("db.connections_usage"))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(HealthStatus.UNKNOWN));
    assertThat(h.metrics())
        .filteredOn(m -> m.metric().equals("queries_per_request"))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(HealthStatus.UNKNOWN));
    assertThat(h.metrics()).noneMatch(m -> m.metric().equals("web.memory_used"));
  }

  @ParameterizedTest(name = "{0} of 100 connections -> {1}")
  @CsvSource({"50, ok", "51, warning", "80, warning", "81, critical"})
  void databaseConnections_targetHalfWarningEightyPercent(int inUse, String expected) {
    HealthMetric m =
        metric(
            system()
                .component("name: db, kind: database, max_connections: 100")
                .observe("db.connections_in_use: " + inUse),
            "db.connections_usage");
    assertThat(m.status().id()).isEqualTo(expected);
    assertThat(m.value().provenance()).isInstanceOf(Provenance.Derived.class);
  }

  @ParameterizedTest(name = "{0} of a 20-connection pool -> {1}")
  @CsvSource({"10, ok", "11, warning", "16, warning", "17, critical"})
  void poolUsage_targetHalfWarningEightyPercent(int inUse, String expected) {
    assertThat(
            metric(
                    system()
                        .component("name: web, kind: app, pool: { size: 20 }")
                        .observe("web.pool_in_use: " + inUse),
                    "web.pool_usage")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "pool {0} of 20, HR-DB-002 at 40%/60% -> {1}")
  @CsvSource({"8, ok", "9, warning", "12, warning", "13, critical"})
  void poolUsage_followsTheConnectionThresholdsOverrides(int inUse, String expected) {
    // the app pool's M4 levels were literals (50%, 80%) beside HR-DB-002's declared ones
    assertThat(
            metric(
                    system()
                        .component("name: web, kind: app, pool: { size: 20 }")
                        .observe("web.pool_in_use: " + inUse)
                        .threshold("HR-DB-002", "warning", "40%")
                        .threshold("HR-DB-002", "critical", "60%"),
                    "web.pool_usage")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "p95 {0} with HR-APP-010 critical at 800ms -> {1}")
  @CsvSource({"799ms, warning", "801ms, critical"})
  void p95_criticalLevelIsTheRulesOverridableThreshold(String p95, String expected) {
    HealthMetric m =
        metric(
            app().observe("latency_p95: " + p95).threshold("HR-APP-010", "critical", "800ms"),
            "latency_p95");
    assertThat(m.status().id()).isEqualTo(expected);
    assertThat(m.critical().provenance().kind()).isEqualTo("declared");
  }

  @ParameterizedTest(name = "queries per request {0} -> {1}")
  @CsvSource({"10, ok", "10.1, warning", "20, warning", "20.1, critical"})
  void queriesPerRequest_targetTenWarningTwenty(String q, String expected) {
    assertThat(
            metric(
                    system()
                        .component("name: db, kind: database")
                        .workload("queries_per_request: " + q),
                    "queries_per_request")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "replica lag {0} -> {1}")
  @CsvSource({"1s, ok", "1.001s, warning"})
  void replicaLag_targetOneSecond(String lag, String expected) {
    assertThat(
            metric(
                    system()
                        .component("name: db, kind: database, replicas: 1")
                        .observe("db.replica_lag: " + lag),
                    "db.replica_lag")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} hit ratio {1} -> {2}")
  @CsvSource({"cache, 70%, ok", "cache, 69.9%, warning", "cdn, 80%, ok", "cdn, 79.9%, warning"})
  void hitRatios_areHigherIsBetterByLayer(String kind, String ratio, String expected) {
    assertThat(
            metric(
                    system().component("name: c, kind: " + kind).observe("c.hit_ratio: " + ratio),
                    "c.hit_ratio")
                .status()
                .id())
        .isEqualTo(expected);
  }

  @Test
  void slowRequests_p99AtOneThousandRpsIsTenPerSecond() {
    Health h = assess(app().workload("peak_rps: 1000 rps").observe("latency_p99: 800ms"));
    assertThat(h.slowRequests())
        .extracting(SlowRequests::percentile)
        .containsExactly("p50", "p95", "p99");
    SlowRequests p99 = h.slowRequests().get(2);
    assertThat(p99.slowPerSecond().value()).isCloseTo(10.0, Offset.offset(1e-9));
    assertThat(p99.slowPerSecond().provenance()).isInstanceOf(Provenance.Derived.class);
    assertThat(p99.latency().value()).isEqualTo(0.8);
    assertThat(h.slowRequests().get(1).slowPerSecond().value())
        .isCloseTo(50.0, Offset.offset(1e-9));
    assertThat(h.slowRequests().get(0).slowPerSecond().value())
        .isCloseTo(500.0, Offset.offset(1e-9));
    assertThat(h.slowRequests().get(0).latency()).isNull();
  }

  @Test
  void slowRequests_useTheMeasuredRateOverTheDeclaredPeak() {
    Health h = assess(app().workload("peak_rps: 1000 rps").observe("rps: 2000 rps"));
    assertThat(h.slowRequests().get(2).slowPerSecond().value())
        .isCloseTo(20.0, Offset.offset(1e-9));
    assertThat(h.slowRequests().get(2).slowPerSecond().provenance().describe())
        .contains("measured");
  }

  @Test
  void slowRequests_needARequestRate() {
    assertThat(assess(app().observe("latency_p99: 1s")).slowRequests()).isEmpty();
  }
}
