package dev.headroom.analysis.capacity;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.plan.Recommendation;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The capacity model answers each question once: the defects of the sections that used to size the
 * same tier three ways, each reproduced on a small system.
 */
class CapacityModelTest {

  private static Advice advise(SystemYaml y) {
    return Advisor.advise(y.spec());
  }

  private static double item(Advice a, String id) {
    return a.capacity()
        .item(id)
        .orElseThrow(() -> new AssertionError("no " + id + " in " + a.capacity().byId().keySet()))
        .value()
        .value();
  }

  private static Optional<Recommendation> step(Advice a, String action) {
    return a.plan().recommendations().stream()
        .filter(r -> r.action().id().equals(action))
        .findFirst();
  }

  private static Scenario scenario(Advice a, String name) {
    return a.cost().verticalVsHorizontal().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The architecture notes' shop: 850 rps on two 4-vCPU instances at 78% CPU. */
  private static SystemYaml shop() {
    return system()
        .workload("peak_rps: 850 rps")
        .workload("read_ratio: 90%")
        .workload("queries_per_request: 12")
        .workload("growth: 15%/month")
        .component(
            "name: web, kind: app, instances: 2, vcpu: 4, memory: 8GiB, cost: 140 USD/month,"
                + " pool: { size: 20 }")
        .component(
            "name: db, kind: database, vcpu: 8, memory: 32GiB, max_connections: 200, cost: 520"
                + " USD/month")
        .observe("web.cpu: 78%")
        .observe("db.cpu: 82%");
  }

  @Test
  void measuredCpuAndRate_replaceThePlaceholderByTheUtilisationLaw() {
    Advice a = advise(shop());
    // one instance takes 850 / 2 at 78% CPU, so 425 x 0.70 / 0.78 at the 70% target
    assertThat(item(a, "rps_per_instance")).isCloseTo(425 * 0.70 / 0.78, Offset.offset(1e-9));
    assertThat(a.capacity().item("rps_per_instance").orElseThrow().value().provenance())
        .isInstanceOf(Provenance.Derived.class);
  }

  @Test
  void undeclaredInstances_leaveThePlaceholder_notALawOnAnAssumedCount() {
    Advice a =
        advise(
            system()
                .workload("peak_rps: 850 rps")
                .component("name: web, kind: app, vcpu: 4")
                .observe("web.cpu: 78%"));
    assertThat(a.capacity().item("rps_per_instance").orElseThrow().value().provenance())
        .isInstanceOf(Provenance.Assumed.class);
  }

  @Test
  void appTier_hasOneInstanceCount_inTheCapacitySectionTheCostSectionAndThePlan() {
    Advice a = advise(shop());
    double atTarget = item(a, "app_instances");
    double today = item(a, "app_instances_today");
    assertThat(scenario(a, "horizontal").machines()).isEqualTo((long) atTarget);
    assertThat(a.cost().neededVcpu().value()).isEqualTo(atTarget * 4);
    Recommendation scale = step(a, "scale-horizontally").orElseThrow();
    assertThat(scale.costDelta().delta().value()).isEqualTo((today - 2) * 140);
    // 850 / (425 x 0.7 / 0.78) = 2.23 -> 3 today; the same as bringing 78% CPU to 70%
    assertThat(today).isEqualTo(3);
  }

  @Test
  void overriddenMarginAndTargetUtilisation_reachTheCostSectionAndThePlan() {
    Advice base = advise(shop());
    Advice moved =
        advise(
            shop()
                .threshold("capacity", "safety_margin", "1.1x")
                .threshold("capacity", "target_utilization", "80%"));
    assertThat(item(moved, "app_instances")).isLessThan(item(base, "app_instances"));
    assertThat(moved.cost().neededVcpu().value())
        .isEqualTo(item(moved, "app_instances") * 4)
        .isLessThan(base.cost().neededVcpu().value());
    assertThat(moved.cost().neededVcpu().provenance().describe()).doesNotContain("1.5");
    // at 80% the two instances at 78% are enough today: the scale-out step adds one, not two
    assertThat(item(moved, "app_instances_today")).isEqualTo(2);
    assertThat(step(moved, "scale-horizontally").orElseThrow().costDelta().delta().value())
        .isEqualTo(140);
  }

  @Test
  void aCacheThatHoldsItsHotSet_isSizedFromWhatItHolds_notTwentyPercentOfTheData() {
    Advice a =
        advise(
            shop()
                .workload("data_size: 650GiB")
                .workload("target: 2x")
                .component("name: cache, kind: cache, engine: redis, memory: 8GiB")
                .observe("cache.hit_ratio: 91%")
                .observe("cache.evictions: 0/s")
                .observe("cache.memory_used: 64%"));
    double gib = 1024.0 * 1024 * 1024;
    assertThat(item(a, "cache_memory") / gib).isCloseTo(8 * 0.64 * 2, Offset.offset(1e-9));
    assertThat(a.capacity().item("cache_memory").orElseThrow().value().provenance().describe())
        .contains("measured working set");
  }

  @Test
  void replicasAfterARecommendedCache_areSizedForTheReadsTheCacheLeaves() {
    // a busy, read-heavy primary with no cache: the plan adds a cache first, then replicas
    SystemYaml y =
        system()
            .workload("peak_rps: 700 rps")
            .workload("read_ratio: 92%")
            .workload("queries_per_request: 8")
            .workload("data_size: 180GiB")
            .workload("target: 1x")
            .component("name: web, kind: app, instances: 3, vcpu: 4, cost: 60 USD/month")
            .component("name: db, kind: database, vcpu: 8, cost: 380 USD/month")
            .observe("db.cpu: 78%")
            .observe("db.qps: 5400/s");
    Advice a = advise(y);
    assertThat(step(a, "add-app-cache")).isPresent();
    Recommendation replicas = step(a, "add-read-replicas").orElseThrow();
    assertThat(replicas.order()).isGreaterThan(step(a, "add-app-cache").orElseThrow().order());
    // without the cache: 700 x 8 x 0.92 = 5152 reads/s over 4846/s per replica = 2;
    // with 80% of reads answered by the cache: 1030/s, one replica
    assertThat(a.model().replicas(a.model().peak().orElseThrow()).orElseThrow().value())
        .isEqualTo(2);
    assertThat(replicas.costDelta().delta().value()).isEqualTo(380);
    assertThat(item(a, "replicas_now")).isEqualTo(1);
  }

  @Test
  void aBiggerMachine_isPricedFromThePricePaid_notTheTablesJumpBetweenSizes() {
    // 4 vCPU at 92%: 5.3 vCPU for 70%, so the next size of the family, 8 vCPU, at twice 140
    Advice a =
        advise(
            system()
                .workload("peak_rps: 300 rps")
                .component("name: web, kind: app, instances: 1, vcpu: 4, cost: 140 USD/month")
                .observe("web.cpu: 92%"));
    Recommendation vertical = step(a, "scale-vertically").orElseThrow();
    assertThat(vertical.costDelta().delta().value()).isEqualTo(140);
  }

  @Test
  void anAvailabilitySloAboveOneMachines_rulesOutVerticalScaling() {
    Advice cheap =
        advise(
            system()
                .workload("peak_rps: 300 rps")
                .workload("target: 1x")
                .component("name: web, kind: app, instances: 1, vcpu: 4, cost: 40 USD/month"));
    assertThat(cheap.cost().choice()).startsWith("vertical");
    Advice promised =
        advise(
            system()
                .workload("peak_rps: 300 rps")
                .workload("target: 1x")
                .slo("availability: 99.95%")
                .component("name: web, kind: app, instances: 1, vcpu: 4, cost: 40 USD/month"));
    assertThat(promised.cost().choice()).startsWith("horizontal").contains("99.95%");
  }

  @Test
  void spikyTraffic_autoscalesInsteadOfBuyingABiggerMachine() {
    Advice a =
        advise(
            system()
                .workload("peak_rps: 900 rps")
                .workload("average_rps: 150 rps")
                .workload("target: 1x")
                .component("name: web, kind: app, instances: 1, vcpu: 4, cost: 40 USD/month")
                .observe("web.cpu: 92%"));
    assertThat(step(a, "scale-vertically")).isEmpty();
    assertThat(step(a, "add-autoscaling")).isPresent();
    assertThat(step(a, "scale-horizontally")).isPresent();
    assertThat(a.cost().choice()).startsWith("horizontal with autoscaling");
  }

  @Test
  void aPartlyPricedSystem_showsThePricedPartAsALowerBound() {
    Advice a =
        advise(
            system()
                .workload("peak_rps: 100 rps")
                .component("name: web, kind: app, instances: 2, cost: 50 USD/month")
                .component("name: lb, kind: load_balancer"));
    assertThat(a.cost().now()).isNull();
    assertThat(a.cost().pricedPart().value()).isEqualTo(100);
    assertThat(a.cost().pricedPart().provenance().describe()).contains("not priced: lb");
  }

  @Test
  void aZeroQueryRate_isNotAnInternalError_andFallsBackToThePlaceholder() {
    Advice a = advise(shop().observe("db.qps: 0/s"));
    assertThat(a.capacity().item("replica_capacity").orElseThrow().value().provenance().describe())
        .contains("today's query rate");
  }

  @Test
  void zeroLoad_isNotEvaluated_neverZeroInstances() {
    Advice a =
        advise(
            system()
                .workload("peak_rps: 0 rps")
                .component("name: web, kind: app, instances: 2, vcpu: 4"));
    assertThat(a.capacity().item("app_instances")).isEmpty();
    assertThat(a.capacity().notEvaluated())
        .extracting(NotEvaluated::title)
        .contains("required capacity");
  }

  @Test
  void atThreeTimesTheLoad_ratesAndUtilisationsTriple_andLatencyIsNotCarriedOver() {
    Figure three = new Figure(3, Dimension.MULTIPLIER, new Provenance.Declared("--load 3x (test)"));
    Advice a =
        Advisor.advise(
            shop().observe("latency_p95: 400ms").observe("error_rate: 0.1%").spec(),
            Path.of("."),
            three);
    // measured today, so monitoring exists: not a missing-monitoring finding at 3x
    assertThat(a.findings()).noneMatch(f -> f.ruleId().equals("HR-ARCH-004"));
    assertThat(a.system().facts().get("web.cpu").orElseThrow().value())
        .isCloseTo(2.34, Offset.offset(1e-9));
    assertThat(a.system().facts().get("workload.peak_rps").orElseThrow().value())
        .isCloseTo(2550, Offset.offset(1e-9));
    assertThat(a.system().facts().has("latency_p95")).isFalse();
    assertThat(a.notEvaluated()).filteredOn(n -> n.needs().contains("latency_p95")).isNotEmpty();
    // the same model: per-instance capacity is a property of the instances, not of the load
    assertThat(item(a, "rps_per_instance"))
        .isCloseTo(item(advise(shop()), "rps_per_instance"), Offset.offset(1e-9));
  }

  @Test
  void aPooler_capsTheServerConnectionsAtTheActiveConnections_andTheStepSaysSo() {
    Advice a = advise(shop().observe("db.connections_in_use: 170"));
    Recommendation pooler = step(a, "add-connection-pooler").orElseThrow();
    // 8 cores on SSD: 17 connections the database works on at once (C2)
    assertThat(pooler.outcome()).contains("db server connections 170 -> 17");
    assertThat(a.planned().serverConnectionsAt(CapacityModel.today()).orElseThrow().value())
        .isEqualTo(17);
    assertThat(a.model().serverConnectionsAt(CapacityModel.today()).orElseThrow().value())
        .isEqualTo(170);
  }

  @Test
  void eachStep_saysWhatItChangesOnTheModelAndWhatItLeaves() {
    Advice a = advise(shop());
    Recommendation replicas = step(a, "add-read-replicas").orElseThrow();
    assertThat(replicas.outcome())
        .contains("db CPU 82% -> 8.2% (utilisation law)")
        .contains("still above the 70% target: web at 78%");
  }

  @Test
  void aRampsSparseLevels_doNotSetTheCapacity_asInHeadroomFit() {
    // a real Gatling ramp: 59 levels, 57 of them a few requests over milliseconds
    Advice a =
        advise(
            system()
                .workload("peak_rps: 50 rps")
                .workload("target: 1x")
                .slo("latency_p95: 2s")
                .component(
                    "name: web, kind: app, instances: 2, capacity: { from:"
                        + " \"src/test/resources/gatling/gatling-nuxeo-3.10.5-simulation.log.gz\" }"));
    assertThat(a.capacity().notes())
        .anySatisfy(n -> assertThat(n).contains("dropped 57 of 59 steps too sparse or too short"));
  }

  @Test
  void aZeroMeasuredCapacity_isNotAnInternalError_andSizesNothing() {
    Advice a =
        advise(
            system()
                .workload("peak_rps: 100 rps")
                .component("name: web, kind: app, instances: 2")
                .observe("web.max_rps_per_instance: 0 rps"));
    assertThat(a.capacity().item("rps_per_instance").orElseThrow().value().provenance())
        .isInstanceOf(Provenance.Assumed.class);
  }

  @Test
  void aSettingTheCalculatorsDivideBy_isRefusedAtZero_andSharesAboveTheWhole() {
    for (String[] bad :
        new String[][] {
          {"rps_per_instance", "0 rps"},
          {"replica_capacity", "0 rps"},
          {"target_utilization", "0%"},
          {"target_utilization", "120%"},
          {"new_cache_hit_ratio", "100%"}
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> advise(shop().threshold("capacity", bad[0], bad[1])))
          .as(bad[0] + " = " + bad[1])
          .isInstanceOf(dev.headroom.model.BadInputException.class)
          .hasMessageContaining("thresholds.capacity." + bad[0]);
    }
  }
}
