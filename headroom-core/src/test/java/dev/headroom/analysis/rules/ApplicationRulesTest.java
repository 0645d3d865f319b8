package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.DatabaseRulesTest.ids;
import static dev.headroom.analysis.rules.DatabaseRulesTest.sev;
import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries, missing data, absence and overrides for every application rule (HR-APP-001..009). */
class ApplicationRulesTest {

  /** A system with no app or worker (a fresh builder each time: builders are mutable). */
  private static SystemYaml noApp() {
    return system().component("name: db, kind: database");
  }

  // ------------------------------------------------------------------ HR-APP-001

  private static SystemYaml cpu(String cpu) {
    return system().component("name: web, kind: app").observe("web.cpu: " + cpu);
  }

  @ParameterizedTest(name = "web.cpu {0} -> {1}")
  @CsvSource({
    "69.9%, none",
    "70%, none",
    "70.1%, warning",
    "84.9%, warning",
    "85%, warning",
    "85.1%, critical"
  })
  void cpu_firesAboveSeventyAndIsCriticalAboveEightyFive(String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-001", cpu(cpu));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-vertically", "scale-horizontally");
      assertThat(h.evidence("web.cpu").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
      // an undeclared count is not shown as an assumed 1: the choice is left open and said so
      assertThat(h.finding().evidence()).extracting(e -> e.label()).doesNotContain("instances");
      assertThat(h.finding().message()).contains("not declared");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'name: web, kind: app, instances: 3', scale-horizontally",
    "'name: web, kind: app, instances: 1, cost: 250 USD/month', scale-vertically",
    "'name: web, kind: app, instances: 1, cost: 251 USD/month', scale-horizontally",
    "'name: jobs, kind: worker, instances: 1', scale-vertically"
  })
  void cpu_goesVerticalOnlyForOneCheapMachine(String component, String first) {
    String name = component.substring("name: ".length(), component.indexOf(','));
    RuleHarness h =
        RuleHarness.run("HR-APP-001", system().component(component).observe(name + ".cpu: 90%"));
    assertThat(h.finding().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(h.finding().actions().get(0)).isEqualTo(first);
  }

  @Test
  void cpu_declaredInstancesAreDeclaredEvidence() {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-001",
            system().component("name: web, kind: app, instances: 4").observe("web.cpu: 75%"));
    assertThat(h.evidence("instances").figure().value()).isEqualTo(4);
    assertThat(h.evidence("instances").figure().provenance())
        .isInstanceOf(Provenance.Declared.class);
    assertThat(h.finding().actions()).containsExactly("scale-horizontally");
  }

  @Test
  void cpu_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-APP-001", system().component("name: web, kind: app"))
        .assertNotEvaluated("web.cpu");
  }

  @Test
  void cpu_withoutAppOrWorkerDoesNotApply() {
    RuleHarness.run("HR-APP-001", noApp()).assertSilent();
  }

  @ParameterizedTest(name = "warning 50%: {0} -> {1}")
  @CsvSource({"49.9%, none", "50.1%, warning", "85.1%, critical"})
  void cpu_overrideMovesTheBoundary(String cpu, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-001", cpu(cpu).threshold("HR-APP-001", "warning", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "critical 95%: {0} -> {1}")
  @CsvSource({"94.9%, warning", "95.1%, critical"})
  void cpu_criticalOverrideMovesTheBoundary(String cpu, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-001", cpu(cpu).threshold("HR-APP-001", "critical", "95%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-APP-002

  private static SystemYaml memory(String used) {
    return system().component("name: web, kind: app").observe("web.memory_used: " + used);
  }

  @ParameterizedTest(name = "memory {0} -> {1}")
  @CsvSource({
    "79.9%, none",
    "80%, none",
    "80.1%, warning",
    "89.9%, warning",
    "90%, warning",
    "90.1%, critical"
  })
  void memory_firesAboveEightyAndIsCriticalAboveNinety(String used, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-002", memory(used));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-vertically", "fix-memory-leaks");
    }
  }

  @Test
  void memory_pressureWithoutATrendSuggestsCheckingForALeakAndListsTheGrowthCheck() {
    // X1: more RAM, then fix leaks; without memory_growth a leak is not ruled out
    SystemYaml y = memory("85%");
    RuleHarness h = RuleHarness.run("HR-APP-002", y);
    assertThat(h.finding().actions()).containsExactly("scale-vertically", "fix-memory-leaks");
    assertThat(h.finding().message()).contains("web.memory_growth");
    RuleHarness.run("HR-APP-003", y).assertNotEvaluated("web.memory_growth");
  }

  @ParameterizedTest(name = "memory growth {0} -> leak suggested: {1}")
  @CsvSource({"2%/month, false", "9.9%/month, false", "10.1%/month, true"})
  void memory_aMeasuredTrendDecidesTheLeakAtHrApp003sLevel(String growth, boolean leak) {
    RuleHarness h =
        RuleHarness.run("HR-APP-002", memory("85%").observe("web.memory_growth: " + growth));
    assertThat(h.finding().actions().contains("fix-memory-leaks")).isEqualTo(leak);
    assertThat(h.evidence("web.memory_growth").figure().provenance().kind()).isEqualTo("measured");
  }

  @Test
  void memory_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-APP-002", system().component("name: web, kind: app"))
        .assertNotEvaluated("web.memory_used");
  }

  @Test
  void memory_withoutAppDoesNotApply() {
    RuleHarness.run("HR-APP-002", noApp()).assertSilent();
  }

  @ParameterizedTest(name = "critical 95%: {0} -> {1}")
  @CsvSource({"94.9%, warning", "95.1%, critical"})
  void memory_overrideMovesTheBoundary(String used, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-002", memory(used).threshold("HR-APP-002", "critical", "95%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "warning 60%: {0} -> {1}")
  @CsvSource({"59.9%, none", "60.1%, warning"})
  void memory_warningOverrideMovesTheBoundary(String used, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-002", memory(used).threshold("HR-APP-002", "warning", "60%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-APP-003

  private static SystemYaml growth(String g) {
    return system().component("name: web, kind: app").observe("web.memory_growth: " + g);
  }

  @ParameterizedTest(name = "memory growth {0} -> {1}")
  @CsvSource({"9.9%/month, none", "10.1%/month, warning", "4x/year, warning"})
  void memoryGrowth_firesAboveTenPercentAMonth(String g, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-003", growth(g));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("fix-memory-leaks");
      assertThat(h.evidence("threshold").figure().provenance())
          .isInstanceOf(Provenance.Assumed.class);
    }
  }

  @Test
  void memoryGrowth_isAnOptionalCheckThatStaysSilentWithoutData() {
    RuleHarness.run("HR-APP-003", system().component("name: web, kind: app")).assertSilent();
    RuleHarness.run("HR-APP-003", memory("80%")).assertSilent();
    RuleHarness.run("HR-APP-003", noApp()).assertSilent();
  }

  @ParameterizedTest(name = "warning 5%/month: {0} -> {1}")
  @CsvSource({"4.9%/month, none", "5.1%/month, warning"})
  void memoryGrowth_overrideMovesTheBoundary(String g, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-003", growth(g).threshold("HR-APP-003", "warning", "5%/month"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-APP-004

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'name: lb, kind: load_balancer, sticky_sessions: true', lb.sticky_sessions",
    "'name: lb, kind: load_balancer, algorithm: ip_hash', lb.algorithm",
    "'name: web, kind: app, sessions: sticky', web.sessions",
    "'name: web, kind: app, sessions: local', web.sessions"
  })
  void sticky_firesForPinnedSessions(String component, String label) {
    RuleHarness h = RuleHarness.run("HR-APP-004", system().component(component));
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().actions())
        .containsExactly("avoid-sticky-sessions", "stateless-sessions");
    assertThat(h.evidence(label).figure().provenance()).isInstanceOf(Provenance.Declared.class);
  }

  @Test
  void sticky_staysSilentForStatelessServersAndRoundRobin() {
    RuleHarness.run(
            "HR-APP-004",
            system()
                .component("name: lb, kind: load_balancer, algorithm: round_robin")
                .component("name: web, kind: app, sessions: external"))
        .assertSilent();
    RuleHarness.run("HR-APP-004", noApp()).assertSilent();
  }

  // ------------------------------------------------------------------ HR-APP-005

  @ParameterizedTest(name = "availability {0} -> {1}")
  @CsvSource({"99.89%, none", "99.9%, warning", "99.91%, warning"})
  void singleInstance_firesFromNinetyNineNinePercentAvailability(
      String availability, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-005",
            system()
                .component("name: web, kind: app, instances: 1")
                .slo("availability: " + availability));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-horizontally", "add-load-balancer");
      assertThat(h.evidence("web.instances").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
      assertThat(h.evidence("slo.availability").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @ParameterizedTest(name = "peak {0} -> {1}")
  @CsvSource({"99 rps, none", "100 rps, warning"})
  void singleInstance_firesPastTheStartupStage(String peak, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-005",
            system()
                .component("name: web, kind: app, instances: 1")
                .component("name: lb, kind: load_balancer")
                .workload("peak_rps: " + peak));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-horizontally");
    }
  }

  @Test
  void singleInstance_undeclaredCountIsNotEvaluatedNotAssumedToBeOne() {
    // SystemSpec.instances defaults to 1; a finding on that default put a load balancer and
    // scale-out at the top of the plan for a system that may well run several instances
    SystemYaml y =
        system()
            .component("name: web, kind: app")
            .workload("peak_rps: 300 rps")
            .slo("availability: 99.95%");
    RuleHarness h = RuleHarness.run("HR-APP-005", y);
    h.assertNotEvaluated("web.instances");
    assertThat(h.notEvaluated().get(0).how().get(0)).contains("declare instances");
    assertThat(h.advice().plan().recommendations())
        .extracting(r -> r.action().id())
        .doesNotContain("add-load-balancer");
  }

  @Test
  void singleInstance_anAutoscalingMinimumOfOneIsASingleInstance() {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-005",
            system()
                .component("name: web, kind: app, autoscaling: { min: 1, max: 4 }")
                .slo("availability: 99.9%"));
    assertThat(h.finding().message()).contains("may scale down to a single instance");
    assertThat(h.evidence("web.autoscaling.min").figure().provenance())
        .isInstanceOf(Provenance.Declared.class);
  }

  @Test
  void singleInstance_staysSilentWithTwoInstancesOrAnAutoscalingMinimum() {
    RuleHarness.run(
            "HR-APP-005",
            system().component("name: web, kind: app, instances: 2").slo("availability: 99.99%"))
        .assertSilent();
    RuleHarness.run(
            "HR-APP-005",
            system()
                .component("name: web, kind: app, autoscaling: { min: 2, max: 4 }")
                .slo("availability: 99.99%"))
        .assertSilent();
    RuleHarness.run("HR-APP-005", noApp().slo("availability: 99.99%")).assertSilent();
  }

  @ParameterizedTest(name = "availability 99.99%: {0} -> {1}")
  @CsvSource({"99.98%, none", "99.99%, warning"})
  void singleInstance_overrideMovesTheBoundary(String availability, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-005",
            system()
                .component("name: web, kind: app, instances: 1")
                .slo("availability: " + availability)
                .threshold("HR-APP-005", "availability", "99.99%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-APP-006

  private static SystemYaml spikes(String average) {
    return system()
        .component("name: web, kind: app")
        .workload("peak_rps: 300 rps")
        .workload("average_rps: " + average);
  }

  @ParameterizedTest(name = "300 rps over average {0} -> {1}")
  @CsvSource({"100.4 rps, none", "100 rps, warning", "99.9 rps, warning"})
  void spikes_fireFromThreeTimesTheAverage(String average, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-006", spikes(average));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-autoscaling");
      assertThat(h.evidence("peak to average").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
    }
  }

  @Test
  void spikes_measuredRatioIsUsedAsMeasured() {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-006",
            system()
                .component("name: web, kind: app")
                .workload("peak_rps: 300 rps")
                .observe("peak_to_average: 3.1x"));
    assertThat(h.evidence("peak to average").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
  }

  @Test
  void spikes_staySilentAtTheStartupStageOrWithAutoscaling() {
    RuleHarness.run(
            "HR-APP-006",
            system()
                .component("name: web, kind: app")
                .workload("peak_rps: 90 rps")
                .workload("average_rps: 10 rps"))
        .assertSilent();
    RuleHarness.run(
            "HR-APP-006",
            system()
                .component("name: web, kind: app, autoscaling: { max: 8 }")
                .workload("peak_rps: 300 rps")
                .workload("average_rps: 50 rps"))
        .assertSilent();
  }

  @Test
  void spikes_withoutTheRatioAreNotEvaluated() {
    RuleHarness.run(
            "HR-APP-006", system().component("name: web, kind: app").workload("peak_rps: 300 rps"))
        .assertNotEvaluated("peak_to_average");
  }

  @Test
  void spikes_withoutAppDoNotApply() {
    RuleHarness.run("HR-APP-006", noApp()).assertSilent();
  }

  @ParameterizedTest(name = "spike 5x: average {0} -> {1}")
  @CsvSource({"60.1 rps, none", "59.9 rps, warning"})
  void spikes_overrideMovesTheBoundary(String average, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-006", spikes(average).threshold("HR-APP-006", "spike", "5x"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-APP-007

  private static SystemYaml capacity(String peak) {
    return system()
        .component("name: web, kind: app, instances: 2")
        .observe("web.max_rps_per_instance: 100 rps")
        .workload("peak_rps: " + peak);
  }

  @ParameterizedTest(name = "peak {0} on 2 x 100 rps -> {1}")
  @CsvSource({
    "139.8 rps, none",
    "140 rps, none",
    "140.2 rps, warning",
    "179.8 rps, warning",
    "180.2 rps, critical"
  })
  void nearCapacity_firesAboveSeventyAndIsCriticalAboveNinetyPercent(String peak, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-007", capacity(peak));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-horizontally", "add-autoscaling");
      assertThat(h.evidence("utilisation").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
      assertThat(h.evidence("peak request rate").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void nearCapacity_measuredRateBeatsTheDeclaredPeak() {
    RuleHarness h = RuleHarness.run("HR-APP-007", capacity("100 rps").observe("rps: 185 rps"));
    assertThat(h.finding().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(h.evidence("peak request rate").figure().value()).isEqualTo(185);
    assertThat(h.evidence("peak request rate").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
  }

  @Test
  void nearCapacity_listsWhicheverHalfIsMissing() {
    RuleHarness.run("HR-APP-007", system().component("name: web, kind: app, instances: 2"))
        .assertNotEvaluated("web.max_rps_per_instance", "workload.peak_rps");
    RuleHarness.run(
            "HR-APP-007",
            system().component("name: web, kind: app, instances: 2").workload("peak_rps: 10 rps"))
        .assertNotEvaluated("web.max_rps_per_instance");
    RuleHarness.run(
            "HR-APP-007",
            system()
                .component("name: web, kind: app, instances: 2")
                .observe("web.max_rps_per_instance: 100 rps"))
        .assertNotEvaluated("workload.peak_rps");
  }

  @Test
  void nearCapacity_undeclaredInstanceCountIsNotEvaluatedNotAssumedToBeOne() {
    // 150 rps on one assumed instance of 100 rps would read as 150% of capacity: a critical
    // finding built on the reader's default
    RuleHarness.run(
            "HR-APP-007",
            system()
                .component("name: web, kind: app")
                .observe("web.max_rps_per_instance: 100 rps")
                .workload("peak_rps: 150 rps"))
        .assertNotEvaluated("web.instances");
  }

  @Test
  void nearCapacity_withoutAppDoesNotApply() {
    RuleHarness.run("HR-APP-007", noApp().workload("peak_rps: 500 rps")).assertSilent();
  }

  @ParameterizedTest(name = "warning 50%: peak {0} -> {1}")
  @CsvSource({"99.8 rps, none", "100.2 rps, warning"})
  void nearCapacity_overrideMovesTheBoundary(String peak, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-007", capacity(peak).threshold("HR-APP-007", "warning", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "critical 80%: peak {0} -> {1}")
  @CsvSource({"159.8 rps, warning", "160.2 rps, critical"})
  void nearCapacity_criticalOverrideMovesTheBoundary(String peak, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-007", capacity(peak).threshold("HR-APP-007", "critical", "80%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-APP-008

  private static SystemYaml poolWait(String wait) {
    return system().component("name: web, kind: app").observe("web.pool_wait: " + wait);
  }

  @ParameterizedTest(name = "pool wait {0} -> {1}")
  @CsvSource({"4.9ms, none", "5ms, none", "5.1ms, warning"})
  void poolWait_firesAboveFiveMilliseconds(String wait, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-008", poolWait(wait));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions())
          .containsExactly("resize-pools", "add-connection-pooler", "optimize-queries");
    }
  }

  @Test
  void poolWait_isAnOptionalCheckThatStaysSilentWithoutData() {
    RuleHarness.run("HR-APP-008", system().component("name: web, kind: app")).assertSilent();
    RuleHarness.run("HR-APP-008", noApp()).assertSilent();
  }

  @ParameterizedTest(name = "warning 10ms: {0} -> {1}")
  @CsvSource({"9.9ms, none", "10.1ms, warning"})
  void poolWait_overrideMovesTheBoundary(String wait, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-008", poolWait(wait).threshold("HR-APP-008", "warning", "10ms"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-APP-009

  private static SystemYaml p95(String p95) {
    return system().component("name: web, kind: app").observe("latency_p95: " + p95);
  }

  @ParameterizedTest(name = "p95 {0} -> {1}")
  @CsvSource({"1.99s, none", "2s, none", "2.01s, critical"})
  void slowResponses_areCriticalAboveTwoSeconds(String p95, String expected) {
    RuleHarness h = RuleHarness.run("HR-APP-009", p95(p95));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
      assertThat(h.evidence("latency_p95").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @ParameterizedTest(name = "queries per request {0} -> fix N+1 first: {1}")
  @CsvSource({"10, false", "10.1, true"})
  void slowResponses_putTheNPlusOneFixFirstAboveTenQueries(String q, boolean nPlusOne) {
    RuleHarness h = RuleHarness.run("HR-APP-009", p95("3s").workload("queries_per_request: " + q));
    if (nPlusOne) {
      assertThat(h.finding().actions())
          .containsExactly("fix-n-plus-one", "optimize-queries", "add-indexes");
    } else {
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
    }
  }

  @Test
  void slowResponses_unmeasuredAreNotEvaluated() {
    RuleHarness.run("HR-APP-009", system().component("name: web, kind: app"))
        .assertNotEvaluated("latency_p95");
  }

  @ParameterizedTest(name = "critical 3s: {0} -> {1}")
  @CsvSource({"2.99s, none", "3.01s, critical"})
  void slowResponses_overrideMovesTheBoundary(String p95, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-APP-009", p95(p95).threshold("HR-APP-009", "critical", "3s"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-APP-010

  @ParameterizedTest(name = "p95 {0} -> {1}")
  @CsvSource({
    "500ms, none",
    "501ms, warning",
    "1s, warning",
    "1.01s, warning",
    "1.5s, warning",
    "2s, warning",
    "2.4s, warning"
  })
  void aboveTarget_anyP95AboveTargetEntersTheSlowPagesLadder(String p95, String expected) {
    // a p95 between the target and 2 s reached no ladder (HR-APP-009 starts at 2 s)
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-010",
            system().component("name: web, kind: app").observe("latency_p95: " + p95));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-app-cache", "add-cdn");
      assertThat(h.evidence("p95 target").figure().provenance().kind()).isEqualTo("assumed");
      assertThat(h.advice().plan().recommendations())
          .extracting(r -> r.action().id())
          .contains("add-app-cache");
    }
  }

  @Test
  void aboveTarget_usesTheSloAndTheNextStepNotInPlace() {
    SystemYaml y =
        system()
            .component("name: web, kind: app")
            .component("name: cache, kind: cache")
            .slo("latency_p95: 300ms")
            .observe("latency_p95: 1.4s");
    RuleHarness h = RuleHarness.run("HR-APP-010", y);
    assertThat(h.finding().actions()).containsExactly("add-cdn");
    assertThat(h.evidence("p95 target").figure().value()).isEqualTo(0.3);
    assertThat(
            RuleHarness.run("HR-APP-010", y.component("name: cdn, kind: cdn")).finding().actions())
        .containsExactly("edge-compute");
  }

  @ParameterizedTest(name = "web.cpu {0} -> {1}")
  @CsvSource({"85%, add-app-cache add-cdn", "85.1%, scale-horizontally"})
  void aboveTarget_defersToSaturatedServersThatExplainTheTime(String cpu, String actions) {
    // D1: CPU past HR-APP-001's critical level already says where the time goes; a cache in
    // front of an idle database would not help a compute-bound tier
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-010",
            system()
                .component("name: web, kind: app, instances: 2")
                .observe("web.cpu: " + cpu)
                .observe("latency_p95: 1.1s"));
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().actions()).containsExactlyElementsOf(ids(actions));
  }

  @Test
  void aboveTarget_unmeasuredStaysSilentForHrApp009ListsIt() {
    RuleHarness.run("HR-APP-010", system().component("name: web, kind: app")).assertSilent();
  }

  @Test
  void aboveTarget_isASymptomThatRanksNoLayerAsTheBottleneck() {
    RuleHarness h =
        RuleHarness.run(
            "HR-APP-010", system().component("name: web, kind: app").observe("latency_p95: 1.5s"));
    assertThat(h.finding().evidence()).extracting(e -> e.label()).contains("M1 warning level");
    assertThat(h.advice().bottlenecks().ranked()).isEmpty();
  }
}
