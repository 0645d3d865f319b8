package dev.headroom.analysis.rules;

import static dev.headroom.analysis.rules.RuleContext.above;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Threshold;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about databases: load, connections, queries, replication and data size. */
final class DatabaseRules {

  private DatabaseRules() {}

  static List<Rule> all() {
    return List.of(
        new Rule(
            "HR-DB-001",
            Layer.DATABASE,
            "Database CPU is high",
            "A database above 70% CPU is the first sign the single server is outgrown; above 85% it has no headroom"
                + " for peaks. What helps depends on the read/write mix.",
            List.of("M3", "S5", "D2", "D5", "X1"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.70, "M3", "CPU target 70%"),
                new Threshold("critical", Dimension.RATIO, 0.85, "M3", "CPU warning level 85%"),
                new Threshold(
                    "read_heavy", Dimension.RATIO, 0.80, "P8", "read-heavy from 80% reads"),
                new Threshold(
                    "write_heavy",
                    Dimension.RATIO,
                    0.50,
                    "D5",
                    "write-heavy when at most 50% of operations read (headroom's reading of D5)")),
            List.of(
                "<db>.cpu",
                "read share (workload.read_ratio or <db>.read_ratio) to choose the remedy"),
            List.of(
                "optimize-queries",
                "add-indexes",
                "add-read-replicas",
                "add-app-cache",
                "partition-tables",
                "add-connection-pooler"),
            DatabaseRules::cpu),
        new Rule(
            "HR-DB-002",
            Layer.DATABASE,
            "Database connections are near the limit",
            "Connections in use above half the server's limit leave little room for bursts and failovers; above 80%"
                + " new connections start failing at peaks.",
            List.of("M4", "D3", "P11"),
            List.of(
                new Threshold("warning", Dimension.RATIO, 0.50, "M4", "below 50% of the limit"),
                new Threshold("critical", Dimension.RATIO, 0.80, "M4", "warning above 80%")),
            List.of("<db>.connections_in_use", "<db>.max_connections"),
            List.of("add-connection-pooler", "resize-pools"),
            DatabaseRules::connections),
        new Rule(
            "HR-DB-003",
            Layer.DATABASE,
            "Too many queries per request (N+1)",
            "More than 10 queries per request usually means a loop issuing one query per item (N+1); over 20 it"
                + " dominates response time and database load. Fix the code before scaling anything.",
            List.of("M2", "X2", "X3"),
            List.of(
                new Threshold(
                    "warning", Dimension.NUMBER, 10, "M2", "below 10 queries per request"),
                new Threshold("critical", Dimension.NUMBER, 20, "M2", "warning above 20")),
            List.of("workload.queries_per_request"),
            List.of("fix-n-plus-one", "add-app-cache"),
            DatabaseRules::queriesPerRequest),
        new Rule(
            "HR-DB-004",
            Layer.DATABASE,
            "Slow queries",
            "A frequent query taking over 100 ms is a sign of a missing index or a bad plan, and a trigger for"
                + " leaving the startup stage.",
            List.of("S5", "D3", "X1", "X3"),
            List.of(
                new Threshold(
                    "warning", Dimension.DURATION, 0.100, "S5", "single queries over 100 ms")),
            List.of("<db>.slowest_query"),
            List.of("add-indexes", "optimize-queries"),
            DatabaseRules::slowQueries),
        new Rule(
            "HR-DB-005",
            Layer.DATABASE,
            "Tables read by sequential scans",
            "Large tables scanned sequentially more than 10,000 times lack an index for a hot query"
                + " (pg_stat_user_tables, not pg_stat_user_indexes).",
            List.of("D3", "D3.resolve", "X1"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.COUNT,
                    0,
                    "D3",
                    "any table with over 10,000 sequential scans")),
            List.of("<db>.seq_scan_tables"),
            List.of("add-indexes"),
            DatabaseRules::seqScans),
        new Rule(
            "HR-DB-006",
            Layer.DATABASE,
            "Replicas fall behind",
            "Replica lag above 1 s means reads from replicas are stale and replicas cannot keep up with writes: a"
                + " sign the growth stage is outgrown.",
            List.of("M9", "S6"),
            List.of(new Threshold("warning", Dimension.DURATION, 1.0, "M9", "alert above 1 s")),
            List.of("<db>.replica_lag on a database with replicas"),
            List.of("optimize-queries", "partition-tables", "scale-vertically"),
            DatabaseRules::replicaLag),
        new Rule(
            "HR-DB-007",
            Layer.DATABASE,
            "Read-heavy primary without replicas",
            "When most operations read and the primary is busy, read replicas (and a cache) take the load off it;"
                + " replicas add 3-10x read throughput.",
            List.of("P8", "D5", "C3", "C7"),
            List.of(
                new Threshold(
                    "read_share", Dimension.RATIO, 0.80, "P8", "add replicas from 80% reads"),
                new Threshold(
                    "cpu", Dimension.RATIO, 0.70, "M3", "the primary is busy above 70% CPU")),
            List.of("read share", "<db>.cpu"),
            List.of("add-read-replicas", "add-app-cache"),
            DatabaseRules::readHeavy),
        new Rule(
            "HR-DB-008",
            Layer.DATABASE,
            "Writes overwhelm the primary",
            "Replicas and caches do not help writes. A write-heavy primary near its limit needs query work first,"
                + " then partitioning inside the database, and sharding only as the last resort.",
            List.of("S6", "D5", "P9", "P10"),
            List.of(
                new Threshold(
                    "read_share",
                    Dimension.RATIO,
                    0.50,
                    "D5",
                    "write-heavy when at most 50% of operations read"),
                new Threshold("cpu", Dimension.RATIO, 0.70, "S5", "primary CPU above 70%")),
            List.of("read share", "<db>.cpu"),
            List.of("optimize-queries", "partition-tables", "shard-database"),
            DatabaseRules::writeHeavy),
        new Rule(
            "HR-DB-009",
            Layer.DATABASE,
            "App pools can open more connections than the database allows",
            "Every app instance opens its own pool; instances x pool size across all clients must fit under the"
                + " database's max_connections, or scaling out the app makes the database refuse connections.",
            List.of("C2", "M4", "P11"),
            List.of(
                new Threshold(
                    "warning", Dimension.RATIO, 0.80, "M4", "pools above 80% of max_connections"),
                new Threshold(
                    "critical", Dimension.RATIO, 1.00, "M4", "pools above max_connections")),
            List.of("<app>.pool.size and <app>.instances for every client", "<db>.max_connections"),
            List.of("add-connection-pooler", "resize-pools"),
            DatabaseRules::poolsVsLimit),
        new Rule(
            "HR-DB-010",
            Layer.DATABASE,
            "Pools larger than the database can use",
            "A database works best with about cores x 2 + spindles active connections; bigger pools only queue"
                + " inside the database and waste memory.",
            List.of("C2", "P11"),
            List.of(
                new Threshold(
                    "factor",
                    Dimension.MULTIPLIER,
                    2,
                    "C2",
                    "warn when a pool is over twice the C2 size (headroom's tolerance)")),
            List.of("<app>.pool.size", "<db>.vcpu"),
            List.of("resize-pools"),
            DatabaseRules::poolsVsCores),
        new Rule(
            "HR-DB-011",
            Layer.DATABASE,
            "Data size calls for partitioning",
            "Beyond about 10 TB (billions of rows) a single database gets hard to maintain; partition big tables"
                + " first and shard only when writes demand it.",
            List.of("P9", "P10"),
            List.of(
                new Threshold("warning", Dimension.DATA_SIZE, 10e12, "P9", "data over 10 TB"),
                new Threshold(
                    "write_heavy",
                    Dimension.RATIO,
                    0.50,
                    "D5",
                    "shard only a write-heavy database: at most 50% of operations read")),
            List.of("workload.data_size"),
            List.of("partition-tables", "shard-database"),
            DatabaseRules::dataSize),
        // PostgreSQL collector's health checks (issue 10; pghero's levels, ADVISOR-CHECKS §1)
        new Rule(
            "HR-DB-012",
            Layer.DATABASE,
            "Unused indexes",
            "An index no query has scanned since the statistics were reset still costs every write and"
                + " takes memory and disk; pghero lists those of 10 MB and more.",
            List.of("D3", "X3"),
            List.of(
                new Threshold(
                    "size",
                    Dimension.DATA_SIZE,
                    UNUSED_INDEX_BYTES,
                    "D3",
                    "pghero's unused_index_megabytes, 10 MB (ADVISOR-CHECKS §1)")),
            List.of("<db>.unused_indexes", "<db>.unused_index_size when measured"),
            List.of("database-maintenance"),
            DatabaseRules::unusedIndexes),
        new Rule(
            "HR-DB-013",
            Layer.DATABASE,
            "Duplicate indexes",
            "An index whose columns lead another index of the same kind on the same table answers no"
                + " query the other cannot; it only slows writes.",
            List.of("D3", "X3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.COUNT,
                    0,
                    "D3",
                    "pghero lists any duplicate index (ADVISOR-CHECKS §1)")),
            List.of("<db>.duplicate_indexes"),
            List.of("database-maintenance"),
            DatabaseRules::duplicateIndexes),
        new Rule(
            "HR-DB-014",
            Layer.DATABASE,
            "Inactive replication slots",
            "A slot no client reads keeps every WAL segment since its position: the disk fills until the"
                + " primary stops.",
            List.of("D3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.COUNT,
                    0,
                    "D3",
                    "pghero flags any inactive slot (ADVISOR-CHECKS §1)")),
            List.of("<db>.inactive_replication_slots", "<db>.inactive_slot_wal when measured"),
            List.of("database-maintenance"),
            DatabaseRules::inactiveSlots),
        new Rule(
            "HR-DB-015",
            Layer.DATABASE,
            "Transaction-id wraparound approaches",
            "PostgreSQL compares transaction ids modulo 2^32, so rows must be frozen before their ids are"
                + " 2^31 old; near that it stops taking writes. Autovacuum normally keeps the age near"
                + " autovacuum_freeze_max_age (200 million, 9% of 2^31); far above, freezing falls behind.",
            List.of("D3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    PGHERO_XID_WARNING,
                    "D3",
                    "pghero lists tables with under 1.5 billion ids left of 2,146,483,648 (ADVISOR-CHECKS §1)"),
                new Threshold(
                    "critical",
                    Dimension.RATIO,
                    0.80,
                    "D3",
                    "pganalyze's txid_wraparound critical level, 80% (ADVISOR-CHECKS §3)")),
            List.of("<db>.xid_wraparound"),
            List.of("database-maintenance"),
            DatabaseRules::wraparound),
        new Rule(
            "HR-DB-016",
            Layer.DATABASE,
            "Sequences near exhaustion",
            "When a sequence (or the integer column it feeds) reaches its maximum, every insert fails;"
                + " widening a big table's column takes a long rewrite, so it must start early.",
            List.of("D3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.90,
                    "D3",
                    "pghero: last_value over 90% of the column type's maximum (ADVISOR-CHECKS §1)")),
            List.of("<db>.sequence_usage"),
            List.of("database-maintenance"),
            DatabaseRules::sequences),
        new Rule(
            "HR-DB-017",
            Layer.DATABASE,
            "Many queries per transaction (N+1)",
            "A transaction belongs to one request, so queries per transaction is a lower bound of the"
                + " queries a request that uses the database issues: above 10 it points at N+1 loops (M2)"
                + " even when no one has counted queries per request.",
            List.of("M2", "X3"),
            List.of(
                new Threshold(
                    "warning", Dimension.NUMBER, 10, "M2", "below 10 queries per request"),
                new Threshold("critical", Dimension.NUMBER, 20, "M2", "warning above 20")),
            List.of("<db>.queries_per_transaction"),
            List.of("fix-n-plus-one"),
            DatabaseRules::queriesPerTransaction),
        // MySQL / MariaDB (ids from 020 keep clear of the PostgreSQL checks numbered after 011)
        new Rule(
            "HR-DB-020",
            Layer.DATABASE,
            "Temporary tables spill to disk",
            "When many of the server's internal temporary tables (GROUP BY, DISTINCT, UNION, sorts)"
                + " outgrow memory they are written to disk, and those queries slow down by the disk's"
                + " latency; shrink the result sets or give the temporary tables more memory.",
            List.of("D3", "X3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.25,
                    "D3",
                    "MySQLTuner: over 25% of temporary tables on disk (ADVISOR-CHECKS section 4)")),
            List.of("<db>.tmp_disk_table_ratio (MySQL/MariaDB)"),
            List.of("optimize-queries", "add-indexes"),
            DatabaseRules::tmpDiskTables),
        new Rule(
            "HR-DB-021",
            Layer.DATABASE,
            "Many statements are slow",
            "A high share of statements over the server's long_query_time means slow queries are a"
                + " habit of the workload, not an accident: read the slow log and fix the worst first.",
            List.of("S5", "X3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.05,
                    "X3",
                    "MySQLTuner: over 5% of questions slow (ADVISOR-CHECKS section 4)")),
            List.of("<db>.slow_query_ratio (MySQL/MariaDB)"),
            List.of("optimize-queries", "add-indexes"),
            DatabaseRules::slowQueryShare),
        new Rule(
            "HR-DB-018",
            Layer.DATABASE,
            "Reads miss the buffer cache",
            "When fewer than 99% of table and index block reads come from the database's own buffer"
                + " cache, the hot data no longer fits in memory and queries wait on the disk; give"
                + " the database more memory or read less (indexes, narrower queries).",
            List.of("D4", "X3"),
            List.of(
                new Threshold(
                    "warning",
                    Dimension.RATIO,
                    0.99,
                    "D4",
                    "pghero: table and index hit rates below 99% (ADVISOR-CHECKS sections 1 and 10;"
                        + " MySQLTuner's InnoDB read efficiency uses the same level)")),
            List.of("<db>.buffer_hit_ratio when measured"),
            List.of("scale-vertically", "add-indexes"),
            DatabaseRules::bufferHits));
  }

  /**
   * The buffer cache's hit ratio (pg_statio_user_tables; InnoDB buffer-pool reads) below pghero's
   * 99%. Only a collector measures it, so a database without the figure is not a gap: silent.
   */
  private static void bufferHits(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Figure> hit = ctx.measured(db, Metric.BUFFER_HIT_RATIO);
      if (hit.isEmpty()) {
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (hit.get().value() < t.value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            "Only "
                + hit.get().formatted()
                + " of "
                + db.name()
                + "'s block reads come from its buffer cache (below "
                + t.formatted()
                + "): the hot data outgrows its memory and reads wait on the disk.",
            List.of(
                new Evidence(db.fact(Metric.BUFFER_HIT_RATIO.key()), hit.get()),
                new Evidence("threshold", t)),
            List.of("scale-vertically", "add-indexes"));
      }
    }
  }

  /** pghero's unused_index_megabytes: 10 MB in Rails' binary megabytes (ADVISOR-CHECKS §1). */
  static final double UNUSED_INDEX_BYTES = 10 * 1024 * 1024;

  /**
   * pghero lists a table when fewer than 1.5e9 transaction ids are left of its 2,146,483,648
   * (ADVISOR-CHECKS §1): an age of 646,483,648, here as a share of 2^31 (0.301).
   */
  static final double PGHERO_XID_WARNING = (2_146_483_648.0 - 1.5e9) / 2_147_483_648.0;

  private static void unusedIndexes(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("unused_indexes"));
      if (f.isEmpty()) {
        continue;
      }
      Figure n = f.get().get(db.fact("unused_indexes"));
      if (n.value() <= 0) {
        continue;
      }
      Optional<Figure> size = ctx.measured(db, Metric.UNUSED_INDEX_SIZE);
      Figure t = ctx.threshold("size");
      List<Evidence> ev = new ArrayList<>(List.of(new Evidence(db.fact("unused_indexes"), n)));
      String what;
      if (size.isPresent()) {
        if (size.get().value() < t.value()) {
          continue; // small ones are noise: new tables, rarely used features (pghero's cut)
        }
        ev.add(new Evidence(db.fact("unused_index_size"), size.get()));
        ev.add(new Evidence("listed from", t));
        what = " hold " + size.get().formatted() + " (listed from " + t.formatted() + ")";
      } else {
        what = " (their size is not measured)";
      }
      ctx.finding(
          Severity.WARNING,
          db,
          n.formatted()
              + " index(es) on "
              + db.name()
              + " were never scanned since the statistics were reset"
              + what
              + ": every write still updates them. Drop them once the replicas confirm they are"
              + " unused there too.",
          ev,
          List.of("database-maintenance"));
    }
  }

  private static void duplicateIndexes(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      if (!postgresOrUnsaid(db)) {
        continue; // a PostgreSQL-only check: another engine has nothing to measure
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("duplicate_indexes"));
      if (f.isEmpty()) {
        continue;
      }
      Figure n = f.get().get(db.fact("duplicate_indexes"));
      if (n.value() > ctx.threshold("warning").value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            n.formatted()
                + " index(es) on "
                + db.name()
                + " are covered by another index on the same columns: drop the covered one.",
            List.of(new Evidence(db.fact("duplicate_indexes"), n)),
            List.of("database-maintenance"));
      }
    }
  }

  private static void inactiveSlots(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      if (!postgresOrUnsaid(db)) {
        continue; // a PostgreSQL-only check: another engine has nothing to measure
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("inactive_replication_slots"));
      if (f.isEmpty()) {
        continue;
      }
      Figure n = f.get().get(db.fact("inactive_replication_slots"));
      if (n.value() <= ctx.threshold("warning").value()) {
        continue;
      }
      List<Evidence> ev =
          new ArrayList<>(List.of(new Evidence(db.fact("inactive_replication_slots"), n)));
      Optional<Figure> wal = ctx.measured(db, Metric.INACTIVE_SLOT_WAL);
      wal.ifPresent(w -> ev.add(new Evidence(db.fact("inactive_slot_wal"), w)));
      ctx.finding(
          Severity.WARNING,
          db,
          n.formatted()
              + " replication slot(s) on "
              + db.name()
              + " have no reader"
              + wal.map(w -> " and keep " + w.formatted() + " of WAL").orElse("")
              + ": reconnect their standby or drop them with pg_drop_replication_slot before the disk"
              + " fills.",
          ev,
          List.of("database-maintenance"));
    }
  }

  private static void wraparound(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      if (!postgresOrUnsaid(db)) {
        continue; // a PostgreSQL-only check: another engine has nothing to measure
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("xid_wraparound"));
      if (f.isEmpty()) {
        continue;
      }
      Figure used = f.get().get(db.fact("xid_wraparound"));
      Figure warn = ctx.threshold("warning");
      Figure crit = ctx.threshold("critical");
      Optional<Severity> sev = above(used.value(), warn.value(), crit.value());
      sev.ifPresent(
          s ->
              ctx.finding(
                  s,
                  db,
                  "The oldest unfrozen transaction id on "
                      + db.name()
                      + " has used "
                      + used.formatted()
                      + " of the 2^31 before wraparound: autovacuum is not freezing fast enough;"
                      + " raise autovacuum_vacuum_cost_limit or run VACUUM (FREEZE) on the oldest"
                      + " tables.",
                  List.of(
                      new Evidence(db.fact("xid_wraparound"), used),
                      new Evidence(
                          s == Severity.CRITICAL ? "critical above" : "warning above",
                          s == Severity.CRITICAL ? crit : warn)),
                  List.of("database-maintenance")));
    }
  }

  private static void sequences(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      if (!postgresOrUnsaid(db)) {
        continue; // a PostgreSQL-only check: another engine has nothing to measure
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("sequence_usage"));
      if (f.isEmpty()) {
        continue;
      }
      Figure used = f.get().get(db.fact("sequence_usage"));
      Figure t = ctx.threshold("warning");
      if (used.value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            "A sequence on "
                + db.name()
                + " has used "
                + used.formatted()
                + " of its range (over "
                + t.formatted()
                + "): change its column to bigint before inserts start failing.",
            List.of(new Evidence(db.fact("sequence_usage"), used), new Evidence("threshold", t)),
            List.of("database-maintenance"));
      }
    }
  }

  private static void queriesPerTransaction(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      if (ctx.measured(db, Metric.QUERIES_PER_TRANSACTION).isEmpty()
          && ctx.declared("workload.queries_per_request").isPresent()) {
        continue; // HR-DB-003 judges the queries per request themselves: nothing is missing
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("queries_per_transaction"));
      if (f.isEmpty()) {
        continue;
      }
      Figure qpt = f.get().get(db.fact("queries_per_transaction"));
      Optional<Severity> sev =
          above(qpt.value(), ctx.threshold("warning").value(), ctx.threshold("critical").value());
      sev.ifPresent(
          s ->
              ctx.finding(
                  s,
                  db,
                  "Transactions on "
                      + db.name()
                      + " issue "
                      + qpt.formatted()
                      + " queries each: requests that use them issue at least as many, likely N+1"
                      + " loops.",
                  List.of(
                      new Evidence(db.fact("queries_per_transaction"), qpt),
                      new Evidence(
                          s == Severity.CRITICAL ? "critical above" : "warning above",
                          ctx.threshold(s == Severity.CRITICAL ? "critical" : "warning"))),
                  List.of("fix-n-plus-one")));
    }
  }

  /**
   * MySQLTuner's temporary-tables-on-disk check (Created_tmp_disk_tables / Created_tmp_tables,
   * ADVISOR-CHECKS section 4). The ratio exists only on MySQL and MariaDB, so a database without it
   * is not a gap to report: the rule is silent there.
   */
  private static void tmpDiskTables(RuleContext ctx) {
    shareAbove(
        ctx,
        Metric.TMP_DISK_TABLE_RATIO,
        (db, share, t) ->
            share.formatted()
                + " of the temporary tables on "
                + db.name()
                + " went to disk (warning above "
                + t.formatted()
                + "): the queries behind them (GROUP BY, DISTINCT, ORDER BY on large results) need"
                + " indexes or smaller results, or tmp_table_size and max_heap_table_size need raising.");
  }

  /** MySQLTuner's slow-query check (Slow_queries / Questions, ADVISOR-CHECKS section 4). */
  private static void slowQueryShare(RuleContext ctx) {
    shareAbove(
        ctx,
        Metric.SLOW_QUERY_RATIO,
        (db, share, t) ->
            share.formatted()
                + " of the statements on "
                + db.name()
                + " ran longer than long_query_time (warning above "
                + t.formatted()
                + "): read the slow query log and fix the statements that take the most time.");
  }

  @FunctionalInterface
  private interface ShareMessage {
    String text(Component db, Figure share, Figure threshold);
  }

  private static void shareAbove(RuleContext ctx, Metric metric, ShareMessage message) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Figure> share = ctx.measured(db, metric);
      if (share.isEmpty()) {
        continue;
      }
      Figure t = ctx.threshold("warning");
      if (share.get().value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            message.text(db, share.get(), t),
            List.of(new Evidence(db.fact(metric.key()), share.get()), new Evidence("threshold", t)),
            List.of("optimize-queries", "add-indexes"));
      }
    }
  }

  /**
   * Slots, wraparound, sequences and pghero's duplicate-index rule are PostgreSQL's: a database
   * declared as another engine (mysql, mariadb, …) is not a gap to list for them.
   */
  private static boolean postgresOrUnsaid(Component db) {
    return db.setting("engine")
        .map(e -> e.toLowerCase(java.util.Locale.ROOT).contains("postgres"))
        .orElse(true);
  }

  private static void cpu(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("cpu"));
      if (f.isEmpty()) {
        continue;
      }
      Figure cpu = f.get().get(db.fact("cpu"));
      Figure warn = ctx.threshold("warning");
      Figure crit = ctx.threshold("critical");
      Optional<Severity> sev = above(cpu.value(), warn.value(), crit.value());
      if (sev.isEmpty()) {
        continue;
      }
      List<Evidence> ev =
          new ArrayList<>(
              List.of(
                  new Evidence(db.fact("cpu"), cpu),
                  new Evidence(
                      sev.get() == Severity.CRITICAL ? "critical above" : "warning above",
                      sev.get() == Severity.CRITICAL ? crit : warn)));
      Optional<Figure> read = ctx.view().readRatio(db);
      List<String> actions;
      String mix;
      if (read.isEmpty()) {
        actions = List.of("optimize-queries", "add-indexes");
        mix =
            "the read/write mix is unknown (declare workload.read_ratio to choose between replicas and partitioning)";
      } else {
        ev.add(new Evidence("read share", read.get()));
        if (read.get().value() >= ctx.threshold("read_heavy").value()) {
          actions = new ArrayList<>();
          if (!indexedWell(ctx, db)) {
            actions.add("add-indexes");
          }
          if (!ctx.view().has(ComponentKind.CACHE)) {
            actions.add("add-app-cache");
          }
          if (ctx.view().replicaCount(db) == 0 || actions.isEmpty()) {
            actions.add(
                "add-read-replicas"); // with indexes, cache and replicas in place: more replicas
            // (C3)
          }
          mix =
              "read-heavy ("
                  + read.get().formatted()
                  + " reads): replicas and a cache take reads off it (D5)";
        } else if (read.get().value() <= ctx.threshold("write_heavy").value()) {
          actions = List.of("optimize-queries", "partition-tables");
          mix = "write-heavy (" + read.get().formatted() + " reads): replicas will not help (D5)";
        } else {
          actions = List.of("optimize-queries", "add-indexes", "add-connection-pooler");
          mix =
              "balanced ("
                  + read.get().formatted()
                  + " reads): queries, indexes and pooling first (D5)";
        }
      }
      ctx.finding(
          sev.get(),
          db,
          db.name() + " runs at " + cpu.formatted() + " CPU; " + mix + ".",
          ev,
          actions);
    }
  }

  private static void connections(RuleContext ctx) {
    for (Component db : ctx.view().primaries()) {
      Optional<Map<String, Figure>> f =
          ctx.require(db, db.fact("connections_in_use"), db.fact("max_connections"));
      if (f.isEmpty()) {
        continue;
      }
      Figure inUse = f.get().get(db.fact("connections_in_use"));
      Figure max = f.get().get(db.fact("max_connections"));
      double share = inUse.value() / max.value();
      Optional<Severity> sev =
          above(share, ctx.threshold("warning").value(), ctx.threshold("critical").value());
      double declaredPools = 0;
      boolean allDeclared = true;
      for (Component client : ctx.view().clientsOf(db)) {
        Optional<Figure> size = ctx.declared(client, "pool.size");
        // the gap names another client only when every pool is fully known: an undeclared
        // instance count (the reader's default of one) would invent one
        Optional<Figure> n =
            ctx.declared(client, "autoscaling.max").or(() -> ctx.declared(client, "instances"));
        allDeclared &= size.isPresent() && n.isPresent();
        declaredPools += size.map(Figure::value).orElse(0.0) * n.map(Figure::value).orElse(0.0);
      }
      String gap =
          allDeclared && declaredPools > 0 && inUse.value() > declaredPools
              ? " The declared app pools open at most "
                  + Units.format(declaredPools, 6)
                  + ": another client (a"
                  + " worker, a cron job, an admin tool, idle sessions) holds the rest; find it in pg_stat_activity."
              : "";
      sev.ifPresent(
          s ->
              ctx.finding(
                  s,
                  db,
                  db.name()
                      + " has "
                      + inUse.formatted()
                      + " of "
                      + max.formatted()
                      + " connections in use ("
                      + Units.format(share * 100, 3)
                      + "%)."
                      + gap,
                  List.of(
                      new Evidence(db.fact("connections_in_use"), inUse),
                      new Evidence(db.fact("max_connections"), max),
                      new Evidence(
                          "share in use",
                          new Figure(
                              share,
                              Dimension.RATIO,
                              new Provenance.Derived(
                                  "connections_in_use / max_connections", List.of())))),
                  poolerActions(db)));
    }
  }

  private static void queriesPerRequest(RuleContext ctx) {
    if (ctx.view().primaries().isEmpty()) {
      return;
    }
    Optional<Map<String, Figure>> f = ctx.require(null, "workload.queries_per_request");
    if (f.isEmpty()) {
      return;
    }
    Figure qpr = f.get().get("workload.queries_per_request");
    Optional<Severity> sev =
        above(qpr.value(), ctx.threshold("warning").value(), ctx.threshold("critical").value());
    if (sev.isEmpty()) {
      return;
    }
    List<Evidence> ev = new ArrayList<>(List.of(new Evidence("queries per request", qpr)));
    String extra = "";
    Optional<Figure> p95 = ctx.measured(Metric.LATENCY_P95);
    if (p95.isPresent()) {
      ev.add(new Evidence("latency_p95", p95.get()));
      Figure optimiseFirst = ctx.threshold("HR-APP-009", "critical"); // X2's 2 s, one setting
      if (p95.get().value() > optimiseFirst.value()) {
        extra =
            " With p95 at "
                + p95.get().formatted()
                + " (over "
                + optimiseFirst.formatted()
                + "), optimise before scaling (X2).";
      }
    }
    ctx.finding(
        sev.get(),
        null,
        "Each request issues "
            + qpr.formatted()
            + " database queries on average: likely N+1 loops."
            + extra,
        ev,
        ctx.view().has(ComponentKind.CACHE)
            ? List.of("fix-n-plus-one")
            : List.of("fix-n-plus-one", "add-app-cache"));
  }

  private static void slowQueries(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("slowest_query"));
      if (f.isEmpty()) {
        continue;
      }
      Figure slow = f.get().get(db.fact("slowest_query"));
      Figure t = ctx.threshold("warning");
      if (slow.value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            "The slowest frequent query on "
                + db.name()
                + " takes "
                + slow.formatted()
                + ", over "
                + t.formatted()
                + ".",
            List.of(new Evidence(db.fact("slowest_query"), slow), new Evidence("threshold", t)),
            List.of("add-indexes", "optimize-queries"));
      }
    }
  }

  private static void seqScans(RuleContext ctx) {
    for (Component db : ctx.view().primaries()) {
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("seq_scan_tables"));
      if (f.isEmpty()) {
        continue;
      }
      Figure n = f.get().get(db.fact("seq_scan_tables"));
      if (n.value() > ctx.threshold("warning").value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            n.formatted()
                + " table(s) on "
                + db.name()
                + " are read by sequential scans more than 10,000 times.",
            List.of(new Evidence(db.fact("seq_scan_tables"), n)),
            List.of("add-indexes"));
      }
    }
  }

  private static void replicaLag(RuleContext ctx) {
    for (Component db : ctx.view().spec().components(ComponentKind.DATABASE)) {
      boolean hasReplicas = db.isReplica() || ctx.view().replicaCount(db) > 0;
      if (!hasReplicas && ctx.measured(db, Metric.REPLICA_LAG).isEmpty()) {
        continue;
      }
      Optional<Map<String, Figure>> f = ctx.require(db, db.fact("replica_lag"));
      if (f.isEmpty()) {
        continue;
      }
      Figure lag = f.get().get(db.fact("replica_lag"));
      Figure t = ctx.threshold("warning");
      if (lag.value() > t.value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            "Replication behind "
                + db.name()
                + " lags "
                + lag.formatted()
                + " (alert above "
                + t.formatted()
                + "; 100-500 ms is normal).",
            List.of(new Evidence(db.fact("replica_lag"), lag), new Evidence("threshold", t)),
            List.of("optimize-queries", "partition-tables", "scale-vertically"));
      }
    }
  }

  private static void readHeavy(RuleContext ctx) {
    for (Component db : ctx.view().primaries()) {
      if (ctx.view().replicaCount(db) > 0) {
        continue;
      }
      Optional<Figure> read = ctx.view().readRatio(db);
      Optional<Figure> cpu = ctx.measured(db, Metric.CPU);
      if (read.isEmpty() || cpu.isEmpty()) {
        List<String> needs = new ArrayList<>();
        List<String> how = new ArrayList<>();
        if (read.isEmpty()) {
          needs.add("workload.read_ratio");
          how.add(ctx.howTo("workload.read_ratio"));
        }
        if (cpu.isEmpty()) {
          needs.add(db.fact("cpu"));
          how.add(ctx.howTo(db.fact("cpu")));
        }
        ctx.notEvaluated(db, needs, how);
        continue;
      }
      if (read.get().value() >= ctx.threshold("read_share").value()
          && cpu.get().value() > ctx.threshold("cpu").value()) {
        ctx.finding(
            Severity.WARNING,
            db,
            db.name()
                + " serves "
                + read.get().formatted()
                + " reads at "
                + cpu.get().formatted()
                + " CPU with no read replica.",
            List.of(
                new Evidence("read share", read.get()),
                new Evidence(db.fact("cpu"), cpu.get()),
                new Evidence(
                    "replicas",
                    new Figure(
                        0,
                        Dimension.COUNT,
                        new Provenance.Derived(
                            "read replicas listed for " + db.name() + " in the system file",
                            List.of("none listed"))))),
            ctx.view().has(ComponentKind.CACHE)
                ? List.of("add-read-replicas")
                : List.of("add-read-replicas", "add-app-cache"));
      }
    }
  }

  /**
   * Whether measurements show the indexes are fine: the slowest frequent query within HR-DB-004's
   * level (S5's 100 ms) and no more sequentially scanned tables than HR-DB-005 allows. Without that
   * measurement, indexes stay the first step of the slow-database ladder (X1). The levels are those
   * rules' thresholds, so an override moves this choice with their findings.
   */
  private static boolean indexedWell(RuleContext ctx, Component db) {
    Optional<Figure> slow = ctx.measured(db, Metric.SLOWEST_QUERY);
    Optional<Figure> scans = ctx.measured(db, Metric.SEQ_SCAN_TABLES);
    double slowAt = ctx.threshold("HR-DB-004", "warning").value();
    double scansAt = ctx.threshold("HR-DB-005", "warning").value();
    return slow.isPresent()
        && slow.get().value() <= slowAt
        && scans.map(s -> s.value() <= scansAt).orElse(true);
  }

  private static void writeHeavy(RuleContext ctx) {
    for (Component db : ctx.view().primaries()) {
      Optional<Figure> read = ctx.view().readRatio(db);
      Optional<Figure> cpu = ctx.measured(db, Metric.CPU);
      if (read.isEmpty() || cpu.isEmpty()) {
        continue; // HR-DB-007 already lists the same missing data
      }
      if (read.get().value() <= ctx.threshold("read_share").value()
          && cpu.get().value() > ctx.threshold("cpu").value()) {
        List<String> actions = new ArrayList<>(List.of("optimize-queries", "partition-tables"));
        boolean partitioned = db.flag("partitioned");
        Optional<Figure> data = ctx.declared("workload.data_size");
        // P9: shard after partitioning, or when the data is past HR-DB-011's size (10 TB)
        double tooBig = ctx.threshold("HR-DB-011", "warning").value();
        if (partitioned || data.map(d -> d.value() > tooBig).orElse(false)) {
          actions.add("shard-database");
        }
        ctx.finding(
            Severity.CRITICAL,
            db,
            "Writes are "
                + Units.format((1 - read.get().value()) * 100, 3)
                + "% of operations and "
                + db.name()
                + " runs at "
                + cpu.get().formatted()
                + " CPU: replicas will not help; partition first"
                + (partitioned ? ", then shard" : "")
                + ".",
            List.of(
                new Evidence("read share", read.get()), new Evidence(db.fact("cpu"), cpu.get())),
            actions);
      }
    }
  }

  private static void poolsVsLimit(RuleContext ctx) {
    SystemView view = ctx.view();
    for (Component db : view.primaries()) {
      List<Component> clients = view.clientsOf(db);
      if (clients.isEmpty()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      keys.add(db.fact("max_connections"));
      clients.forEach(c -> keys.add(c.fact("pool.size")));
      Optional<Map<String, Figure>> f = ctx.require(db, keys.toArray(String[]::new));
      if (f.isEmpty()) {
        continue;
      }
      Figure max = f.get().get(db.fact("max_connections"));
      double total = 0;
      List<String> inputs = new ArrayList<>();
      List<Evidence> ev = new ArrayList<>();
      List<String> undeclared = new ArrayList<>();
      for (Component c : clients) {
        Optional<Figure> n =
            ctx.declared(c, "autoscaling.max").or(() -> ctx.declared(c, "instances"));
        if (n.isEmpty()) {
          undeclared.add(c.fact("instances"));
        }
        // an undeclared count is at least one instance: the sum is then a lower bound
        double count = n.map(Figure::value).orElse(1.0);
        Figure size = f.get().get(c.fact("pool.size"));
        total += count * size.value();
        inputs.add(
            c.name()
                + ": "
                + (n.isPresent() ? Units.format(count, 6) : "at least 1 (instances not declared)")
                + " instances x "
                + size.formatted());
        ev.add(new Evidence(c.fact("pool.size"), size));
      }
      Figure pools =
          new Figure(
              total,
              Dimension.COUNT,
              new Provenance.Derived(
                  "sum over clients of (instances, or autoscaling max) x pool size", inputs));
      ev.add(
          0,
          new Evidence(
              undeclared.isEmpty() ? "pool connections" : "pool connections, at least", pools));
      ev.add(1, new Evidence(db.fact("max_connections"), max));
      double share = total / max.value();
      Optional<Severity> sev =
          share > ctx.threshold("critical").value()
              ? Optional.of(Severity.CRITICAL)
              : share > ctx.threshold("warning").value()
                  ? Optional.of(Severity.WARNING)
                  : Optional.empty();
      if (sev.isEmpty() && !undeclared.isEmpty()) {
        // below the levels only on the assumption of one instance each: not evaluated
        ctx.notEvaluated(db, undeclared, undeclared.stream().map(ctx::howTo).toList());
        continue;
      }
      boolean lowerBound = !undeclared.isEmpty();
      sev.ifPresent(
          s ->
              ctx.finding(
                  s,
                  db,
                  "The app pools can open "
                      + (lowerBound ? "at least " : "")
                      + pools.formatted()
                      + " connections against "
                      + db.name()
                      + "'s max_connections of "
                      + max.formatted()
                      + " ("
                      + Units.format(share * 100, 3)
                      + "%).",
                  ev,
                  poolerActions(db)));
    }
  }

  /** Pool fixes: resize always; a pooler only when the database has none. */
  private static List<String> poolerActions(Component db) {
    boolean hasPooler = db.setting("pooler").filter(p -> !p.equals("none")).isPresent();
    return hasPooler ? List.of("resize-pools") : List.of("resize-pools", "add-connection-pooler");
  }

  private static void poolsVsCores(RuleContext ctx) {
    SystemView view = ctx.view();
    for (Component db : view.primaries()) {
      for (Component c : view.clientsOf(db)) {
        Optional<Figure> size = ctx.declared(c, "pool.size");
        if (size.isEmpty()) {
          continue; // HR-DB-009 lists missing pool sizes
        }
        Optional<Figure> c2 = view.c2PoolSize(db);
        if (c2.isEmpty()) {
          ctx.notEvaluated(db, List.of(db.fact("vcpu")), List.of(ctx.howTo(db.fact("vcpu"))));
          break;
        }
        double ideal = c2.get().value();
        double factor = ctx.threshold("factor").value();
        if (size.get().value() > ideal * factor) {
          ctx.finding(
              Severity.WARNING,
              c,
              c.name()
                  + "'s pool of "
                  + size.get().formatted()
                  + " is over "
                  + Units.format(factor, 3)
                  + "x the "
                  + Units.format(ideal, 4)
                  + " connections "
                  + db.name()
                  + " can work on at once (cores x 2 + spindles).",
              List.of(
                  new Evidence(c.fact("pool.size"), size.get()),
                  new Evidence("C2 pool size", c2.get())),
              List.of("resize-pools"));
        }
      }
    }
  }

  private static void dataSize(RuleContext ctx) {
    if (ctx.view().primaries().isEmpty()) {
      return;
    }
    Optional<Map<String, Figure>> f = ctx.require(null, "workload.data_size");
    if (f.isEmpty()) {
      return;
    }
    Figure size = f.get().get("workload.data_size");
    Figure t = ctx.threshold("warning");
    if (size.value() > t.value()) {
      // sharding only when writes demand it: a read-heavy database scales with replicas (P8, D5)
      boolean writeHeavy =
          ctx.view().primaries().stream()
              .map(ctx.view()::readRatio)
              .flatMap(Optional::stream)
              .anyMatch(r -> r.value() <= ctx.threshold("write_heavy").value());
      ctx.finding(
          Severity.WARNING,
          null,
          "The data ("
              + size.formatted()
              + ") is past "
              + t.formatted()
              + ": partition the big tables"
              + (writeHeavy
                  ? "; writes dominate, so sharding is the next step."
                  : "; shard only when writes demand it."),
          List.of(new Evidence("workload.data_size", size), new Evidence("threshold", t)),
          writeHeavy ? List.of("partition-tables", "shard-database") : List.of("partition-tables"));
    }
  }
}
