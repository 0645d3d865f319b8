package dev.headroom.analysis.rules;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Provenance;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries, missing data, absence and overrides for every database rule (HR-DB-001..011). */
class DatabaseRulesTest {

  static Optional<Severity> sev(String s) {
    return s.equals("none") ? Optional.empty() : Optional.of(Severity.parse(s));
  }

  static List<String> ids(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : Arrays.asList(spaceSeparated.trim().split(" "));
  }

  private static SystemYaml db(String cpu) {
    return system().component("name: db, kind: database").observe("db.cpu: " + cpu);
  }

  // ------------------------------------------------------------------ HR-DB-001

  @ParameterizedTest(name = "db.cpu {0} -> {1}")
  @CsvSource({
    "69.9%, none",
    "70%, none",
    "70.1%, warning",
    "84.9%, warning",
    "85%, warning",
    "85.1%, critical",
    "99%, critical"
  })
  void cpu_firesAboveSeventyAndIsCriticalAboveEightyFive(String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-001", db(cpu));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      Severity s = Severity.parse(expected);
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
      assertThat(h.finding().component()).isEqualTo("db");
      assertThat(h.evidence("db.cpu").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
      String level = s == Severity.CRITICAL ? "critical above" : "warning above";
      assertThat(h.evidence(level).figure().provenance()).isInstanceOf(Provenance.Assumed.class);
      assertThat(h.evidence(level).figure().value())
          .isEqualTo(s == Severity.CRITICAL ? 0.85 : 0.70);
    }
  }

  @ParameterizedTest(name = "read share {0} -> {1}")
  @CsvSource({
    "49.9%, optimize-queries partition-tables",
    "50%, optimize-queries partition-tables",
    "50.1%, optimize-queries add-indexes add-connection-pooler",
    "79.9%, optimize-queries add-indexes add-connection-pooler",
    "80%, add-indexes add-app-cache add-read-replicas",
    "80.1%, add-indexes add-app-cache add-read-replicas"
  })
  void cpu_choosesTheRemedyByTheReadShare(String read, String actions) {
    RuleHarness h = RuleHarness.run("HR-DB-001", db("80%").workload("read_ratio: " + read));
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().actions()).containsExactlyElementsOf(ids(actions));
    assertThat(h.evidence("read share").figure().provenance())
        .isInstanceOf(Provenance.Declared.class);
  }

  @Test
  void cpu_readHeavyLeavesOutRemediesAlreadyInPlace() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001",
            db("90%")
                .workload("read_ratio: 95%")
                .component("name: cache, kind: cache, memory: 4GiB")
                .observe("db.slowest_query: 40ms")
                .observe("db.seq_scan_tables: 0"));
    assertThat(h.finding().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(h.finding().actions()).containsExactly("add-read-replicas");
  }

  @Test
  void cpu_readHeavyWithEveryRemedyInPlaceStillSuggestsMoreReplicas() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001",
            system()
                .component("name: db, kind: database, replicas: 2")
                .workload("read_ratio: 95%")
                .observe("db.cpu: 90%")
                .component("name: cache, kind: cache, memory: 4GiB")
                .observe("db.slowest_query: 40ms")
                .observe("db.seq_scan_tables: 0"));
    assertThat(h.finding().actions()).containsExactly("add-read-replicas");
  }

  @Test
  void cpu_measuredReadShareOnTheDatabaseBeatsTheDeclaredOne() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001", db("80%").workload("read_ratio: 95%").observe("db.read_ratio: 40%"));
    assertThat(h.finding().actions()).containsExactly("optimize-queries", "partition-tables");
    assertThat(h.evidence("read share").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
  }

  @Test
  void cpu_withoutMeasurementIsNotEvaluated() {
    RuleHarness.run("HR-DB-001", system().component("name: db, kind: database"))
        .assertNotEvaluated("db.cpu");
  }

  @Test
  void cpu_withoutDatabaseDoesNotApply() {
    RuleHarness.run("HR-DB-001", system().component("name: web, kind: app").observe("web.cpu: 99%"))
        .assertSilent();
  }

  @ParameterizedTest(name = "warning 60%: db.cpu {0} -> {1}")
  @CsvSource({"59.9%, none", "60.1%, warning", "85.1%, critical"})
  void cpu_overriddenWarningMovesTheBoundary(String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-001", db(cpu).threshold("HR-DB-001", "warning", "60%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (expected.equals("warning")) {
      assertThat(h.evidence("warning above").figure().value()).isEqualTo(0.60);
      assertThat(h.evidence("warning above").figure().provenance().kind()).isEqualTo("declared");
      assertThat(h.evidence("warning above").figure().provenance().describe())
          .contains("thresholds.HR-DB-001.warning");
    }
  }

  @ParameterizedTest(name = "critical 95%: db.cpu {0} -> {1}")
  @CsvSource({"94.9%, warning", "95.1%, critical"})
  void cpu_overriddenCriticalMovesTheBoundary(String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-001", db(cpu).threshold("HR-DB-001", "critical", "95%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (expected.equals("critical")) {
      assertThat(h.evidence("critical above").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  @Test
  void cpu_overriddenReadHeavyShareChangesTheRemedy() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001",
            db("80%").workload("read_ratio: 75%").threshold("HR-DB-001", "read_heavy", "70%"));
    assertThat(h.finding().actions()).contains("add-read-replicas");
  }

  @ParameterizedTest(name = "write_heavy 30%: reads {0} -> {1}")
  @CsvSource({
    "29.9%, optimize-queries partition-tables",
    "30.1%, optimize-queries add-indexes add-connection-pooler"
  })
  void cpu_overriddenWriteHeavyShareMovesTheRemedyBoundary(String read, String actions) {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001",
            db("80%").workload("read_ratio: " + read).threshold("HR-DB-001", "write_heavy", "30%"));
    assertThat(h.finding().actions()).containsExactlyElementsOf(ids(actions));
  }

  // ------------------------------------------------------------------ HR-DB-002

  private static SystemYaml connections(int inUse) {
    return system()
        .component("name: db, kind: database, max_connections: 1000")
        .observe("db.connections_in_use: " + inUse);
  }

  @ParameterizedTest(name = "{0} of 1000 connections -> {1}")
  @CsvSource({
    "499, none",
    "500, none",
    "501, warning",
    "799, warning",
    "800, warning",
    "801, critical"
  })
  void connections_fireAboveHalfAndAreCriticalAboveEightyPercent(int inUse, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-002", connections(inUse));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("resize-pools", "add-connection-pooler");
      assertThat(h.evidence("share in use").figure().value()).isEqualTo(inUse / 1000.0);
      assertThat(h.evidence("share in use").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
      assertThat(h.evidence("db.max_connections").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
      assertThat(h.evidence("db.connections_in_use").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void connections_withAPoolerSuggestOnlyResizing() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-002",
            system()
                .component("name: db, kind: database, max_connections: 1000, pooler: pgbouncer")
                .observe("db.connections_in_use: 900"));
    assertThat(h.finding().actions()).containsExactly("resize-pools");
  }

  @Test
  void connections_withoutCountsAreNotEvaluated() {
    RuleHarness.run("HR-DB-002", system().component("name: db, kind: database"))
        .assertNotEvaluated("db.connections_in_use", "db.max_connections");
    RuleHarness.run(
            "HR-DB-002", system().component("name: db, kind: database, max_connections: 100"))
        .assertNotEvaluated("db.connections_in_use");
  }

  @Test
  void connections_withoutDatabaseOrOnAReplicaDoNotApply() {
    RuleHarness.run("HR-DB-002", system().component("name: web, kind: app")).assertSilent();
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-002",
            connections(100)
                .component("name: replica, kind: database, role: replica, replica_of: db"));
    h.assertSilent();
  }

  @ParameterizedTest(name = "critical 90%: {0} of 1000 -> {1}")
  @CsvSource({"899, warning", "901, critical"})
  void connections_overriddenCriticalMovesTheBoundary(int inUse, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-002", connections(inUse).threshold("HR-DB-002", "critical", "90%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "warning 30%: {0} of 1000 -> {1}")
  @CsvSource({"299, none", "301, warning"})
  void connections_overriddenWarningMovesTheBoundary(int inUse, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-002", connections(inUse).threshold("HR-DB-002", "warning", "0.3"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-003

  private static SystemYaml qpr(String q) {
    return system().component("name: db, kind: database").workload("queries_per_request: " + q);
  }

  @ParameterizedTest(name = "{0} queries per request -> {1}")
  @CsvSource({
    "9.9, none",
    "10, none",
    "10.1, warning",
    "19.9, warning",
    "20, warning",
    "20.1, critical"
  })
  void queriesPerRequest_fireAboveTenAndAreCriticalAboveTwenty(String q, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-003", qpr(q));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("fix-n-plus-one", "add-app-cache");
      assertThat(h.finding().component()).isEmpty();
      assertThat(h.evidence("queries per request").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void queriesPerRequest_withACacheOnlyFixTheLoops() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-003",
            qpr("30").component("name: cache, kind: cache").observe("latency_p95: 2.5s"));
    assertThat(h.finding().actions()).containsExactly("fix-n-plus-one");
    assertThat(h.evidence("latency_p95").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
    assertThat(h.finding().message()).contains("optimise before scaling");
  }

  @Test
  void queriesPerRequest_notDeclaredIsNotEvaluated() {
    RuleHarness.run("HR-DB-003", system().component("name: db, kind: database"))
        .assertNotEvaluated("workload.queries_per_request");
  }

  @Test
  void queriesPerRequest_withoutDatabaseDoNotApply() {
    RuleHarness.run(
            "HR-DB-003",
            system().component("name: web, kind: app").workload("queries_per_request: 50"))
        .assertSilent();
  }

  @ParameterizedTest(name = "warning 5: {0} -> {1}")
  @CsvSource({"4.9, none", "5.1, warning"})
  void queriesPerRequest_overrideMovesTheBoundary(String q, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-003", qpr(q).threshold("HR-DB-003", "warning", "5"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "critical 40: {0} -> {1}")
  @CsvSource({"39.9, warning", "40.1, critical"})
  void queriesPerRequest_criticalOverrideMovesTheBoundary(String q, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-003", qpr(q).threshold("HR-DB-003", "critical", "40"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-004

  private static SystemYaml slowest(String t) {
    return system().component("name: db, kind: database").observe("db.slowest_query: " + t);
  }

  @ParameterizedTest(name = "slowest query {0} -> {1}")
  @CsvSource({"99.9ms, none", "100ms, none", "100.1ms, warning", "3s, warning"})
  void slowQueries_fireAboveOneHundredMilliseconds(String t, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-004", slowest(t));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-indexes", "optimize-queries");
      assertThat(h.evidence("threshold").figure().provenance())
          .isInstanceOf(Provenance.Assumed.class);
    }
  }

  @Test
  void slowQueries_unmeasuredAreNotEvaluated() {
    RuleHarness.run("HR-DB-004", system().component("name: db, kind: database"))
        .assertNotEvaluated("db.slowest_query");
  }

  @Test
  void slowQueries_withoutDatabaseDoNotApply() {
    RuleHarness.run("HR-DB-004", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "warning 50ms: {0} -> {1}")
  @CsvSource({"49.9ms, none", "50.1ms, warning"})
  void slowQueries_overrideMovesTheBoundary(String t, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-004", slowest(t).threshold("HR-DB-004", "warning", "50ms"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  // ------------------------------------------------------------------ HR-DB-005

  private static SystemYaml scans(int n) {
    return system().component("name: db, kind: database").observe("db.seq_scan_tables: " + n);
  }

  @ParameterizedTest(name = "{0} scanned tables -> {1}")
  @CsvSource({"0, none", "1, warning", "12, warning"})
  void seqScans_fireForAnyTableScannedTooOften(int n, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-005", scans(n));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-indexes");
      assertThat(h.evidence("db.seq_scan_tables").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void seqScans_unmeasuredAreNotEvaluated() {
    RuleHarness.run("HR-DB-005", system().component("name: db, kind: database"))
        .assertNotEvaluated("db.seq_scan_tables");
  }

  @Test
  void seqScans_withoutDatabaseDoNotApply() {
    RuleHarness.run("HR-DB-005", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "warning 2: {0} -> {1}")
  @CsvSource({"2, none", "3, warning"})
  void seqScans_overrideMovesTheBoundary(int n, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-005", scans(n).threshold("HR-DB-005", "warning", "2"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-006

  private static SystemYaml lag(String t) {
    return system()
        .component("name: db, kind: database, replicas: 1")
        .observe("db.replica_lag: " + t);
  }

  @ParameterizedTest(name = "replica lag {0} -> {1}")
  @CsvSource({"999ms, none", "1s, none", "1001ms, warning", "30s, warning"})
  void replicaLag_firesAboveOneSecond(String t, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-006", lag(t));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions())
          .containsExactly("optimize-queries", "partition-tables", "scale-vertically");
      assertThat(h.evidence("db.replica_lag").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void replicaLag_withReplicasButNoMeasurementIsNotEvaluated() {
    RuleHarness.run("HR-DB-006", system().component("name: db, kind: database, replicas: 2"))
        .assertNotEvaluated("db.replica_lag");
  }

  @Test
  void replicaLag_withoutReplicasDoesNotApply() {
    RuleHarness.run("HR-DB-006", system().component("name: db, kind: database")).assertSilent();
    RuleHarness.run("HR-DB-006", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "warning 500ms: {0} -> {1}")
  @CsvSource({"499ms, none", "501ms, warning"})
  void replicaLag_overrideMovesTheBoundary(String t, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-006", lag(t).threshold("HR-DB-006", "warning", "500ms"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-007

  private static SystemYaml mix(String read, String cpu) {
    return system()
        .component("name: db, kind: database")
        .workload("read_ratio: " + read)
        .observe("db.cpu: " + cpu);
  }

  @ParameterizedTest(name = "reads {0}, cpu {1} -> {2}")
  @CsvSource({
    "79.9%, 75%, none",
    "80%, 75%, warning",
    "80.1%, 75%, warning",
    "90%, 69.9%, none",
    "90%, 70%, none",
    "90%, 70.1%, warning"
  })
  void readHeavy_firesFromEightyPercentReadsAboveSeventyPercentCpu(
      String read, String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-007", mix(read, cpu));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-read-replicas", "add-app-cache");
      assertThat(h.evidence("replicas").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
    }
  }

  @Test
  void readHeavy_withACacheSuggestsOnlyReplicas() {
    RuleHarness h =
        RuleHarness.run("HR-DB-007", mix("95%", "90%").component("name: cache, kind: cache"));
    assertThat(h.finding().actions()).containsExactly("add-read-replicas");
  }

  @Test
  void readHeavy_withoutTheMixOrTheCpuIsNotEvaluated() {
    RuleHarness.run("HR-DB-007", system().component("name: db, kind: database"))
        .assertNotEvaluated("workload.read_ratio", "db.cpu");
    RuleHarness.run(
            "HR-DB-007", system().component("name: db, kind: database").observe("db.cpu: 90%"))
        .assertNotEvaluated("workload.read_ratio");
  }

  @Test
  void readHeavy_withReplicasOrWithoutDatabaseDoesNotApply() {
    RuleHarness.run(
            "HR-DB-007",
            system()
                .component("name: db, kind: database, replicas: 1")
                .workload("read_ratio: 95%")
                .observe("db.cpu: 95%"))
        .assertSilent();
    RuleHarness.run("HR-DB-007", system().component("name: web, kind: app")).assertSilent();
  }

  @ParameterizedTest(name = "read_share 60%: reads {0} -> {1}")
  @CsvSource({"59.9%, none", "60.1%, warning"})
  void readHeavy_overrideMovesTheBoundary(String read, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-007", mix(read, "80%").threshold("HR-DB-007", "read_share", "60%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "cpu 50%: cpu {0} -> {1}")
  @CsvSource({"49.9%, none", "50.1%, warning"})
  void readHeavy_cpuOverrideMovesTheBoundary(String cpu, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-007", mix("90%", cpu).threshold("HR-DB-007", "cpu", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-008

  @ParameterizedTest(name = "reads {0}, cpu {1} -> {2}")
  @CsvSource({
    "50.1%, 90%, none",
    "50%, 90%, critical",
    "49.9%, 90%, critical",
    "30%, 69.9%, none",
    "30%, 70.1%, critical"
  })
  void writeHeavy_isCriticalFromHalfWritesAboveSeventyPercentCpu(
      String read, String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-008", mix(read, cpu));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "partition-tables");
    }
  }

  @Test
  void writeHeavy_suggestsShardingOnlyOncePartitionedOrPastTenTerabytes() {
    RuleHarness partitioned =
        RuleHarness.run(
            "HR-DB-008",
            system()
                .component("name: db, kind: database, partitioned: true")
                .workload("read_ratio: 20%")
                .observe("db.cpu: 90%"));
    assertThat(partitioned.finding().actions())
        .containsExactly("optimize-queries", "partition-tables", "shard-database");
    RuleHarness big = RuleHarness.run("HR-DB-008", mix("20%", "90%").workload("data_size: 10.1TB"));
    assertThat(big.finding().actions())
        .containsExactly("optimize-queries", "partition-tables", "shard-database");
    RuleHarness small =
        RuleHarness.run("HR-DB-008", mix("20%", "90%").workload("data_size: 9.9TB"));
    assertThat(small.finding().actions()).containsExactly("optimize-queries", "partition-tables");
  }

  @Test
  void writeHeavy_leavesMissingDataToTheReadHeavyRule() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-008", system().component("name: db, kind: database").observe("db.cpu: 95%"));
    h.assertSilent();
    assertThat(
            RuleHarness.run(
                    "HR-DB-007",
                    system().component("name: db, kind: database").observe("db.cpu: 95%"))
                .notEvaluated())
        .hasSize(1);
  }

  @Test
  void writeHeavy_withoutDatabaseDoesNotApply() {
    RuleHarness.run(
            "HR-DB-008", system().component("name: web, kind: app").workload("read_ratio: 10%"))
        .assertSilent();
  }

  @ParameterizedTest(name = "read_share 30%: reads {0} -> {1}")
  @CsvSource({"30.1%, none", "29.9%, critical"})
  void writeHeavy_overrideMovesTheBoundary(String read, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-008", mix(read, "90%").threshold("HR-DB-008", "read_share", "30%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "cpu 90%: cpu {0} -> {1}")
  @CsvSource({"89.9%, none", "90.1%, critical"})
  void writeHeavy_cpuOverrideMovesTheBoundary(String cpu, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-008", mix("20%", cpu).threshold("HR-DB-008", "cpu", "90%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-009

  private static SystemYaml pools(int poolSize) {
    return system()
        .component("name: db, kind: database, max_connections: 1000")
        .component("name: web, kind: app, instances: 1, pool: { size: " + poolSize + " }");
  }

  @Test
  void poolsVsLimit_undeclaredInstancesAreALowerBoundNotOne() {
    // 1 x 500 is under 80% of 1000 only if web runs one instance: not evaluated
    RuleHarness.run(
            "HR-DB-009",
            system()
                .component("name: db, kind: database, max_connections: 1000")
                .component("name: web, kind: app, pool: { size: 500 }"))
        .assertNotEvaluated("web.instances");
    // past the limit with one instance already: at least that many connections
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-009",
            system()
                .component("name: db, kind: database, max_connections: 1000")
                .component("name: web, kind: app, pool: { size: 1200 }"));
    assertThat(h.finding().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(h.finding().message()).contains("at least 1200");
  }

  @Test
  void connections_doNotBlameAnotherClientOnAnAssumedInstanceCount() {
    // 170 in use against one 20-connection pool: another client only if web runs one instance
    SystemYaml y =
        system()
            .component("name: db, kind: database, max_connections: 200")
            .component("name: web, kind: app, pool: { size: 20 }")
            .observe("db.connections_in_use: 170");
    assertThat(RuleHarness.run("HR-DB-002", y).finding().message())
        .doesNotContain("another client");
    SystemYaml declared =
        system()
            .component("name: db, kind: database, max_connections: 200")
            .component("name: web, kind: app, instances: 2, pool: { size: 20 }")
            .observe("db.connections_in_use: 170");
    assertThat(RuleHarness.run("HR-DB-002", declared).finding().message())
        .contains("another client");
  }

  @ParameterizedTest(name = "pool {0} of 1000 -> {1}")
  @CsvSource({
    "799, none",
    "800, none",
    "801, warning",
    "999, warning",
    "1000, warning",
    "1001, critical"
  })
  void poolsVsLimit_fireAboveEightyPercentAndAreCriticalAboveTheLimit(
      int poolSize, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-009", pools(poolSize));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("resize-pools", "add-connection-pooler");
      assertThat(h.evidence("pool connections").figure().value()).isEqualTo(poolSize);
      assertThat(h.evidence("pool connections").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
    }
  }

  @Test
  void poolsVsLimit_countEveryClientAtItsAutoscalingMaximum() {
    // 4 instances x 20 = 80 now, but 12 x 20 = 240 at the autoscaling max, plus a worker's 2 x 10
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-009",
            system()
                .component("name: db, kind: database, max_connections: 250")
                .component(
                    "name: web, kind: app, instances: 4, pool: { size: 20 }, autoscaling: { min: 2, max: 12 }")
                .component("name: jobs, kind: worker, instances: 2, pool: { size: 10 }"));
    assertThat(h.finding().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(h.evidence("pool connections").figure().value()).isEqualTo(260);
  }

  @Test
  void poolsVsLimit_withoutSizesAreNotEvaluated() {
    RuleHarness.run(
            "HR-DB-009",
            system().component("name: db, kind: database").component("name: web, kind: app"))
        .assertNotEvaluated("db.max_connections", "web.pool.size");
  }

  @Test
  void poolsVsLimit_withoutClientsDoNotApply() {
    RuleHarness.run(
            "HR-DB-009", system().component("name: db, kind: database, max_connections: 10"))
        .assertSilent();
    RuleHarness.run("HR-DB-009", system().component("name: web, kind: app, pool: { size: 10 }"))
        .assertSilent();
  }

  @ParameterizedTest(name = "warning 50%: pool {0} -> {1}")
  @CsvSource({"499, none", "501, warning"})
  void poolsVsLimit_overrideMovesTheBoundary(int poolSize, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-009", pools(poolSize).threshold("HR-DB-009", "warning", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "critical 90%: pool {0} -> {1}")
  @CsvSource({"899, warning", "901, critical"})
  void poolsVsLimit_criticalOverrideMovesTheBoundary(int poolSize, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-009", pools(poolSize).threshold("HR-DB-009", "critical", "90%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-010

  private static SystemYaml poolVsCores(int poolSize, String storage) {
    return system()
        .component("name: db, kind: database, vcpu: 8, storage: " + storage)
        .component("name: web, kind: app, pool: { size: " + poolSize + " }");
  }

  @ParameterizedTest(name = "pool {0} on 8 cores {1} -> {2}")
  @CsvSource({"34, ssd, none", "35, ssd, warning", "36, hdd, none", "37, hdd, warning"})
  void poolsVsCores_fireAboveTwiceCoresTimesTwoPlusSpindles(
      int poolSize, String storage, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-010", poolVsCores(poolSize, storage));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("resize-pools");
      assertThat(h.finding().component()).isEqualTo("web");
      assertThat(h.evidence("C2 pool size").figure().value())
          .isEqualTo(storage.equals("ssd") ? 17 : 18);
    }
  }

  @Test
  void poolsVsCores_withoutTheDatabaseCoresAreNotEvaluated() {
    RuleHarness.run(
            "HR-DB-010",
            system()
                .component("name: db, kind: database")
                .component("name: web, kind: app, pool: { size: 10 }"))
        .assertNotEvaluated("db.vcpu");
  }

  @Test
  void poolsVsCores_withoutPoolsDoNotApply() {
    RuleHarness.run(
            "HR-DB-010",
            system()
                .component("name: db, kind: database, vcpu: 2")
                .component("name: web, kind: app"))
        .assertSilent();
    RuleHarness.run("HR-DB-010", system().component("name: web, kind: app, pool: { size: 100 }"))
        .assertSilent();
  }

  @ParameterizedTest(name = "factor 1.5: pool {0} -> {1}")
  @CsvSource({"25, none", "26, warning"})
  void poolsVsCores_overrideMovesTheBoundary(int poolSize, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-010", poolVsCores(poolSize, "ssd").threshold("HR-DB-010", "factor", "1.5x"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-011

  private static SystemYaml data(String size) {
    return system().component("name: db, kind: database").workload("data_size: " + size);
  }

  @ParameterizedTest(name = "data {0} -> {1}")
  @CsvSource({"9.99TB, none", "10TB, none", "10.01TB, warning"})
  void dataSize_firesPastTenTerabytes(String size, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-011", data(size));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      // the read share is unknown: partition, and shard only when writes are shown to demand it
      assertThat(h.finding().actions()).containsExactly("partition-tables");
      assertThat(h.evidence("workload.data_size").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @ParameterizedTest(name = "read share {0} -> {1}")
  @CsvSource({
    "40%, 'partition-tables,shard-database'",
    "50%, 'partition-tables,shard-database'",
    "90%, partition-tables"
  })
  void dataSize_shardsOnlyAWriteHeavyDatabase(String read, String actions) {
    RuleHarness h = RuleHarness.run("HR-DB-011", data("20TB").workload("read_ratio: " + read));
    assertThat(h.finding().actions()).containsExactly(actions.split(","));
  }

  @Test
  void dataSize_undeclaredIsNotEvaluated() {
    RuleHarness.run("HR-DB-011", system().component("name: db, kind: database"))
        .assertNotEvaluated("workload.data_size");
  }

  @Test
  void dataSize_withoutDatabaseDoesNotApply() {
    RuleHarness.run(
            "HR-DB-011", system().component("name: web, kind: app").workload("data_size: 50TB"))
        .assertSilent();
  }

  @ParameterizedTest(name = "warning 1TB: {0} -> {1}")
  @CsvSource({"999GB, none", "1001GB, warning"})
  void dataSize_overrideMovesTheBoundary(String size, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-DB-011", data(size).threshold("HR-DB-011", "warning", "1TB"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("threshold").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  @ParameterizedTest(name = "{0} on a MySQL database is silent")
  @CsvSource({"HR-DB-013", "HR-DB-014", "HR-DB-015", "HR-DB-016"})
  void postgresOnlyChecks_onAnotherEngine_areNotListedAsGaps(String rule) {
    RuleHarness.run(rule, system().component("name: db, kind: database, engine: mysql"))
        .assertSilent();
  }

  // ------------------------------------------------------------------ HR-DB-018

  @ParameterizedTest(name = "buffer hit ratio {0} -> {1}")
  @CsvSource({"100%, none", "99%, none", "98.9%, warning", "50%, warning"})
  void bufferHits_warnBelowPgherosNinetyNinePercent(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-018",
            system()
                .component("name: db, kind: database")
                .observe("db.buffer_hit_ratio: " + ratio));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("scale-vertically", "add-indexes");
      assertThat(h.finding().message()).contains("buffer cache").contains("below 99%");
      assertThat(h.evidence("db.buffer_hit_ratio").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
    }
  }

  @Test
  void bufferHits_unmeasuredAreSilent_onlyACollectorSeesThem() {
    RuleHarness.run("HR-DB-018", system().component("name: db, kind: database")).assertSilent();
  }

  // ------------------------------------------------------------------ HR-DB-020, HR-DB-021

  private static SystemYaml mysqlShare(String key, String v) {
    return system().component("name: db, kind: database").observe("db." + key + ": " + v);
  }

  @ParameterizedTest(name = "temporary tables on disk {0} -> {1}")
  @CsvSource({"0%, none", "25%, none", "25.1%, warning", "80%, warning"})
  void tmpDiskTables_fireAboveMysqlTunersQuarter(String share, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-020", mysqlShare("tmp_disk_table_ratio", share));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
      assertThat(h.finding().message()).contains("went to disk").contains("tmp_table_size");
      assertThat(h.evidence("db.tmp_disk_table_ratio").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
      assertThat(h.evidence("threshold").figure().provenance())
          .isInstanceOf(Provenance.Assumed.class);
    }
  }

  @ParameterizedTest(name = "slow share {0} -> {1}")
  @CsvSource({"0%, none", "5%, none", "5.1%, warning", "40%, warning"})
  void slowQueryShare_firesAboveMysqlTunersFivePercent(String share, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-021", mysqlShare("slow_query_ratio", share));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("optimize-queries", "add-indexes");
      assertThat(h.finding().message()).contains("long_query_time");
    }
  }

  @Test
  void mysqlShares_unmeasuredAreSilent_becauseOnlyMysqlHasThem() {
    // a PostgreSQL database has no such counters: not a gap to list as not evaluated
    RuleHarness.run("HR-DB-020", system().component("name: db, kind: database")).assertSilent();
    RuleHarness.run("HR-DB-021", system().component("name: db, kind: database")).assertSilent();
  }

  @ParameterizedTest(name = "warning 10%: {0} -> {1}")
  @CsvSource({"9.9%, none", "10.1%, warning"})
  void tmpDiskTables_overrideMovesTheBoundary(String share, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-020",
            mysqlShare("tmp_disk_table_ratio", share).threshold("HR-DB-020", "warning", "10%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-DB-012..017 (collector)

  private static SystemYaml measured(String... observations) {
    SystemYaml y = system().component("name: db, kind: database");
    for (String o : observations) {
      y.observe(o);
    }
    return y;
  }

  @ParameterizedTest(name = "{0} unused, {1} -> {2}")
  @CsvSource({
    "0, 50MiB, none",
    "3, 9.99MiB, none",
    "3, 10MiB, warning",
    "1, 2GiB, warning",
    "2, '', warning"
  })
  void unusedIndexes_listedFromPgherosTenMegabytes_orAnyWhenTheSizeIsUnknown(
      int n, String size, String expected) {
    SystemYaml y = measured("db.unused_indexes: " + n);
    if (!size.isEmpty()) {
      y.observe("db.unused_index_size: " + size);
    }
    RuleHarness h = RuleHarness.run("HR-DB-012", y);
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("database-maintenance");
      assertThat(h.finding().message()).contains("replicas");
      if (size.isEmpty()) {
        assertThat(h.finding().message()).contains("size is not measured");
      } else {
        assertThat(h.evidence("listed from").figure().value()).isEqualTo(10 * 1024 * 1024);
      }
    }
  }

  @Test
  void unusedIndexes_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-DB-012", measured()).assertNotEvaluated("db.unused_indexes");
  }

  @ParameterizedTest(name = "{0} duplicates -> {1}")
  @CsvSource({"0, none", "1, warning", "4, warning"})
  void duplicateIndexes_anyIsAWarning(int n, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-013", measured("db.duplicate_indexes: " + n));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @Test
  void inactiveSlots_sayHowMuchWalTheyKeep() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-014",
            measured("db.inactive_replication_slots: 1", "db.inactive_slot_wal: 3GiB"));
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().message()).contains("keep 3GiB of WAL").contains("pg_drop");
    RuleHarness.run("HR-DB-014", measured("db.inactive_replication_slots: 0")).assertSilent();
  }

  @ParameterizedTest(name = "xid {0} -> {1}")
  @CsvSource({"0.093, none", "0.301, none", "0.302, warning", "0.8, warning", "0.801, critical"})
  void wraparound_warnsAtPgherosLevel_andIsCriticalAtEightyPercent(String used, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-015", measured("db.xid_wraparound: " + used));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @Test
  void wraparound_pgherosLevelIsItsIdsLeftAsAShareOfTwoToThe31() {
    // 2,146,483,648 - 1.5e9 = 646,483,648 ids old, of 2^31
    assertThat(DatabaseRules.PGHERO_XID_WARNING)
        .isCloseTo(646_483_648.0 / 2_147_483_648.0, org.assertj.core.api.Assertions.within(1e-15));
  }

  @ParameterizedTest(name = "sequence {0} -> {1}")
  @CsvSource({"0.5, none", "0.9, none", "0.9001, warning", "0.9999, warning"})
  void sequences_warnAboveNinetyPercent(String used, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-016", measured("db.sequence_usage: " + used));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "{0} queries per transaction -> {1}")
  @CsvSource({"5, none", "10, none", "10.1, warning", "20, warning", "20.5, critical"})
  void queriesPerTransaction_usesTheQueriesPerRequestLevels(String qpt, String expected) {
    RuleHarness h = RuleHarness.run("HR-DB-017", measured("db.queries_per_transaction: " + qpt));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("fix-n-plus-one");
    }
  }

  @Test
  void cpu_readsTheMeasuredRowMix_whenNoQueryMixIsGiven_overTheDeclaredOne() {
    RuleHarness h =
        RuleHarness.run(
            "HR-DB-001", db("80%").observe("db.row_read_ratio: 39%").workload("read_ratio: 90%"));
    assertThat(h.finding().actions()).containsExactly("optimize-queries", "partition-tables");
    assertThat(h.evidence("read share").figure().value()).isEqualTo(0.39);
    assertThat(h.evidence("read share").figure().provenance())
        .isInstanceOf(Provenance.Measured.class);
  }
}
