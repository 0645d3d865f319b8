package dev.headroom.collect.postgres;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.CollectionWindow;
import dev.headroom.collect.DatabaseLevels;
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

  static final int LONG_RUNNING_SECONDS = DatabaseLevels.LONG_RUNNING_SECONDS;

  /**
   * A table "needs an index" when it has more than this many sequential scans (the catalogue's
   * seq_scan_tables, D3: read from pg_stat_user_tables, not the index view)…
   */
  static final long SEQ_SCANS = 10_000;

  /** …and index scans are under this share of its scans (pghero's missing-index level, 95%). */
  static final double INDEX_SCAN_SHARE = 0.95;

  /**
   * …and it holds at least this many live rows: a sequential scan is the right plan for a small
   * table (pghero's missing-index check, n_live_tup >= 10000; ADVISOR-CHECKS §1).
   */
  static final long SEQ_SCAN_MIN_ROWS = 10_000;

  /** pg_stat_statements' statements counted as frequent (the catalogue's slowest_query). */
  static final long FREQUENT_CALLS = DatabaseLevels.FREQUENT_CALLS;

  /**
   * Statements that are not queries: transaction control and session settings. pg_stat_statements
   * tracks them (track_utility), and the driver's read-only mode wraps each statement in BEGIN READ
   * ONLY … COMMIT, so counting them would double queries per transaction (M2 counts queries).
   */
  static final String NOT_A_QUERY =
      "^\\s*(begin|start|commit|end|rollback|abort|savepoint|release|prepare transaction|set|reset|show|discard)(\\s|;|$)";

  /** Each reading of {@link #counters()} is one statement in one transaction of its own. */
  private static final int OWN_STATEMENTS_PER_READING = 1;

  /** Transaction ids run out at 2^31 (PostgreSQL's modulo-2^32 comparison; ADVISOR-CHECKS §1). */
  static final double XID_RANGE = Math.pow(2, 31);

  /** Indexes and sequences named in a how, at most (the count is always complete). */
  private static final int NAMED = 5;

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

  /**
   * pg_stat_database's counters for this database (and pg_stat_statements' calls), now, read by one
   * statement: so exactly one of the collector's own statements and transactions falls between two
   * readings, which {@link #evidence} takes out of queries per transaction.
   */
  public Counters counters() {
    boolean withStatements = hasStatements();
    String sql =
        "SELECT xact_commit + xact_rollback, tup_fetched, tup_inserted, tup_updated, tup_deleted,"
            + " (SELECT coalesce(sum(heap_blks_hit + coalesce(idx_blks_hit, 0)), 0) FROM pg_statio_user_tables),"
            + " (SELECT coalesce(sum(heap_blks_read + coalesce(idx_blks_read, 0)), 0) FROM pg_statio_user_tables),"
            + (withStatements
                ? " (SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                    + " WHERE d.datname = current_database() AND query !~* '"
                    + NOT_A_QUERY
                    + "')"
                : " NULL")
            + " FROM pg_stat_database WHERE datname = current_database()";
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      long calls = r.getLong(8);
      Optional<Long> statements = r.wasNull() ? Optional.empty() : Optional.of(calls);
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
    CollectionWindow.await(window, target);
    return evidence(first, counters(), component);
  }

  /** The evidence two counter readings and the gauges read now give. */
  public EvidenceFile evidence(Counters a, Counters b, String component) {
    unseen.clear();
    double seconds = (b.nanoTime() - a.nanoTime()) / 1e9;
    ObservationWindow window = CollectionWindow.between(a.at(), a.nanoTime(), b.nanoTime());
    Instant end = window.end();
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
          "change of sum(calls) in pg_stat_statements for this database over the window / its length"
              + " (transaction control and SET/SHOW left out; this collector's included)");
      queriesPerTransaction(add, window, calls, tx);
    } else {
      unseen.add(
          new Unseen(
              "database.qps",
              "pg_stat_statements (shared_preload_libraries = 'pg_stat_statements'; CREATE EXTENSION pg_stat_statements)"));
      unseen.add(
          new Unseen(
              "database.queries_per_transaction",
              "pg_stat_statements (shared_preload_libraries = 'pg_stat_statements'; CREATE EXTENSION pg_stat_statements)"));
    }
    gauges(add, now);
    // one reading is one moment: growth needs a size series over weeks, which no view keeps
    unseen.add(
        new Unseen(
            "database.database_growth",
            "a series of database sizes over weeks (PostgreSQL keeps none): scrape pg_database_size_bytes"
                + " with postgres_exporter into Prometheus, or store pg_database_size() daily"));
    return new EvidenceFile(
        target.redacted(), COLLECTOR, end, target.redacted(), obs, List.of(), unseen);
  }

  /**
   * Queries per transaction over the window: Δcalls / Δtransactions, less the one statement and
   * transaction of the collector's own first reading that fall inside it. Every transaction holds
   * at least one query and a request's transactions do not span requests, so this is a lower bound
   * of the queries a database-using request issues (INVENTORY M2).
   */
  private void queriesPerTransaction(Adder add, ObservationWindow window, long calls, long tx) {
    long theirCalls = Math.max(0, calls - OWN_STATEMENTS_PER_READING);
    long theirTx = tx - OWN_STATEMENTS_PER_READING;
    if (theirTx <= 0) {
      unseen.add(
          new Unseen(
              "database.queries_per_transaction",
              "transactions by other sessions during the window: collect at a busier time or with a longer --window"));
      return;
    }
    add.put(
        Metric.QUERIES_PER_TRANSACTION,
        (double) theirCalls / theirTx,
        window,
        "change of sum(calls) in pg_stat_statements (transaction control and SET/SHOW left out) / change of"
            + " xact_commit + xact_rollback over the window, the collector's own left out: "
            + theirCalls
            + " statements in "
            + theirTx
            + " transactions");
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
    unusedIndexes(add, now);
    duplicateIndexes(add, now);
    inactiveSlots(add, now);
    wraparound(add, now);
    sequences(add, now);
  }

  /**
   * Non-unique indexes with idx_scan = 0 since the statistics were reset, largest first (pghero's
   * unused-index check, ADVISOR-CHECKS §1); unique ones enforce a constraint and are never unused.
   */
  private void unusedIndexes(Adder add, ObservationWindow now) {
    String sql =
        "SELECT s.schemaname || '.' || s.indexrelname, s.relname, pg_relation_size(s.indexrelid),"
            + " (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database())"
            + " FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid"
            + " WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary"
            + " ORDER BY 3 DESC, 1";
    List<String> names = new ArrayList<>();
    long bytes = 0;
    String since = "statistics were reset";
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        long size = r.getLong(3);
        bytes += size;
        names.add(r.getString(1) + " on " + r.getString(2) + " (" + Units.formatBytes(size) + ")");
        if (r.getString(4) != null) {
          since = "statistics were reset at " + r.getString(4);
        }
      }
    } catch (SQLException e) {
      throw failed("reading pg_stat_user_indexes", e);
    }
    add.put(
        Metric.UNUSED_INDEXES,
        names.size(),
        now,
        "pg_stat_user_indexes: non-unique indexes with idx_scan = 0 since the "
            + since
            + " (check replicas before dropping: their scans are counted there)"
            + named(names));
    add.put(
        Metric.UNUSED_INDEX_SIZE,
        bytes,
        now,
        "sum of pg_relation_size over the " + names.size() + " unused indexes");
  }

  /**
   * Indexes another index makes redundant (pghero's duplicate-index rule, ADVISOR-CHECKS §1): a
   * valid, non-unique index on the same table with the same access method, expressions and
   * predicate whose key columns and operator classes are a leading prefix of the other's key
   * columns. An index with INCLUDE columns is never the covered one; of two identical non-unique
   * indexes, the later one is named.
   */
  private void duplicateIndexes(Adder add, ObservationWindow now) {
    String sql =
        "SELECT DISTINCT ON (a.indexrelid) a.indexrelid::regclass::text, b.indexrelid::regclass::text,"
            + " pg_relation_size(a.indexrelid)"
            + " FROM pg_index a JOIN pg_index b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid"
            + " JOIN pg_class ca ON ca.oid = a.indexrelid JOIN pg_class cb ON cb.oid = b.indexrelid"
            + " JOIN pg_namespace n ON n.oid = ca.relnamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            + " AND a.indisvalid AND b.indisvalid AND NOT a.indisunique AND NOT a.indisprimary"
            + " AND ca.relam = cb.relam AND a.indnatts = a.indnkeyatts AND a.indnatts <= b.indnkeyatts"
            + " AND (b.indkey::text = a.indkey::text OR b.indkey::text LIKE a.indkey::text || ' %')"
            + " AND (b.indclass::text = a.indclass::text OR b.indclass::text LIKE a.indclass::text || ' %')"
            + " AND pg_get_expr(a.indexprs, a.indrelid) IS NOT DISTINCT FROM pg_get_expr(b.indexprs, b.indrelid)"
            + " AND pg_get_expr(a.indpred, a.indrelid) IS NOT DISTINCT FROM pg_get_expr(b.indpred, b.indrelid)"
            + " AND NOT (b.indkey::text = a.indkey::text AND NOT b.indisunique AND b.indexrelid > a.indexrelid)"
            + " ORDER BY a.indexrelid, b.indisunique DESC, b.indexrelid";
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        names.add(
            r.getString(1)
                + " (covered by "
                + r.getString(2)
                + "; "
                + Units.formatBytes(r.getLong(3))
                + ")");
      }
    } catch (SQLException e) {
      throw failed("reading pg_index", e);
    }
    add.put(
        Metric.DUPLICATE_INDEXES,
        names.size(),
        now,
        "pg_index: non-unique indexes whose key columns are a leading prefix of another index on the"
            + " same table with the same method, expressions and predicate"
            + named(names));
  }

  /**
   * Replication slots no client reads, with the WAL they hold back (pghero's inactive-slot check,
   * ADVISOR-CHECKS §1): on a primary from pg_current_wal_lsn(), on a replica from the replayed LSN.
   */
  private void inactiveSlots(Adder add, ObservationWindow now) {
    String sql =
        "SELECT slot_name || ' (' || slot_type || ')', coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery()"
            + " THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END, restart_lsn), 0)::bigint"
            + " FROM pg_replication_slots WHERE NOT active ORDER BY 2 DESC, 1";
    List<String> names = new ArrayList<>();
    long bytes = 0;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        long kept = Math.max(0, r.getLong(2));
        bytes += kept;
        names.add(r.getString(1) + " keeps " + Units.formatBytes(kept));
      }
    } catch (SQLException e) {
      throw failed("reading pg_replication_slots", e);
    }
    add.put(
        Metric.INACTIVE_REPLICATION_SLOTS,
        names.size(),
        now,
        "pg_replication_slots WHERE NOT active" + named(names));
    add.put(
        Metric.INACTIVE_SLOT_WAL,
        bytes,
        now,
        "sum of pg_wal_lsn_diff(current LSN, restart_lsn) over the "
            + names.size()
            + " inactive slots");
  }

  /**
   * The oldest unfrozen transaction id of any database in the cluster, as a share of the 2^31 ids a
   * comparison can span: wraparound is cluster-wide, so every database counts, not only this one.
   */
  private void wraparound(Adder add, ObservationWindow now) {
    String sql = "SELECT datname, age(datfrozenxid) FROM pg_database ORDER BY 2 DESC, 1 LIMIT 1";
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      long age = r.getLong(2);
      add.put(
          Metric.XID_WRAPAROUND,
          age / XID_RANGE,
          now,
          "max(age(datfrozenxid)) FROM pg_database / 2^31: "
              + age
              + " transaction ids in "
              + r.getString(1));
    } catch (SQLException e) {
      throw failed("reading pg_database", e);
    }
  }

  /**
   * The sequence nearest its end (pghero's sequence check, ADVISOR-CHECKS §1): last_value against
   * the smaller of its own max_value and the maximum of the column it feeds (an integer column fed
   * by a bigint sequence overflows at 2^31 - 1). Descending sequences are left out. pg_sequences
   * hides last_value from a role without SELECT or USAGE on the sequence, which pg_monitor does not
   * grant: then the figure would understate, so it is not evaluated and the grant is named.
   */
  private void sequences(Adder add, ObservationWindow now) {
    String sql =
        "SELECT q.schemaname || '.' || q.sequencename,"
            + " has_sequence_privilege(c.oid, 'SELECT') OR has_sequence_privilege(c.oid, 'USAGE'),"
            + " coalesce(q.last_value, 0),"
            + " least(q.max_value, CASE (SELECT a.atttypid FROM pg_depend d JOIN pg_attribute a"
            + " ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid WHERE d.classid = 'pg_class'::regclass"
            + " AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)"
            + " WHEN 'smallint'::regtype THEN 32767 WHEN 'integer'::regtype THEN 2147483647"
            + " ELSE 9223372036854775807 END)"
            + " FROM pg_sequences q JOIN pg_namespace n ON n.nspname = q.schemaname"
            + " JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = q.sequencename"
            + " WHERE q.increment_by > 0";
    List<String> hidden = new ArrayList<>();
    String worst = "";
    double share = 0;
    int readable = 0;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        if (!r.getBoolean(2)) {
          hidden.add(r.getString(1));
          continue;
        }
        readable++;
        double used = r.getDouble(3) / r.getDouble(4);
        if (used > share || worst.isEmpty()) {
          share = used;
          worst = r.getString(1) + " at " + r.getLong(3) + " of " + r.getLong(4);
        }
      }
    } catch (SQLException e) {
      throw failed("reading pg_sequences", e);
    }
    if (!hidden.isEmpty()) {
      unseen.add(
          new Unseen(
              "database.sequence_usage",
              "the last values of "
                  + hidden.size()
                  + " sequence(s) the collector's role may not read (pg_monitor does not cover"
                  + " them): GRANT SELECT ON ALL SEQUENCES IN SCHEMA <schema> TO <role>, or GRANT"
                  + " pg_read_all_data (PostgreSQL 14+); first: "
                  + String.join(", ", hidden.subList(0, Math.min(NAMED, hidden.size())))));
      return;
    }
    add.put(
        Metric.SEQUENCE_USAGE,
        share,
        now,
        "pg_sequences: the largest last_value / least(max_value, the owning column type's maximum) over "
            + readable
            + " ascending sequence(s)"
            + (worst.isEmpty() ? "" : ": " + worst));
  }

  /** ": a, b, c and 4 more", or nothing for an empty list. */
  private static String named(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
    return ": " + shown + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
  }

  private void seqScanTables(Adder add, ObservationWindow now) {
    String sql =
        "SELECT schemaname || '.' || relname FROM pg_stat_user_tables WHERE seq_scan > ?"
            + " AND coalesce(idx_scan, 0)::float8 / (seq_scan + coalesce(idx_scan, 0)) < ?"
            + " AND n_live_tup >= ? ORDER BY seq_scan DESC";
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, SEQ_SCANS);
      ps.setDouble(2, INDEX_SCAN_SHARE);
      ps.setLong(3, SEQ_SCAN_MIN_ROWS);
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
            + "% of scans, at least "
            + SEQ_SCAN_MIN_ROWS
            + " live rows (D3; pghero)"
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
            + (privilege(e) ? "; GRANT pg_monitor TO the collector's role" : "")
            + (lost(e)
                ? "; the connection was lost during the collection (did the server stop or"
                    + " restart?): nothing was collected, collect again"
                : ""),
        e);
  }

  /** Connection failures (class 08) and shutdowns (57P01-57P03): the server went away. */
  private static boolean lost(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.startsWith("57P");
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
