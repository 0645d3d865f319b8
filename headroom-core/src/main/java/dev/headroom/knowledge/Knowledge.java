package dev.headroom.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge ids and a one-line summary of each. Ids ending in {@code .resolve} record how
 * headroom settles a disagreement or error in the sources.
 */
public final class Knowledge {

  private static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

  private static void k(String id, String summary) {
    SUMMARIES.put(id, summary);
  }

  static {
    k(
        "S1",
        "Four growth stages by monthly users: startup under 10K (one server, about $100/month), growth 10K-100K"
            + " (cache, read replicas, about $1K), scale 100K-1M (horizontal, services, sharding, about $10K),"
            + " enterprise over 1M (multi-region, $100K and more).");
    k(
        "S2",
        "A seven-step ladder by users: one server to 1K, vertical to 10K, load balancing to 100K, database"
            + " scaling to 1M, caching layers to 10M, microservices to 100M, global beyond.");
    k(
        "S3",
        "A ladder by peak requests per second: under 100 one server and a CDN; 100-1K vertical plus Redis;"
            + " 1K-10K horizontal, load balancer, read replicas; 10K-100K multi-region, sharding, queues; over 100K"
            + " fully distributed.");
    k(
        "S.resolve",
        "User counts are a weak proxy and the ladders disagree; headroom places the stage by the strongest"
            + " evidence (measured load and bottlenecks, then peak RPS, then users) and shows the other ladders.");
    k(
        "S4",
        "At the startup stage: keep the code clean, index hot columns, monitor the basics, stay a monolith;"
            + " avoid over-engineering, caching before it is needed, early microservices and early multi-region.");
    k(
        "S5",
        "Signs the startup stage is outgrown: database CPU above 70% for long, response times getting worse,"
            + " single queries over 100 ms, servers at their limits.");
    k(
        "S6",
        "Signs the growth stage is outgrown: writes overwhelm the one primary, the cache hit ratio stops"
            + " improving despite tuning, replicas fall behind, parts need to scale independently.");
    k(
        "S7",
        "Signs the scale stage is outgrown: latency across geography matters, data must stay in a region,"
            + " one region cannot survive a failover, global users have latency requirements.");
    k("M1", "p95 response time: aim below 500 ms; above 1 s is a warning.");
    k("M2", "Database queries per request: aim below 10; above 20 is a warning.");
    k("M3", "Server CPU: aim below 70%; above 85% is a warning.");
    k("M4", "Database connections in use: aim below 50% of the pool; above 80% is a warning.");
    k(
        "M5",
        "Golden signals: p50 below 100 ms, p95 below 300 ms, p99 below 1 s, errors below 0.1%, and traffic and"
            + " saturation watched.");
    k(
        "M.resolve",
        "M1 and M5 give different p95 targets; both are defaults, the system file's SLOs win, and the"
            + " report names the default it used.");
    k(
        "M6",
        "At R requests per second, a share (1 - p) of requests is slower than the p-th percentile: the p99"
            + " at 1,000 RPS means 10 slow requests every second.");
    k(
        "M7",
        "Hit-ratio targets by layer: browser 95% and more (TTL 7-30 days), CDN 80-90% (1-24 h), application"
            + " cache 70-85% (5-60 min), database query cache 60-75% (1-15 min).");
    k("M8", "Cache-aside needs a hit ratio above 95% to pay off.");
    k("M9", "Replica lag: alert above 1 s; 100-500 ms is normal (some sources allow 100 ms-5 s).");
    k(
        "D1",
        "Search for the bottleneck in order: where the time goes (tracing), the database (slow queries, pool),"
            + " the application (CPU, memory), the network (latency between services, DNS), external services.");
    k(
        "D2",
        "Symptoms and remedies by layer: database (slow queries, CPU: indexes, replicas, cache), application"
            + " (CPU, memory: optimise, scale out), network (latency, timeouts: CDN, edge, pooling), storage (slow"
            + " I/O: SSD, object storage, cache), external APIs (timeouts, rate limits: circuit breakers, cache,"
            + " fallbacks).");
    k(
        "D3",
        "A database health check covers the pool (use, wait, exhaustion), queries (slowest by total time,"
            + " tables scanned sequentially more than 10,000 times, locks), replication (lag, write rate, read"
            + " spread) and storage (I/O wait, bloat, WAL latency).");
    k(
        "D3.resolve",
        "Sequential-scan counts live in pg_stat_user_tables (seq_scan, seq_tup_read, idx_scan), not in"
            + " pg_stat_user_indexes as one source's query has it.");
    k(
        "D4",
        "About 80% of bottlenecks are in the database: with little evidence, look there first.");
    k(
        "D5",
        "Decision tree: slow code or queries, optimise; CPU or memory bound, go vertical while it stays under"
            + " about $500/month, then horizontal behind a load balancer; database bound, read-heavy (about 90/10)"
            + " gets replicas and a cache, write-heavy gets sharding as a last resort, balanced gets query, index and"
            + " pool work; network bound, CDN and compression. Re-test after each step, then autoscale, then"
            + " monitor.");
    k(
        "X1",
        "Symptom ladders (first, then, finally): slow pages: cache, CDN, edge compute; slow database: indexes,"
            + " read replicas, sharding; API timeouts: async work, circuit breakers, events; high CPU: vertical,"
            + " horizontal, optimise code; high memory: more RAM, fix leaks, leaner data structures.");
    k(
        "X2",
        "Quick matrix: response over 2 s, optimise first (N+1, indexes); CPU over 80% sustained, vertical then"
            + " horizontal; memory over 90%, vertical first; database bound, replicas and cache; traffic spikes,"
            + " horizontal autoscaling; geographic latency, multi-region; growth over 50% a month, horizontal and"
            + " CDN.");
    k(
        "X3",
        "Optimise before scaling; it often gains 50-80%: profile, remove N+1, paginate, pool connections,"
            + " compress, index, read the slow log, cache, archive, tune, CDN, modern HTTP, cache headers.");
    k(
        "X4",
        "Scale when the load cannot be handled, latency or errors rise, growth is clear, or not scaling costs"
            + " more than scaling; not for traffic that may never come.");
    k(
        "C1",
        "Required capacity = peak traffic x growth factor x safety margin (1,000 x 3 x 1.5 = 4,500 req/s).");
    k("C2", "Connection pool per instance = cores x 2 + effective spindles (8 cores on SSD: 17).");
    k("C3", "Read replicas = ceil(read traffic / one replica's capacity) (10,000 / 3,000: 4).");
    k(
        "C4",
        "Cache memory = working set x overhead; the working set is usually 10-20% of the data; Redis overhead"
            + " is about 1.5x (10 GB: 15 GB).");
    k(
        "C4.resolve",
        "One source writes (1 + overhead) but computes x1.5; headroom uses one overhead multiplier,"
            + " default 1.5.");
    k(
        "C5",
        "Servers = ceil(projected RPS / RPS per server) (placeholder 500); database query rate = RPS x"
            + " queries per request; cache memory = users x bytes per user (placeholder 1 KB).");
    k(
        "C5.resolve",
        "The per-server and per-user figures are placeholders: a measured capacity (load test, USL fit)"
            + " and measured queries per request win, and every default is labelled as an assumption.");
    k("C6", "A connection pool saves 50-100 ms of set-up per request (1-5 ms with a pool).");
    k(
        "C7",
        "Read replicas add 3-10x read throughput and take about 80% of the load off the primary.");
    k("C8", "Caching cuts database load by 80-95% and response time by 70-90%.");
    k(
        "$1",
        "Monthly cost by scale: 10K users $100-300 (one server); 100K $1K-3K (load balancer, cache); 1M"
            + " $10K-30K (services, sharding); 10M $100K and more (multi-region).");
    k(
        "$2",
        "Vertical vs horizontal: one 32 vCPU / 128 GB machine at $500/month vs ten 4 vCPU / 16 GB at $300 in"
            + " all.");
    k(
        "$3",
        "Availability vs cost: one 64-vCPU machine $800 at 99.9%; four 16-vCPU $600 at 99.99%; sixteen 4-vCPU"
            + " $480 at 99.995%; start with a few medium nodes, move to many small ones.");
    k("$4", "Scale vertically up to about $500/month before going horizontal.");
    k(
        "$.resolve",
        "Prices belong in an editable price table; defaults carry their date and source, and every cost"
            + " shows its inputs.");
    k(
        "P1",
        "Vertical vs horizontal scaling: when each fits, and what each costs in limits, downtime and"
            + " complexity.");
    k(
        "P2",
        "Load balancers: L4 or L7; round robin, weighted, least connections for long or uneven requests, IP"
            + " hash for affinity; health checks (out after 3 failures, every 30 s); backup servers; keep-alive.");
    k(
        "P3",
        "Sticky sessions undo the benefit of horizontal scaling; keep app servers stateless with an external"
            + " session store.");
    k(
        "P4",
        "Caching strategies: cache-aside (lazy, invalidate on write), write-through (consistent, slower"
            + " writes), write-behind (fast writes, may lose data); invalidation by TTL or event; typical TTLs.");
    k(
        "P5",
        "Eviction: allkeys-lru as default, allkeys-lfu, volatile-ttl; noeviction makes writes fail when memory"
            + " is full.");
    k(
        "P6",
        "Typical latency by layer: CDN 5-50 ms, application cache 1-5 ms, database query cache 0.1-50 ms,"
            + " database 10-500 ms (ranges; the sources differ).");
    k(
        "P7",
        "CDN: long TTLs for static assets, bypass for APIs, short for HTML; worth it once static assets are over"
            + " 20% of bandwidth; cross-continent 500-2000 ms becomes 5-50 ms at the edge.");
    k(
        "P8",
        "Read replicas: reads to replicas, writes to the primary; not for read-after-write; fall back to the"
            + " primary; watch lag; add them when over 80% of operations are reads (about 90/10).");
    k(
        "P9",
        "Sharding by hash, range, directory, geography or tenant, each with its trade-off; no joins across"
            + " shards; a last resort, for data over 10 TB or writes the primary cannot take.");
    k("P10", "Partition inside one database (by date range, by id hash) before sharding.");
    k("P11", "Connection pooling with PgBouncer or ProxySQL, sized per C2.");
    k(
        "P12",
        "Queue background work that blocks requests; RabbitMQ for task queues and RPC, Kafka for event"
            + " streams (retention, throughput, latency and ordering differ).");
    k(
        "P13",
        "Autoscaling: target CPU 70%, min 2-3 and max 10-50 instances, scale up fast and down slowly;"
            + " triggers CPU over 70% for 5 min, memory over 80%, queue over 100, latency over 1 s; scale down under"
            + " 30% CPU for 15 min; new instances ready after about 2 min.");
    k(
        "P14",
        "Microservices: split by bounded context with a database each and a gateway, and only at large scale"
            + " (one source: 10M users and more).");
    k(
        "P15",
        "Multi-region: active-passive (strong consistency, slow failover), active-active (eventual, low"
            + " latency, complex), follow-the-sun; strong consistency for money, eventual for feeds, causal for"
            + " messaging.");
    k(
        "P16",
        "Checklists per stage: stage 3 (stateless servers, read/write split, async paths, circuit breakers,"
            + " tracing, autoscaling on the right metric, pooling), stage 4 (multi-region, DR tested, compliance,"
            + " zero-downtime deploys, chaos practice), and before/while/after scaling.");
    k(
        "P17",
        "Pitfalls: premature optimisation, ignoring the database, no monitoring, cache invalidation, sticky"
            + " sessions, no circuit breakers.");
  }

  private Knowledge() {}

  /** Every id, in INVENTORY order. */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(SUMMARIES);
  }

  public static Optional<String> summary(String id) {
    return Optional.ofNullable(SUMMARIES.get(id));
  }

  public static boolean exists(String id) {
    return SUMMARIES.containsKey(id);
  }
}
