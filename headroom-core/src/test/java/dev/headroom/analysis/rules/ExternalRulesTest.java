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

/**
 * Boundaries, missing data, absence and overrides for the external-service rules (HR-EXT-001..003).
 */
class ExternalRulesTest {

  private static SystemYaml noExternal() {
    return system().component("name: web, kind: app");
  }

  // ------------------------------------------------------------------ HR-EXT-001

  private static SystemYaml timeouts(String ext, String rate) {
    return system().component(ext).observe("stripe.timeout_rate: " + rate);
  }

  @ParameterizedTest(name = "timeouts {0} -> {1}")
  @CsvSource({"0.09%, none", "0.1%, none", "0.11%, warning"})
  void timeouts_fireAboveTheErrorBudget(String rate, String expected) {
    RuleHarness h = RuleHarness.run("HR-EXT-001", timeouts("name: stripe, kind: external", rate));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-job-queue", "add-circuit-breakers");
      assertThat(h.evidence("stripe.timeout_rate").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void timeouts_behindABreakerOnlyNeedAQueue() {
    RuleHarness h =
        RuleHarness.run(
            "HR-EXT-001", timeouts("name: stripe, kind: external, circuit_breaker: true", "2%"));
    assertThat(h.finding().actions()).containsExactly("add-job-queue");
  }

  @Test
  void timeouts_unmeasuredAreNotEvaluated() {
    RuleHarness.run("HR-EXT-001", system().component("name: stripe, kind: external"))
        .assertNotEvaluated("stripe.timeout_rate");
  }

  @Test
  void timeouts_withoutExternalServiceDoNotApply() {
    RuleHarness.run("HR-EXT-001", noExternal()).assertSilent();
  }

  @ParameterizedTest(name = "warning 1%: {0} -> {1}")
  @CsvSource({"0.99%, none", "1.01%, warning"})
  void timeouts_overrideMovesTheBoundary(String rate, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-EXT-001",
            timeouts("name: stripe, kind: external", rate)
                .threshold("HR-EXT-001", "warning", "1%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-EXT-002

  private static SystemYaml limited(String rate) {
    return system()
        .component("name: stripe, kind: external")
        .observe("stripe.rate_limited: " + rate);
  }

  @ParameterizedTest(name = "rate-limited {0} -> {1}")
  @CsvSource({"0%, none", "0.01%, warning", "5%, warning"})
  void rateLimited_firesForAnyRefusedCall(String rate, String expected) {
    RuleHarness h = RuleHarness.run("HR-EXT-002", limited(rate));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-app-cache", "add-job-queue");
    }
  }

  @Test
  void rateLimited_isAnOptionalCheckThatStaysSilentWithoutData() {
    RuleHarness.run("HR-EXT-002", system().component("name: stripe, kind: external"))
        .assertSilent();
    RuleHarness.run("HR-EXT-002", noExternal()).assertSilent();
  }

  @ParameterizedTest(name = "warning 1%: {0} -> {1}")
  @CsvSource({"0.9%, none", "1.1%, warning"})
  void rateLimited_overrideMovesTheBoundary(String rate, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-EXT-002", limited(rate).threshold("HR-EXT-002", "warning", "1%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-EXT-003

  @Test
  void noBreakers_reportEachCallerDeclaredWithoutOne() {
    RuleHarness h =
        RuleHarness.run(
            "HR-EXT-003",
            system()
                .component("name: stripe, kind: external")
                .component("name: web, kind: app, uses: [stripe], circuit_breakers: false")
                .component("name: jobs, kind: worker, uses: [stripe], circuit_breakers: false")
                .component("name: admin, kind: app, uses: [stripe], circuit_breakers: true"));
    assertThat(h.findings()).extracting(Finding::component).containsExactly("web", "jobs");
    assertThat(h.findings())
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.actions()).containsExactly("add-circuit-breakers");
              assertThat(f.evidence())
                  .singleElement()
                  .satisfies(
                      e ->
                          assertThat(e.figure().provenance())
                              .isInstanceOf(Provenance.Declared.class));
            });
  }

  @Test
  void noBreakers_undeclaredBreakerIsNotEvaluatedNotReportedMissing() {
    RuleHarness h =
        RuleHarness.run(
            "HR-EXT-003",
            system()
                .component("name: stripe, kind: external")
                .component("name: web, kind: app, uses: [stripe]"));
    h.assertNotEvaluated("web.circuit_breakers");
    // declared absent on the service's side is known
    RuleHarness.run(
            "HR-EXT-003",
            system()
                .component("name: stripe, kind: external, circuit_breaker: false")
                .component("name: web, kind: app, uses: [stripe]"))
        .finding();
  }

  @Test
  void timeouts_withAnUndeclaredBreakerSayItIsUnknown() {
    RuleHarness h =
        RuleHarness.run(
            "HR-EXT-001",
            timeouts("name: stripe, kind: external", "2%")
                .component("name: web, kind: app, uses: [stripe]"));
    assertThat(h.finding().message()).contains("not declared").doesNotContain("without");
    assertThat(h.finding().actions()).containsExactly("add-job-queue", "add-circuit-breakers");
  }

  @Test
  void noBreakers_staySilentWhenTheServiceHasOneOrNobodyCallsIt() {
    RuleHarness.run(
            "HR-EXT-003",
            system()
                .component("name: stripe, kind: external, circuit_breaker: true")
                .component("name: web, kind: app, uses: [stripe]"))
        .assertSilent();
    RuleHarness.run(
            "HR-EXT-003",
            system().component("name: stripe, kind: external").component("name: web, kind: app"))
        .assertSilent();
    RuleHarness.run("HR-EXT-003", noExternal()).assertSilent();
  }
}
