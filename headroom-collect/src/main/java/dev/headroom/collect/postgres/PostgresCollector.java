package dev.headroom.collect.postgres;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Collects a PostgreSQL database's evidence. The session is read-only three ways: the driver's
 * {@code readOnly=true&readOnlyMode=always} (DEPENDENCIES.md: readOnly alone leaves autocommit
 * statements writable), {@code default_transaction_read_only = on}, and only SELECT and SHOW
 * statements in this class; {@code statement_timeout} and {@code lock_timeout} bound every
 * statement. What a missing privilege or extension hides becomes a "not evaluated" entry.
 */
public final class PostgresCollector implements AutoCloseable {

  /** What the evidence file names as its producer. */
  public static final String COLLECTOR = "postgresql statistics views";

  public static final int DEFAULT_PORT = 5432;

  /** pghero's long-running level (ADVISOR-CHECKS, PostgreSQL: PGHERO_LONG_RUNNING_QUERY_SEC). */
  static final int LONG_RUNNING_SECONDS = 60;

  /**
   * A table "needs an index" when it has more than this many sequential scans (the catalogue's
   * seq_scan_tables, D3: read from pg_stat_user_tables, not the index view)…
   */
  static final long SEQ_SCANS = 10_000;

  /** …and index scans are under this share of its scans (pghero's missing-index level, 95%). */
  static final double INDEX_SCAN_SHARE = 0.95;

  /** pg_stat_statements' statements counted as frequent (the catalogue's slowest_query). */
  static final long FREQUENT_CALLS = 100;

  /** Waiting for a lock is never worth it for a collector: give up at once-ish. */
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

  /** The counters of pg_stat_database (and pg_stat_statements, when installed) at one instant. */
  public record Counters(
      Instant at,
      long nanoTime,
      long transactions,
      long rowsFetched,
      long rowsInserted,
      long rowsUpdated,
      long rowsDeleted,
      long blocksHit,
      long blocksRead,
      Optional<Long> statements) {}

  private final Connection connection;
  private final Target target;
  private final Clock clock;
  private final List<Unseen> unseen = new ArrayList<>();

  private PostgresCollector(Connection connection, Target target, Clock clock) {
    this.connection = connection;
    this.target = target;
    this.clock = clock;
  }

  /**
   * Connects read-only within {@code timeout}, every statement bounded by it too.
   *
   * @throws CollectionException for an unreachable server, a refused login or a missing database
   */
  public static PostgresCollector connect(Target target, Duration timeout, Clock clock) {
    Properties p = new Properties();
    if (!target.user().isEmpty()) {
      p.setProperty("user", target.user());
    }
    if (!target.password().isEmpty()) {
      p.setProperty("password", target.password().value());
    }
    long seconds = Math.max(1, timeout.toSeconds());
    p.setProperty("connectTimeout", Long.toString(seconds));
    p.setProperty("socketTimeout", Long.toString(seconds * 2));
    p.setProperty("loginTimeout", Long.toString(seconds));
    p.setProperty("readOnly", "true");
    p.setProperty("readOnlyMode", "always");
    p.setProperty("ApplicationName", "headroom collect");
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    String url = "jdbc:postgresql://" + host + ":" + target.port() + "/" + target.database();
    try {
      Connection c = DriverManager.getConnection(url, p);
      try (Statement s = c.createStatement()) {
        s.execute("SET default_transaction_read_only = on");
        s.execute("SET statement_timeout = " + timeout.toMillis());
        s.execute("SET lock_timeout = " + LOCK_TIMEOUT.toMillis());
      }
      c.setReadOnly(true);
      return new PostgresCollector(c, target, clock);
    } catch (SQLException e) {
      throw new CollectionException(
          target.redacted() + ": cannot connect (" + redact(e.getMessage(), target) + ")" + hint(e),
          e);
    }
  }

  private static String hint(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("28P01") || state.equals("28000")) {
      return "; check the user and the password (PGPASSWORD, ~/.pgpass or the URL)";
    }
    if (state.equals("3D000")) {
      return "; check the database name at the end of the URL";
    }
    if (state.startsWith("08")) {
      return "; check the host and port, and that the server accepts connections from here";
    }
    return "";
  }

  /** The driver's messages may quote the connection string; the password never goes out. */
  private static String redact(String message, Target t) {
    String m = message == null ? "" : message;
    return t.password().isEmpty() ? m : m.replace(t.password().value(), "***");
  }

  /** pg_stat_database's counters for this database, now. */
  public Counters counters() {
    Optional<Long> statements = Optional.empty();
    if (hasStatements()) {
      statements =
          Optional.of(
              longQuery(
                  "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()"));
    }
    String sql =
        "SELECT xact_commit + xact_rollback, tup_fetched, tup_inserted, tup_updated, tup_deleted,"
            + " (SELECT coalesce(sum(heap_blks_hit + coalesce(idx_blks_hit, 0)), 0) FROM pg_statio_user_tables),"
            + " (SELECT coalesce(sum(heap_blks_read + coalesce(idx_blks_read, 0)), 0) FROM pg_statio_user_tables)"
            + " FROM pg_stat_database WHERE datname = current_database()";
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return new Counters(
          clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
          System.nanoTime(),
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.getLong(4),
          r.getLong(5),
          r.getLong(6),
          r.getLong(7),
          statements);
    } catch (SQLException e) {
      throw failed("reading pg_stat_database", e);
    }
  }

  /** Reads, waits {@code window}, reads again, and turns the two into evidence. */
  public EvidenceFile collect(Duration window, String component) {
    Counters first = counters();
    try {
      Thread.sleep(window.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectionException(target.redacted() + ": interrupted during the window");
    }
    return evidence(first, counters(), component);
  }

  /** The evidence two counter readings and the gauges read now give. */
  public EvidenceFile evidence(Counters a, Counters b, String component) {
    unseen.clear();
    double seconds = (b.nanoTime() - a.nanoTime()) / 1e9;
    Instant end = a.at().plusNanos(b.nanoTime() - a.nanoTime());
    ObservationWindow window = new ObservationWindow(a.at(), end);
    ObservationWindow now = ObservationWindow.at(end);
    List<Observation> obs = new ArrayList<>();
    SourceLocation here = new SourceLocation(target.redacted(), 0, 0);
    Adder add =
        (m, v, w, how) ->
            obs.add(new Observation(m, ComponentKind.DATABASE, component, v, w, how, here));

    long tx = nonNegative(b.transactions() - a.transactions(), "xact_commit + xact_rollback");
    add.put(
        Metric.TRANSACTIONS_PER_SECOND,
        tx / seconds,
        window,
        "change of xact_commit + xact_rollback in pg_stat_database over the window / its length ("
            + tx
            + " transactions, this collector's included)");
    long fetched = nonNegative(b.rowsFetched() - a.rowsFetched(), "tup_fetched");
    long written =
        nonNegative(b.rowsInserted() - a.rowsInserted(), "tup_inserted")
            + nonNegative(b.rowsUpdated() - a.rowsUpdated(), "tup_updated")
            + nonNegative(b.rowsDeleted() - a.rowsDeleted(), "tup_deleted");
    if (fetched + written > 0) {
      add.put(
          Metric.ROW_READ_RATIO,
          (double) fetched / (fetched + written),
          window,
          "tup_fetched / (tup_fetched + tup_inserted + tup_updated + tup_deleted) over the window, pg_stat_database: "
              + fetched
              + " rows read, "
              + written
              + " written");
    } else {
      unseen.add(
          new Unseen(
              "database.row_read_ratio",
              "rows read or written during the window: collect at a busier time or with a longer --window"));
    }
    long hit = nonNegative(b.blocksHit() - a.blocksHit(), "heap_blks_hit + idx_blks_hit");
    long read = nonNegative(b.blocksRead() - a.blocksRead(), "heap_blks_read + idx_blks_read");
    if (hit + read > 0) {
      add.put(
          Metric.BUFFER_HIT_RATIO,
          (double) hit / (hit + read),
          window,
          "(heap_blks_hit + idx_blks_hit) / all block reads of user tables and indexes over the window, pg_statio_user_tables: "
              + hit
              + " hits, "
              + read
              + " reads");
    } else if (b.blocksHit() + b.blocksRead() > 0) {
      add.put(
          Metric.BUFFER_HIT_RATIO,
          (double) b.blocksHit() / (b.blocksHit() + b.blocksRead()),
          now,
          "(heap_blks_hit + idx_blks_hit) / all block reads of user tables and indexes since the statistics were reset (none in the window), pg_statio_user_tables");
    } else {
      unseen.add(
          new Unseen(
              "database.buffer_hit_ratio",
              "reads of user tables (pg_statio_user_tables shows none yet)"));
    }
    if (a.statements().isPresent() && b.statements().isPresent()) {
      long calls =
          nonNegative(b.statements().get() - a.statements().get(), "pg_stat_statements calls");
      add.put(
          Metric.QUERIES_PER_SECOND,
          calls / seconds,
          window,
          "change of sum(calls) in pg_stat_statements for this database over the window / its length (this collector's included)");
    } else {
      unseen.add(
          new Unseen(
              "database.qps",
              "pg_stat_statements (shared_preload_libraries = 'pg_stat_statements'; CREATE EXTENSION pg_stat_statements)"));
    }
    gauges(add, now);
    return new EvidenceFile(
        target.redacted(), COLLECTOR, end, target.redacted(), obs, List.of(), unseen);
  }

  private void gauges(Adder add, ObservationWindow now) {
    double max =
        longQuery("SELECT setting::bigint FROM pg_settings WHERE name = 'max_connections'");
    add.put(Metric.MEASURED_MAX_CONNECTIONS, max, now, "SHOW max_connections");
    String activity =
        "SELECT count(*) FILTER (WHERE state IS NOT NULL AND pid <> pg_backend_pid()),"
            + " count(*) FILTER (WHERE state = 'active' AND pid <> pg_backend_pid()),"
            + " count(*) FILTER (WHERE state = 'idle'),"
            + " count(*) FILTER (WHERE state = 'idle in transaction'),"
            + " count(*) FILTER (WHERE state <> 'idle' AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            + " AND now() - coalesce(query_start, xact_start) > make_interval(secs => "
            + LONG_RUNNING_SECONDS
            + "))"
            + " FROM pg_stat_activity WHERE backend_type = 'client backend'";
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(activity)) {
      r.next();
      long inUse = r.getLong(1);
      add.put(
          Metric.CONNECTIONS_IN_USE,
          inUse,
          now,
          "client connections in pg_stat_activity besides this collector's: "
              + r.getLong(2)
              + " active, "
              + r.getLong(3)
              + " idle, "
              + r.getLong(4)
              + " idle in transaction, of max_connections "
              + (long) max);
      add.put(
          Metric.IDLE_IN_TRANSACTION,
          r.getLong(4),
          now,
          "pg_stat_activity WHERE state = 'idle in transaction'");
      add.put(
          Metric.LONG_RUNNING_QUERIES,
          r.getLong(5),
          now,
          "pg_stat_activity: statements not idle for more than "
              + LONG_RUNNING_SECONDS
              + " s (pghero's level)");
    } catch (SQLException e) {
      throw failed("reading pg_stat_activity", e);
    }
    add.put(
        Metric.DATABASE_SIZE,
        longQuery("SELECT pg_database_size(current_database())"),
        now,
        "pg_database_size(current_database())");
    seqScanTables(add, now);
    replication(add, now);
    slowest(add, now);
  }

  private void seqScanTables(Adder add, ObservationWindow now) {
    String sql =
        "SELECT schemaname || '.' || relname FROM pg_stat_user_tables WHERE seq_scan > ?"
            + " AND coalesce(idx_scan, 0)::float8 / (seq_scan + coalesce(idx_scan, 0)) < ? ORDER BY seq_scan DESC";
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, SEQ_SCANS);
      ps.setDouble(2, INDEX_SCAN_SHARE);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failed("reading pg_stat_user_tables", e);
    }
    add.put(
        Metric.SEQ_SCAN_TABLES,
        names.size(),
        now,
        "pg_stat_user_tables: seq_scan > "
            + SEQ_SCANS
            + " and idx_scan under "
            + Units.format(INDEX_SCAN_SHARE * 100, 3)
            + "% of scans (D3)"
            + (names.isEmpty()
                ? ""
                : ": " + String.join(", ", names.subList(0, Math.min(5, names.size())))));
  }

  private void replication(Adder add, ObservationWindow now) {
    boolean replica = longQuery("SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END") == 1;
    if (replica) {
      double lag =
          doubleQuery(
              "SELECT coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)");
      add.put(
          Metric.REPLICA_LAG,
          Math.max(0, lag),
          now,
          "now() - pg_last_xact_replay_timestamp() on this replica");
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*), coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication")) {
      r.next();
      if (r.getLong(1) > 0) {
        add.put(
            Metric.REPLICA_LAG,
            r.getDouble(2),
            now,
            "max(replay_lag) over " + r.getLong(1) + " replicas in pg_stat_replication");
      }
    } catch (SQLException e) {
      if (privilege(e)) {
        unseen.add(
            new Unseen(
                "database.replica_lag",
                "GRANT pg_monitor TO the collector's role (pg_stat_replication)"));
        return;
      }
      throw failed("reading pg_stat_replication", e);
    }
  }

  private void slowest(Adder add, ObservationWindow now) {
    if (!hasStatements()) {
      unseen.add(
          new Unseen(
              "database.slowest_query",
              "pg_stat_statements (shared_preload_libraries = 'pg_stat_statements'; CREATE EXTENSION pg_stat_statements)"));
      return;
    }
    String sql =
        "SELECT mean_exec_time, calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 80),"
            + " total_exec_time / nullif(sum(total_exec_time) OVER (), 0)"
            + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
            + " WHERE d.datname = current_database() AND calls >= ? ORDER BY mean_exec_time DESC LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, FREQUENT_CALLS);
      try (ResultSet r = ps.executeQuery()) {
        if (r.next()) {
          add.put(
              Metric.SLOWEST_QUERY,
              r.getDouble(1) / 1000.0,
              now,
              "pg_stat_statements, slowest mean among statements with >= "
                  + FREQUENT_CALLS
                  + " calls since reset: \""
                  + r.getString(3)
                  + "\" ("
                  + r.getLong(2)
                  + " calls)");
        } else {
          unseen.add(
              new Unseen(
                  "database.slowest_query",
                  "statements with at least " + FREQUENT_CALLS + " calls in pg_stat_statements"));
        }
      }
    } catch (SQLException e) {
      if (privilege(e)) {
        unseen.add(
            new Unseen(
                "database.slowest_query",
                "GRANT pg_read_all_stats (or pg_monitor) TO the collector's role"));
        return;
      }
      throw failed("reading pg_stat_statements", e);
    }
  }

  private Boolean statements;

  private boolean hasStatements() {
    if (statements == null) {
      statements =
          longQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'") > 0;
    }
    return statements;
  }

  private static boolean privilege(SQLException e) {
    return "42501".equals(e.getSQLState());
  }

  private long longQuery(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private double doubleQuery(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private long nonNegative(long delta, String counter) {
    if (delta < 0) {
      throw new CollectionException(
          target.redacted()
              + ": "
              + counter
              + " went back during the window (statistics reset or a restart); collect again");
    }
    return delta;
  }

  private CollectionException failed(String what, SQLException e) {
    return new CollectionException(
        target.redacted()
            + ": failed "
            + what
            + " ("
            + redact(e.getMessage(), target)
            + ")"
            + (privilege(e) ? "; GRANT pg_monitor TO the collector's role" : ""),
        e);
  }

  @FunctionalInterface
  private interface Adder {
    void put(Metric m, double value, ObservationWindow w, String how);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // a read-only session has nothing to lose on a failed close
    }
  }
}
