package dev.headroom.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.LocalRedis;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceReader;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.model.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real redis-server this test starts on 127.0.0.1 (Debian's redis-server package). */
class RedisCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final List<String> SCHEMES = List.of("redis");

  private static Target target(LocalRedis r) {
    return Target.parse(r.url(), SCHEMES, RedisCollector.DEFAULT_PORT);
  }

  private static Observation only(EvidenceFile e, Metric m) {
    return e.observations().stream().filter(o -> o.metric() == m).findFirst().orElseThrow();
  }

  @Test
  void collect_afterNinetyHitsAndTenMisses_theHitRatioIsExactlyPointNine(@TempDir Path dir)
      throws Exception {
    try (LocalRedis redis =
            LocalRedis.start(dir, "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru");
        LocalRedis.Client app = redis.client();
        RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
      for (int i = 0; i < 90; i++) {
        app.call("SET", "k" + i, "v");
      }
      RedisCollector.Snapshot first = c.read();
      for (int i = 0; i < 90; i++) {
        app.call("GET", "k" + i);
      }
      for (int i = 0; i < 10; i++) {
        app.call("GET", "missing" + i);
      }
      Thread.sleep(500); // a window long enough that millisecond rounding stays below 0.5%
      RedisCollector.Snapshot second = c.read();
      EvidenceFile e = c.evidence(first, second, "");

      assertThat(only(e, Metric.HIT_RATIO).value()).isEqualTo(0.9);
      Observation ops = only(e, Metric.OPERATIONS_PER_SECOND);
      // the 100 GETs are the only commands besides the collector's own INFO
      assertThat(ops.value() * ops.window().seconds()).isCloseTo(100, within(0.5));
      assertThat(only(e, Metric.EVICTIONS).value()).isZero();
      assertThat(only(e, Metric.REJECTED_CONNECTIONS).value()).isZero();
      double used = app.info("used_memory");
      assertThat(only(e, Metric.MEMORY).value())
          .isCloseTo(used / (64.0 * 1024 * 1024), within(0.05 * used / (64.0 * 1024 * 1024)));
      double maxclients =
          Double.parseDouble((String) ((List<?>) app.call("CONFIG", "GET", "maxclients")).get(1));
      // the test's own client is the one connection besides the collector's
      assertThat(only(e, Metric.CLIENTS_USED).value()).isCloseTo(1 / maxclients, within(1e-12));
      assertThat(only(e, Metric.FRAGMENTATION).value()).isPositive();
      Observation p99 = only(e, Metric.COMMAND_LATENCY_P99);
      assertThat(p99.value()).isPositive().isLessThan(1.0);
      assertThat(p99.how()).containsAnyOf("GET", "SET");
      assertThat(e.settings())
          .singleElement()
          .satisfies(s -> assertThat(s.value()).isEqualTo("allkeys-lru"));
      assertThat(e.source()).isEqualTo(redis.url());
      assertThat(e.collector()).isEqualTo("redis INFO");

      // the file the collector writes reads back the same
      Path out = dir.resolve("cache.json");
      EvidenceWriter.write(e, out);
      EvidenceFile back = EvidenceReader.read(out);
      assertThat(back.observations()).hasSameSizeAs(e.observations());
      assertThat(back.observations().get(0).value()).isEqualTo(0.9);
    }
  }

  @Test
  void collect_countsEvictionsAsTheServerDoes(@TempDir Path dir) throws Exception {
    try (LocalRedis redis =
            LocalRedis.start(dir, "--maxmemory", "2mb", "--maxmemory-policy", "allkeys-lru");
        LocalRedis.Client app = redis.client();
        RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
      double before = app.info("evicted_keys");
      RedisCollector.Snapshot first = c.read();
      String value = "x".repeat(10_000);
      for (int i = 0; i < 1000; i++) {
        app.call("SET", "big" + i, value);
      }
      Thread.sleep(300);
      RedisCollector.Snapshot second = c.read();
      double evicted = app.info("evicted_keys") - before;
      assertThat(evicted).isPositive();
      Observation ev = only(c.evidence(first, second, "cache"), Metric.EVICTIONS);
      assertThat(ev.value() * ev.window().seconds()).isCloseTo(evicted, within(evicted * 0.01));
      assertThat(ev.component()).isEqualTo("cache");
    }
  }

  @Test
  void collect_sendsOnlyReadCommands(@TempDir Path dir) throws Exception {
    try (LocalRedis redis = LocalRedis.start(dir);
        LocalRedis.Client app = redis.client()) {
      app.call("CONFIG", "RESETSTAT");
      try (RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
        c.collect(Duration.ofMillis(200), "");
      }
      Map<String, String> stats = new TreeMap<>();
      for (String line : ((String) app.call("INFO", "commandstats")).split("\r\n")) {
        if (line.startsWith("cmdstat_")) {
          stats.put(line.substring(8, line.indexOf(':')), line);
        }
      }
      // everything the server ran since the reset: the reset itself (counted once it has run),
      // the collector's reads and this INFO; no write, no CONFIG SET
      assertThat(stats.keySet())
          .containsExactlyInAnyOrder("config|resetstat", "info", "config|get");
    }
  }

  @Test
  void collect_withAPassword_neverShowsIt_andAWrongOneIsAClearError(@TempDir Path dir)
      throws Exception {
    String secret = "s3cret-Pa55";
    try (LocalRedis redis = LocalRedis.start(dir, "--requirepass", secret)) {
      Target good =
          Target.parse("redis://:" + secret + "@127.0.0.1:" + redis.port(), SCHEMES, 6379);
      try (RedisCollector c = RedisCollector.connect(good, TIMEOUT, Clock.systemUTC())) {
        String json = EvidenceWriter.toJson(c.collect(Duration.ofMillis(100), ""));
        assertThat(json).doesNotContain(secret).contains("redis://127.0.0.1:" + redis.port());
      }
      Target wrong =
          Target.parse("redis://:wrong-" + secret + "@127.0.0.1:" + redis.port(), SCHEMES, 6379);
      assertThatThrownBy(() -> RedisCollector.connect(wrong, TIMEOUT, Clock.systemUTC()))
          .isInstanceOf(CollectionException.class)
          .hasMessageContaining("refused the login")
          .satisfies(t -> assertThat(t.getMessage()).doesNotContain(secret));
      Target none = target(redis);
      assertThatThrownBy(
              () ->
                  RedisCollector.connect(none, TIMEOUT, Clock.systemUTC())
                      .collect(Duration.ZERO, ""))
          .isInstanceOf(CollectionException.class)
          .hasMessageContaining("needs a password");
    }
  }

  @Test
  void collect_fromNothingListening_failsWithinTheTimeoutNamingTheTarget() throws Exception {
    int port = LocalRedis.freePort();
    Target t = Target.parse("redis://127.0.0.1:" + port, SCHEMES, 6379);
    assertThatThrownBy(() -> RedisCollector.connect(t, Duration.ofSeconds(2), Clock.systemUTC()))
        .isInstanceOf(CollectionException.class)
        .hasMessageStartingWith("redis://127.0.0.1:" + port + ": cannot connect");
  }

  @Test
  void collect_whenTheServerDiesInTheWindow_failsClearly(@TempDir Path dir) throws Exception {
    LocalRedis redis = LocalRedis.start(dir);
    try (RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
      c.read();
      redis.kill();
      assertThatThrownBy(c::read)
          .isInstanceOf(CollectionException.class)
          .hasMessageContaining(redis.url())
          .hasMessageContaining("INFO");
    } finally {
      redis.close();
    }
  }

  @Test
  void collect_asAnAclUserWithOnlyInfo_getsTheFullEvidence_limitsReadFromInfo(@TempDir Path dir)
      throws Exception {
    // the documented least privilege: an ACL user that may run INFO and nothing else
    try (LocalRedis redis =
            LocalRedis.start(dir, "--maxmemory", "32mb", "--maxmemory-policy", "allkeys-lfu");
        LocalRedis.Client admin = redis.client()) {
      admin.call("ACL", "SETUSER", "monitor", "on", ">mon-Pa55", "+info", "-@all", "+info");
      admin.call("SET", "k", "v");
      admin.call("GET", "k");
      Target t = Target.parse("redis://monitor:mon-Pa55@127.0.0.1:" + redis.port(), SCHEMES, 6379);
      EvidenceFile full;
      try (RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
        full = c.collect(Duration.ofMillis(200), "");
      }
      EvidenceFile least;
      try (RedisCollector c = RedisCollector.connect(t, TIMEOUT, Clock.systemUTC())) {
        least = c.collect(Duration.ofMillis(200), "");
      }
      assertThat(least.observations().stream().map(Observation::key))
          .containsExactlyInAnyOrderElementsOf(
              full.observations().stream().map(Observation::key).toList());
      assertThat(least.unseen().stream().map(u -> u.key()))
          .isEqualTo(full.unseen().stream().map(u -> u.key()).toList());
      assertThat(least.settings())
          .singleElement()
          .satisfies(s -> assertThat(s.value()).isEqualTo("allkeys-lfu"));
      double used = admin.info("used_memory");
      assertThat(only(least, Metric.MEMORY).value())
          .isCloseTo(used / (32.0 * 1024 * 1024), within(0.05 * used / (32.0 * 1024 * 1024)));
      assertThat(EvidenceWriter.toJson(least)).doesNotContain("mon-Pa55");
    }
  }

  @Test
  void collect_underRedisBenchmark_countsEveryCommandItSent(@TempDir Path dir) throws Exception {
    // real load from the real tool: 20,000 SETs and 20,000 GETs on 1,000 keys, inside the window
    int requests = 20_000;
    try (LocalRedis redis = LocalRedis.start(dir, "--maxmemory", "64mb");
        RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
      RedisCollector.Snapshot first = c.read();
      Process bench =
          new ProcessBuilder(
                  dev.headroom.collect.testing.Binaries.find(
                          "redis-benchmark", List.of("/usr/bin/redis-benchmark"))
                      .toString(),
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(redis.port()),
                  "-n",
                  Integer.toString(requests),
                  "-c",
                  "4",
                  "-r",
                  "1000",
                  "-t",
                  "set,get",
                  "-q")
              .redirectErrorStream(true)
              .start();
      String out = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bench.waitFor()).as(out).isZero();
      RedisCollector.Snapshot second = c.read();
      EvidenceFile e = c.evidence(first, second, "");
      Observation ops = only(e, Metric.OPERATIONS_PER_SECOND);
      // redis-benchmark also sends a CONFIG GET or two per run to learn the server's settings;
      // the window's ends are kept to the millisecond, so rate x window is within 1% of the count
      assertThat(ops.value() * ops.window().seconds())
          .isBetween(0.99 * 2 * requests, 1.01 * (2 * requests + 20));
      Observation hit = only(e, Metric.HIT_RATIO);
      assertThat(hit.value()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void collectedEvidence_replacesTheWorkingSetAssumptionInCacheSizing(@TempDir Path dir)
      throws Exception {
    try (LocalRedis redis =
            LocalRedis.start(dir, "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru");
        LocalRedis.Client app = redis.client()) {
      String value = "x".repeat(1000);
      for (int i = 0; i < 5000; i++) {
        app.call("SET", "item:" + i, value);
      }
      EvidenceFile e;
      try (RedisCollector c = RedisCollector.connect(target(redis), TIMEOUT, Clock.systemUTC())) {
        RedisCollector.Snapshot first = c.read();
        for (int i = 0; i < 5000; i++) {
          app.call("GET", "item:" + i); // every lookup a hit: the cache holds its hot set
        }
        Thread.sleep(200);
        e = c.evidence(first, c.read(), "cache");
      }
      EvidenceWriter.write(e, dir.resolve("cache.json"));
      Files.writeString(
          dir.resolve("system.yaml"),
          """
          name: shop
          workload: { peak_rps: 100 rps, read_ratio: 90%, data_size: 500GiB, growth: 5%/month }
          components:
            - { name: app, kind: app, instances: 2, vcpu: 2, memory: 4GiB }
            - { name: db, kind: database, engine: postgresql, vcpu: 4, memory: 16GiB,
                max_connections: 100 }
            - { name: cache, kind: cache, engine: redis, memory: 64MiB }
          evidence: [cache.json]
          """);
      dev.headroom.advice.Advice advice =
          dev.headroom.advice.Advisor.advise(dir.resolve("system.yaml"));
      double used = app.info("used_memory");
      double hot = advice.model().settings().hotSetHitRatio().value();
      var measured = advice.model().measuredWorkingSet(hot);
      // the declared data (500 GiB x 20%) would say ~150 GiB; Redis says what the hot set is
      assertThat(measured).isPresent();
      assertThat(measured.get().value()).isCloseTo(used, within(0.05 * used));
      var sized = advice.model().cacheMemory(hot, new java.util.ArrayList<>());
      assertThat(sized.get().provenance().toString()).contains("measured working set");
    }
  }

  @Test
  void target_redactsThePasswordEverywhere() {
    Target t = Target.parse("redis://app:pa%40ss@cache:6380", SCHEMES, 6379);
    assertThat(t.password().value()).isEqualTo("pa@ss");
    assertThat(t.redacted()).isEqualTo("redis://app@cache:6380");
    assertThat(t.toString()).doesNotContain("pa@ss").doesNotContain("pa%40ss");
    assertThat(Optional.of(t).toString()).doesNotContain("pa@ss");
    assertThat(new String(t.redacted().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(t.redacted());
    assertThatThrownBy(() -> Target.parse("http://x:1", SCHEMES, 6379))
        .hasMessageContaining("found the scheme \"http\"; allowed redis://");
  }
}
