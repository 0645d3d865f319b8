package dev.headroom.analysis.rules;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Threshold;
import dev.headroom.ingest.system.SystemYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every declared rule threshold reaches the rule's output, not only the lookup table: for each one,
 * a system that sits between the default and an override, run with and without the override, must
 * give the rule different findings (one appears or disappears, its severity, actions or a cited
 * figure changes). A threshold some code ignores in favour of a literal fails here. A second table
 * does the same for the rules that read another owner's threshold.
 */
class ThresholdOverridesReachTheRulesTest {

  /** One threshold: the system between its default and {@code override}, and the rule to watch. */
  record Case(String owner, String name, String override, String watched, Supplier<SystemYaml> y) {
    @Override
    public String toString() {
      return owner + "." + name + " = " + override + " -> " + watched;
    }
  }

  private static Case c(String rule, String name, String override, Supplier<SystemYaml> y) {
    return new Case(rule, name, override, rule, y);
  }

  private static SystemYaml db(String... observations) {
    SystemYaml y = system().component("name: db, kind: database");
    for (String o : observations) {
      y.observe(o);
    }
    return y;
  }

  private static SystemYaml app(String... observations) {
    SystemYaml y = system().component("name: web, kind: app, instances: 2");
    for (String o : observations) {
      y.observe(o);
    }
    return y;
  }

  /** Every declared rule threshold, each with a system between its default and the override. */
  static List<Case> ownCases() {
    return List.of(
        c(
            "HR-DB-012",
            "size",
            "5MiB",
            () -> db("db.unused_indexes: 2", "db.unused_index_size: 8MiB")),
        c("HR-DB-013", "warning", "2", () -> db("db.duplicate_indexes: 1")),
        c("HR-DB-014", "warning", "1", () -> db("db.inactive_replication_slots: 1")),
        c("HR-DB-015", "warning", "50%", () -> db("db.xid_wraparound: 40%")),
        c("HR-DB-015", "critical", "60%", () -> db("db.xid_wraparound: 70%")),
        c("HR-DB-016", "warning", "80%", () -> db("db.sequence_usage: 85%")),
        c("HR-DB-017", "warning", "15", () -> db("db.queries_per_transaction: 12")),
        c("HR-DB-017", "critical", "12", () -> db("db.queries_per_transaction: 15")),
        c("HR-DB-001", "warning", "80%", () -> db("db.cpu: 75%")),
        c("HR-DB-001", "critical", "75%", () -> db("db.cpu: 80%")),
        c("HR-DB-001", "read_heavy", "70%", () -> db("db.cpu: 80%").workload("read_ratio: 75%")),
        c("HR-DB-001", "write_heavy", "60%", () -> db("db.cpu: 80%").workload("read_ratio: 55%")),
        c(
            "HR-DB-002",
            "warning",
            "70%",
            () ->
                system()
                    .component("name: db, kind: database, max_connections: 100")
                    .observe("db.connections_in_use: 60")),
        c(
            "HR-DB-002",
            "critical",
            "65%",
            () ->
                system()
                    .component("name: db, kind: database, max_connections: 100")
                    .observe("db.connections_in_use: 70")),
        c("HR-DB-003", "warning", "20", () -> db().workload("queries_per_request: 15")),
        c("HR-DB-003", "critical", "12", () -> db().workload("queries_per_request: 15")),
        c("HR-DB-004", "warning", "200ms", () -> db("db.slowest_query: 150ms")),
        c("HR-DB-005", "warning", "1", () -> db("db.seq_scan_tables: 1")),
        c(
            "HR-DB-006",
            "warning",
            "2s",
            () ->
                system()
                    .component("name: db, kind: database, replicas: 1")
                    .observe("db.replica_lag: 1.5s")),
        c("HR-DB-007", "read_share", "70%", () -> db("db.cpu: 75%").workload("read_ratio: 75%")),
        c("HR-DB-007", "cpu", "80%", () -> db("db.cpu: 75%").workload("read_ratio: 90%")),
        c("HR-DB-008", "read_share", "60%", () -> db("db.cpu: 80%").workload("read_ratio: 55%")),
        c("HR-DB-008", "cpu", "80%", () -> db("db.cpu: 75%").workload("read_ratio: 40%")),
        c("HR-DB-009", "warning", "95%", () -> pools(90)),
        c("HR-DB-009", "critical", "85%", () -> pools(90)),
        c(
            "HR-DB-010",
            "factor",
            "3x",
            () ->
                system()
                    .component("name: db, kind: database, vcpu: 4")
                    .component("name: web, kind: app, pool: { size: 20 }")),
        c("HR-DB-011", "warning", "20TB", () -> db().workload("data_size: 12TB")),
        c(
            "HR-DB-011",
            "write_heavy",
            "60%",
            () -> db().workload("data_size: 12TB").workload("read_ratio: 55%")),
        // traces
        c("HR-DB-030", "warning", "70%", () -> db("database_time_share: 60%")),
        c("HR-DB-018", "warning", "98%", () -> db("db.buffer_hit_ratio: 98.5%")),
        c("HR-DB-020", "warning", "40%", () -> db("db.tmp_disk_table_ratio: 30%")),
        c("HR-DB-021", "warning", "10%", () -> db("db.slow_query_ratio: 8%")),
        c("HR-APP-001", "warning", "80%", () -> app("web.cpu: 75%")),
        c("HR-APP-001", "critical", "75%", () -> app("web.cpu: 80%")),
        c("HR-APP-002", "warning", "88%", () -> app("web.memory_used: 85%")),
        c("HR-APP-002", "critical", "84%", () -> app("web.memory_used: 85%")),
        c("HR-APP-003", "warning", "20%/month", () -> app("web.memory_growth: 15%/month")),
        c(
            "HR-APP-005",
            "availability",
            "99.95%",
            () ->
                system()
                    .component("name: web, kind: app, instances: 1")
                    .slo("availability: 99.9%")),
        c(
            "HR-APP-006",
            "spike",
            "4x",
            () -> app().workload("peak_rps: 300 rps").workload("average_rps: 80 rps")),
        c(
            "HR-APP-007",
            "warning",
            "80%",
            () -> app("web.max_rps_per_instance: 100 rps").workload("peak_rps: 150 rps")),
        c(
            "HR-APP-007",
            "critical",
            "72%",
            () -> app("web.max_rps_per_instance: 100 rps").workload("peak_rps: 150 rps")),
        c("HR-APP-008", "warning", "10ms", () -> app("web.pool_wait: 8ms")),
        c("HR-APP-009", "critical", "3s", () -> app("latency_p95: 2.5s")),
        c("HR-APP-010", "critical", "2s", () -> app("latency_p95: 1.5s")),
        c("HR-CACHE-001", "warning", "60%", () -> cache("cache.hit_ratio: 65%")),
        c(
            "HR-CACHE-001",
            "cache_aside",
            "85%",
            () ->
                system()
                    .component("name: cache, kind: cache, strategy: cache-aside")
                    .observe("cache.hit_ratio: 90%")),
        c(
            "HR-CACHE-002",
            "memory",
            "95%",
            () -> cache("cache.evictions: 5/s", "cache.memory_used: 92%")),
        c("HR-CACHE-005", "read_share", "70%", () -> db("db.cpu: 75%").workload("read_ratio: 75%")),
        c("HR-CACHE-005", "cpu", "80%", () -> db("db.cpu: 75%").workload("read_ratio: 90%")),
        c(
            "HR-CACHE-006",
            "warning",
            "70%",
            () -> system().component("name: cdn, kind: cdn").observe("cdn.hit_ratio: 75%")),
        c("HR-NET-001", "share", "30%", () -> app().workload("static_bandwidth_share: 25%")),
        c("HR-STO-001", "warning", "20%", () -> db("db.iowait: 15%")),
        c("HR-EXT-001", "warning", "1%", () -> external("stripe.timeout_rate: 0.5%")),
        c("HR-EXT-002", "warning", "1%", () -> external("stripe.rate_limited: 0.5%")),
        c(
            "HR-ARCH-001",
            "services",
            "4",
            () ->
                system()
                    .component("name: a, kind: app, service: a")
                    .component("name: b, kind: app, service: b")
                    .component("name: c, kind: app, service: c")),
        c("HR-ARCH-006", "warning", "70%/month", () -> app().workload("growth: 60%/month")),
        c("HR-ARCH-007", "availability", "99.95%", () -> db().slo("availability: 99.9%")),
        c("HR-ARCH-008", "availability", "99.9%", () -> app().slo("availability: 99.95%")));
  }

  /**
   * Thresholds read by a rule other than their owner (where literals stood before): the override
   * must move the reader's output too.
   */
  static List<Case> crossCases() {
    return List.of(
        // traces: the N+1 rule reads HR-DB-003's M2 levels
        new Case(
            "HR-DB-003", "warning", "20", "HR-DB-031", () -> db("queries_per_request_p95: 15")),
        new Case(
            "HR-DB-003", "critical", "12", "HR-DB-031", () -> db("queries_per_request_p95: 15")),
        // indexes are fine only within HR-DB-004's level: add-indexes leaves HR-DB-001's remedy
        new Case(
            "HR-DB-004",
            "warning",
            "200ms",
            "HR-DB-001",
            () ->
                readHeavyBusyDb()
                    .observe("db.slowest_query: 150ms")
                    .observe("db.seq_scan_tables: 0")),
        new Case(
            "HR-DB-005",
            "warning",
            "1",
            "HR-DB-001",
            () ->
                readHeavyBusyDb()
                    .observe("db.slowest_query: 50ms")
                    .observe("db.seq_scan_tables: 1")),
        // sharding joins HR-DB-008's remedy past HR-DB-011's data size
        new Case(
            "HR-DB-011",
            "warning",
            "1TB",
            "HR-DB-008",
            () -> db("db.cpu: 80%").workload("read_ratio: 40%").workload("data_size: 2TB")),
        // HR-DB-003 says "optimise first" past HR-APP-009's level
        new Case(
            "HR-APP-009",
            "critical",
            "1s",
            "HR-DB-003",
            () -> db("latency_p95: 1.5s").workload("queries_per_request: 15")),
        // HR-APP-009 puts fix-n-plus-one first past HR-DB-003's level
        new Case(
            "HR-DB-003",
            "warning",
            "5",
            "HR-APP-009",
            () -> app("latency_p95: 2.5s").workload("queries_per_request: 8")),
        // a cache past HR-CACHE-002's memory level is full: HR-CACHE-001 asks for memory
        new Case(
            "HR-CACHE-002",
            "memory",
            "80%",
            "HR-CACHE-001",
            () ->
                system()
                    .component("name: cache, kind: cache, eviction_policy: allkeys-lru")
                    .observe("cache.hit_ratio: 60%")
                    .observe("cache.memory_used: 85%")),
        // HR-CACHE-004 trusts a hit ratio from HR-CACHE-001's level on
        new Case(
            "HR-CACHE-001",
            "warning",
            "80%",
            "HR-CACHE-004",
            () -> smallCache().observe("cache.hit_ratio: 72%")),
        // and sizes the cache with the capacity section's working set and overhead
        new Case(
            dev.headroom.analysis.Settings.OWNER,
            "working_set",
            "10%",
            "HR-CACHE-004",
            () -> smallCache()),
        new Case(
            dev.headroom.analysis.Settings.OWNER,
            "cache_overhead",
            "2x",
            "HR-CACHE-004",
            () -> smallCache()),
        // memory pressure (HR-APP-002's level) asks for the growth trend (HR-APP-003)
        new Case("HR-APP-002", "warning", "70%", "HR-APP-003", () -> app("web.memory_used: 75%")),
        // HR-APP-010 defers to servers past HR-APP-001's critical level
        new Case(
            "HR-APP-001",
            "critical",
            "75%",
            "HR-APP-010",
            () -> app("web.cpu: 80%", "latency_p95: 1.5s")),
        // HR-ARCH-003 accepts several regions for an availability at HR-ARCH-008's level
        new Case(
            "HR-ARCH-008",
            "availability",
            "99.9%",
            "HR-ARCH-003",
            () ->
                system()
                    .component("name: a, kind: app, region: eu-west-1")
                    .component("name: b, kind: app, region: eu-central-1")
                    .slo("availability: 99.95%")));
  }

  private static SystemYaml pools(int size) {
    return system()
        .component("name: db, kind: database, max_connections: 100")
        .component("name: web, kind: app, instances: 1, pool: { size: " + size + " }");
  }

  private static SystemYaml cache(String... observations) {
    SystemYaml y = system().component("name: cache, kind: cache, eviction_policy: allkeys-lru");
    for (String o : observations) {
      y.observe(o);
    }
    return y;
  }

  private static SystemYaml external(String observation) {
    return system().component("name: stripe, kind: external").observe(observation);
  }

  private static SystemYaml readHeavyBusyDb() {
    return system()
        .component("name: db, kind: database")
        .component("name: cache, kind: cache")
        .observe("db.cpu: 80%")
        .workload("read_ratio: 90%");
  }

  private static SystemYaml smallCache() {
    return system()
        .component("name: cache, kind: cache, memory: 1GiB")
        .workload("data_size: 100GiB");
  }

  /** What a rule said, in full: findings with their figures, and what it could not evaluate. */
  private static List<String> output(String rule, SystemYaml y) {
    var advice = Advisor.advise(y.spec());
    List<String> out = new ArrayList<>();
    advice.findings().stream()
        .filter(f -> f.ruleId().equals(rule))
        .forEach(
            f ->
                out.add(
                    f.severity()
                        + " "
                        + f.component()
                        + ": "
                        + f.message()
                        + " "
                        + f.actions()
                        + " "
                        + f.evidence().stream()
                            .map(e -> e.label() + "=" + e.figure().value())
                            .toList()));
    advice.notEvaluated().stream()
        .filter(n -> n.rule().equals(rule))
        .forEach(n -> out.add("not evaluated: " + n.needs()));
    return out;
  }

  private static void assertOverrideMovesTheOutput(Case k) {
    List<String> byDefault = output(k.watched(), k.y().get());
    List<String> overridden =
        output(k.watched(), k.y().get().threshold(k.owner(), k.name(), "\"" + k.override() + "\""));
    assertThat(overridden)
        .as(
            "%s's output with %s.%s = %s (default: %s)",
            k.watched(), k.owner(), k.name(), k.override(), byDefault)
        .isNotEqualTo(byDefault);
  }

  static Stream<Arguments> own() {
    return ownCases().stream().map(Arguments::of);
  }

  static Stream<Arguments> cross() {
    return crossCases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("own")
  void override_movesTheRulesOwnOutput(Case k) {
    assertOverrideMovesTheOutput(k);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cross")
  void override_movesTheOutputOfTheRuleThatReadsIt(Case k) {
    assertOverrideMovesTheOutput(k);
  }

  @Test
  void everyDeclaredRuleThresholdHasACase() {
    Set<String> declared = new TreeSet<>();
    Map<String, List<Threshold>> byRule = new LinkedHashMap<>(RuleRegistry.thresholds());
    byRule.forEach((rule, list) -> list.forEach(t -> declared.add(rule + "." + t.name())));
    Set<String> covered =
        ownCases().stream()
            .map(k -> k.owner() + "." + k.name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).isEqualTo(declared);
  }
}
