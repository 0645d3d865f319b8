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

/**
 * Boundaries, missing data, absence and overrides for every cache and CDN rule (HR-CACHE-001..006).
 */
class CacheRulesTest {

  private static SystemYaml noCache() {
    return system().component("name: web, kind: app");
  }

  // ------------------------------------------------------------------ HR-CACHE-001

  private static SystemYaml hit(String component, String ratio) {
    return system().component(component).observe("cache.hit_ratio: " + ratio);
  }

  @ParameterizedTest(name = "hit ratio {0} -> {1}")
  @CsvSource({"69.9%, warning", "70%, none", "70.1%, none", "99%, none"})
  void hitRatio_warnsBelowSeventyPercent(String ratio, String expected) {
    RuleHarness h = RuleHarness.run("HR-CACHE-001", hit("name: cache, kind: cache", ratio));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("tune-eviction-policy");
      assertThat(h.evidence("cache.hit_ratio").figure().provenance())
          .isInstanceOf(Provenance.Measured.class);
      assertThat(h.evidence("target at least").figure().provenance())
          .isInstanceOf(Provenance.Assumed.class);
    }
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource({
    "'name: cache, kind: cache', cache.evictions: 5/s, increase-cache-memory tune-eviction-policy",
    "'name: cache, kind: cache, eviction_policy: allkeys-lru', cache.evictions: 5/s, increase-cache-memory",
    "'name: cache, kind: cache, eviction_policy: allkeys-lfu', cache.memory_used: 90%, increase-cache-memory",
    "'name: cache, kind: cache, eviction_policy: allkeys-lru', cache.memory_used: 89.9%, tune-eviction-policy",
    "'name: cache, kind: cache, eviction_policy: volatile-ttl', cache.evictions: 0/s, tune-eviction-policy"
  })
  void hitRatio_remedyDependsOnFullnessAndPolicy(
      String component, String observation, String actions) {
    RuleHarness h = RuleHarness.run("HR-CACHE-001", hit(component, "40%").observe(observation));
    assertThat(h.finding().severity()).isEqualTo(Severity.WARNING);
    assertThat(h.finding().actions()).containsExactlyElementsOf(ids(actions));
  }

  @ParameterizedTest(name = "cache-aside at {0} -> {1}")
  @CsvSource({"69.9%, warning", "70.1%, info", "94.9%, info", "95%, none", "95.1%, none"})
  void hitRatio_cacheAsideWantsNinetyFivePercent(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-001", hit("name: cache, kind: cache, strategy: cache-aside", ratio));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @Test
  void hitRatio_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-CACHE-001", system().component("name: cache, kind: cache"))
        .assertNotEvaluated("cache.hit_ratio");
  }

  @Test
  void hitRatio_withoutCacheDoesNotApply() {
    RuleHarness.run("HR-CACHE-001", noCache()).assertSilent();
  }

  @ParameterizedTest(name = "warning 80%: {0} -> {1}")
  @CsvSource({"79.9%, warning", "80.1%, none"})
  void hitRatio_overrideMovesTheBoundary(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-001",
            hit("name: cache, kind: cache", ratio).threshold("HR-CACHE-001", "warning", "80%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("target at least").figure().provenance().kind()).isEqualTo("declared");
    }
  }

  @ParameterizedTest(name = "cache_aside 90%: {0} -> {1}")
  @CsvSource({"89.9%, info", "90.1%, none"})
  void hitRatio_cacheAsideOverrideMovesTheBoundary(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-001",
            hit("name: cache, kind: cache, strategy: cache-aside", ratio)
                .threshold("HR-CACHE-001", "cache_aside", "90%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-CACHE-002

  private static SystemYaml evicting(String policy, String evictions, String used) {
    return system()
        .component("name: cache, kind: cache" + policy)
        .observe("cache.evictions: " + evictions)
        .observe("cache.memory_used: " + used);
  }

  @ParameterizedTest(name = "evictions {0}, memory {1} -> {2}")
  @CsvSource({"10/s, 89.9%, none", "10/s, 90%, warning", "10/s, 90.1%, warning", "0/s, 100%, none"})
  void evicting_firesWhenFullAndEvicting(String evictions, String used, String expected) {
    RuleHarness h = RuleHarness.run("HR-CACHE-002", evicting("", evictions, used));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions())
          .containsExactly("increase-cache-memory", "tune-eviction-policy");
    }
  }

  @Test
  void evicting_withAGoodPolicyOnlyNeedsMemory() {
    RuleHarness h =
        RuleHarness.run("HR-CACHE-002", evicting(", eviction_policy: allkeys-lru", "10/s", "95%"));
    assertThat(h.finding().actions()).containsExactly("increase-cache-memory");
  }

  @Test
  void evicting_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-CACHE-002", system().component("name: cache, kind: cache"))
        .assertNotEvaluated("cache.evictions", "cache.memory_used");
  }

  @Test
  void evicting_withoutCacheDoesNotApply() {
    RuleHarness.run("HR-CACHE-002", noCache()).assertSilent();
  }

  @ParameterizedTest(name = "memory 80%: {0} -> {1}")
  @CsvSource({"79.9%, none", "80.1%, warning"})
  void evicting_overrideMovesTheBoundary(String used, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-002", evicting("", "1/s", used).threshold("HR-CACHE-002", "memory", "80%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-CACHE-003

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"noeviction, warning", "allkeys-lru, none", "volatile-lru, none"})
  void noEviction_warnsOnlyForNoeviction(String policy, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-003",
            system().component("name: cache, kind: cache, eviction_policy: " + policy));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("tune-eviction-policy");
      assertThat(h.evidence("cache.eviction_policy").figure().provenance())
          .isInstanceOf(Provenance.Declared.class);
    }
  }

  @Test
  void noEviction_undeclaredPolicyIsNotEvaluated() {
    RuleHarness.run("HR-CACHE-003", system().component("name: cache, kind: cache"))
        .assertNotEvaluated("cache.eviction_policy");
  }

  @Test
  void noEviction_withoutCacheDoesNotApply() {
    RuleHarness.run("HR-CACHE-003", noCache()).assertSilent();
  }

  // ------------------------------------------------------------------ HR-CACHE-004

  private static SystemYaml sized(String cache) {
    return system().component("name: cache, kind: cache, " + cache).workload("data_size: 100GB");
  }

  @ParameterizedTest(name = "{0} for 100 GB of data -> {1}")
  @CsvSource({
    "'memory: 14.9GB', warning",
    "'memory: 15GB', none",
    "'memory: 15.1GB', none",
    "'memory: 7.4GB, instances: 2', warning",
    "'memory: 7.6GB, instances: 2', none"
  })
  void undersized_firesBelowATenPercentWorkingSetWithOverhead(String cache, String expected) {
    RuleHarness h = RuleHarness.run("HR-CACHE-004", sized(cache));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("increase-cache-memory");
      assertThat(h.evidence("C4 cache size").figure().value())
          .isEqualTo(30e9, org.assertj.core.data.Offset.offset(1.0));
      assertThat(h.evidence("C4 cache size").figure().provenance())
          .isInstanceOf(Provenance.Derived.class);
    }
  }

  @ParameterizedTest(name = "measured hit ratio {0} -> {1}")
  @CsvSource({"69.9%, warning", "70%, none"})
  void undersized_yieldsToAMeasuredHitRatioOfSeventyPercent(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-CACHE-004", sized("memory: 1GB").observe("cache.hit_ratio: " + ratio));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (expected.equals("none")) {
      h.assertSilent();
    }
  }

  @Test
  void undersized_withoutSizesIsNotEvaluated() {
    RuleHarness.run("HR-CACHE-004", system().component("name: cache, kind: cache"))
        .assertNotEvaluated("cache.memory", "workload.data_size");
  }

  @Test
  void undersized_withoutCacheDoesNotApply() {
    RuleHarness.run("HR-CACHE-004", noCache().workload("data_size: 10TB")).assertSilent();
  }

  // ------------------------------------------------------------------ HR-CACHE-005

  private static SystemYaml busy(String read, String cpu) {
    return system()
        .component("name: db, kind: database")
        .workload("read_ratio: " + read)
        .observe("db.cpu: " + cpu);
  }

  @ParameterizedTest(name = "reads {0}, cpu {1} -> {2}")
  @CsvSource({"79.9%, 90%, none", "80%, 90%, warning", "90%, 70%, none", "90%, 70.1%, warning"})
  void noCache_firesForABusyReadHeavyDatabase(String read, String cpu, String expected) {
    RuleHarness h = RuleHarness.run("HR-CACHE-005", busy(read, cpu));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("add-app-cache");
      assertThat(h.finding().component()).isEqualTo("db");
    }
  }

  @Test
  void noCache_leavesMissingDataToTheReadHeavyRule() {
    RuleHarness.run("HR-CACHE-005", system().component("name: db, kind: database")).assertSilent();
  }

  @Test
  void noCache_withACacheOrWithoutDatabaseDoesNotApply() {
    RuleHarness.run("HR-CACHE-005", busy("95%", "95%").component("name: cache, kind: cache"))
        .assertSilent();
    RuleHarness.run("HR-CACHE-005", noCache().workload("read_ratio: 95%")).assertSilent();
  }

  @ParameterizedTest(name = "cpu 50%: {0} -> {1}")
  @CsvSource({"49.9%, none", "50.1%, warning"})
  void noCache_overrideMovesTheBoundary(String cpu, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-CACHE-005", busy("90%", cpu).threshold("HR-CACHE-005", "cpu", "50%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  @ParameterizedTest(name = "read_share 60%: reads {0} -> {1}")
  @CsvSource({"59.9%, none", "60%, warning"})
  void noCache_readShareOverrideMovesTheBoundary(String read, String expected) {
    RuleHarness h =
        RuleHarness.run(
            "HR-CACHE-005", busy(read, "90%").threshold("HR-CACHE-005", "read_share", "60%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
  }

  // ------------------------------------------------------------------ HR-CACHE-006

  private static SystemYaml cdn(String ratio) {
    return system().component("name: cdn, kind: cdn").observe("cdn.hit_ratio: " + ratio);
  }

  @ParameterizedTest(name = "CDN hit ratio {0} -> {1}")
  @CsvSource({"79.9%, warning", "80%, none", "80.1%, none"})
  void cdnHitRatio_warnsBelowEightyPercent(String ratio, String expected) {
    RuleHarness h = RuleHarness.run("HR-CACHE-006", cdn(ratio));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.finding().actions()).containsExactly("tune-cdn-caching");
    }
  }

  @Test
  void cdnHitRatio_unmeasuredIsNotEvaluated() {
    RuleHarness.run("HR-CACHE-006", system().component("name: cdn, kind: cdn"))
        .assertNotEvaluated("cdn.hit_ratio");
  }

  @Test
  void cdnHitRatio_withoutCdnDoesNotApply() {
    RuleHarness.run(
            "HR-CACHE-006",
            system().component("name: cache, kind: cache").observe("cache.hit_ratio: 10%"))
        .assertSilent();
  }

  @ParameterizedTest(name = "warning 90%: {0} -> {1}")
  @CsvSource({"89.9%, warning", "90.1%, none"})
  void cdnHitRatio_overrideMovesTheBoundary(String ratio, String expected) {
    RuleHarness h =
        RuleHarness.run("HR-CACHE-006", cdn(ratio).threshold("HR-CACHE-006", "warning", "90%"));
    assertThat(h.severity()).isEqualTo(sev(expected));
    if (!expected.equals("none")) {
      assertThat(h.evidence("target at least").figure().provenance().kind()).isEqualTo("declared");
    }
  }
}
