package dev.headroom.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.LocalPostgres;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises of issue 10 against a real cluster under real load: pgbench's own count agrees with
 * the evidence, the statement log shows the collector only read, a pg_monitor role sees everything
 * the superuser sees, no password shows anywhere, and a server killed mid-window gives a clear
 * error.
 */
class PostgresPromisesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final List<String> SCHEMES = List.of("postgres", "postgresql");
  private static final String MONITOR = "monitor";
  private static final String MONITOR_PASSWORD = "Mon-Secret-7-pw";
  private static LocalPostgres pg;

  @BeforeAll
  static void startCluster() throws Exception {
    pg = LocalPostgres.start();
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE bench");
      s.execute("CREATE ROLE " + MONITOR + " LOGIN PASSWORD '" + MONITOR_PASSWORD + "'");
      s.execute("GRANT pg_monitor TO " + MONITOR);
    }
    try (Connection c = pg.connect("bench");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION pg_stat_statements");
      s.execute("CREATE TABLE tickets (id serial PRIMARY KEY, note text)");
    }
    pgbench(List.of("-i", "-s", "1", "-q"));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /** Runs pgbench against the bench database and returns what it printed. */
  private static String pgbench(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(pg.program("pgbench").toString());
    cmd.addAll(
        List.of("-h", "127.0.0.1", "-p", Integer.toString(pg.port()), "-U", LocalPostgres.USER));
    cmd.addAll(args);
    cmd.add("bench");
    Path out = Files.createTempFile("headroom-pgbench", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().put("PGPASSWORD", LocalPostgres.PASSWORD);
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pgbench did not finish: " + Files.readString(out));
      }
      String log = Files.readString(out);
      assertThat(p.exitValue()).as("pgbench: %s", log).isZero();
      return log;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static Target target(String user, String password, String db) {
    return Target.parse(
        "postgres://"
            + user
            + (password.isEmpty() ? "" : ":" + password)
            + "@127.0.0.1:"
            + pg.port()
            + "/"
            + db,
        SCHEMES,
        PostgresCollector.DEFAULT_PORT);
  }

  private static Observation only(EvidenceFile e, Metric m) {
    return e.observations().stream()
        .filter(o -> o.metric() == m)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + m.key() + " in " + e.unseen()));
  }

  /** tup_fetched and the written rows of bench, read by the test's own session. */
  private static long[] rows(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT tup_fetched, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database"
                    + " WHERE datname = 'bench'")) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    }
  }

  private static long processed(String pgbenchOutput) {
    Matcher m =
        Pattern.compile("number of transactions actually processed: (\\d+)").matcher(pgbenchOutput);
    assertThat(m.find()).as("pgbench's report: %s", pgbenchOutput).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void underPgbench_theEvidenceAgreesWithPgbenchAndAnIndependentReading() throws Exception {
    try (Connection app = pg.connect("bench");
        PostgresCollector c =
            PostgresCollector.connect(
                target(LocalPostgres.USER, LocalPostgres.PASSWORD, "bench"),
                TIMEOUT,
                Clock.systemUTC())) {
      // the collector's first statements read the catalogs (rows an independent reading counts
      // and the collector's own window may not): read once, and once more after PostgreSQL's 1 s
      // minimum between statistics flushes, so those reads are flushed before the test's reading
      c.counters();
      Thread.sleep(1100);
      c.counters();
      Thread.sleep(200);
      long[] before = rows(app);
      PostgresCollector.Counters first = c.counters();
      // pgbench runs inside the collector's window: its TPC-B-like script, 2 clients, 4 s,
      // without its vacuum (-n), so every transaction in the window is one of its own
      String report = pgbench(List.of("-n", "-c", "2", "-j", "1", "-T", "4"));
      Thread.sleep(1500); // pgbench's sessions flush their statistics as they exit
      PostgresCollector.Counters second = c.counters();
      long[] after = rows(app); // before the gauges, whose catalog reads would count here
      EvidenceFile e = c.evidence(first, second, "db");

      long n = processed(report);
      assertThat(n).isPositive();
      Observation tps = only(e, Metric.TRANSACTIONS_PER_SECOND);
      // pgbench's transactions, plus its one start-up count(*) and the collector's own reading
      assertThat(tps.value() * tps.window().seconds())
          .isCloseTo(n, within(2 + 0.005 * n))
          .isGreaterThanOrEqualTo(n - 1e-6);

      long fetched = after[0] - before[0];
      long written = after[1] - before[1];
      // each TPC-B-like transaction writes 4 rows (3 updates and an insert)
      assertThat(written).isEqualTo(4 * n);
      double independent = (double) fetched / (fetched + written);
      // what may still differ: catalog rows of the readings' own planning, a few dozen of ~40,000
      assertThat(only(e, Metric.ROW_READ_RATIO).value()).isCloseTo(independent, within(0.015));

      // 5 statements between BEGIN and END; the start-up count(*) is one query in one transaction
      assertThat(only(e, Metric.QUERIES_PER_TRANSACTION).value()).isCloseTo(5.0, within(0.01));
      // pgbench's tables have no index beyond their primary keys: nothing unused or duplicated
      assertThat(only(e, Metric.UNUSED_INDEXES).value()).isZero();
      assertThat(only(e, Metric.DUPLICATE_INDEXES).value()).isZero();
    }
  }

  @Test
  void theStatementLog_showsOnlyReadsFromTheCollector_whileItShowsTheWritesOfOthers()
      throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(
            target(LocalPostgres.USER, LocalPostgres.PASSWORD, "bench"),
            TIMEOUT,
            Clock.systemUTC())) {
      c.collect(Duration.ofMillis(200), "");
    }
    pgbench(List.of("-n", "-t", "5"));
    List<String> collector = pg.statementsOf("headroom collect");
    assertThat(collector).hasSizeGreaterThan(10);
    assertThat(collector)
        .allSatisfy(
            sql -> {
              String s = sql.strip().toUpperCase(Locale.ROOT);
              assertThat(s).matches("^(SELECT|SET |SHOW |BEGIN READ ONLY|COMMIT|ROLLBACK).*");
              // no function that changes anything hides inside a SELECT
              assertThat(s)
                  .doesNotContainPattern(
                      "PG_CREATE|PG_DROP|SETVAL|NEXTVAL|PG_TERMINATE|PG_CANCEL|PG_RELOAD|PG_STAT_RESET|LO_|SET_CONFIG");
            });
    // the same log does record writes: pgbench's updates are there under its name
    assertThat(pg.statementsOf("pgbench"))
        .anySatisfy(sql -> assertThat(sql).startsWith("UPDATE pgbench_accounts"));
  }

  private static Set<String> keys(EvidenceFile e) {
    return e.observations().stream()
        .map(o -> o.metric().key())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> unseen(EvidenceFile e) {
    return e.unseen().stream().map(Unseen::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A collection whose window holds 20 pgbench transactions, so every window figure exists. */
  private static EvidenceFile collectUnderLoad(Target t) throws Exception {
    try (PostgresCollector c = PostgresCollector.connect(t, TIMEOUT, Clock.systemUTC())) {
      PostgresCollector.Counters first = c.counters();
      pgbench(List.of("-n", "-t", "20"));
      Thread.sleep(300); // pgbench's session flushes its statistics as it exits
      return c.evidence(first, c.counters(), "");
    }
  }

  @Test
  void aPgMonitorRole_seesWhatTheSuperuserSees_butSequencesNeedAGrant() throws Exception {
    EvidenceFile superuser =
        collectUnderLoad(target(LocalPostgres.USER, LocalPostgres.PASSWORD, "bench"));
    assertThat(unseen(superuser)).containsExactly("database.database_growth");
    EvidenceFile monitor = collectUnderLoad(target(MONITOR, MONITOR_PASSWORD, "bench"));
    Set<String> missing = new TreeSet<>(keys(superuser));
    missing.removeAll(keys(monitor));
    // pg_monitor does not let a role read a sequence's last value: that one key needs a grant
    assertThat(missing).containsExactly("sequence_usage");
    assertThat(unseen(monitor))
        .containsExactly("database.database_growth", "database.sequence_usage");
    assertThat(monitor.unseen().stream().filter(u -> u.key().equals("database.sequence_usage")))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u.needs())
                    .contains("GRANT SELECT ON ALL SEQUENCES")
                    .contains("tickets"));
    try (Connection app = pg.connect("bench");
        Statement s = app.createStatement()) {
      s.execute("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + MONITOR);
    }
    try {
      EvidenceFile granted = collectUnderLoad(target(MONITOR, MONITOR_PASSWORD, "bench"));
      assertThat(keys(granted)).isEqualTo(keys(superuser));
      assertThat(unseen(granted)).containsExactly("database.database_growth");
    } finally {
      try (Connection app = pg.connect("bench");
          Statement s = app.createStatement()) {
        s.execute("REVOKE SELECT ON ALL SEQUENCES IN SCHEMA public FROM " + MONITOR);
      }
    }
  }

  @Test
  void aPasswordFromAPgpassFile_isUsed_andAppearsNowhere(@TempDir Path dir) throws Exception {
    Path pgpass = dir.resolve("pgpass");
    String property = "org.postgresql.pgpassfile"; // the driver's name for PGPASSFILE
    String saved = System.getProperty(property);
    try {
      Files.writeString(
          pgpass,
          "127.0.0.1:" + pg.port() + ":*:" + MONITOR + ":" + MONITOR_PASSWORD + "\n",
          StandardCharsets.UTF_8);
      System.setProperty(property, pgpass.toString());
      try (PostgresCollector c =
          PostgresCollector.connect(target(MONITOR, "", "bench"), TIMEOUT, Clock.systemUTC())) {
        EvidenceFile e = c.collect(Duration.ofMillis(200), "");
        assertThat(EvidenceWriter.toJson(e)).doesNotContain(MONITOR_PASSWORD);
        assertThat(e.source()).isEqualTo("postgres://monitor@127.0.0.1:" + pg.port() + "/bench");
      }
      String wrong = "Wrong-" + MONITOR_PASSWORD;
      Files.writeString(pgpass, "127.0.0.1:" + pg.port() + ":*:" + MONITOR + ":" + wrong + "\n");
      CollectionException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              CollectionException.class,
              () ->
                  PostgresCollector.connect(
                      target(MONITOR, "", "bench"), TIMEOUT, Clock.systemUTC()));
      assertThat(refused.getMessage())
          .contains("check the user and the password")
          .doesNotContain(wrong)
          .doesNotContain(MONITOR_PASSWORD);
      assertThat(String.valueOf(refused.getCause())).doesNotContain(wrong);
    } finally {
      if (saved == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, saved);
      }
    }
  }

  @Test
  void aServerKilledDuringTheWindow_givesAClearErrorWithinTheTimeout() throws Exception {
    try (LocalPostgres doomed = LocalPostgres.start()) {
      Target t =
          Target.parse(
              "postgres://postgres:"
                  + LocalPostgres.PASSWORD
                  + "@127.0.0.1:"
                  + doomed.port()
                  + "/postgres",
              SCHEMES,
              PostgresCollector.DEFAULT_PORT);
      Duration timeout = Duration.ofSeconds(3);
      Duration window = Duration.ofSeconds(4);
      PostgresCollector c = PostgresCollector.connect(t, timeout, Clock.systemUTC());
      try {
        CompletableFuture<EvidenceFile> run =
            CompletableFuture.supplyAsync(() -> c.collect(window, ""));
        Thread.sleep(1000);
        doomed.kill();
        // bounded so that a hang fails the test instead of stalling the build
        Throwable failure;
        try {
          run.get(window.plus(timeout.multipliedBy(3)).toSeconds(), TimeUnit.SECONDS);
          throw new AssertionError("the collection succeeded against a stopped server");
        } catch (ExecutionException e) {
          failure = e.getCause();
        }
        assertThat(failure)
            .isInstanceOf(CollectionException.class)
            .hasMessageStartingWith("postgres://postgres@127.0.0.1:" + doomed.port() + "/postgres")
            .hasMessageContaining("the connection was lost during the collection")
            .hasMessageContaining("nothing was collected");
        assertThat(failure.getMessage()).doesNotContain(LocalPostgres.PASSWORD);
      } finally {
        c.close();
      }
    }
  }
}
