package dev.headroom.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.LocalPostgres;
import dev.headroom.collect.testing.LocalRedis;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.Metric;
import dev.headroom.model.Units;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL cluster this test creates and starts on 127.0.0.1. */
class PostgresCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final List<String> SCHEMES = List.of("postgres", "postgresql");
  private static LocalPostgres pg;

  @BeforeAll
  static void startCluster() throws Exception {
    pg = LocalPostgres.start();
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE DATABASE plain");
    }
    try (Connection c = pg.connect("shop");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION pg_stat_statements");
      s.execute("CREATE TABLE items (id int PRIMARY KEY, qty int)");
      s.execute("INSERT INTO items SELECT g, 0 FROM generate_series(1, 1000) g");
      s.execute("CREATE TABLE scanned (v int)");
      s.execute("INSERT INTO scanned SELECT g FROM generate_series(1, 10000) g");
      s.execute("CREATE TABLE little (v int)");
      s.execute("INSERT INTO little SELECT g FROM generate_series(1, 10) g");
      // indexes: by_customer is covered by by_customer_day (same method, a leading prefix);
      // by_day_desc differs in order, by_note in its predicate, by_ref is unique: none of those
      s.execute(
          "CREATE TABLE orders (id int PRIMARY KEY, customer int, day date, note text, ref int)");
      s.execute(
          "INSERT INTO orders SELECT g, g % 50, date '2026-01-01' + g % 300, 'n' || g, g"
              + " FROM generate_series(1, 20000) g");
      s.execute("CREATE INDEX by_customer ON orders (customer)");
      s.execute("CREATE INDEX by_customer_day ON orders (customer, day)");
      s.execute("CREATE INDEX by_day_desc ON orders (day DESC)");
      s.execute("CREATE INDEX by_day_hash ON orders USING hash (day)");
      s.execute("CREATE INDEX by_note ON orders (note) WHERE note IS NOT NULL");
      s.execute("CREATE UNIQUE INDEX by_ref ON orders (ref)");
      s.execute("CREATE INDEX by_ref_twice ON orders (ref)");
      // a bigint sequence feeding an integer column ends at the column's 2^31 - 1
      s.execute("CREATE SEQUENCE capped_seq AS bigint");
      s.execute("CREATE TABLE capped (id integer DEFAULT nextval('capped_seq'))");
      s.execute("ALTER SEQUENCE capped_seq OWNED BY capped.id");
      s.execute("SELECT setval('capped_seq', 2000000000)");
      s.execute("CREATE TABLE tiny (id smallserial)");
      s.execute("SELECT setval('tiny_id_seq', 1000)");
      s.execute("SELECT pg_create_physical_replication_slot('forgotten_standby', true)");
      s.execute("ANALYZE");
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static Target target(String db) {
    return Target.parse(
        "postgres://"
            + LocalPostgres.USER
            + ":"
            + LocalPostgres.PASSWORD
            + "@127.0.0.1:"
            + pg.port()
            + "/"
            + db,
        SCHEMES,
        PostgresCollector.DEFAULT_PORT);
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

  /** Flushes this session's statistics now (PostgreSQL 15+), so the counters show its work. */
  private static void flush(Statement s) throws SQLException {
    s.execute("SELECT pg_stat_force_next_flush()");
  }

  private static long longOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void collect_namesUnusedIndexesWithTheirSizes_leavingUniqueOnesOut() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      Observation n = only(e, Metric.UNUSED_INDEXES);
      try (Connection app = pg.connect("shop")) {
        long expected =
            longOf(
                app,
                "SELECT count(*) FROM pg_stat_user_indexes s JOIN pg_index i USING (indexrelid)"
                    + " WHERE s.idx_scan = 0 AND NOT i.indisunique AND s.relname = 'orders'");
        long bytes =
            longOf(
                app,
                "SELECT sum(pg_relation_size(s.indexrelid)) FROM pg_stat_user_indexes s JOIN pg_index i"
                    + " USING (indexrelid) WHERE s.idx_scan = 0 AND NOT i.indisunique");
        // six non-unique indexes on orders, none ever scanned
        assertThat(expected).isEqualTo(6);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(only(e, Metric.UNUSED_INDEX_SIZE).value()).isEqualTo(bytes);
        long customerBytes = longOf(app, "SELECT pg_relation_size('by_customer')");
        assertThat(n.how())
            .contains("public.by_customer on orders (" + Units.formatBytes(customerBytes) + ")")
            .doesNotContain("by_ref ")
            .doesNotContain("orders_pkey")
            .contains("and 1 more");
      }
    }
  }

  @Test
  void collect_countsAnIndexCoveredByAnotherAsDuplicate_andOnlyThatKind() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      Observation o = only(c.collect(Duration.ofMillis(100), ""), Metric.DUPLICATE_INDEXES);
      // by_customer under by_customer_day; by_ref_twice under the unique by_ref
      assertThat(o.value()).isEqualTo(2);
      assertThat(o.how())
          .contains("by_customer (covered by by_customer_day")
          .contains("by_ref_twice (covered by by_ref")
          .doesNotContain("by_day_desc (")
          .doesNotContain("by_day_hash (")
          .doesNotContain("by_note (");
    }
  }

  @Test
  void collect_findsTheInactiveSlot_andTheWalItKeeps() throws Exception {
    try (Connection app = pg.connect("shop");
        PostgresCollector c =
            PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      String kept =
          "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint FROM pg_replication_slots"
              + " WHERE slot_name = 'forgotten_standby'";
      long before = longOf(app, kept);
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      long after = longOf(app, kept);
      assertThat(only(e, Metric.INACTIVE_REPLICATION_SLOTS).value()).isEqualTo(1);
      assertThat(only(e, Metric.INACTIVE_REPLICATION_SLOTS).how())
          .contains("forgotten_standby (physical) keeps");
      // the WAL position only moves forward: the collector's figure lies between two readings
      assertThat(only(e, Metric.INACTIVE_SLOT_WAL).value())
          .isBetween((double) before, (double) after);
      assertThat(before).isPositive();
    }
  }

  @Test
  void collect_wraparoundIsTheOldestDatabaseAgeOverTwoToThe31() throws Exception {
    try (Connection app = pg.connect("shop");
        PostgresCollector c =
            PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      String oldest = "SELECT max(age(datfrozenxid)) FROM pg_database";
      long before = longOf(app, oldest);
      Observation o = only(c.collect(Duration.ofMillis(100), ""), Metric.XID_WRAPAROUND);
      long after = longOf(app, oldest);
      assertThat(o.value() * 2147483648.0).isBetween((double) before, (double) after);
      assertThat(o.how()).contains("transaction ids in");
    }
  }

  @Test
  void collect_sequenceUsage_isCappedByTheColumnsType() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      Observation o = only(c.collect(Duration.ofMillis(100), ""), Metric.SEQUENCE_USAGE);
      // capped_seq is bigint, but its integer column overflows at 2^31 - 1
      assertThat(o.value()).isCloseTo(2_000_000_000.0 / 2_147_483_647.0, within(1e-12));
      assertThat(o.how()).contains("public.capped_seq at 2000000000 of 2147483647");
    }
  }

  @Test
  void collect_queriesPerTransaction_countsQueriesNotTransactionControl() throws Exception {
    int transactions = 200;
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      PostgresCollector.Counters first = c.counters();
      try (Connection app = pg.connect("shop")) {
        app.setAutoCommit(false);
        try (Statement s = app.createStatement()) {
          for (int t = 0; t < transactions; t++) {
            for (int q = 1; q <= 3; q++) {
              s.executeQuery("SELECT qty FROM items WHERE id = " + q).close();
            }
            app.commit();
          }
        }
      } // a closing session flushes its statistics
      Thread.sleep(500);
      EvidenceFile e = c.evidence(first, c.counters(), "");
      // 3 queries in each of 200 transactions; BEGIN and COMMIT are not queries. The collector's
      // own
      // first reading may or may not be flushed yet: at most one transaction either way.
      assertThat(only(e, Metric.QUERIES_PER_TRANSACTION).value())
          .isCloseTo(3.0, within(3.0 / transactions + 1e-9));
    }
  }

  @Test
  void collect_saysGrowthNeedsASeries_ratherThanGuessingIt() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      assertThat(e.unseen().stream().filter(u -> u.key().equals("database.database_growth")))
          .singleElement()
          .satisfies(
              u -> assertThat(u.needs()).contains("over weeks").contains("pg_database_size"));
    }
  }

  @Test
  void collect_afterNUpdates_theWriteCountersMoveByN() throws Exception {
    int n = 137;
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      PostgresCollector.Counters first = c.counters();
      try (Connection app = pg.connect("shop");
          Statement s = app.createStatement()) {
        for (int i = 1; i <= n; i++) {
          s.executeUpdate("UPDATE items SET qty = qty + 1 WHERE id = " + i);
        }
        for (int i = 1; i <= 50; i++) {
          try (ResultSet r = s.executeQuery("SELECT qty FROM items WHERE id = " + i)) {
            r.next();
          }
        }
        flush(s);
      }
      Thread.sleep(300);
      PostgresCollector.Counters second = c.counters();
      assertThat(second.rowsUpdated() - first.rowsUpdated()).isEqualTo(n);
      assertThat(second.rowsInserted() - first.rowsInserted()).isZero();
      assertThat(second.rowsDeleted() - first.rowsDeleted()).isZero();
      assertThat(second.transactions() - first.transactions()).isGreaterThanOrEqualTo(n + 50);
      EvidenceFile e = c.evidence(first, second, "db");

      long fetched = second.rowsFetched() - first.rowsFetched();
      Observation mix = only(e, Metric.ROW_READ_RATIO);
      assertThat(mix.value()).isCloseTo((double) fetched / (fetched + n), within(1e-12));
      assertThat(mix.component()).isEqualTo("db");
      Observation tps = only(e, Metric.TRANSACTIONS_PER_SECOND);
      assertThat(tps.value() * tps.window().seconds())
          .isCloseTo(second.transactions() - first.transactions(), within((n + 50) * 0.01));
      // pg_stat_statements is installed in shop: qps is measured from its calls
      Observation qps = only(e, Metric.QUERIES_PER_SECOND);
      assertThat(qps.value() * qps.window().seconds()).isGreaterThanOrEqualTo(n + 50 - 1);
      assertThat(only(e, Metric.BUFFER_HIT_RATIO).value()).isBetween(0.0, 1.0);
      assertThat(e.source()).isEqualTo(pg.url("shop"));
      assertThat(EvidenceWriter.toJson(e)).doesNotContain(LocalPostgres.PASSWORD);
    }
  }

  @Test
  void collect_countsConnectionsByState_asTheTestHoldsThem() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(pg.connect("shop"));
      }
      Connection inTx = pg.connect("shop");
      held.add(inTx);
      inTx.setAutoCommit(false);
      try (Statement s = inTx.createStatement()) {
        s.executeQuery("SELECT 1").close();
      }
      try (PostgresCollector c =
          PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
        EvidenceFile e = c.collect(Duration.ofMillis(200), "");
        assertThat(only(e, Metric.CONNECTIONS_IN_USE).value()).isEqualTo(4);
        assertThat(only(e, Metric.IDLE_IN_TRANSACTION).value()).isEqualTo(1);
        assertThat(only(e, Metric.LONG_RUNNING_QUERIES).value()).isZero();
        try (Statement s = held.get(0).createStatement();
            ResultSet r = s.executeQuery("SHOW max_connections")) {
          r.next();
          assertThat(only(e, Metric.MEASURED_MAX_CONNECTIONS).value())
              .isEqualTo(Double.parseDouble(r.getString(1)));
        }
        try (Statement s = held.get(0).createStatement();
            ResultSet r = s.executeQuery("SELECT pg_database_size('shop')")) {
          r.next();
          assertThat(only(e, Metric.DATABASE_SIZE).value()).isEqualTo(r.getLong(1));
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  @Test
  void collect_namesLargeTablesReadBySequentialScansOnly() throws Exception {
    try (Connection app = pg.connect("shop");
        Statement s = app.createStatement()) {
      s.execute(
          "DO $$ BEGIN FOR i IN 1..10001 LOOP PERFORM 1 FROM scanned LIMIT 1;"
              + " PERFORM 1 FROM little LIMIT 1; END LOOP; END $$");
      flush(s);
    }
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      Observation o = only(c.collect(Duration.ofMillis(100), ""), Metric.SEQ_SCAN_TABLES);
      assertThat(o.value()).isEqualTo(1);
      // little is scanned as often, but a sequential scan is the right plan for 10 rows
      assertThat(o.how())
          .contains("public.scanned")
          .doesNotContain("items")
          .doesNotContain("little");
    }
  }

  @Test
  void collect_withoutPgStatStatements_saysWhatItNeeds() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("plain"), TIMEOUT, Clock.systemUTC())) {
      EvidenceFile e = c.collect(Duration.ofMillis(100), "");
      assertThat(find(e, Metric.QUERIES_PER_SECOND)).isEmpty();
      assertThat(find(e, Metric.SLOWEST_QUERY)).isEmpty();
      assertThat(e.unseen())
          .extracting(Unseen::key)
          .contains("database.qps", "database.slowest_query");
      assertThat(e.unseen()).allSatisfy(u -> assertThat(u.needs()).isNotBlank());
      assertThat(e.unseen().stream().filter(u -> u.key().equals("database.slowest_query")))
          .singleElement()
          .satisfies(u -> assertThat(u.needs()).contains("pg_stat_statements"));
    }
  }

  @Test
  void collect_sendsOnlyReadStatements() throws Exception {
    try (PostgresCollector c =
        PostgresCollector.connect(target("shop"), TIMEOUT, Clock.systemUTC())) {
      c.collect(Duration.ofMillis(100), "");
    }
    List<String> sent = pg.statementsOf("headroom collect");
    assertThat(sent).isNotEmpty();
    assertThat(sent)
        .allSatisfy(
            sql ->
                assertThat(sql.strip().toUpperCase(Locale.ROOT))
                    .matches("^(SELECT|SET |SHOW |BEGIN READ ONLY|COMMIT|ROLLBACK).*"));
  }

  @Test
  void connect_withAWrongPassword_failsClearlyWithoutShowingIt() {
    Target wrong =
        Target.parse(
            "postgres://postgres:not-"
                + LocalPostgres.PASSWORD
                + "@127.0.0.1:"
                + pg.port()
                + "/shop",
            SCHEMES,
            5432);
    assertThatThrownBy(() -> PostgresCollector.connect(wrong, TIMEOUT, Clock.systemUTC()))
        .isInstanceOf(CollectionException.class)
        .hasMessageStartingWith(pg.url("shop") + ": cannot connect")
        .hasMessageContaining("check the user and the password")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain(LocalPostgres.PASSWORD));
  }

  @Test
  void connect_toNothingListening_failsWithinTheTimeout() throws Exception {
    int port = LocalRedis.freePort();
    Target t = Target.parse("postgres://postgres@127.0.0.1:" + port + "/shop", SCHEMES, 5432);
    assertThatThrownBy(() -> PostgresCollector.connect(t, Duration.ofSeconds(2), Clock.systemUTC()))
        .isInstanceOf(CollectionException.class)
        .hasMessageContaining("cannot connect")
        .hasMessageContaining("check the host and port");
  }
}
