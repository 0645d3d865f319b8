package dev.headroom.analysis.rules;

import static dev.headroom.ingest.system.SystemYaml.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.stage.StageAnalyzer;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.SystemSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A contract over every rule: each fact key it reads, requires or names as needed is one the
 * system-file reader can produce (a {@link Metric} on a kind that carries it, a key declared on a
 * component of that kind, or a workload or slo key), so a misspelt key fails loudly instead of
 * leaving the rule unevaluated forever. Rules read facts only through the rule context's typed
 * helpers, which check the key; a scan of their sources keeps it that way.
 */
class RuleKeysContractTest {

  /** A system with one component of every kind and every metric measured, plus every example. */
  private static List<SystemSpec> corpus() throws IOException {
    List<SystemSpec> out = new ArrayList<>();
    out.add(
        system()
            .workload("peak_rps: 3000 rps")
            .workload("average_rps: 500 rps")
            .workload("read_ratio: 85%")
            .workload("queries_per_request: 25")
            .workload("growth: 60%/month")
            .workload("data_size: 12TB")
            .workload("static_bandwidth_share: 30%")
            .workload("job_rate: 5/s")
            .workload("user_regions: [europe, asia]")
            .workload("data_residency: true")
            .slo("availability: 99.99%")
            .slo("latency_p95: 300ms")
            .component("name: lb, kind: load_balancer, sticky_sessions: true")
            .component(
                "name: web, kind: app, instances: 1, pool: { size: 50 }, sessions: local,"
                    + " uses: [db, stripe], service: web")
            .component("name: api, kind: app, service: api, uses: [stripe]")
            .component("name: admin, kind: app, service: admin, circuit_breakers: false")
            .component("name: jobs, kind: worker, pool: { size: 10 }")
            .component(
                "name: db, kind: database, vcpu: 4, max_connections: 100, storage: hdd, shards: 2")
            .component("name: db-r, kind: database, role: replica, replica_of: db")
            .component(
                "name: cache, kind: cache, memory: 1GiB, eviction_policy: noeviction,"
                    + " strategy: cache-aside")
            .component("name: cdn, kind: cdn")
            .component("name: q, kind: queue")
            .component("name: search, kind: search")
            .component("name: files, kind: storage")
            .component("name: stripe, kind: external")
            .observe("rps: 3100 rps")
            .observe("latency_p95: 1.5s")
            .observe("latency_p95_remote: 1.9s")
            .observe("peak_to_average: 5x")
            .observe("web.cpu: 90%")
            .observe("web.memory_used: 92%")
            .observe("web.memory_growth: 20%/month")
            .observe("web.pool_wait: 20ms")
            .observe("web.max_rps_per_instance: 200 rps")
            .observe("db.cpu: 88%")
            .observe("db.connections_in_use: 90")
            .observe("db.slowest_query: 300ms")
            .observe("db.seq_scan_tables: 3")
            .observe("db.replica_lag: 3s")
            .observe("db.iowait: 30%")
            .observe("cache.hit_ratio: 50%")
            .observe("cache.evictions: 20/s")
            .observe("cache.memory_used: 99%")
            .observe("cdn.hit_ratio: 40%")
            .observe("stripe.timeout_rate: 2%")
            .observe("stripe.rate_limited: 1%")
            .spec());
    out.add(system().component("name: web, kind: app").spec()); // next to nothing measured
    try (Stream<Path> dirs = Files.list(Path.of("..", "examples"))) {
      for (Path d : dirs.sorted().toList()) {
        Path f = d.resolve("system.yaml");
        if (Files.exists(f)) {
          out.add(SystemFileReader.read(f));
        }
      }
    }
    return out;
  }

  /** Runs every rule on {@code spec}; returns the keys each one used, by rule id. */
  private static Map<String, Set<String>> keysByRule(SystemSpec spec) {
    SystemView view = new SystemView(spec);
    Thresholds thresholds = Advisor.thresholds(spec);
    Map<String, Set<String>> out = new TreeMap<>();
    for (Rule rule : RuleRegistry.all()) {
      List<NotEvaluated> notEvaluated = new ArrayList<>();
      RuleContext ctx =
          new RuleContext(
              view,
              thresholds,
              StageAnalyzer.assess(view, thresholds),
              new ArrayList<>(),
              notEvaluated);
      ctx.setRule(rule);
      rule.check().run(ctx);
      Set<String> keys = new TreeSet<>(ctx.keysUsed());
      notEvaluated.forEach(n -> keys.addAll(n.needs()));
      out.put(rule.id(), keys);
    }
    return out;
  }

  @Test
  void everyKeyARuleReadsOrNeedsIsOneTheReaderCanProduce() throws IOException {
    Set<String> rulesThatReadFacts = new TreeSet<>();
    for (SystemSpec spec : corpus()) {
      keysByRule(spec)
          .forEach(
              (rule, keys) -> {
                if (!keys.isEmpty()) {
                  rulesThatReadFacts.add(rule);
                }
                for (String key : keys) {
                  assertThat(FactKeys.problem(spec, key))
                      .as("%s uses %s on %s", rule, key, spec.source())
                      .isEmpty();
                }
              });
    }
    // the contract is not vacuous: nearly every rule reads facts on the corpus
    assertThat(rulesThatReadFacts).hasSizeGreaterThan(RuleRegistry.all().size() - 4);
  }

  /**
   * What a rule declares it needs (listed by {@code headroom rules}) names keys too: each {@code
   * <db>.cpu}, {@code workload.x}, {@code slo.x} or bare metric in it must exist for that kind.
   */
  @Test
  void everyKeyARuleDeclaresAsNeededExists() {
    Map<String, ComponentKind> placeholders =
        Map.of(
            "db", ComponentKind.DATABASE,
            "app", ComponentKind.APP,
            "cache", ComponentKind.CACHE,
            "cdn", ComponentKind.CDN,
            "external", ComponentKind.EXTERNAL);
    Pattern onComponent = Pattern.compile("<([a-z]+)>\\.([a-z_]+(?:\\.[a-z_]+)?)");
    Pattern declared = Pattern.compile("\\b((?:workload|slo)\\.[a-z_0-9]+)");
    Pattern bare = Pattern.compile("^([a-z_0-9]+)\\b");
    SystemSpec empty = system().component("name: web, kind: app").spec();
    int checked = 0;
    for (Rule rule : RuleRegistry.all()) {
      for (String need : rule.needs()) {
        var m = onComponent.matcher(need);
        while (m.find()) {
          ComponentKind kind = placeholders.get(m.group(1));
          assertThat(kind)
              .as("%s: placeholder <%s> in \"%s\"", rule.id(), m.group(1), need)
              .isNotNull();
          Component c =
              new Component(m.group(1), kind, Map.of(), List.of(), new SourceLocation("x", 1, 1));
          assertThat(FactKeys.componentProblem(c, m.group(2)))
              .as("%s needs \"%s\"", rule.id(), need)
              .isEmpty();
          checked++;
        }
        var d = declared.matcher(need);
        while (d.find()) {
          assertThat(FactKeys.problem(empty, d.group(1)))
              .as("%s needs \"%s\"", rule.id(), need)
              .isEmpty();
          checked++;
        }
        var b = bare.matcher(need);
        if (b.find() && b.group(1).contains("_") && !need.startsWith("<")) {
          assertThat(FactKeys.problem(empty, b.group(1)))
              .as("%s needs \"%s\"", rule.id(), need)
              .isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).as("keys checked in the rules' needs").isGreaterThan(30);
  }

  @Test
  void rulesReadFactsOnlyThroughTheTypedHelpers() throws IOException {
    Pattern raw = Pattern.compile("view(\\(\\))?\\s*\\.fact\\(");
    Path dir = Path.of("src/main/java/dev/headroom/analysis/rules");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith("Rules.java")).toList()) {
        assertThat(raw.matcher(Files.readString(f)).find())
            .as("%s reads a fact by a raw string key (use ctx.measured or ctx.declared)", f)
            .isFalse();
      }
    }
  }

  private static RuleContext contextFor(SystemSpec spec) {
    SystemView view = new SystemView(spec);
    Thresholds thresholds = Advisor.thresholds(spec);
    RuleContext ctx =
        new RuleContext(
            view,
            thresholds,
            StageAnalyzer.assess(view, thresholds),
            new ArrayList<>(),
            new ArrayList<>());
    ctx.setRule(
        new Rule(
            "HR-TEST-001",
            Layer.APPLICATION,
            "test",
            "test",
            List.of("M1"),
            List.of(),
            List.of(),
            List.of(),
            c -> {}));
    return ctx;
  }

  @Test
  void aMisspeltKeyFailsLoudlyWithWhatIsAllowed() {
    SystemSpec spec =
        system()
            .component("name: web, kind: app, pool: { size: 10 }")
            .component("name: db, kind: database")
            .spec();
    RuleContext ctx = contextFor(spec);
    Component web = spec.component("web").orElseThrow();
    Component db = spec.component("db").orElseThrow();
    assertThat(ctx.declared(web, "pool.size")).isPresent();
    assertThatThrownBy(() -> ctx.declared(web, "pool.szie"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HR-TEST-001")
        .hasMessageContaining("web.pool.szie")
        .hasMessageContaining("pool.size");
    assertThatThrownBy(() -> ctx.measured(db, Metric.HIT_RATIO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hit_ratio");
    assertThatThrownBy(() -> ctx.measured(Metric.CPU)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ctx.declared("workload.peak_rsp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peak_rps");
    assertThatThrownBy(() -> ctx.require(null, "latency_p59"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency_p95");
    assertThatThrownBy(() -> ctx.notEvaluated(db, List.of("db.cpuu"), List.of("measure it")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
