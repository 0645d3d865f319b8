package dev.headroom.model;

import static dev.headroom.model.ComponentKind.APP;
import static dev.headroom.model.ComponentKind.CACHE;
import static dev.headroom.model.ComponentKind.CDN;
import static dev.headroom.model.ComponentKind.DATABASE;
import static dev.headroom.model.ComponentKind.EXTERNAL;
import static dev.headroom.model.ComponentKind.LOAD_BALANCER;
import static dev.headroom.model.ComponentKind.QUEUE;
import static dev.headroom.model.ComponentKind.SEARCH;
import static dev.headroom.model.ComponentKind.STORAGE;
import static dev.headroom.model.ComponentKind.WORKER;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every measurement headroom understands under {@code observations:}. System-wide metrics are
 * written bare ({@code latency_p95: 1.4s}); component metrics are prefixed with the component's
 * name ({@code db.cpu: 82%}) and allowed only on the kinds listed. Each says how to measure it,
 * which is what a "not evaluated" entry tells the user.
 */
public enum Metric {
  // system-wide
  RPS(
      "rps",
      Dimension.RATE,
      Set.of(),
      "measured requests per second at the busiest hour",
      "the load balancer's or ingress's request rate at peak, e.g. Prometheus sum(rate(http_requests_total[5m]))"),
  LATENCY_P50(
      "latency_p50",
      Dimension.DURATION,
      Set.of(),
      "median response time at the edge",
      "histogram_quantile(0.5, …) over the edge's request-duration histogram, or a load test"),
  LATENCY_P95(
      "latency_p95",
      Dimension.DURATION,
      Set.of(),
      "95th percentile response time at the edge",
      "histogram_quantile(0.95, …) over the edge's request-duration histogram, or a load test"),
  LATENCY_P99(
      "latency_p99",
      Dimension.DURATION,
      Set.of(),
      "99th percentile response time at the edge",
      "histogram_quantile(0.99, …) over the edge's request-duration histogram, or a load test"),
  LATENCY_P95_REMOTE(
      "latency_p95_remote",
      Dimension.DURATION,
      Set.of(),
      "p95 response time seen by users on the farthest continent from the servers",
      "real-user monitoring (RUM) split by country, or a synthetic check from another continent"),
  ERROR_RATE(
      "error_rate",
      Dimension.RATIO,
      Set.of(),
      "share of requests that fail (5xx, timeouts)",
      "sum(rate(…{status=~\"5..\"}[5m])) / sum(rate(…[5m])) at the edge"),
  AVAILABILITY(
      "availability",
      Dimension.RATIO,
      Set.of(),
      "measured availability over the last month",
      "uptime monitoring or the SLO dashboard over 30 days"),
  PEAK_TO_AVERAGE(
      "peak_to_average",
      Dimension.MULTIPLIER,
      Set.of(),
      "how many times the peak request rate exceeds the daily average",
      "max over a day of the 5-minute request rate divided by its daily mean"),
  NETWORK_RTT_P95(
      "network_rtt_p95",
      Dimension.DURATION,
      Set.of(),
      "p95 latency of calls between the system's own services",
      "client-side spans between services (tracing)"),
  // traces (headroom collect traces)
  DATABASE_TIME_SHARE(
      "database_time_share",
      Dimension.RATIO,
      Set.of(),
      "mean share of a request's time spent waiting on database calls",
      "traces: the union of each request's database client spans over its root span's duration,"
          + " averaged over requests (headroom collect traces)"),
  QUERIES_PER_REQUEST_P95(
      "queries_per_request_p95",
      Dimension.NUMBER,
      Set.of(),
      "95th percentile over requests of the database calls one request makes",
      "traces: database client spans under each root span (headroom collect traces)"),
  N_PLUS_ONE_SHARE(
      "n_plus_one_share",
      Dimension.RATIO,
      Set.of(),
      "share of requests that run one statement at least 10 times, one run after the other (N+1"
          + " loops, INVENTORY M2)",
      "traces: each request's database spans grouped by statement with literals replaced"
          + " (headroom collect traces)"),
  // access logs
  STATIC_BANDWIDTH_SHARE(
      "static_bandwidth_share",
      Dimension.RATIO,
      Set.of(),
      "share of response bytes that are static assets (images, fonts, media, CSS, JavaScript), P7",
      "access logs: body bytes by $sent_http_content_type, or by path extension"
          + " (headroom collect log)"),

  // compute, any kind that runs on machines
  CPU(
      "cpu",
      Dimension.RATIO,
      EnumSet.of(APP, WORKER, DATABASE, CACHE, QUEUE, SEARCH, LOAD_BALANCER),
      "CPU utilisation at peak, averaged over the instances",
      "node_exporter: 1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) at the busiest hour"),
  MEMORY(
      "memory_used",
      Dimension.RATIO,
      EnumSet.of(APP, WORKER, DATABASE, CACHE, QUEUE, SEARCH),
      "memory in use (for caches: of maxmemory)",
      "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes; Redis: used_memory / maxmemory"),
  MEMORY_GROWTH(
      "memory_growth",
      Dimension.GROWTH_RATE,
      EnumSet.of(APP, WORKER),
      "how fast memory in use grows between restarts under steady load (a leak shows as steady growth)",
      "the slope of process resident memory between deploys, e.g. deriv(process_resident_memory_bytes[1d])"),
  IOWAIT(
      "iowait",
      Dimension.RATIO,
      EnumSet.of(DATABASE, SEARCH, STORAGE, APP),
      "share of CPU time waiting for disk I/O",
      "avg(rate(node_cpu_seconds_total{mode=\"iowait\"}[5m]))"),
  MAX_RPS_PER_INSTANCE(
      "max_rps_per_instance",
      Dimension.RATE,
      EnumSet.of(APP, WORKER),
      "the request rate one instance sustains within the SLO, from a load test",
      "a stepped load test against one instance (headroom fit reads k6, JMeter, Gatling, wrk, …)"),

  // application pools
  POOL_IN_USE(
      "pool_in_use",
      Dimension.COUNT,
      EnumSet.of(APP, WORKER),
      "database connections in use per instance at peak",
      "hikaricp_connections_active (max over instances) or the pool's own metrics"),
  POOL_WAIT(
      "pool_wait",
      Dimension.DURATION,
      EnumSet.of(APP, WORKER),
      "p95 time a request waits to get a database connection",
      "hikaricp_connections_acquire_seconds (p95), or the pool's wait-time metric"),

  // databases
  CONNECTIONS_IN_USE(
      "connections_in_use",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "server connections in use at peak",
      "PostgreSQL: SELECT count(*) FROM pg_stat_activity; MySQL: Threads_connected"),
  SLOWEST_QUERY(
      "slowest_query",
      Dimension.DURATION,
      EnumSet.of(DATABASE),
      "mean time of the slowest frequent query",
      "pg_stat_statements ordered by mean_exec_time (calls >= 100), or the slow query log"),
  QUERIES_PER_SECOND(
      "qps",
      Dimension.RATE,
      EnumSet.of(DATABASE),
      "queries per second at peak",
      "PostgreSQL: xact/statement rate from pg_stat_statements; MySQL: Questions/Uptime delta"),
  READ_RATIO(
      "read_ratio",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "share of queries that only read",
      "pg_stat_statements by command, or MySQL Com_select vs Com_insert/update/delete"),
  REPLICA_LAG(
      "replica_lag",
      Dimension.DURATION,
      EnumSet.of(DATABASE),
      "how far the slowest replica is behind the primary at peak",
      "PostgreSQL: now() - pg_last_xact_replay_timestamp() on the replica; MySQL: Seconds_Behind_Source"),
  SEQ_SCAN_TABLES(
      "seq_scan_tables",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "tables with more than 10,000 sequential scans and a low index-scan share",
      "PostgreSQL: pg_stat_user_tables (seq_scan, idx_scan, n_live_tup); not pg_stat_user_indexes"),
  BUFFER_HIT_RATIO(
      "buffer_hit_ratio",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "share of table and index block reads served from the database's own buffer cache",
      "PostgreSQL: sum(heap_blks_hit + idx_blks_hit) / sum(heap_blks_hit + heap_blks_read + idx_blks_hit"
          + " + idx_blks_read) from pg_statio_user_tables; MySQL: buffer-pool read requests vs reads"),
  IDLE_IN_TRANSACTION(
      "idle_in_transaction",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "server connections holding a transaction open while doing nothing",
      "PostgreSQL: count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"),
  LONG_RUNNING_QUERIES(
      "long_running_queries",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "statements running for longer than 60 seconds (pghero's level, ADVISOR-CHECKS)",
      "PostgreSQL: pg_stat_activity WHERE state <> 'idle' AND now() - query_start > 60 s"),
  TRANSACTIONS_PER_SECOND(
      "tps",
      Dimension.RATE,
      EnumSet.of(DATABASE),
      "committed and rolled-back transactions per second",
      "PostgreSQL: xact_commit + xact_rollback from pg_stat_database, read twice a window apart"),
  ROW_READ_RATIO(
      "row_read_ratio",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "share of rows read among rows read and written (the read/write mix, for the replica decision)",
      "PostgreSQL: tup_fetched / (tup_fetched + tup_inserted + tup_updated + tup_deleted) from"
          + " pg_stat_database over a window; MySQL: Com_select vs Com_insert/update/delete"),
  DATABASE_SIZE(
      "database_size",
      Dimension.DATA_SIZE,
      EnumSet.of(DATABASE),
      "on-disk size of the database",
      "PostgreSQL: pg_database_size(current_database())"),
  MEASURED_MAX_CONNECTIONS(
      "max_connections",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "the server's connection limit as the server reports it (wins over the declared value)",
      "PostgreSQL: SHOW max_connections; MySQL: SELECT @@max_connections"),
  DISK_LATENCY(
      "disk_latency",
      Dimension.DURATION,
      EnumSet.of(DATABASE, STORAGE, SEARCH),
      "mean disk read or write latency",
      "rate(node_disk_read_time_seconds_total) / rate(node_disk_reads_completed_total)"),
  // MySQL / MariaDB and PostgreSQL collectors (issue 10; levels in the rules, ADVISOR-CHECKS)
  UNUSED_INDEXES(
      "unused_indexes",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "indexes never scanned since statistics were reset (they cost writes and memory)",
      "headroom collect postgres://… or mysql://… reads it (PostgreSQL: pg_stat_user_indexes idx_scan"
          + " = 0, not unique; MySQL: sys.schema_unused_indexes)"),
  TMP_DISK_TABLE_RATIO(
      "tmp_disk_table_ratio",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "share of the server's internal temporary tables that went to disk",
      "MySQL/MariaDB: change of Created_tmp_disk_tables / change of Created_tmp_tables in SHOW"
          + " GLOBAL STATUS over a window"),
  SLOW_QUERY_RATIO(
      "slow_query_ratio",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "share of statements that ran longer than the server's long_query_time",
      "MySQL/MariaDB: change of Slow_queries / change of Questions in SHOW GLOBAL STATUS over a"
          + " window"),
  UNUSED_INDEX_SIZE(
      "unused_index_size",
      Dimension.DATA_SIZE,
      EnumSet.of(DATABASE),
      "total on-disk size of the indexes never scanned since statistics were reset",
      "PostgreSQL: sum(pg_relation_size(indexrelid)) over pg_stat_user_indexes with idx_scan = 0"
          + " (not unique)"),
  DUPLICATE_INDEXES(
      "duplicate_indexes",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "indexes whose columns are a leading prefix of another index of the same kind on the same table",
      "headroom collect postgres://… reads it (pg_index pairs on one table, same access method,"
          + " expressions and predicate, the non-unique one's keys a prefix of the other's)"),
  INACTIVE_REPLICATION_SLOTS(
      "inactive_replication_slots",
      Dimension.COUNT,
      EnumSet.of(DATABASE),
      "replication slots no client is reading (they keep WAL on disk until dropped)",
      "headroom collect postgres://… reads it (count(*) FROM pg_replication_slots WHERE NOT active)"),
  INACTIVE_SLOT_WAL(
      "inactive_slot_wal",
      Dimension.DATA_SIZE,
      EnumSet.of(DATABASE),
      "WAL kept on disk for inactive replication slots",
      "PostgreSQL: sum(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) over inactive slots"),
  XID_WRAPAROUND(
      "xid_wraparound",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "age of the oldest unfrozen transaction id as a share of the 2^31 ids before wraparound",
      "headroom collect postgres://… reads it (max(age(datfrozenxid)) FROM pg_database / 2^31)"),
  SEQUENCE_USAGE(
      "sequence_usage",
      Dimension.RATIO,
      EnumSet.of(DATABASE),
      "the largest share of its range any sequence has used (capped by its column's type)",
      "headroom collect postgres://… reads it (last_value / least(max_value, the owning column"
          + " type's maximum) from pg_sequences)"),
  QUERIES_PER_TRANSACTION(
      "queries_per_transaction",
      Dimension.NUMBER,
      EnumSet.of(DATABASE),
      "statements per transaction, transaction control left out (a lower bound of queries per request)",
      "PostgreSQL: change of sum(calls) in pg_stat_statements / change of xact_commit + xact_rollback"
          + " over a window"),

  // caches and CDNs
  HIT_RATIO(
      "hit_ratio",
      Dimension.RATIO,
      EnumSet.of(CACHE, CDN),
      "share of lookups served from the cache",
      "Redis: keyspace_hits / (keyspace_hits + keyspace_misses); CDN: the provider's cache-hit ratio"),
  EVICTIONS(
      "evictions",
      Dimension.RATE,
      EnumSet.of(CACHE),
      "keys evicted per second because memory is full",
      "Redis: rate of evicted_keys from INFO stats"),

  FRAGMENTATION(
      "fragmentation",
      Dimension.NUMBER,
      EnumSet.of(CACHE),
      "resident memory over the memory the cache's data uses (above 1.4 is fragmentation)",
      "Redis: mem_fragmentation_ratio from INFO memory (used_memory_rss / used_memory)"),
  CLIENTS_USED(
      "clients_used",
      Dimension.RATIO,
      EnumSet.of(CACHE),
      "connected clients as a share of the client limit",
      "Redis: connected_clients from INFO clients / CONFIG GET maxclients"),
  REJECTED_CONNECTIONS(
      "rejected_connections",
      Dimension.RATE,
      EnumSet.of(CACHE),
      "connections refused per second because the client limit was reached",
      "Redis: rate of rejected_connections from INFO stats"),
  OPERATIONS_PER_SECOND(
      "ops",
      Dimension.RATE,
      EnumSet.of(CACHE),
      "commands the cache processes per second",
      "Redis: rate of total_commands_processed from INFO stats"),
  COMMAND_LATENCY_P99(
      "command_latency_p99",
      Dimension.DURATION,
      EnumSet.of(CACHE),
      "the highest p99 server-side latency among the cache's commands",
      "Redis 7+: INFO latencystats (latency_percentiles_usec_<command> p99.000)"),

  // queues
  QUEUE_DEPTH(
      "depth",
      Dimension.COUNT,
      EnumSet.of(QUEUE),
      "messages waiting at peak",
      "the broker's queue length (RabbitMQ messages_ready, Kafka consumer lag)"),

  // external services
  TIMEOUT_RATE(
      "timeout_rate",
      Dimension.RATIO,
      EnumSet.of(EXTERNAL),
      "share of calls to the service that time out",
      "client-side metrics or traces of the calls"),
  RATE_LIMITED(
      "rate_limited",
      Dimension.RATIO,
      EnumSet.of(EXTERNAL),
      "share of calls refused by the service's rate limit (HTTP 429)",
      "client-side status-code counts"),
  EXTERNAL_LATENCY_P95(
      "latency_p95",
      Dimension.DURATION,
      EnumSet.of(EXTERNAL),
      "p95 latency of calls to the service",
      "client-side spans or histograms of the calls");

  private final String key;
  private final Dimension dimension;
  private final Set<ComponentKind> kinds;
  private final String description;
  private final String howToMeasure;

  Metric(
      String key,
      Dimension dimension,
      Set<ComponentKind> kinds,
      String description,
      String howToMeasure) {
    this.key = key;
    this.dimension = dimension;
    this.kinds = kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
    this.description = description;
    this.howToMeasure = howToMeasure;
  }

  public String key() {
    return key;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Empty for system-wide metrics. */
  public Set<ComponentKind> kinds() {
    return kinds;
  }

  public boolean systemWide() {
    return kinds.isEmpty();
  }

  public String description() {
    return description;
  }

  public String howToMeasure() {
    return howToMeasure;
  }

  /** The system-wide metric with this key. */
  public static Optional<Metric> system(String key) {
    for (Metric m : values()) {
      if (m.systemWide() && m.key.equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The metric with this key allowed on {@code kind}. */
  public static Optional<Metric> forKind(ComponentKind kind, String key) {
    for (Metric m : values()) {
      if (m.kinds.contains(kind) && m.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
