package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.collect.testing.LocalPostgres;
import dev.headroom.collect.testing.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path on real servers: {@code headroom collect} from a Redis and a PostgreSQL this test
 * starts on 127.0.0.1, then {@code headroom advise --evidence} on a system file whose cache and
 * database figures then come out measured, from the evidence, with source and window.
 */
class CollectEndToEndTest {

  private static final String SYSTEM =
      """
      name: shop
      workload: { peak_rps: 200 rps, read_ratio: 90%, queries_per_request: 4 }
      components:
        - { name: web, kind: app, instances: 2, vcpu: 4, memory: 8GiB }
        - { name: db, kind: database, role: primary, vcpu: 8, memory: 32GiB, max_connections: 500 }
        - { name: cache, kind: cache, engine: redis, memory: 4GiB, eviction_policy: noeviction }
      observations:
        db.cpu: 40%
        cache.hit_ratio: 50%
      """;

  @Test
  void collectThenAdvise_cacheAndDatabaseFiguresAreMeasuredFromTheEvidence(@TempDir Path dir)
      throws Exception {
    Path evidence = dir.resolve("evidence");
    Path system = dir.resolve("system.yaml");
    Files.writeString(system, SYSTEM);
    try (LocalRedis redis =
            LocalRedis.start(dir, "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru");
        LocalPostgres pg = LocalPostgres.start("-c max_connections=20")) {
      try (LocalRedis.Client app = redis.client()) {
        for (int i = 0; i < 9; i++) {
          app.call("SET", "k" + i, "v");
        }
        Thread traffic =
            new Thread(
                () -> {
                  try (LocalRedis.Client c = redis.client()) {
                    // start once the collector's first INFO has run: its connection's last command
                    while (!((String) c.call("CLIENT", "LIST")).contains("cmd=info")) {
                      Thread.sleep(20);
                    }
                    for (int i = 0; i < 90; i++) {
                      c.call("GET", "k" + (i % 9));
                    }
                    for (int i = 0; i < 10; i++) {
                      c.call("GET", "nope" + i);
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        traffic.start();
        Cli.Run r =
            Cli.run(
                "collect",
                redis.url(),
                "--window",
                "2s",
                "-o",
                evidence.resolve("cache.json").toString());
        traffic.join();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote ");
      }
      try (Connection c = pg.connect("postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id int)");
      }
      // 17 connections of the server's 20 held open while the collector looks: 85%, above HR-DB's
      // critical level, so the finding shows the measured figures as its evidence
      java.util.List<Connection> held = new java.util.ArrayList<>();
      for (int i = 0; i < 17; i++) {
        held.add(pg.connect("postgres"));
      }
      Cli.Run pr;
      String saved = System.getProperty("user.home");
      // the password from the URL; PGPASSWORD is not set in the test's environment
      String url =
          pg.url("postgres").replace("postgres@", "postgres:" + LocalPostgres.PASSWORD + "@");
      pr =
          Cli.run(
              "collect",
              url,
              "--window",
              "1s",
              "--component",
              "db",
              "-o",
              evidence.resolve("db.json").toString());
      assertThat(saved).isEqualTo(System.getProperty("user.home"));
      for (Connection c : held) {
        c.close();
      }
      assertThat(pr.code()).as(pr.err()).isZero();
      assertThat(pr.out() + pr.err()).doesNotContain(LocalPostgres.PASSWORD);
      assertThat(Files.readString(evidence.resolve("db.json")))
          .doesNotContain(LocalPostgres.PASSWORD);

      Cli.Run advice =
          Cli.run("advise", system.toString(), "--evidence", evidence.toString(), "-f", "json");
      assertThat(advice.code()).as(advice.err()).isIn(0, 1);
      JsonNode root = JsonMapper.builder().build().readTree(advice.out());
      String json = advice.out();
      // the file's undated 50% lost to the measured 90% from the collector
      assertThat(json).contains("redis INFO at " + redis.url());
      assertThat(json).contains("postgresql statistics views at " + pg.url("postgres"));
      assertThat(root.toString()).doesNotContain(LocalPostgres.PASSWORD);
      assertThat(root.findValues("provenance"))
          .anySatisfy(
              p -> {
                assertThat(p.path("kind").asString()).isEqualTo("measured");
                assertThat(p.path("source").asString())
                    .startsWith("postgresql statistics views at " + pg.url("postgres"));
              });

      Cli.Run text =
          Cli.run("advise", system.toString(), "--evidence", evidence.toString(), "--width", "200");
      assertThat(text.out())
          .containsPattern(
              "90% .*measured: redis INFO at "
                  + java.util.regex.Pattern.quote(redis.url())
                  + ", 20[0-9-]+T[0-9:.]+Z \\(window [0-9.]+ s")
          // the server's max_connections (measured) replaced the declared 500 in the health figure
          .containsPattern("db\\.max_connections = [0-9]+")
          .doesNotContain("db.max_connections = 500")
          .contains("measured: postgresql statistics views at " + pg.url("postgres"));
    }
  }
}
