package dev.headroom.analysis.rules;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries, absence and overrides of the rules that read trace evidence (HR-DB-030, 031). */
class TraceRulesTest {

  private static SystemYaml db() {
    return system().component("name: db, kind: database");
  }

  private static Optional<Severity> sev(String s) {
    return s.equals("none") ? Optional.empty() : Optional.of(Severity.parse(s));
  }

  // ------------------------------------------------------------------ HR-DB-030

  @ParameterizedTest(name = "database_time_share {0} -> {1}")
  @CsvSource({"10%, none", "50%, none", "50.1%, warning", "90%, warning"})
  void databaseShare_warnsAboveHalfOfRequestTime(String share, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-030", db().observe("database_time_share: " + share));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().message()).contains("look there first");
      assertThat(h.evidence("database share of request time").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
      assertThat(h.evidence("warning above").figure().value()).isEqualTo(0.50);
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
    }
  }

  @Test
  void databaseShare_withoutTraceEvidence_isSilent() {
    RuleHarness.run("HR-DB-030", db()).assertSilent();
  }

  @Test
  void databaseShare_followsAnOverriddenLevel() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-030",
            db().observe("database_time_share: 40%").threshold("HR-DB-030", "warning", "30%"));
    assertThat(h.severity()).contains(Severity.WARNING);
  }

  // ------------------------------------------------------------------ HR-DB-031

  @ParameterizedTest(name = "queries_per_request_p95 {0}, n_plus_one_share {1} -> {2}")
  @CsvSource({
    "5, 0%, none",
    "10, 0%, none",
    "11, 0%, warning",
    "20, 0%, warning",
    "21, 0%, critical",
    "5, 2%, warning",
    "25, 2%, critical"
  })
  void nPlusOne_usesM2LevelsAndAnyLoopSeen(String p95, String share, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-031",
            db().observe("queries_per_request_p95: " + p95).observe("n_plus_one_share: " + share));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().message()).contains("fetch the rows of a loop in one query");
      assertThat(h.finding().actions()).containsExactly("fix-n-plus-one", "add-app-cache");
      assertThat(h.evidence("queries per request (p95)").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void nPlusOne_withACacheSuggestsOnlyTheFix_andFollowsHrDb003sLevels() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-031",
            db().component("name: cache, kind: cache")
                .observe("queries_per_request_p95: 8")
                .threshold("HR-DB-003", "warning", "5"));
    assertThat(h.severity()).contains(Severity.WARNING);
    assertThat(h.finding().actions()).containsExactly("fix-n-plus-one");
    assertThat(h.evidence("warning above").figure().value()).isEqualTo(5);
  }

  @Test
  void nPlusOne_withoutTraceEvidence_isSilent() {
    RuleHarness.run("HR-DB-031", db()).assertSilent();
  }
}
