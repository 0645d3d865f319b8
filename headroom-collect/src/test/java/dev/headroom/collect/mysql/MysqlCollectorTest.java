package dev.headroom.collect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.LocalMariaDb;
import dev.headroom.collect.testing.LocalRedis;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real MariaDB server this test creates and starts on 127.0.0.1. */
class MysqlCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final List<String> SCHEMES = List.of("mysql", "mariadb");

  /** The documented least privilege (docs/collectors.md, MySQL / MariaDB). */
  private static final String MONITOR = "monitor";

  private static final String MONITOR_PASSWORD = "mon-Secret-4-tests";

  /** A user with no grants at all: the collector must degrade, not fail. */
  private static final String BLIND = "blind";

  private static final String BLIND_PASSWORD = "blind-Secret-4-tests";

  /** Statements slower than this count in Slow_queries; the workload's sleeps are longer. */
  private static final double LONG_QUERY_TIME = 0.5;

  /** The throwaway server has no certificate. */
  private static final MysqlCollector.Tls TLS = MysqlCollector.Tls.OFF;

  private static LocalMariaDb db;

  @BeforeAll
  static void startServer() throws Exception {
    db = LocalMariaDb.start("--long-query-time=" + LONG_QUERY_TIME);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute(
          "CREATE TABLE shop.items (id INT PRIMARY KEY, qty INT NOT NULL, tag VARCHAR(20),"
              + " note TEXT, KEY by_qty (qty), KEY unused_tag (tag)) ENGINE=InnoDB");
      StringBuilder rows = new StringBuilder("INSERT INTO shop.items VALUES ");
      for (int i = 1; i <= 500; i++) {
        rows.append(i > 1 ? "," : "")
            .append("(")
            .append(i)
            .append(",")
            .append(i % 50)
            .append(",'t")
            .append(i % 7)
            .append("','note ")
            .append(i % 13)
            .append("')");
      }
      s.execute(rows.toString());
      s.execute(
          "CREATE USER '" + MONITOR + "'@'127.0.0.1' IDENTIFIED BY '" + MONITOR_PASSWORD + "'");
      s.execute("GRANT PROCESS, SLAVE MONITOR ON *.* TO '" + MONITOR + "'@'127.0.0.1'");
      s.execute("GRANT SELECT ON performance_schema.* TO '" + MONITOR + "'@'127.0.0.1'");
      s.execute("CREATE USER '" + BLIND + "'@'127.0.0.1' IDENTIFIED BY '" + BLIND_PASSWORD + "'");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static Target target(String user, String password) {
    return Target.parse(
        "mysql://" + user + ":" + password + "@127.0.0.1:" + db.port(),
        SCHEMES,
        MysqlCollector.DEFAULT_PORT);
  }

  private static Optional<Observation> find(EvidenceFile e, Metric m) {
    return e.observations().stream().filter(o -> o.metric() == m).findFirst();
  }

  private static Observation only(EvidenceFile e, Metric m) {
    return find(e, m)
        .orElseThrow(
            () ->
                new AssertionError("no " + m.key() + " in " + e.observations() + " " + e.unseen()));
  }

  /** A mixed workload with known counts of each statement kind. */
  private record Workload(int updates, int selects, int diskTemp, int slow) {
    int statements() {
      return updates + selects + diskTemp + slow;
    }

    int reads() {
      return selects + diskTemp + slow;
    }

    void run(Connection c) throws Exception {
      try (Statement s = c.createStatement()) {
        for (int i = 1; i <= updates; i++) {
          s.executeUpdate("UPDATE shop.items SET qty = qty + 1 WHERE id = " + i);
        }
        for (int i = 1; i <= selects; i++) {
          try (ResultSet r =
              s.executeQuery("SELECT count(*) FROM shop.items WHERE qty = " + (i % 50))) {
            r.next();
          }
        }
        // a TEXT column in a GROUP BY cannot live in a memory temporary table: it goes to disk
        for (int i = 0; i < diskTemp; i++) {
          try (ResultSet r =
              s.executeQuery("SELECT note, count(*) FROM shop.items GROUP BY note ORDER BY 2")) {
            r.next();
          }
        }
        for (int i = 0; i < slow; i++) {
          try (ResultSet r = s.executeQuery("SELECT SLEEP(" + (LONG_QUERY_TIME + 0.1) + ")")) {
            r.next();
          }
        }
      }
    }
  }

  /**
   * InnoDB refreshes its status counters (Innodb_rows_*, Innodb_buffer_pool_*) at most about once a
   * second: wait that out so a read shows everything before it.
   */
  private static void letInnodbPublish() throws InterruptedException {
    Thread.sleep(1_100);
  }

  private static long delta(Map<String, Long> a, Map<String, Long> b, String k) {
    return b.getOrDefault(k, 0L) - a.getOrDefault(k, 0L);
  }

  @Test
  void collect_aKnownWorkload_givesTheFiguresAnIndependentStatusReadGives() throws Exception {
    Workload w = new Workload(120, 150, 10, 2);
    try (Connection app = db.connect();
        MysqlCollector c =
            MysqlCollector.connect(
                target(MONITOR, MONITOR_PASSWORD), TIMEOUT, Clock.systemUTC(), TLS)) {
      assertThat(c.flavor()).isEqualTo(MysqlCollector.Flavor.MARIADB);
      letInnodbPublish();
      Map<String, Long> before = LocalMariaDb.globalStatus(app);
      MysqlCollector.Status first = c.status();
      w.run(app);
      letInnodbPublish();
      MysqlCollector.Status second = c.status();
      Map<String, Long> after = LocalMariaDb.globalStatus(app);
      EvidenceFile e = c.evidence(first, second, "db");

      // the statement mix is known exactly: only the workload ran SELECT/UPDATE in the window
      Observation mix = only(e, Metric.READ_RATIO);
      assertThat(mix.value())
          .isCloseTo((double) w.reads() / (w.reads() + w.updates()), within(1e-9));
      assertThat(mix.component()).isEqualTo("db");
      // Questions: the workload's statements; the collector's own second read is taken off
      Observation qps = only(e, Metric.QUERIES_PER_SECOND);
      assertThat(qps.value() * qps.window().seconds()).isCloseTo(w.statements(), within(0.5));
      // Slow_queries: the sleeps, and at most a few more on a loaded machine
      Observation slow = only(e, Metric.SLOW_QUERY_RATIO);
      assertThat(slow.value() * w.statements()).isBetween(w.slow() - 0.01, w.slow() + 3.01);
      assertThat(slow.value() * w.statements())
          .isCloseTo(delta(first.counters(), second.counters(), "Slow_queries"), within(0.01));

      // the test's own reads bracket the collector's: the same figures within what the two
      // extra SHOW GLOBAL STATUS statements add (one in-memory temporary table each)
      long disk = delta(before, after, "Created_tmp_disk_tables");
      long tmp = delta(before, after, "Created_tmp_tables");
      assertThat(disk).isGreaterThanOrEqualTo(w.diskTemp());
      // the bracket holds two more status reads than the collector's window (its first, the
      // test's last), and the collector leaves out its own second read's in-memory table
      assertThat(only(e, Metric.TMP_DISK_TABLE_RATIO).value())
          .isBetween((double) disk / tmp, Math.min(1.0, (double) disk / (tmp - 3)));
      long requests = delta(before, after, "Innodb_buffer_pool_read_requests");
      long reads = delta(before, after, "Innodb_buffer_pool_reads");
      assertThat(only(e, Metric.BUFFER_HIT_RATIO).value())
          .isCloseTo(1 - (double) reads / requests, within(0.01));
      // MariaDB 10.6+ has no Innodb_rows_*: the row mix is named as unseen, with why
      assertThat(before).doesNotContainKey("Innodb_rows_read");
      assertThat(find(e, Metric.ROW_READ_RATIO)).isEmpty();
      assertThat(e.unseen())
          .filteredOn(u -> u.key().equals("database.row_read_ratio"))
          .singleElement()
          .satisfies(u -> assertThat(u.needs()).contains("MariaDB 10.6"));

      // gauges: the test's one connection besides the collector's
      assertThat(only(e, Metric.CONNECTIONS_IN_USE).value()).isEqualTo(1);
      assertThat(only(e, Metric.CONNECTIONS_IN_USE).how()).contains("Max_used_connections");
      try (Statement s = app.createStatement();
          ResultSet r = s.executeQuery("SELECT @@max_connections")) {
        r.next();
        assertThat(only(e, Metric.MEASURED_MAX_CONNECTIONS).value()).isEqualTo(r.getLong(1));
      }
      assertThat(only(e, Metric.LONG_RUNNING_QUERIES).value()).isZero();
      // a primary has no replica status: nothing reported, nothing missing
      assertThat(find(e, Metric.REPLICA_LAG)).isEmpty();
      assertThat(e.unseen()).extracting(Unseen::key).doesNotContain("database.replica_lag");

      assertThat(e.source()).isEqualTo(db.url(MONITOR));
      assertThat(EvidenceWriter.toJson(e)).doesNotContain(MONITOR_PASSWORD);
    }
  }

  @Test
  void collect_asTheLeastPrivilegedUser_seesEverything_andRanksDigestsByTotalTime()
      throws Exception {
    try (Connection app = db.connect()) {
      // one digest past the frequent level, so slowest_query has a candidate
      new Workload(5, (int) MysqlCollector.FREQUENT_CALLS + 20, 0, 0).run(app);
      try (MysqlCollector c =
          MysqlCollector.connect(
              target(MONITOR, MONITOR_PASSWORD), TIMEOUT, Clock.systemUTC(), TLS)) {
        MysqlCollector.Status first = c.status();
        new Workload(3, 3, 1, 0).run(app); // so the window has statements to measure
        letInnodbPublish();
        EvidenceFile e = c.evidence(first, c.status(), "");
        assertThat(e.observations())
            .extracting(o -> o.metric())
            .contains(
                Metric.QUERIES_PER_SECOND,
                Metric.READ_RATIO,
                Metric.TMP_DISK_TABLE_RATIO,
                Metric.SLOW_QUERY_RATIO,
                Metric.BUFFER_HIT_RATIO,
                Metric.CONNECTIONS_IN_USE,
                Metric.MEASURED_MAX_CONNECTIONS,
                Metric.LONG_RUNNING_QUERIES,
                Metric.SLOWEST_QUERY,
                Metric.UNUSED_INDEXES);
        // a primary has no replica lag to report; nothing is missing for want of a privilege,
        // only the row mix this MariaDB version does not count
        assertThat(e.unseen()).extracting(Unseen::key).containsExactly("database.row_read_ratio");

        // independently: the slowest mean among frequent digests, and the heaviest by total
        Observation slowest = only(e, Metric.SLOWEST_QUERY);
        try (Statement s = app.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT MAX(AVG_TIMER_WAIT) / 1e12 FROM"
                        + " performance_schema.events_statements_summary_by_digest"
                        + " WHERE COUNT_STAR >= "
                        + MysqlCollector.FREQUENT_CALLS)) {
          r.next();
          assertThat(slowest.value()).isCloseTo(r.getDouble(1), within(1e-9));
        }
        assertThat(slowest.how()).contains("% of the time").contains("calls");

        // sys.schema_unused_indexes is the independent answer; it names shop.items.unused_tag,
        // and not by_qty, which the workload's WHERE qty = ... used
        Observation unused = only(e, Metric.UNUSED_INDEXES);
        try (Statement s = app.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT count(*) FROM sys.schema_unused_indexes"
                        + " WHERE object_schema NOT IN ('mysql', 'performance_schema', 'sys')")) {
          r.next();
          assertThat(unused.value()).isEqualTo(r.getLong(1));
        }
        assertThat(unused.how()).contains("shop.items.unused_tag").doesNotContain("by_qty");
      }
    }
  }

  @Test
  void collect_onAQuietServer_doesNotCountItsOwnTemporaryTable() throws Exception {
    // nothing but the collector runs in the window: its own status read's in-memory table is no
    // evidence about the workload, so the share is not evaluated rather than "0 of 1"
    try (MysqlCollector c =
        MysqlCollector.connect(
            target(MONITOR, MONITOR_PASSWORD), TIMEOUT, Clock.systemUTC(), TLS)) {
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      assertThat(find(e, Metric.TMP_DISK_TABLE_RATIO)).isEmpty();
      assertThat(e.unseen()).extracting(Unseen::key).contains("database.tmp_disk_table_ratio");
    }
  }

  @Test
  void collect_withoutPrivileges_namesTheGrantsInsteadOfFailing() throws Exception {
    try (MysqlCollector c =
        MysqlCollector.connect(target(BLIND, BLIND_PASSWORD), TIMEOUT, Clock.systemUTC(), TLS)) {
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      // SHOW GLOBAL STATUS needs no privilege: the rates are there
      assertThat(find(e, Metric.QUERIES_PER_SECOND)).isPresent();
      assertThat(find(e, Metric.SLOWEST_QUERY)).isEmpty();
      assertThat(find(e, Metric.UNUSED_INDEXES)).isEmpty();
      assertThat(find(e, Metric.LONG_RUNNING_QUERIES)).isEmpty();
      assertThat(e.unseen())
          .filteredOn(
              u ->
                  u.key().equals("database.slowest_query")
                      || u.key().equals("database.unused_indexes"))
          .hasSize(2)
          .allSatisfy(
              u ->
                  assertThat(u.needs())
                      .isEqualTo("GRANT SELECT ON performance_schema.* TO 'blind'@'<host>'"));
      assertThat(e.unseen())
          .filteredOn(u -> u.key().equals("database.long_running_queries"))
          .singleElement()
          .satisfies(u -> assertThat(u.needs()).startsWith("GRANT PROCESS ON *.* TO 'blind'"));
      assertThat(e.unseen())
          .filteredOn(u -> u.key().equals("database.replica_lag"))
          .singleElement()
          .satisfies(u -> assertThat(u.needs()).startsWith("GRANT SLAVE MONITOR ON *.* TO"));
    }
  }

  @Test
  void collect_sendsOnlyReadsAndSessionSettings_asTheGeneralLogShows() throws Exception {
    try (MysqlCollector c =
        MysqlCollector.connect(
            target(MONITOR, MONITOR_PASSWORD), TIMEOUT, Clock.systemUTC(), TLS)) {
      c.collect(Duration.ofMillis(100), "");
    }
    List<String> sent = db.statementsOf(MONITOR);
    assertThat(sent).isNotEmpty();
    // reads, and session variables (the driver sets sql_mode and session tracking for itself);
    // never a write, DDL or a global setting
    assertThat(sent)
        .allSatisfy(
            sql ->
                assertThat(sql.strip().toUpperCase(Locale.ROOT))
                    .matches("^(SELECT|SHOW|SET) .*")
                    .doesNotContain("PASSWORD", "INTO OUTFILE", "FOR UPDATE")
                    .doesNotMatch("^SET .*GLOBAL.*"));
    assertThat(sent)
        .anySatisfy(sql -> assertThat(sql).isEqualTo("SET SESSION TRANSACTION READ ONLY"));
    assertThat(sent)
        .anySatisfy(sql -> assertThat(sql).startsWith("SET SESSION max_statement_time"));
  }

  @Test
  void connect_withAWrongPassword_failsClearlyWithoutShowingIt() {
    Target wrong = target(MONITOR, "not-" + MONITOR_PASSWORD);
    assertThatThrownBy(() -> MysqlCollector.connect(wrong, TIMEOUT, Clock.systemUTC(), TLS))
        .isInstanceOf(CollectionException.class)
        .hasMessageStartingWith(db.url(MONITOR) + ": cannot connect")
        .hasMessageContaining("check the user and the password")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain(MONITOR_PASSWORD));
  }

  @Test
  void connect_toNothingListening_failsClearly() throws Exception {
    int port = LocalRedis.freePort();
    Target t = Target.parse("mysql://monitor@127.0.0.1:" + port, SCHEMES, 3306);
    assertThatThrownBy(
            () -> MysqlCollector.connect(t, Duration.ofSeconds(2), Clock.systemUTC(), TLS))
        .isInstanceOf(CollectionException.class)
        .hasMessageStartingWith("mysql://monitor@127.0.0.1:" + port + ": cannot connect")
        .hasMessageContaining("check the host and port");
  }
}
