package dev.headroom.analysis.capacity;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capacity calculators against the worked examples of the knowledge inventory (C1-C5). */
class CapacityPlannerTest {

  private static Capacity plan(SystemYaml y) {
    return Advisor.advise(y.spec()).capacity();
  }

  private static CapacityItem item(Capacity c, String id) {
    return c.item(id)
        .orElseThrow(
            () -> new AssertionError("no capacity item " + id + " in " + c.byId().keySet()));
  }

  private static SystemYaml app() {
    return system().component("name: web, kind: app");
  }

  @Test
  void c1_requiredCapacityIsPeakTimesGrowthTimesSafetyMargin() {
    // C1: 1,000 x 3 x 1.5 = 4,500 req/s
    Capacity c = plan(app().workload("peak_rps: 1000 rps").workload("target: 3x"));
    assertThat(item(c, "growth_factor").value().value()).isEqualTo(3.0);
    assertThat(item(c, "growth_factor").value().provenance())
        .isInstanceOf(Provenance.Declared.class);
    assertThat(item(c, "required_rps").value().value()).isCloseTo(4500.0, Offset.offset(1e-9));
    assertThat(item(c, "required_rps").value().provenance()).isInstanceOf(Provenance.Derived.class);
    assertThat(item(c, "required_rps").knowledge()).isEqualTo("C1");
  }

  @Test
  void c1_monthlyGrowthCompoundsOverTheHorizon() {
    Capacity c =
        plan(
            app()
                .workload("peak_rps: 1000 rps")
                .workload("growth: 10%/month")
                .workload("horizon: 6 months"));
    assertThat(item(c, "growth_factor").value().value())
        .isCloseTo(Math.pow(1.1, 6), Offset.offset(1e-9));
    assertThat(item(c, "required_rps").value().value())
        .isCloseTo(1000 * Math.pow(1.1, 6) * 1.5, Offset.offset(1e-6));
    Capacity year = plan(app().workload("peak_rps: 1000 rps").workload("growth: 10%/month"));
    assertThat(item(year, "growth_factor").value().value())
        .isCloseTo(Math.pow(1.1, 12), Offset.offset(1e-9));
  }

  @Test
  void c1_targetWinsOverGrowthAndAnOverriddenMarginIsUsed() {
    Capacity c =
        plan(
            app()
                .workload("peak_rps: 1000 rps")
                .workload("target: 2x")
                .workload("growth: 50%/month")
                .threshold("capacity", "safety_margin", "1.2x"));
    assertThat(item(c, "required_rps").value().value()).isCloseTo(2400.0, Offset.offset(1e-9));
  }

  @Test
  void c1_withoutGrowthPlansForTodayAndSaysSo_withoutPeakSaysWhatIsMissing() {
    Capacity today = plan(app().workload("peak_rps: 1000 rps"));
    assertThat(item(today, "growth_factor").value().provenance())
        .isInstanceOf(Provenance.Assumed.class);
    assertThat(item(today, "required_rps").value().value()).isCloseTo(1500.0, Offset.offset(1e-9));
    assertThat(today.notEvaluated()).extracting(NotEvaluated::title).contains("growth factor");
    Capacity none = plan(app());
    assertThat(none.item("required_rps")).isEmpty();
    assertThat(none.notEvaluated())
        .filteredOn(n -> n.title().equals("required capacity"))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.needs())
                    .containsExactly("workload.peak_rps or observations.rps (above zero)"));
  }

  @ParameterizedTest(name = "{0} cores on {1} -> pool {2}")
  @CsvSource({
    "8, 'storage: ssd', 17",
    "8, 'storage: nvme', 17",
    "8, 'storage: hdd', 18",
    "4, 'spindles: 4', 12",
    "1, 'storage: ssd', 3"
  })
  void c2_activeConnectionsAreCoresTimesTwoPlusSpindles(int cores, String disk, int pool) {
    Capacity c = plan(system().component("name: db, kind: database, vcpu: " + cores + ", " + disk));
    assertThat(item(c, "db.active_connections").value().value()).isEqualTo(pool);
    assertThat(item(c, "db.active_connections").knowledge()).isEqualTo("C2");
  }

  @Test
  void c2_isSharedByTheClientInstances_notGivenToEachOfThem() {
    // 8 cores on SSD: 17 connections the database works on at once, for 3 + 1 client instances
    Capacity c =
        plan(
            system()
                .component("name: db, kind: database, vcpu: 8")
                .component("name: web, kind: app, instances: 3, uses: [db]")
                .component("name: jobs, kind: worker, instances: 1, uses: [db]"));
    assertThat(item(c, "db.active_connections").value().value()).isEqualTo(17);
    assertThat(item(c, "db.pool_per_instance").value().value()).isEqualTo(4); // floor(17 / 4)
    assertThat(item(c, "db.pool_per_instance").value().provenance().describe())
        .contains("web.instances = 3", "jobs.instances = 1");
  }

  @Test
  void c2_withoutCoresSaysWhatIsMissing() {
    Capacity c = plan(system().component("name: db, kind: database"));
    assertThat(c.notEvaluated())
        .filteredOn(n -> n.rule().equals("C2"))
        .singleElement()
        .satisfies(n -> assertThat(n.needs()).containsExactly("db.vcpu"));
  }

  /** peak 1,000 x 1 x margin 1 x 10 queries per request at {@code read} reads. */
  private static SystemYaml reads(String read) {
    return system()
        .component("name: web, kind: app")
        .component("name: db, kind: database")
        .workload("peak_rps: 1000 rps")
        .workload("target: 1x")
        .workload("queries_per_request: 10")
        .workload("read_ratio: " + read)
        .threshold("capacity", "safety_margin", "1x");
  }

  @Test
  void c3_tenThousandReadsOverThreeThousandIsFourReplicas() {
    Capacity c = plan(reads("100%"));
    assertThat(item(c, "db_query_rate").value().value()).isCloseTo(10_000.0, Offset.offset(1e-6));
    assertThat(item(c, "read_query_rate").value().value()).isCloseTo(10_000.0, Offset.offset(1e-6));
    assertThat(item(c, "replica_capacity").value().value()).isEqualTo(3000.0);
    assertThat(item(c, "replica_capacity").value().provenance())
        .isInstanceOf(Provenance.Assumed.class);
    assertThat(item(c, "replicas").value().value()).isEqualTo(4.0);
  }

  @ParameterizedTest(name = "reads {0} -> {1} replicas")
  @CsvSource({"90%, 3", "90.1%, 4", "60%, 2", "30%, 1"})
  void c3_replicasRoundUp(String read, int replicas) {
    assertThat(item(plan(reads(read)), "replicas").value().value()).isEqualTo(replicas);
  }

  @Test
  void c3_measuredQpsAndCpuReplaceThePlaceholder() {
    // 2,000 qps at 50% CPU: one replica takes 2,000 x 0.7 / 0.5 = 2,800/s; 10,000 / 2,800 -> 4
    Capacity c = plan(reads("100%").observe("db.qps: 2000 rps").observe("db.cpu: 50%"));
    assertThat(item(c, "replica_capacity").value().value()).isCloseTo(2800.0, Offset.offset(1e-9));
    assertThat(item(c, "replica_capacity").value().provenance())
        .isInstanceOf(Provenance.Derived.class);
    assertThat(item(c, "replicas").value().value()).isEqualTo(4.0);
  }

  @Test
  void c3_withoutTheReadShareSaysWhatIsMissing() {
    Capacity c =
        plan(
            system()
                .component("name: web, kind: app")
                .component("name: db, kind: database")
                .workload("peak_rps: 1000 rps")
                .workload("queries_per_request: 10"));
    assertThat(c.item("replicas")).isEmpty();
    assertThat(c.notEvaluated())
        .filteredOn(n -> n.rule().equals("C3"))
        .singleElement()
        .satisfies(
            n -> assertThat(n.needs()).containsExactly("workload.read_ratio or db.read_ratio"));
  }

  @Test
  void c4_tenGigabyteWorkingSetTimesOverheadIsFifteenGigabytes() {
    // 50 GB of data x the default 20% working set = 10 GB; x 1.5 = 15 GB
    Capacity c = plan(app().workload("data_size: 50GB"));
    assertThat(item(c, "cache_memory").value().value()).isCloseTo(15e9, Offset.offset(1.0));
    // the same 10 GB working set from 100 GB with the working-set share overridden to 10%
    Capacity o =
        plan(app().workload("data_size: 100GB").threshold("capacity", "working_set", "10%"));
    assertThat(item(o, "cache_memory").value().value()).isCloseTo(15e9, Offset.offset(1.0));
    assertThat(item(o, "cache_memory").value().provenance().describe()).contains("declared");
  }

  @Test
  void c4_fallsBackToUsersTimesBytesPerUserAndSaysWhenNeitherIsKnown() {
    Capacity c = plan(app().workload("active_users: 1M").workload("target: 2x"));
    assertThat(item(c, "cache_memory").value().value())
        .isCloseTo(1e6 * 2 * 1000 * 1.5, Offset.offset(1.0));
    Capacity none = plan(app());
    assertThat(none.notEvaluated())
        .filteredOn(n -> n.rule().equals("C4"))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.needs())
                    .containsExactly(
                        "workload.data_size or workload.active_users, or a cache's measured"
                            + " hit_ratio, evictions and memory_used"));
  }

  @Test
  void c5_placeholderOfFiveHundredPerServer() {
    Capacity c = plan(app().workload("peak_rps: 1000 rps").workload("target: 3x"));
    assertThat(item(c, "rps_per_instance").value().value()).isEqualTo(500.0);
    assertThat(item(c, "rps_per_instance").value().provenance())
        .isInstanceOf(Provenance.Assumed.class);
    assertThat(item(c, "app_instances").value().value()).isEqualTo(9.0);
    assertThat(item(c, "app_instances_now").value().value()).isEqualTo(1.0);
  }

  @Test
  void c5_measuredCapacityPerInstanceWins() {
    Capacity c =
        plan(
            app()
                .workload("peak_rps: 1000 rps")
                .workload("target: 3x")
                .observe("web.max_rps_per_instance: 1200 rps"));
    // planned at the 70% target of the measured 1,200/s: 840/s; 4,500 / 840 = 5.4 -> 6
    assertThat(item(c, "rps_per_instance").value().value()).isCloseTo(840.0, Offset.offset(1e-9));
    assertThat(item(c, "rps_per_instance").value().provenance().describe())
        .contains("measured capacity x target utilisation")
        .contains("measured: observations.web.max_rps_per_instance");
    assertThat(item(c, "app_instances").value().value()).isEqualTo(6.0);
  }

  @ParameterizedTest(name = "required {0} over 500 -> {1}")
  @CsvSource({"1000, 2", "1000.5, 3", "1499, 3"})
  void c5_instancesRoundUp(String peak, int instances) {
    Capacity c =
        plan(
            app()
                .workload("peak_rps: " + peak + " rps")
                .workload("target: 1x")
                .threshold("capacity", "safety_margin", "1x"));
    assertThat(item(c, "app_instances").value().value()).isEqualTo(instances);
  }

  @Test
  void pools_areCheckedAgainstMaxConnectionsAtTheAutoscalingMaximum() {
    Advice a =
        Advisor.advise(
            system()
                .component("name: db, kind: database, vcpu: 4, max_connections: 150")
                .component(
                    "name: web, kind: app, instances: 4, pool: { size: 20 }, autoscaling: { min: 2, max: 10 }")
                .spec());
    Capacity c = a.capacity();
    assertThat(item(c, "db.pool_connections").value().value()).isEqualTo(80.0);
    assertThat(item(c, "db.pool_connections_at_max").value().value()).isEqualTo(200.0);
    assertThat(item(c, "db.max_connections").value().value()).isEqualTo(150.0);
    assertThat(a.findings())
        .filteredOn(f -> f.ruleId().equals("HR-DB-009"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void pools_withAMissingPoolSizeAreNotSummed() {
    Capacity c =
        plan(
            system()
                .component("name: db, kind: database, vcpu: 4, max_connections: 150")
                .component("name: web, kind: app, pool: { size: 20 }")
                .component("name: jobs, kind: worker"));
    assertThat(c.item("db.pool_connections")).isEmpty();
    assertThat(c.notEvaluated())
        .extracting(NotEvaluated::needs)
        .contains(java.util.List.of("jobs.pool.size"));
  }

  @Test
  void workers_byLittlesLawAtTheTargetUtilisation() {
    // 10 jobs/s x 2 s = 20 busy workers; at 70% -> ceil(28.57) = 29
    Capacity c =
        plan(
            app()
                .component("name: q, kind: queue")
                .workload("job_rate: 10/s")
                .workload("job_duration: 2s")
                .workload("target: 1x"));
    assertThat(item(c, "queue_workers").value().value()).isEqualTo(29.0);
  }
}
