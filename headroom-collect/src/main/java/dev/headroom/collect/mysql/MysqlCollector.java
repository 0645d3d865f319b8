package dev.headroom.collect.mysql;

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
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects a MySQL or MariaDB server's evidence. The session is read-only three ways: {@code SET
 * SESSION TRANSACTION READ ONLY} (every later transaction, autocommit statements included, refuses
 * writes), the driver's read-only flag, and a guard in this class that lets out only {@code SELECT}
 * and {@code SHOW} statements besides the fixed {@code SET SESSION} lines that set the session up.
 * Every statement is bounded by the server's own limit ({@code max_statement_time} on MariaDB,
 * {@code max_execution_time} on MySQL) and by the driver's socket timeout; metadata-lock waits by
 * {@code lock_wait_timeout}. What a missing privilege or a disabled performance_schema hides
 * becomes a "not evaluated" entry that names the grant or setting.
 *
 * <p>Counters are {@code SHOW GLOBAL STATUS}, read twice a window apart. This class counts the
 * statements it sends itself, so the statement rate excludes them: {@code Questions} counts a
 * statement when it starts, so the second read counts itself.
 */
public final class MysqlCollector implements AutoCloseable {

  /** What the evidence file names as its producer. */
  public static final String COLLECTOR = "mysql global status and performance_schema";

  public static final int DEFAULT_PORT = 3306;

  static final int LONG_RUNNING_SECONDS = DatabaseLevels.LONG_RUNNING_SECONDS;

  static final long FREQUENT_CALLS = DatabaseLevels.FREQUENT_CALLS;

  /** How many digests the how of slowest_query names, by total time (MySQLTuner lists 15). */
  static final int TOP_DIGESTS = 5;

  /** How many unused indexes the how names; the count covers them all. */
  static final int NAMED_INDEXES = 10;

  /** Waiting for a metadata lock is never worth it for a collector: give up at once-ish. */
  private static final int LOCK_WAIT_SECONDS = 1;

  /** performance_schema's timers count picoseconds. */
  private static final double PICOSECONDS = 1e12;

  /** Which server answers: the statement time limit is named differently in each. */
  public enum Flavor {
    MARIADB,
    MYSQL
  }

  /**
   * How the connection uses TLS: the driver's sslMode. Credentials of someone else's production
   * server should not cross a network in the clear, so the default verifies the certificate and the
   * host name; a weaker mode is the user's explicit choice.
   */
  public enum Tls {
    /** TLS, certificate and host name verified (the default). */
    VERIFY("verify-full"),
    /** TLS, any certificate (a self-signed one, as MariaDB 11 servers make for themselves). */
    TRUST("trust"),
    /** TLS when the server offers it, else plain (the mysql client's own default). */
    PREFER("allow"),
    /** No TLS (a server on this machine or a trusted network). */
    OFF("disable");

    private final String sslMode;

    Tls(String sslMode) {
      this.sslMode = sslMode;
    }

    /** The driver's sslMode value. */
    public String sslMode() {
      return sslMode;
    }
  }

  /** The server's error codes for a missing privilege (MySQL/MariaDB error reference). */
  private static final Set<Integer> DENIED =
      Set.of(
          1044, // ER_DBACCESS_DENIED_ERROR
          1142, // ER_TABLEACCESS_DENIED_ERROR
          1143, // ER_COLUMNACCESS_DENIED_ERROR
          1227); // ER_SPECIFIC_ACCESS_DENIED_ERROR

  /** ER_PARSE_ERROR: SHOW REPLICA STATUS on a server older than MySQL 8.0.22 / MariaDB 10.5.1. */
  private static final int PARSE_ERROR = 1064;

  /** ER_NO_SUCH_TABLE. */
  private static final int NO_SUCH_TABLE = 1146;

  private static final Pattern READ_ONLY =
      Pattern.compile("^(SELECT|SHOW)\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern SESSION_SETUP =
      Pattern.compile("^SET SESSION [A-Za-z_ ]+( = [0-9.]+)?$");

  /**
   * The {@code SHOW GLOBAL STATUS} counters at one instant.
   *
   * @param nanoTime {@link System#nanoTime()} when they were read, for the window's length
   * @param ownStatements how many statements this collector had sent, that read included
   */
  public record Status(Instant at, long nanoTime, Map<String, Long> counters, long ownStatements) {
    public Status {
      java.util.Objects.requireNonNull(at, "at");
      counters = Map.copyOf(counters);
      if (ownStatements < 0) {
        throw new IllegalArgumentException("ownStatements must be >= 0, got " + ownStatements);
      }
    }

    /** The counter {@code name}; 0 when this server version does not have it. */
    public long get(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }

  private final Connection connection;
  private final Target target;
  private final Clock clock;
  private final Flavor flavor;
  private final List<Unseen> unseen = new ArrayList<>();
  private long own;

  private MysqlCollector(Connection connection, Target target, Clock clock, Flavor flavor) {
    this.connection = connection;
    this.target = target;
    this.clock = clock;
    this.flavor = flavor;
  }

  /**
   * Connects read-only over verified TLS within {@code timeout}, every statement bounded by it too.
   *
   * @throws CollectionException for an unreachable server, a refused login or a missing database
   */
  public static MysqlCollector connect(Target target, Duration timeout, Clock clock) {
    return connect(target, timeout, clock, Tls.VERIFY);
  }

  /**
   * Connects read-only with {@code tls} within {@code timeout}, every statement bounded by it too.
   *
   * @throws CollectionException for an unreachable server, a refused login, a missing database or
   *     TLS the server does not offer or a certificate that cannot be verified
   */
  public static MysqlCollector connect(Target target, Duration timeout, Clock clock, Tls tls) {
    Properties p = new Properties();
    p.setProperty("sslMode", tls.sslMode());
    if (!target.user().isEmpty()) {
      p.setProperty("user", target.user());
    }
    if (!target.password().isEmpty()) {
      p.setProperty("password", target.password().value());
    }
    long millis = Math.max(1, timeout.toMillis());
    p.setProperty("connectTimeout", Long.toString(millis));
    // a statement may take the whole limit on the server; the reply gets the same again
    p.setProperty("socketTimeout", Long.toString(millis * 2));
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    String url = "jdbc:mariadb://" + host + ":" + target.port() + "/" + target.database();
    Connection c = null;
    try {
      c = DriverManager.getConnection(url, p);
      String version = c.getMetaData().getDatabaseProductVersion();
      Flavor flavor =
          version.toLowerCase(Locale.ROOT).contains("mariadb") ? Flavor.MARIADB : Flavor.MYSQL;
      MysqlCollector m = new MysqlCollector(c, target, clock, flavor);
      m.session("SET SESSION TRANSACTION READ ONLY");
      if (flavor == Flavor.MARIADB) {
        // seconds, with a fraction (MariaDB: max_statement_time)
        m.session(
            "SET SESSION max_statement_time = "
                + String.format(Locale.ROOT, "%.3f", millis / 1000.0));
      } else {
        m.session("SET SESSION max_execution_time = " + millis);
      }
      m.session("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
      c.setReadOnly(true);
      return m;
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // the connection is being given up anyway
        }
      }
      throw new CollectionException(
          target.redacted() + ": cannot connect (" + redact(e.getMessage(), target) + ")" + hint(e),
          e);
    }
  }

  /** MariaDB or MySQL, from the server's version string. */
  public Flavor flavor() {
    return flavor;
  }

  private static String hint(SQLException e) {
    int code = e.getErrorCode();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (code == 1045 || state.equals("28000")) {
      return "; check the user and the password (the URL, MYSQL_PWD or [client] password= in"
          + " ~/.my.cnf)";
    }
    if (code == 1049) {
      return "; check the database name at the end of the URL";
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("ssl not enabled")) {
      return "; the server does not offer TLS: --tls off (or prefer) if the network between is"
          + " trusted";
    }
    if (message.contains("certificate") || message.contains("pkix")) {
      return "; the server's certificate cannot be verified: add its CA to the Java trust store,"
          + " or --tls trust";
    }
    if (code == 1130) {
      return "; the server does not accept this user from this host (CREATE USER ...@'host')";
    }
    if (state.startsWith("08") || code == 0) {
      return "; check the host and port, and that the server accepts connections from here";
    }
    return "";
  }

  /** The driver's messages may quote the connection string; the password never goes out. */
  private static String redact(String message, Target t) {
    String m = message == null ? "" : message;
    return t.password().isEmpty() ? m : m.replace(t.password().value(), "***");
  }

  /** The only way a statement that is not a read leaves this class: fixed session settings. */
  private void session(String sql) throws SQLException {
    if (!SESSION_SETUP.matcher(sql).matches()) {
      throw new IllegalStateException("not a session setting: " + sql);
    }
    try (Statement s = connection.createStatement()) {
      own++;
      s.execute(sql);
    }
  }

  /** Runs a read; anything else is refused before it reaches the server. */
  private ResultSet read(Statement s, String sql) throws SQLException {
    if (!READ_ONLY.matcher(sql).find()) {
      throw new IllegalStateException("the collector sends only SELECT and SHOW, not: " + sql);
    }
    own++;
    return s.executeQuery(sql);
  }

  /** {@code SHOW GLOBAL STATUS}, now: the numeric counters and gauges. */
  public Status status() {
    Map<String, Long> counters = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = read(s, "SHOW GLOBAL STATUS")) {
      long nano = System.nanoTime();
      Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      while (r.next()) {
        String value = r.getString(2);
        if (value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
          try {
            counters.put(r.getString(1), Long.parseLong(value));
          } catch (NumberFormatException tooLarge) {
            // past a long: not a counter this collector reads
          }
        }
      }
      return new Status(at, nano, counters, own);
    } catch (SQLException e) {
      throw failed("reading SHOW GLOBAL STATUS", e);
    }
  }

  /** Reads, waits {@code window}, reads again, and turns the two into evidence. */
  public EvidenceFile collect(Duration window, String component) {
    Status first = status();
    CollectionWindow.await(window, target);
    return evidence(first, status(), component);
  }

  /** The evidence two status readings and the gauges read now give. */
  public EvidenceFile evidence(Status a, Status b, String component) {
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

    // statements this collector sent after the first read, the second read included
    long mine = b.ownStatements() - a.ownStatements();
    long questions = Math.max(0, delta(a, b, "Questions") - mine);
    add.put(
        Metric.QUERIES_PER_SECOND,
        questions / seconds,
        window,
        "(change of Questions - this collector's "
            + mine
            + " statement(s)) / the window, SHOW GLOBAL STATUS: "
            + questions
            + " statements in "
            + Units.format(seconds, 4)
            + " s");
    readWriteMix(a, b, add, window);
    bufferPool(a, b, add, window, now);
    // on MariaDB each SHOW GLOBAL STATUS builds one in-memory temporary table: the second read's
    // is the collector's own, and on a quiet server it would be the only one ("0 of 1")
    long ownTmp = flavor == Flavor.MARIADB ? 1 : 0;
    ratio(
        add,
        Metric.TMP_DISK_TABLE_RATIO,
        delta(a, b, "Created_tmp_disk_tables"),
        Math.max(0, delta(a, b, "Created_tmp_tables") - ownTmp),
        window,
        "change of Created_tmp_disk_tables / change of Created_tmp_tables (less the "
            + ownTmp
            + " in-memory one of this collector's status read) over the window, SHOW GLOBAL STATUS"
            + " (MySQLTuner's check):",
        "on disk",
        "internal temporary tables created during the window: collect at a busier time or with a"
            + " longer --window");
    ratio(
        add,
        Metric.SLOW_QUERY_RATIO,
        delta(a, b, "Slow_queries"),
        questions,
        window,
        "change of Slow_queries / statements (Questions less this collector's) over the window,"
            + " SHOW GLOBAL STATUS, slow meaning over long_query_time = "
            + longQueryTime()
            + " s:",
        "slow",
        "statements during the window: collect at a busier time or with a longer --window");
    gauges(b, add, now);
    return new EvidenceFile(
        target.redacted(), COLLECTOR, end, target.redacted(), obs, List.of(), unseen);
  }

  /** The statement mix (Com_*, MySQLTuner's "workload mix") and the row mix (Innodb_rows_*). */
  private void readWriteMix(Status a, Status b, Adder add, ObservationWindow window) {
    long selects = delta(a, b, "Com_select");
    long writes = 0;
    for (String w :
        List.of(
            "Com_insert",
            "Com_insert_select",
            "Com_update",
            "Com_update_multi",
            "Com_delete",
            "Com_delete_multi",
            "Com_replace",
            "Com_replace_select")) {
      writes += delta(a, b, w);
    }
    if (selects + writes > 0) {
      add.put(
          Metric.READ_RATIO,
          (double) selects / (selects + writes),
          window,
          "change of Com_select / (Com_select + Com_insert, Com_update, Com_delete, Com_replace and"
              + " their multi-table and ...SELECT forms) over the window, SHOW GLOBAL STATUS: "
              + selects
              + " selects, "
              + writes
              + " writes");
    } else {
      unseen.add(
          new Unseen(
              "database.read_ratio",
              "SELECT, INSERT, UPDATE, DELETE or REPLACE statements during the window: collect at a"
                  + " busier time or with a longer --window"));
    }
    if (!b.counters().containsKey("Innodb_rows_read")) {
      // MariaDB 10.6 and later dropped the Innodb_rows_* counters
      unseen.add(
          new Unseen(
              "database.row_read_ratio",
              "the Innodb_rows_* counters, which this server does not have (MariaDB 10.6 and later);"
                  + " read_ratio gives the statement mix"));
      return;
    }
    long rowsRead = delta(a, b, "Innodb_rows_read");
    long rowsWritten =
        delta(a, b, "Innodb_rows_inserted")
            + delta(a, b, "Innodb_rows_updated")
            + delta(a, b, "Innodb_rows_deleted");
    if (rowsRead + rowsWritten > 0) {
      add.put(
          Metric.ROW_READ_RATIO,
          (double) rowsRead / (rowsRead + rowsWritten),
          window,
          "change of Innodb_rows_read / (Innodb_rows_read + Innodb_rows_inserted + Innodb_rows_updated"
              + " + Innodb_rows_deleted) over the window, SHOW GLOBAL STATUS: "
              + rowsRead
              + " InnoDB rows read, "
              + rowsWritten
              + " written");
    } else {
      unseen.add(
          new Unseen(
              "database.row_read_ratio",
              "InnoDB rows read or written during the window: collect at a busier time or with a"
                  + " longer --window"));
    }
  }

  /**
   * The InnoDB buffer pool's hit rate, 1 - reads / read_requests: {@code Innodb_buffer_pool_reads}
   * are the logical reads ({@code _read_requests}) the pool could not serve and went to disk for
   * (MySQL reference manual, Server Status Variables). MySQLTuner's read efficiency (ADVISOR-CHECKS
   * section 4) divides by requests + reads instead, which is within a fraction of a percent of this
   * at any rate worth reporting.
   */
  private void bufferPool(Status a, Status b, Adder add, ObservationWindow w, ObservationWindow n) {
    long requests = delta(a, b, "Innodb_buffer_pool_read_requests");
    long reads = delta(a, b, "Innodb_buffer_pool_reads");
    if (requests > 0) {
      add.put(
          Metric.BUFFER_HIT_RATIO,
          1 - Math.min(1.0, (double) reads / requests),
          w,
          "1 - change of Innodb_buffer_pool_reads / change of Innodb_buffer_pool_read_requests over"
              + " the window, SHOW GLOBAL STATUS: "
              + requests
              + " logical reads, "
              + reads
              + " from disk");
    } else if (b.get("Innodb_buffer_pool_read_requests") > 0) {
      add.put(
          Metric.BUFFER_HIT_RATIO,
          1
              - Math.min(
                  1.0,
                  (double) b.get("Innodb_buffer_pool_reads")
                      / b.get("Innodb_buffer_pool_read_requests")),
          n,
          "1 - Innodb_buffer_pool_reads / Innodb_buffer_pool_read_requests since the server started"
              + " (no InnoDB reads in the window), SHOW GLOBAL STATUS");
    } else {
      unseen.add(
          new Unseen(
              "database.buffer_hit_ratio",
              "InnoDB reads (Innodb_buffer_pool_read_requests shows none yet)"));
    }
  }

  private void ratio(
      Adder add,
      Metric metric,
      long part,
      long whole,
      ObservationWindow window,
      String how,
      String partName,
      String needs) {
    if (whole > 0) {
      add.put(
          metric,
          Math.min(1.0, (double) part / whole),
          window,
          how + " " + part + " " + partName + " of " + whole);
    } else {
      unseen.add(new Unseen("database." + metric.key(), needs));
    }
  }

  private String longQueryTime() {
    return single("SELECT @@long_query_time");
  }

  private void gauges(Status b, Adder add, ObservationWindow now) {
    long max = Long.parseLong(single("SELECT @@max_connections"));
    add.put(Metric.MEASURED_MAX_CONNECTIONS, max, now, "SELECT @@max_connections");
    long connected = b.get("Threads_connected");
    add.put(
        Metric.CONNECTIONS_IN_USE,
        Math.max(0, connected - 1),
        now,
        "Threads_connected less this collector's connection, SHOW GLOBAL STATUS; the most at once"
            + " since the server started (Max_used_connections): "
            + b.get("Max_used_connections")
            + " of max_connections "
            + max);
    longRunning(add, now);
    boolean schema = "1".equals(single("SELECT @@performance_schema"));
    if (!schema) {
      String needs =
          "performance_schema = ON in the server's option file ([mysqld] section; read at start, so"
              + " it takes a restart)";
      unseen.add(new Unseen("database.slowest_query", needs));
      unseen.add(new Unseen("database.unused_indexes", needs));
    } else {
      digests(add, now);
      unusedIndexes(add, now);
    }
    replication(add, now);
  }

  private void longRunning(Adder add, ObservationWindow now) {
    // without PROCESS the process list shows only this user's threads: a count would be silently
    // low, so it is not made
    long process =
        Long.parseLong(
            single(
                "SELECT count(*) FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE ="
                    + " 'PROCESS'"));
    if (process == 0) {
      unseen.add(
          new Unseen(
              "database.long_running_queries",
              "GRANT PROCESS ON *.* TO " + grantee() + " (to see other users' statements)"));
      return;
    }
    String sql =
        "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
            + " AND COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump', 'Binlog Dump GTID',"
            + " 'Connect', 'Killed') AND USER NOT IN ('system user', 'event_scheduler')"
            + " AND TIME > "
            + LONG_RUNNING_SECONDS;
    add.put(
        Metric.LONG_RUNNING_QUERIES,
        Long.parseLong(single(sql)),
        now,
        "information_schema.PROCESSLIST: statements running for more than "
            + LONG_RUNNING_SECONDS
            + " s (pghero's level), replication and daemon threads left out");
  }

  /** The statement digests ranked by total time (MySQLTuner's mysql_pfs, ADVISOR-CHECKS 4). */
  private void digests(Adder add, ObservationWindow now) {
    String top =
        "SELECT DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT, AVG_TIMER_WAIT,"
            + " SUM_TIMER_WAIT / NULLIF((SELECT SUM(SUM_TIMER_WAIT) FROM"
            + " performance_schema.events_statements_summary_by_digest), 0)"
            + " FROM performance_schema.events_statements_summary_by_digest"
            + " WHERE DIGEST_TEXT IS NOT NULL ORDER BY SUM_TIMER_WAIT DESC LIMIT "
            + TOP_DIGESTS;
    String slowest =
        "SELECT AVG_TIMER_WAIT, COUNT_STAR, DIGEST_TEXT"
            + " FROM performance_schema.events_statements_summary_by_digest"
            + " WHERE DIGEST_TEXT IS NOT NULL AND COUNT_STAR >= "
            + FREQUENT_CALLS
            + " ORDER BY AVG_TIMER_WAIT DESC LIMIT 1";
    List<String> named = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      try (ResultSet r = read(s, top)) {
        while (r.next()) {
          named.add(
              "\""
                  + shorten(r.getString(1))
                  + "\" "
                  + Units.format(r.getDouble(5) * 100, 3)
                  + "% of the time, "
                  + r.getLong(2)
                  + " calls, mean "
                  + Units.format(r.getDouble(4) / PICOSECONDS, Metric.SLOWEST_QUERY.dimension()));
        }
      }
      try (ResultSet r = read(s, slowest)) {
        if (r.next()) {
          add.put(
              Metric.SLOWEST_QUERY,
              r.getDouble(1) / PICOSECONDS,
              now,
              "performance_schema.events_statements_summary_by_digest since reset, slowest mean"
                  + " among digests with >= "
                  + FREQUENT_CALLS
                  + " calls: \""
                  + shorten(r.getString(3))
                  + "\" ("
                  + r.getLong(2)
                  + " calls); the most total time (SUM_TIMER_WAIT, share of all): "
                  + String.join("; ", named));
        } else {
          unseen.add(
              new Unseen(
                  "database.slowest_query",
                  "statement digests with at least "
                      + FREQUENT_CALLS
                      + " calls in performance_schema.events_statements_summary_by_digest"
                      + " (the consumer statements_digest must be enabled)"
                      + (named.isEmpty() ? "" : "; the most total time so far: " + named.get(0))));
        }
      }
    } catch (SQLException e) {
      if (denied(e) || missing(e)) {
        unseen.add(
            new Unseen(
                "database.slowest_query",
                missing(e)
                    ? "performance_schema.events_statements_summary_by_digest, which this server"
                        + " does not have (MySQL 5.6 / MariaDB 10.0 and later)"
                    : performanceSchemaGrant()));
        return;
      }
      throw failed("reading performance_schema.events_statements_summary_by_digest", e);
    }
  }

  /**
   * Indexes with no reads or writes through them since the server started: the rows of
   * performance_schema.table_io_waits_summary_by_index_usage with COUNT_STAR = 0, which is what
   * sys.schema_unused_indexes shows (and MySQLTuner's query, ADVISOR-CHECKS section 4); read from
   * performance_schema itself so that no grant on sys is needed.
   */
  private void unusedIndexes(Adder add, ObservationWindow now) {
    String sql =
        "SELECT OBJECT_SCHEMA, OBJECT_NAME, INDEX_NAME"
            + " FROM performance_schema.table_io_waits_summary_by_index_usage"
            + " WHERE INDEX_NAME IS NOT NULL AND INDEX_NAME <> 'PRIMARY' AND COUNT_STAR = 0"
            + " AND OBJECT_SCHEMA NOT IN ('mysql', 'performance_schema', 'sys', 'information_schema')"
            + " ORDER BY OBJECT_SCHEMA, OBJECT_NAME, INDEX_NAME";
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = read(s, sql)) {
      while (r.next()) {
        names.add(r.getString(1) + "." + r.getString(2) + "." + r.getString(3));
      }
    } catch (SQLException e) {
      if (denied(e) || missing(e)) {
        unseen.add(
            new Unseen(
                "database.unused_indexes",
                missing(e)
                    ? "performance_schema.table_io_waits_summary_by_index_usage, which this server"
                        + " does not have (MySQL 5.6 / MariaDB 10.0 and later)"
                    : performanceSchemaGrant()));
        return;
      }
      throw failed("reading performance_schema.table_io_waits_summary_by_index_usage", e);
    }
    add.put(
        Metric.UNUSED_INDEXES,
        names.size(),
        now,
        "performance_schema.table_io_waits_summary_by_index_usage: indexes other than PRIMARY with"
            + " COUNT_STAR = 0 since the server started (as sys.schema_unused_indexes)"
            + (names.isEmpty()
                ? ""
                : ": "
                    + String.join(", ", names.subList(0, Math.min(NAMED_INDEXES, names.size())))
                    + (names.size() > NAMED_INDEXES ? ", …" : "")));
  }

  private void replication(Adder add, ObservationWindow now) {
    try (Statement s = connection.createStatement()) {
      ResultSet r;
      try {
        r = read(s, "SHOW REPLICA STATUS");
      } catch (SQLException e) {
        if (e.getErrorCode() != PARSE_ERROR) {
          throw e;
        }
        r = read(s, "SHOW SLAVE STATUS"); // before MySQL 8.0.22 and MariaDB 10.5.1
      }
      try (ResultSet rows = r) {
        if (!rows.next()) {
          return; // not a replica: no lag to report on this server
        }
        ResultSetMetaData md = rows.getMetaData();
        int column = 0;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String label = md.getColumnLabel(i);
          if (label.equalsIgnoreCase("Seconds_Behind_Source")
              || label.equalsIgnoreCase("Seconds_Behind_Master")) {
            column = i;
          }
        }
        long lag = column == 0 ? 0 : rows.getLong(column);
        if (column == 0 || rows.wasNull()) {
          unseen.add(
              new Unseen(
                  "database.replica_lag",
                  "running replication threads (Seconds_Behind_Source is NULL: START REPLICA, or"
                      + " see Last_IO_Error and Last_SQL_Error in SHOW REPLICA STATUS)"));
          return;
        }
        add.put(
            Metric.REPLICA_LAG,
            lag,
            now,
            "Seconds_Behind_Source (Seconds_Behind_Master) in SHOW REPLICA STATUS on this replica");
      }
    } catch (SQLException e) {
      if (denied(e)) {
        unseen.add(
            new Unseen(
                "database.replica_lag",
                "GRANT "
                    + (flavor == Flavor.MARIADB ? "SLAVE MONITOR" : "REPLICATION CLIENT")
                    + " ON *.* TO "
                    + grantee()
                    + " (to read SHOW REPLICA STATUS)"));
        return;
      }
      throw failed("reading SHOW REPLICA STATUS", e);
    }
  }

  private String performanceSchemaGrant() {
    return "GRANT SELECT ON performance_schema.* TO " + grantee();
  }

  /** {@code 'monitor'@'%'}-like, for the grant a not-evaluated entry names. */
  private String grantee() {
    return "'" + (target.user().isEmpty() ? "<user>" : target.user()) + "'@'<host>'";
  }

  private static String shorten(String digest) {
    String oneLine = digest == null ? "" : digest.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
  }

  private static boolean denied(SQLException e) {
    return DENIED.contains(e.getErrorCode());
  }

  private static boolean missing(SQLException e) {
    return e.getErrorCode() == NO_SUCH_TABLE;
  }

  private String single(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet r = read(s, sql)) {
      r.next();
      return Optional.ofNullable(r.getString(1)).orElse("");
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private long delta(Status a, Status b, String counter) {
    long d = b.get(counter) - a.get(counter);
    if (d < 0) {
      throw new CollectionException(
          target.redacted()
              + ": "
              + counter
              + " went back during the window (FLUSH STATUS or a restart); collect again");
    }
    return d;
  }

  private CollectionException failed(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String why =
        state.startsWith("08")
            ? "; the server closed the connection or went away: collect again when it is up"
            : e.getErrorCode() == 1969 || e.getErrorCode() == 3024
                ? "; the statement hit the time limit (--timeout)"
                : "";
    return new CollectionException(
        target.redacted() + ": failed " + what + " (" + redact(e.getMessage(), target) + ")" + why,
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
