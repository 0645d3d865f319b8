package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.DatabaseRulesTest.sev;
import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries, absence and overrides for the architecture rules (HR-ARCH-001..007). */
class ArchitectureRulesTest {

  // ------------------------------------------------------------------ HR-ARCH-001

  private static SystemYaml services(int n, String peak) {
    SystemYaml y = system().workload("peak_rps: " + peak);
    for (int i = 0; i < n; i++) {
      y.component("name: svc" + i + ", kind: app");
    }
    return y;
  }

  @ParameterizedTest(name = "{0} services at {1} -> {2}")
  @CsvSource({"2, 50 rps, none", "3, 50 rps, warning", "3, 999 rps, warning", "3, 1000 rps, none"})
  void microservices_warnFromThreeServicesUpToTheGrowthStage(int n, String peak, String expected) {
    RuleHarness h = RuleHarness.run("HR-ARCH-001", services(n, peak));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("avoid-premature-microservices");
      assertThat(h.evidence("app services").figure().value()).isEqualTo(n);
      assertThat(h.evidence("app services").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
    }
  }

  @Test
  void microservices_countServicesNotDeployments() {
    RuleHarness.run(
            "HR-ARCH-001",
            system()
                .component("name: a, kind: app, service: shop")
                .component("name: b, kind: app, service: shop")
                .component("name: c, kind: app, service: shop"))
        .assertSilent();
  }

  @Test
  void microservices_withoutAppsDoNotApply() {
    RuleHarness.run("HR-ARCH-001", system().component("name: db, kind: database")).assertSilent();
  }

  @ParameterizedTest(name = "services 4: {0} -> {1}")
  @CsvSource({"3, none", "4, warning"})
  void microservices_overrideMovesTheBoundary(int n, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-ARCH-001", services(n, "50 rps").threshold("HR-ARCH-001", "services", "4"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-ARCH-002

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'shards: 1', none, ''",
    "'shards: 2', warning, add-read-replicas",
    "'shards: 2, replicas: 1', warning, add-app-cache"
  })
  void shardedEarly_warnsWhileReplicasOrCacheAreMissing(String db, String expected, String second) {
    RuleHarness h =
        RuleHarness.run("HR-ARCH-002", system().component("name: db, kind: database, " + db));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("avoid-premature-sharding", second);
      assertThat(h.evidence("db.shards").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void shardedEarly_isFineWithReplicasAndACache() {
    RuleHarness.run(
            "HR-ARCH-002",
            system()
                .component("name: db, kind: database, shards: 4, replicas: 2")
                .component("name: cache, kind: cache"))
        .assertSilent();
    RuleHarness.run("HR-ARCH-002", system().component("name: web, kind: app")).assertSilent();
  }

  // ------------------------------------------------------------------ HR-ARCH-003

  private static SystemYaml regions() {
    return system()
        .component("name: web, kind: app, region: eu-west-1")
        .component("name: db, kind: database, region: us-east-1");
  }

  @Test
  void multiRegion_warnsWithoutAGeographicNeed() {
    RuleHarness h = RuleHarness.run("HR-ARCH-003", regions());
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().actions()).containsExactly("avoid-premature-multi-region");
    assertThat(h.evidence("server regions").figure().value()).isEqualTo(2);
  }

  @ParameterizedTest(name = "availability {0} -> {1}")
  @CsvSource({"99.98%, warning", "99.99%, none"})
  void multiRegion_isJustifiedByFourNines(String availability, String expected) {
    RuleHarness h = RuleHarness.run("HR-ARCH-003", regions().slo("availability: " + availability));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @Test
  void multiRegion_isJustifiedByDistantUsersOrResidency() {
    RuleHarness.run("HR-ARCH-003", regions().workload("user_regions: [europe, north-america]"))
        .assertSilent();
    RuleHarness.run("HR-ARCH-003", regions().workload("data_residency: true")).assertSilent();
    RuleHarness.run(
            "HR-ARCH-003",
            system()
                .component("name: web, kind: app, region: eu-west-1")
                .component("name: db, kind: database, region: eu-west-1"))
        .assertSilent();
  }

  // ------------------------------------------------------------------ HR-ARCH-004

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource({
    "'', '', warning",
    "latency_p95: 1s, '', info",
    "'', error_rate: 1%, info",
    "latency_p99: 1s, error_rate: 1%, none",
    "latency_p95: 1s, error_rate: 1%, none"
  })
  void monitoring_warnsWithoutLatencyAndErrorMeasurements(
      String latency, String errors, String expected) {
    SystemYaml y = system().component("name: web, kind: app");
    if (!latency.isEmpty()) {
      y.observe(latency);
    }
    if (!errors.isEmpty()) {
      y.observe(errors);
    }
    RuleHarness h = RuleHarness.run("HR-ARCH-004", y);
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-monitoring");
      assertThat(h.finding().evidence()).isEmpty();
    }
  }

  // ------------------------------------------------------------------ HR-ARCH-005

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0/s, '', none",
    "5/s, '', warning",
    "5/s, 'name: q, kind: queue', none",
    "5/s, 'name: jobs, kind: worker', none"
  })
  void noQueue_warnsForBackgroundWorkWithoutQueueOrWorker(
      String rate, String extra, String expected) {
    SystemYaml y = system().component("name: web, kind: app").workload("job_rate: " + rate);
    if (!extra.isEmpty()) {
      y.component(extra);
    }
    RuleHarness h = RuleHarness.run("HR-ARCH-005", y);
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-job-queue");
      assertThat(h.evidence("workload.job_rate").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void noQueue_withoutJobsDoesNotApply() {
    RuleHarness.run("HR-ARCH-005", system().component("name: web, kind: app")).assertSilent();
  }

  // ------------------------------------------------------------------ HR-ARCH-006

  private static SystemYaml growth(String g) {
    return system().component("name: web, kind: app").workload("growth: " + g);
  }

  @ParameterizedTest(name = "growth {0} -> {1}")
  @CsvSource({"49.9%/month, none", "50%/month, none", "50.1%/month, warning"})
  void fastGrowth_warnsAboveFiftyPercentAMonth(String g, String expected) {
    RuleHarness h = RuleHarness.run("HR-ARCH-006", growth(g));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions())
          .containsExactly("scale-horizontally", "add-autoscaling", "add-cdn");
    }
  }

  @Test
  void fastGrowth_withACdnLeavesItOut() {
    RuleHarness h =
        RuleHarness.run("HR-ARCH-006", growth("80%/month").component("name: cdn, kind: cdn"));
    assertThat(h.finding().actions()).containsExactly("scale-horizontally", "add-autoscaling");
  }

  @Test
  void fastGrowth_undeclaredDoesNotApply() {
    RuleHarness.run("HR-ARCH-006", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "warning 20%/month: {0} -> {1}")
  @CsvSource({"19.9%/month, none", "20.1%/month, warning"})
  void fastGrowth_overrideMovesTheBoundary(String g, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-ARCH-006", growth(g).threshold("HR-ARCH-006", "warning", "20%/month"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-ARCH-007

  private static SystemYaml single(String db, String availability) {
    return system().component("name: db, kind: database" + db).slo("availability: " + availability);
  }

  @ParameterizedTest(name = "availability {0} -> {1}")
  @CsvSource({"99.89%, none", "99.9%, warning", "99.91%, warning"})
  void singleDatabase_warnsFromThreeNines(String availability, String expected) {
    RuleHarness h = RuleHarness.run("HR-ARCH-007", single("", availability));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-read-replicas");
      assertThat(h.evidence("slo.availability").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void singleDatabase_withAReplicaOrTwoInstancesOrNoDatabaseDoesNotApply() {
    RuleHarness.run("HR-ARCH-007", single(", replicas: 1", "99.99%")).assertSilent();
    RuleHarness.run("HR-ARCH-007", single(", instances: 2", "99.99%")).assertSilent();
    RuleHarness.run(
            "HR-ARCH-007",
            single("", "99.99%")
                .component("name: standby, kind: database, role: replica, replica_of: db"))
        .assertSilent();
    RuleHarness.run(
            "HR-ARCH-007", system().component("name: web, kind: app").slo("availability: 99.99%"))
        .assertSilent();
  }

  @ParameterizedTest(name = "availability 99.99%: {0} -> {1}")
  @CsvSource({"99.98%, none", "99.99%, warning"})
  void singleDatabase_overrideMovesTheBoundary(String availability, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-ARCH-007",
            single("", availability).threshold("HR-ARCH-007", "availability", "99.99%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-ARCH-008

  @Test
  void regionalRequirement_residencyInOneRegionIsActedOnWithMultiRegion() {
    RuleHarness h =
        RuleHarness.run(
            "HR-ARCH-008",
            system()
                .component("name: web, kind: app, instances: 2, region: eu-west-1")
                .workload("peak_rps: 2000 rps")
                .workload("data_residency: true"));
    assertThat(h.finding().actions()).containsExactly("multi-region");
    assertThat(h.evidence("workload.data_residency").figure().provenance().kind())
        .isEqualTo("declared");
    assertThat(h.advice().plan().recommendations())
        .extracting(r -> r.action().id())
        .contains("multi-region");
    // a declared requirement is not a measured bottleneck
    assertThat(h.advice().stage().decidedBy()).doesNotContain("measured");
  }

  @ParameterizedTest(name = "availability {0} -> {1}")
  @CsvSource({"99.98%, none", "99.99%, warning"})
  void regionalRequirement_fourNinesInOneRegion(String availability, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-ARCH-008",
            system().component("name: web, kind: app").slo("availability: " + availability));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @Test
  void regionalRequirement_silentInSeveralRegions() {
    RuleHarness.run(
            "HR-ARCH-008",
            system()
                .component("name: web, kind: app, region: eu-west-1")
                .component("name: web2, kind: app, region: eu-central-1")
                .workload("data_residency: true"))
        .assertSilent();
  }
}
