package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.DatabaseRulesTest.sev;
import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries, missing data, absence and overrides for the network and storage rules. */
class NetworkRulesTest {

  // ------------------------------------------------------------------ HR-NET-001

  private static SystemYaml statics(String share) {
    return system().component("name: web, kind: app").workload("static_bandwidth_share: " + share);
  }

  @ParameterizedTest(name = "static share {0} -> {1}")
  @CsvSource({"19.9%, none", "20%, none", "20.1%, warning"})
  void noCdn_firesAboveTwentyPercentStaticBandwidth(String share, String expected) {
    RuleHarness h = RuleHarness.run("HR-NET-001", statics(share));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-cdn");
      assertThat(h.evidence("workload.static_bandwidth_share").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void noCdn_aMeasuredShareFromAnAccessLog_beatsTheDeclaredOne() {
    RuleHarness h =
        RuleHarness.run("HR-NET-001", statics("10%").observe("static_bandwidth_share: 35%"));
    assertThat(h.severity()).isEqualTo(sev("warning"));
    assertThat(h.evidence("static_bandwidth_share").figure().value()).isEqualTo(0.35);
    assertThat(h.evidence("static_bandwidth_share").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
    RuleHarness.run(
            "HR-NET-001",
            system().component("name: web, kind: app").observe("static_bandwidth_share: 15%"))
        .assertSilent();
  }

  @Test
  void noCdn_undeclaredShareIsNotEvaluated() {
    RuleHarness.run("HR-NET-001", system().component("name: web, kind: app"))
        .assertNotEvaluated("workload.static_bandwidth_share");
  }

  @Test
  void noCdn_withACdnDoesNotApply() {
    RuleHarness.run("HR-NET-001", statics("90%").component("name: cdn, kind: cdn")).assertSilent();
    RuleHarness.run("HR-NET-001", system().component("name: cdn, kind: cdn")).assertSilent();
  }

  @ParameterizedTest(name = "share 50%: {0} -> {1}")
  @CsvSource({"49.9%, none", "50.1%, warning"})
  void noCdn_overrideMovesTheBoundary(String share, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-NET-001", statics(share).threshold("HR-NET-001", "share", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-NET-002

  private static SystemYaml remote(String p95) {
    return system()
        .component("name: web, kind: app")
        .workload("user_regions: [europe, asia]")
        .observe("latency_p95_remote: " + p95);
  }

  @ParameterizedTest(name = "remote p95 {0} -> {1}")
  @CsvSource({"499ms, none", "500ms, none", "501ms, warning"})
  void distantUsers_fireAboveTheDefaultTarget(String p95, String expected) {
    RuleHarness h = RuleHarness.run("HR-NET-002", remote(p95));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-cdn", "edge-compute", "multi-region");
      assertThat(h.evidence("p95 target").figure().provenance())
          .isInstanceOf(Provenance.Assumed.class);
      assertThat(h.evidence("user regions").figure().value()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "SLO 300ms: remote p95 {0} -> {1}")
  @CsvSource({"299ms, none", "301ms, warning"})
  void distantUsers_useTheDeclaredSloAsTarget(String p95, String expected) {
    RuleHarness h = RuleHarness.run("HR-NET-002", remote(p95).slo("latency_p95: 300ms"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("p95 target").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  @Test
  void distantUsers_withACdnGoToTheEdgeNext() {
    RuleHarness h = RuleHarness.run("HR-NET-002", remote("2s").component("name: cdn, kind: cdn"));
    assertThat(h.finding().actions()).containsExactly("edge-compute", "multi-region");
  }

  @Test
  void distantUsers_unmeasuredAreNotEvaluated() {
    RuleHarness.run(
            "HR-NET-002",
            system().component("name: web, kind: app").workload("user_regions: [europe, asia]"))
        .assertNotEvaluated("latency_p95_remote");
  }

  @Test
  void distantUsers_inOneRegionDoNotApply() {
    RuleHarness.run(
            "HR-NET-002",
            system()
                .component("name: web, kind: app")
                .workload("user_regions: [europe]")
                .observe("latency_p95_remote: 3s"))
        .assertSilent();
    RuleHarness.run("HR-NET-002", system().component("name: web, kind: app")).assertSilent();
  }

  // ------------------------------------------------------------------ HR-STO-001

  private static SystemYaml iowait(String w) {
    return system().component("name: db, kind: database, storage: hdd").observe("db.iowait: " + w);
  }

  @ParameterizedTest(name = "iowait {0} -> {1}")
  @CsvSource({"9.9%, none", "10%, none", "10.1%, warning"})
  void ioWait_firesAboveTenPercent(String w, String expected) {
    RuleHarness h = RuleHarness.run("HR-STO-001", iowait(w));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("upgrade-storage", "add-app-cache");
      assertThat(h.finding().message()).contains("(hdd)");
    }
  }

  @Test
  void ioWait_unmeasuredOnSpinningDisksIsNotEvaluated() {
    RuleHarness.run("HR-STO-001", system().component("name: db, kind: database, storage: hdd"))
        .assertNotEvaluated("db.iowait");
  }

  @Test
  void ioWait_unmeasuredOnSsdOrWithoutDatabaseDoesNotApply() {
    RuleHarness.run("HR-STO-001", system().component("name: db, kind: database, storage: ssd"))
        .assertSilent();
    RuleHarness.run("HR-STO-001", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "warning 20%: {0} -> {1}")
  @CsvSource({"19.9%, none", "20.1%, warning"})
  void ioWait_overrideMovesTheBoundary(String w, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-STO-001", iowait(w).threshold("HR-STO-001", "warning", "20%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }
}
