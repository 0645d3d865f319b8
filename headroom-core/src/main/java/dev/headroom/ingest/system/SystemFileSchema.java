package dev.headroom.ingest.system;

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

import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key a system file may hold: its type, unit, allowed choices, whether it is required, and
 * what it means. The reader validates against it, {@code headroom init} and {@code
 * docs/system-file.md} describe it, and a test keeps {@code docs/system-file.schema.json} in step.
 */
public final class SystemFileSchema {

  /** The type of value a key takes. */
  public enum Type {
    TEXT,
    BOOLEAN,
    CHOICE,
    QUANTITY,
    TEXT_LIST,
    REFERENCE_LIST,
    REFERENCE,
    MAP,
    LIST
  }

  /**
   * One key. {@code name} may be dotted for keys inside a nested map ({@code pool.size}). {@code
   * ranged} keys take a range {@code LOW..HIGH} as well as a single value: the figures that are
   * uncertain (load, growth, measurements), not what is chosen (targets, the horizon, SLOs) or
   * configured (a component's instances, sizes and settings), which are known exactly.
   */
  public record Key(
      String name,
      Type type,
      Dimension dimension,
      List<String> choices,
      boolean required,
      String description,
      boolean ranged) {
    public Key {
      choices = List.copyOf(choices);
      if (ranged && type != Type.QUANTITY) {
        throw new IllegalArgumentException("only a quantity takes a range: " + name);
      }
    }

    /** A key that takes no range. */
    public Key(
        String name,
        Type type,
        Dimension dimension,
        List<String> choices,
        boolean required,
        String description) {
      this(name, type, dimension, choices, required, description, false);
    }
  }

  private static Key text(String name, boolean required, String description) {
    return new Key(name, Type.TEXT, null, List.of(), required, description);
  }

  private static Key q(String name, Dimension d, String description) {
    return new Key(name, Type.QUANTITY, d, List.of(), false, description);
  }

  /** A quantity that may also be written as a range {@code LOW..HIGH}. */
  private static Key ranged(String name, Dimension d, String description) {
    return new Key(name, Type.QUANTITY, d, List.of(), false, description, true);
  }

  private static Key flag(String name, String description) {
    return new Key(name, Type.BOOLEAN, null, List.of(), false, description);
  }

  private static Key choice(String name, List<String> choices, String description) {
    return new Key(name, Type.CHOICE, null, choices, false, description);
  }

  private static Key map(String name, boolean required, String description) {
    return new Key(name, Type.MAP, null, List.of(), required, description);
  }

  public static final List<Key> TOP =
      List.of(
          text("name", true, "the system's name, shown in every report"),
          text("description", false, "one line on what the system does"),
          map("workload", false, "the load the system carries and how it grows"),
          map(
              "slo",
              false,
              "what the system promises; overrides headroom's default targets (M1, M5)"),
          new Key("components", Type.LIST, null, List.of(), true, "what the system is made of"),
          map(
              "observations",
              false,
              "what was measured: `metric: value` or `component.metric: value`"),
          text(
              "observations_window",
              false,
              "when and over what window the observations were measured, e.g. `2026-11-16..22, peak hour`"),
          text(
              "observations_at",
              false,
              "when the observations were made (2026-12-01 or 2026-12-01T23:40:00Z): evidence"
                  + " files collected later win over them, earlier ones lose"),
          new Key(
              "evidence",
              Type.TEXT_LIST,
              null,
              List.of(),
              false,
              "evidence files (*.json, docs/evidence.md) or directories of them, relative to this"
                  + " file; their measured figures win over declared values"),
          map(
              "thresholds",
              false,
              "rule threshold overrides: `RULE-ID: { name: value }` (see `headroom explain`)"),
          map(
              "prices",
              false,
              "price-table overrides: `key: 12 USD/month` (see docs/system-file.md)"));

  public static final List<Key> WORKLOAD =
      List.of(
          ranged("active_users", Dimension.COUNT, "users active in a month (45000, 45K, 1.2M)"),
          ranged("peak_rps", Dimension.RATE, "requests per second at the busiest hour (850 rps)"),
          ranged("average_rps", Dimension.RATE, "requests per second averaged over a day"),
          ranged(
              "read_ratio", Dimension.RATIO, "share of database operations that only read (90%)"),
          ranged(
              "queries_per_request",
              Dimension.NUMBER,
              "database queries per request, on average (12)"),
          ranged("growth", Dimension.GROWTH_RATE, "how fast load grows (15%/month, 2x/year)"),
          q(
              "target",
              Dimension.MULTIPLIER,
              "the load to plan for, as a multiple of today (10x); wins over growth"),
          q(
              "horizon",
              Dimension.DURATION,
              "how far ahead to plan with `growth` (12 months; default 12 months)"),
          ranged("data_size", Dimension.DATA_SIZE, "all data in the primary database (400GiB)"),
          ranged(
              "static_bandwidth_share",
              Dimension.RATIO,
              "share of bandwidth that is static assets (35%)"),
          ranged(
              "job_rate", Dimension.RATE, "background jobs per second at peak (for queue workers)"),
          ranged("job_duration", Dimension.DURATION, "mean run time of one background job"),
          new Key(
              "user_regions",
              Type.TEXT_LIST,
              null,
              List.of(),
              false,
              "where users are, by continent or region ([europe, north-america])"),
          flag("data_residency", "whether rules require some users' data to stay in their region"));

  public static final List<Key> SLO =
      List.of(
          q("latency_p50", Dimension.DURATION, "median response time target"),
          q("latency_p95", Dimension.DURATION, "95th percentile response time target"),
          q("latency_p99", Dimension.DURATION, "99th percentile response time target"),
          q("error_rate", Dimension.RATIO, "highest acceptable share of failed requests"),
          q("availability", Dimension.RATIO, "availability promised (99.9%)"));

  private static final List<Key> COMMON =
      List.of(
          text("name", true, "unique name; observations use it as a prefix (`db.cpu`)"),
          new Key("kind", Type.CHOICE, null, kinds(), true, "what the component is"),
          q("instances", Dimension.COUNT, "how many identical instances run (default 1)"),
          q("vcpu", Dimension.COUNT, "vCPUs per instance"),
          q("memory", Dimension.DATA_SIZE, "memory per instance (16GiB)"),
          q("cost", Dimension.MONTHLY_COST, "cost per instance (140 USD/month or 0.19 USD/hour)"),
          text("region", false, "where it runs (eu-west-1)"),
          text("engine", false, "the software (postgresql, redis, nginx, …)"),
          text("notes", false, "free text, shown nowhere"));

  private static final Map<ComponentKind, List<Key>> BY_KIND = new EnumMap<>(ComponentKind.class);

  static {
    List<Key> compute =
        List.of(
            new Key(
                "uses",
                Type.REFERENCE_LIST,
                null,
                List.of(),
                false,
                "components this one calls (its database, cache, queue); defaults to the only primary database"),
            text("service", false, "the service (bounded context) this deployment belongs to"),
            map("pool", false, "its database connection pool"),
            q("pool.size", Dimension.COUNT, "connections per instance"),
            choice(
                "sessions",
                List.of("stateless", "external", "sticky", "local"),
                "where user sessions live: nowhere (stateless), an external store, or the instance (sticky/local)"),
            map("autoscaling", false, "autoscaling policy, if any"),
            q("autoscaling.min", Dimension.COUNT, "minimum instances"),
            q("autoscaling.max", Dimension.COUNT, "maximum instances"),
            q("autoscaling.target_cpu", Dimension.RATIO, "CPU target"),
            map(
                "capacity",
                false,
                "what one instance takes, from a model instead of the 500 rps placeholder (C5)"),
            new Key(
                "capacity.from",
                Type.TEXT_LIST,
                null,
                List.of(),
                false,
                "load-test result files of one instance, relative to this file (globs: loadtests/api-*.jtl); fitted"
                    + " with the Universal Scalability Law"),
            text(
                "capacity.input_format",
                false,
                "the load-test format, when detection is not wanted (headroom fit"
                    + " --help lists them)"),
            q(
                "capacity.concurrency",
                Dimension.NUMBER,
                "the concurrency of the load test, for formats that do not" + " record it"),
            q(
                "capacity.service_time",
                Dimension.DURATION,
                "mean service time of one request on one worker" + " (M/M/c model)"),
            q(
                "capacity.workers",
                Dimension.COUNT,
                "workers (threads, processes) per instance (M/M/c model)"),
            q(
                "capacity.p95_target",
                Dimension.DURATION,
                "the p95 one request or job must stay under (default: the"
                    + " system's slo.latency_p95, or M1's 500 ms)"),
            flag(
                "circuit_breakers",
                "whether calls to external services go through circuit breakers"));
    BY_KIND.put(APP, compute);
    BY_KIND.put(WORKER, compute);
    BY_KIND.put(
        LOAD_BALANCER,
        List.of(
            choice(
                "algorithm",
                List.of("round_robin", "weighted", "least_connections", "ip_hash", "random"),
                "how requests are spread (P2)"),
            choice("layer", List.of("l4", "l7"), "transport (L4) or HTTP (L7) balancing"),
            flag("sticky_sessions", "whether a user is pinned to one server (P3)"),
            flag("health_checks", "whether unhealthy servers are taken out (P2)")));
    BY_KIND.put(
        DATABASE,
        List.of(
            choice("role", List.of("primary", "replica"), "primary (takes writes) or read replica"),
            new Key(
                "replica_of",
                Type.REFERENCE,
                null,
                List.of(),
                false,
                "the primary this replica follows"),
            choice("storage", List.of("ssd", "nvme", "hdd", "network"), "the disk type"),
            q(
                "spindles",
                Dimension.COUNT,
                "effective spindles for pool sizing (default 1 for ssd/nvme/network, 2 for hdd)"),
            q("max_connections", Dimension.COUNT, "the server's connection limit"),
            choice(
                "pooler",
                List.of("none", "pgbouncer", "proxysql", "pgpool", "rds_proxy", "other"),
                "a connection pooler in front of it"),
            flag("partitioned", "whether the big tables are partitioned (P10)"),
            q(
                "shards",
                Dimension.COUNT,
                "how many shards the data is split over (1 = not sharded)"),
            q(
                "replicas",
                Dimension.COUNT,
                "read replicas of this primary, when not listed as components")));
    BY_KIND.put(
        CACHE,
        List.of(
            choice(
                "eviction_policy",
                List.of(
                    "noeviction",
                    "allkeys-lru",
                    "allkeys-lfu",
                    "allkeys-random",
                    "volatile-lru",
                    "volatile-lfu",
                    "volatile-random",
                    "volatile-ttl"),
                "what is evicted when memory is full (P5)"),
            choice(
                "strategy",
                List.of("cache-aside", "write-through", "write-behind"),
                "how the cache is filled (P4)"),
            q("ttl", Dimension.DURATION, "typical time to live of entries")));
    BY_KIND.put(
        CDN, List.of(q("ttl", Dimension.DURATION, "typical time to live of cached assets")));
    BY_KIND.put(QUEUE, List.of());
    BY_KIND.put(SEARCH, List.of());
    BY_KIND.put(
        STORAGE, List.of(choice("type", List.of("object", "block", "file"), "the storage type")));
    BY_KIND.put(
        EXTERNAL,
        List.of(
            q("timeout", Dimension.DURATION, "the client-side timeout for calls"),
            flag("circuit_breaker", "whether calls go through a circuit breaker"),
            q("rate_limit", Dimension.RATE, "the provider's rate limit"),
            q(
                "call_share",
                Dimension.RATIO,
                "share of requests that call the service (simulate: with its latency_p95"
                    + " observation and timeout)"),
            q("retries", Dimension.COUNT, "retries after a failed or timed-out call (simulate)")));
  }

  private SystemFileSchema() {}

  private static List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (ComponentKind k : ComponentKind.values()) {
      out.add(k.id());
    }
    return out;
  }

  /** Keys allowed on a component of {@code kind}: the common ones and the kind's own. */
  public static List<Key> componentKeys(ComponentKind kind) {
    List<Key> out = new ArrayList<>(COMMON);
    out.addAll(BY_KIND.get(kind));
    return out;
  }

  public static List<Key> commonComponentKeys() {
    return COMMON;
  }

  public static List<Key> kindKeys(ComponentKind kind) {
    return BY_KIND.get(kind);
  }

  static Optional<Key> find(List<Key> keys, String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  static List<String> names(List<Key> keys, String prefix) {
    List<String> out = new ArrayList<>();
    for (Key k : keys) {
      String n = k.name();
      if (prefix.isEmpty() ? !n.contains(".") : n.startsWith(prefix + ".")) {
        out.add(prefix.isEmpty() ? n : n.substring(prefix.length() + 1));
      }
    }
    return out;
  }
}
