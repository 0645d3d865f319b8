package dev.headroom.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The action catalogue. Ids are stable: scripts and CI gates may depend on them. */
public final class Actions {

  private static final Map<String, Action> ALL = new LinkedHashMap<>();

  private static final List<String> OPTIMISE =
      List.of("optimise the code and queries (X3)", "then scale", "then re-test");
  private static final List<String> SLOW_DB =
      List.of("add-indexes", "add-read-replicas", "shard-database");
  private static final List<String> SLOW_PAGES =
      List.of("add-app-cache", "add-cdn", "edge-compute");
  private static final List<String> COMPUTE =
      List.of("scale-vertically", "scale-horizontally", "add-autoscaling");
  private static final List<String> MEMORY =
      List.of("scale-vertically", "fix-memory-leaks", "redesign data structures");
  private static final List<String> TIMEOUTS =
      List.of("add-job-queue", "add-circuit-breakers", "event-driven design");
  private static final List<String> WRITES =
      List.of("optimize-queries", "partition-tables", "shard-database");
  private static final List<String> POOLS =
      List.of("resize-pools", "add-connection-pooler", "add-read-replicas");
  private static final List<String> CACHE =
      List.of("tune-eviction-policy", "increase-cache-memory", "add-app-cache");
  private static final List<String> GEO = List.of("add-cdn", "edge-compute", "multi-region");
  private static final List<String> HORIZONTAL =
      List.of("stateless-sessions", "add-load-balancer", "scale-horizontally");
  private static final List<String> SERVICES =
      List.of("modular monolith", "split-services", "multi-region");

  private static void a(
      String id,
      String title,
      ActionKind kind,
      String ladder,
      Step step,
      List<String> steps,
      String effect,
      List<String> knowledge,
      String verify) {
    ALL.put(id, new Action(id, title, kind, ladder, step, steps, effect, knowledge, verify));
  }

  static {
    a(
        "optimize-queries",
        "Optimise the slowest queries and hot code paths",
        ActionKind.OPTIMISE,
        "optimise before scaling",
        Step.FIRST,
        OPTIMISE,
        "optimising before scaling typically gains 50-80% (X3)",
        List.of("X3", "D5", "D1"),
        "the slowest statements by total time (pg_stat_statements) and p95 latency, before and after");
    a(
        "add-indexes",
        "Add indexes for the hot queries",
        ActionKind.OPTIMISE,
        "slow database",
        Step.FIRST,
        SLOW_DB,
        "part of the 50-80% typically gained by optimising first (X3); sequential scans on big tables disappear",
        List.of("X1", "X3", "D3"),
        "seq_scan vs idx_scan per table (pg_stat_user_tables) and the slow query's time");
    a(
        "fix-n-plus-one",
        "Remove N+1 query loops",
        ActionKind.OPTIMISE,
        "optimise before scaling",
        Step.FIRST,
        OPTIMISE,
        "queries per request back under 10 (M2); part of the 50-80% from optimising first (X3)",
        List.of("M2", "X2", "X3"),
        "queries per request (APM or statement counts / requests) and p95 latency");
    a(
        "add-app-cache",
        "Add an application cache (cache-aside) for hot reads",
        ActionKind.SCALE,
        "slow pages",
        Step.FIRST,
        SLOW_PAGES,
        "database load down 80-95% and response time down 70-90% (C8); a cache answers in"
            + " 1-5 ms where the database takes 10-500 ms (P6)",
        List.of("C8", "X1", "P4", "P6", "D5"),
        "cache hit ratio (target 70-85%, M7) and database CPU and read rate");
    a(
        "add-cdn",
        "Put static assets (and cacheable pages) behind a CDN",
        ActionKind.SCALE,
        "slow pages",
        Step.THEN,
        SLOW_PAGES,
        "assets served at the edge in 5-50 ms instead of 500-2000 ms across continents (P7); edge hit"
            + " ratio 80-90% (M7)",
        List.of("P7", "X1", "M7"),
        "CDN hit ratio and origin bandwidth");
    a(
        "edge-compute",
        "Move latency-sensitive logic to edge compute",
        ActionKind.ARCHITECT,
        "slow pages",
        Step.FINALLY,
        SLOW_PAGES,
        "dynamic responses close to users; the last step of the slow-pages ladder (X1)",
        List.of("X1", "P7"),
        "p95 latency for distant users (real-user monitoring by country)");
    a(
        "add-read-replicas",
        "Add read replicas and route reads to them",
        ActionKind.SCALE,
        "slow database",
        Step.THEN,
        SLOW_DB,
        "3-10x read throughput and about 80% of the load off the primary (C7)",
        List.of("C7", "C3", "P8", "X1"),
        "primary CPU, replica lag (alert above 1 s, M9) and read latency");
    a(
        "add-connection-pooler",
        "Put a connection pooler (PgBouncer/ProxySQL) in front of the database",
        ActionKind.SCALE,
        "connection pressure",
        Step.THEN,
        POOLS,
        "connection set-up of 50-100 ms per request becomes 1-5 ms (C6); server connections capped",
        List.of("C6", "P11"),
        "server connections in use, client wait (cl_waiting, maxwait) and pool wait");
    a(
        "resize-pools",
        "Resize the application connection pools (cores x 2 + spindles)",
        ActionKind.OPTIMISE,
        "connection pressure",
        Step.FIRST,
        POOLS,
        "pools that fit the database's limit and its cores; queueing moves out of the database (C2)",
        List.of("C2", "P11", "M4"),
        "connections in use against max_connections (target under 50%, M4) and pool wait");
    a(
        "scale-vertically",
        "Move to a bigger machine",
        ActionKind.SCALE,
        "compute bound",
        Step.FIRST,
        COMPUTE,
        "more headroom with no architectural change, while it stays under about 500 USD/month ($4, D5)",
        List.of("P1", "D5", "$4", "X1", "X2"),
        "CPU and memory at peak (target under 70%, M3) and p95 latency");
    a(
        "scale-horizontally",
        "Add instances behind the load balancer",
        ActionKind.SCALE,
        "compute bound",
        Step.THEN,
        COMPUTE,
        "capacity grows with instances (as far as the measured scalability allows) and no single"
            + " instance is a point of failure (P1)",
        List.of("P1", "C5", "X2", "D5"),
        "CPU per instance (target 70%, P13) and p95 latency at peak");
    a(
        "add-load-balancer",
        "Add a load balancer with health checks",
        ActionKind.SCALE,
        "horizontal readiness",
        Step.THEN,
        HORIZONTAL,
        "traffic spread over instances; unhealthy ones taken out after 3 failed checks (P2)",
        List.of("P2", "P1"),
        "requests per instance and health-check failures");
    a(
        "add-autoscaling",
        "Autoscale the app tier (target CPU 70%)",
        ActionKind.SCALE,
        "compute bound",
        Step.FINALLY,
        COMPUTE,
        "capacity follows the load: up fast, down slowly, min 2-3 instances (P13)",
        List.of("P13", "X2", "D5"),
        "instance count over a day against CPU, and p95 during spikes");
    a(
        "add-job-queue",
        "Move background work to a queue with workers",
        ActionKind.ARCHITECT,
        "API timeouts",
        Step.FIRST,
        TIMEOUTS,
        "slow work leaves the request path; requests return in time (P12)",
        List.of("P12", "X1"),
        "p95 latency of the affected endpoints and queue depth");
    a(
        "add-circuit-breakers",
        "Guard calls to dependencies with circuit breakers and fallbacks",
        ActionKind.ARCHITECT,
        "API timeouts",
        Step.THEN,
        TIMEOUTS,
        "a failing dependency degrades one feature instead of the service (D2)",
        List.of("D2", "X1", "P17", "P16"),
        "error rate and p99 latency when the dependency slows");
    a(
        "partition-tables",
        "Partition the biggest tables (by date range or id hash)",
        ActionKind.ARCHITECT,
        "write-heavy database",
        Step.THEN,
        WRITES,
        "smaller indexes, faster maintenance and archiving inside one"
            + " database, before any sharding (P10)",
        List.of("P10", "D5", "P9"),
        "write latency, vacuum/maintenance time and primary CPU");
    a(
        "shard-database",
        "Shard the database (last resort)",
        ActionKind.ARCHITECT,
        "slow database",
        Step.FINALLY,
        SLOW_DB,
        "write capacity grows with shards; cross-shard joins are gone for good (P9)",
        List.of("P9", "X1", "D5"),
        "per-shard CPU and write rate, and hot-shard skew");
    a(
        "multi-region",
        "Serve from several regions",
        ActionKind.ARCHITECT,
        "geographic latency",
        Step.FINALLY,
        GEO,
        "local latency for every continent and regional failover; the price is cross-region consistency (P15)",
        List.of("P15", "S7", "X2"),
        "p95 per region and replication lag between regions");
    a(
        "split-services",
        "Split independently scaling parts into services",
        ActionKind.ARCHITECT,
        "independent scaling",
        Step.THEN,
        SERVICES,
        "each bounded context scales and deploys on its own, at the cost of network calls and distributed data (P14)",
        List.of("P14", "S6"),
        "per-service CPU and latency, and cross-service call rates");
    a(
        "increase-cache-memory",
        "Give the cache enough memory for the working set",
        ActionKind.SCALE,
        "cache misses",
        Step.THEN,
        CACHE,
        "the working set fits (C4: data x 10-20% x 1.5); evictions stop and the hit ratio rises",
        List.of("C4", "C4.resolve"),
        "evicted keys per second and hit ratio");
    a(
        "tune-eviction-policy",
        "Choose an eviction policy for a cache (allkeys-lru) and review TTLs",
        ActionKind.OPTIMISE,
        "cache misses",
        Step.FIRST,
        CACHE,
        "hot keys stay, cold ones go; no write errors when full (P5)",
        List.of("P5", "P4"),
        "hit ratio and evictions after a day of traffic");
    a(
        "tune-cdn-caching",
        "Raise CDN TTLs and fix cache keys (long TTLs for assets, short for HTML)",
        ActionKind.OPTIMISE,
        "CDN misses",
        Step.FIRST,
        List.of("tune-cdn-caching", "add-cdn", "edge-compute"),
        "edge hit ratio towards 80-90% (M7)",
        List.of("M7", "P7"),
        "CDN hit ratio and origin requests");
    a(
        "fix-memory-leaks",
        "Find and fix the memory leak",
        ActionKind.OPTIMISE,
        "high memory",
        Step.THEN,
        MEMORY,
        "memory stays flat under steady load; no more restarts to reclaim it (X1)",
        List.of("X1"),
        "resident memory between deploys under steady load");
    a(
        "upgrade-storage",
        "Move the database to faster storage (SSD/NVMe)",
        ActionKind.SCALE,
        "storage bound",
        Step.FIRST,
        List.of("upgrade-storage", "add-app-cache", "object storage for files"),
        "less time waiting on disk (D2)",
        List.of("D2"),
        "iowait and disk latency");
    a(
        "add-monitoring",
        "Measure latency, errors, traffic and saturation",
        ActionKind.MEASURE,
        "measure first",
        Step.FIRST,
        List.of("add-monitoring", "trace where time goes", "then optimise or scale"),
        "every later decision rests on measurements (golden signals, M5; D1)",
        List.of("M5", "D1", "P17", "S4"),
        "p50/p95/p99 latency, error rate, request rate and CPU per tier are all reported");
    a(
        "stateless-sessions",
        "Keep sessions in an external store; make app servers stateless",
        ActionKind.ARCHITECT,
        "horizontal readiness",
        Step.FIRST,
        HORIZONTAL,
        "any instance can serve any request, so instances can be added and lost freely (P3)",
        List.of("P3"),
        "load spread across instances and logins surviving an instance restart");
    a(
        "database-maintenance",
        "Database housekeeping: drop unused and duplicate indexes and inactive slots, freeze, widen"
            + " sequences",
        ActionKind.OPTIMISE,
        "database health",
        Step.FIRST,
        List.of(
            "drop what costs without serving",
            "keep autovacuum ahead of wraparound",
            "widen columns before they overflow"),
        "writes stop paying for indexes nobody reads, disk stops filling with WAL nobody replays, and"
            + " the server never stops for wraparound or a full sequence (pghero's checks; D3)",
        List.of("D3", "X3"),
        "the collector's unused_indexes, duplicate_indexes, inactive_replication_slots, xid_wraparound"
            + " and sequence_usage, collected again");
    a(
        "avoid-premature-microservices",
        "Do not split into microservices yet",
        ActionKind.WARNING,
        "not yet",
        Step.FIRST,
        List.of(),
        "keeps one deployable and one database until scale demands more (S4, P14)",
        List.of("S4", "P14", "P17"),
        "revisit when parts need independent scaling (S6)");
    a(
        "avoid-premature-sharding",
        "Do not shard yet",
        ActionKind.WARNING,
        "not yet",
        Step.FIRST,
        List.of(),
        "indexes, replicas and caching come first; sharding is the last resort (X1, P9)",
        List.of("P9", "X1", "S4"),
        "revisit when writes overwhelm the primary after partitioning (S6)");
    a(
        "avoid-premature-multi-region",
        "Do not go multi-region yet",
        ActionKind.WARNING,
        "not yet",
        Step.FIRST,
        List.of(),
        "one region until users far away, residency or regional failover require more (S7)",
        List.of("S4", "S7", "P15"),
        "revisit when distant users' latency or residency rules matter (S7)");
    a(
        "avoid-premature-caching",
        "Do not add a cache yet",
        ActionKind.WARNING,
        "not yet",
        Step.FIRST,
        List.of(),
        "no invalidation bugs to chase while the database copes (S4, X4)",
        List.of("S4", "X4", "P17"),
        "revisit when database CPU passes 70% or reads slow down (S5)");
    a(
        "avoid-sticky-sessions",
        "Do not pin users to servers",
        ActionKind.WARNING,
        "not yet",
        Step.FIRST,
        List.of(),
        "sticky sessions undo horizontal scaling (P3, P17)",
        List.of("P3", "P17"),
        "load spread across instances");
    for (ActionId k : ActionId.values()) {
      if (!ALL.containsKey(k.id())) {
        throw new IllegalStateException("action " + k.id() + " has no catalogue entry");
      }
    }
  }

  private Actions() {}

  public static Optional<Action> byId(String id) {
    return Optional.ofNullable(ALL.get(id));
  }

  public static Action get(String id) {
    Action a = ALL.get(id);
    if (a == null) {
      throw new IllegalArgumentException("unknown action " + id);
    }
    return a;
  }

  public static List<Action> all() {
    return List.copyOf(ALL.values());
  }
}
