package dev.headroom.collect.redis;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.CollectionWindow;
import dev.headroom.collect.Target;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Setting;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.ingest.system.SystemFileSchema;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collects a Redis server's evidence: {@code CONFIG GET} for the limits (falling back to {@code
 * INFO} when CONFIG is not permitted), then {@code INFO all} twice, a window apart. Counters since
 * start (keyspace hits and misses, evictions, commands, rejected connections) become rates and
 * ratios over the window; gauges (memory, fragmentation, clients) are read at the window's end.
 * Field meanings: Redis's INFO documentation; thresholds to judge them live in the rules
 * (ADVISOR-CHECKS, Redis).
 */
public final class RedisCollector implements AutoCloseable {

  /** What the evidence file names as its producer. */
  public static final String COLLECTOR = "redis INFO";

  /** The port Redis listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 6379;

  /**
   * Commands this collector itself runs between the two INFO snapshots: the first INFO, counted
   * once it has answered. Subtracted from {@code total_commands_processed} so ops/s is the
   * application's.
   */
  static final int OWN_COMMANDS_BETWEEN_READS = 1;

  /** Commands of this collector, left out of the per-command latency. */
  private static final List<String> OWN_COMMANDS = List.of("info", "config|get", "config", "auth");

  private static final String LATENCY_PREFIX = "latency_percentiles_usec_";

  /** INFO all at one instant. */
  public record Snapshot(RedisInfo info, Instant at) {}

  private final RespConnection connection;
  private final Target target;
  private final Clock clock;
  private final Map<String, String> config;

  private RedisCollector(
      RespConnection connection, Target target, Clock clock, Map<String, String> config) {
    this.connection = connection;
    this.target = target;
    this.clock = clock;
    this.config = config;
  }

  /**
   * Connects and authenticates (with the target's password, if any), and reads the limits.
   *
   * @param timeout for the connect and for every reply
   * @throws CollectionException when the server cannot be reached or refuses the login
   */
  public static RedisCollector connect(Target target, Duration timeout, Clock clock) {
    RespConnection c =
        new RespConnection(target.host(), target.port(), timeout, timeout, target.redacted());
    try {
      if (!target.password().isEmpty()) {
        try {
          if (target.user().isEmpty()) {
            c.call("AUTH", target.password().value());
          } else {
            c.call("AUTH", target.user(), target.password().value());
          }
        } catch (RespConnection.ErrorReply e) {
          throw new CollectionException(
              target.redacted()
                  + ": the server refused the login ("
                  + firstWord(e.getMessage())
                  + "); check the user and REDISCLI_AUTH");
        }
      }
      Map<String, String> cfg = new java.util.LinkedHashMap<>();
      for (String name : List.of("maxmemory", "maxmemory-policy", "maxclients")) {
        try {
          Object reply = c.call("CONFIG", "GET", name);
          if (reply instanceof List<?> l && l.size() == 2) {
            cfg.put(name, String.valueOf(l.get(1)));
          }
        } catch (RespConnection.ErrorReply e) {
          // not permitted or renamed: INFO carries the same values, read below
          if (e.getMessage().startsWith("NOAUTH")) {
            throw new CollectionException(
                target.redacted()
                    + ": the server needs a password; set REDISCLI_AUTH or put it in the URL");
          }
        }
      }
      return new RedisCollector(c, target, clock, cfg);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static String firstWord(String s) {
    int sp = s.indexOf(' ');
    return sp < 0 ? s : s.substring(0, sp);
  }

  /** {@code INFO all}, now. */
  public Snapshot read() {
    Object reply;
    try {
      reply = connection.call("INFO", "all");
    } catch (RespConnection.ErrorReply e) {
      throw new CollectionException(
          target.redacted()
              + ": INFO was refused ("
              + firstWord(e.getMessage())
              + "); grant the collector's user +info (ACL SETUSER … +info)");
    }
    if (!(reply instanceof String s)) {
      throw new CollectionException(
          target.redacted() + ": INFO gave no text; is this a Redis server?");
    }
    Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return new Snapshot(RedisInfo.parse(s, System.nanoTime()), at);
  }

  /** Reads, waits {@code window}, reads again, and turns the two into evidence. */
  public EvidenceFile collect(Duration window, String component) {
    Snapshot first = read();
    CollectionWindow.await(window, target);
    return evidence(first, read(), component);
  }

  /**
   * The evidence two snapshots give.
   *
   * @param component the system file's component, or empty for "the first cache"
   * @throws CollectionException when the server restarted between them (counters went back)
   */
  public EvidenceFile evidence(Snapshot first, Snapshot second, String component) {
    RedisInfo a = first.info();
    RedisInfo b = second.info();
    double seconds = (b.nanoTime() - a.nanoTime()) / 1e9;
    ObservationWindow window = CollectionWindow.between(first.at(), a.nanoTime(), b.nanoTime());
    Instant end = window.end();
    if (b.number("uptime_in_seconds").orElse(0.0) < a.number("uptime_in_seconds").orElse(0.0)) {
      throw new CollectionException(
          target.redacted() + ": the server restarted during the window; collect again");
    }
    ObservationWindow atEnd = ObservationWindow.at(end);
    List<Observation> obs = new ArrayList<>();
    List<Unseen> unseen = new ArrayList<>();
    Builder add =
        (m, value, w, how) ->
            obs.add(
                new Observation(
                    m,
                    ComponentKind.CACHE,
                    component,
                    value,
                    w,
                    how,
                    new SourceLocation(target.redacted(), 0, 0)));

    double hits = delta(a, b, "keyspace_hits");
    double misses = delta(a, b, "keyspace_misses");
    if (hits + misses > 0) {
      add.put(
          Metric.HIT_RATIO,
          hits / (hits + misses),
          window,
          "keyspace_hits / (keyspace_hits + keyspace_misses) over the window, INFO stats: "
              + fmt(hits)
              + " hits, "
              + fmt(misses)
              + " misses");
    } else {
      unseen.add(
          new Unseen(
              "cache.hit_ratio",
              "lookups during the window: collect at a busier time or with a longer --window (no keyspace hits or misses in "
                  + fmt(seconds)
                  + " s)"));
    }
    add.put(
        Metric.EVICTIONS,
        delta(a, b, "evicted_keys") / seconds,
        window,
        "change of evicted_keys over the window / its length, INFO stats");
    double commands =
        Math.max(0, delta(a, b, "total_commands_processed") - OWN_COMMANDS_BETWEEN_READS);
    add.put(
        Metric.OPERATIONS_PER_SECOND,
        commands / seconds,
        window,
        "change of total_commands_processed over the window, less this collector's own INFO, / its length");
    add.put(
        Metric.REJECTED_CONNECTIONS,
        delta(a, b, "rejected_connections") / seconds,
        window,
        "change of rejected_connections over the window / its length, INFO stats");

    Optional<Double> used = b.number("used_memory");
    double maxmemory = config("maxmemory", b, "maxmemory");
    double host = b.number("total_system_memory").orElse(0.0);
    if (used.isPresent() && maxmemory > 0) {
      add.put(
          Metric.MEMORY,
          used.get() / maxmemory,
          atEnd,
          "used_memory / maxmemory: "
              + Units.formatBytes(used.get())
              + " of "
              + Units.formatBytes(maxmemory)
              + (host > 0 ? " (the host has " + Units.formatBytes(host) + ")" : ""));
    } else if (used.isPresent() && host > 0) {
      add.put(
          Metric.MEMORY,
          used.get() / host,
          atEnd,
          "used_memory / total_system_memory (no maxmemory set: Redis may take the whole host): "
              + Units.formatBytes(used.get())
              + " of "
              + Units.formatBytes(host));
    } else {
      unseen.add(
          new Unseen(
              "cache.memory_used",
              "maxmemory (CONFIG GET maxmemory) or total_system_memory in INFO memory"));
    }
    b.number("mem_fragmentation_ratio")
        .ifPresent(
            f ->
                add.put(
                    Metric.FRAGMENTATION,
                    f,
                    atEnd,
                    "mem_fragmentation_ratio (used_memory_rss / used_memory), INFO memory"));

    double maxclients = config("maxclients", b, "maxclients");
    Optional<Double> clients = b.number("connected_clients");
    if (clients.isPresent() && maxclients > 0) {
      double others = Math.max(0, clients.get() - 1);
      add.put(
          Metric.CLIENTS_USED,
          others / maxclients,
          atEnd,
          "(connected_clients - this collector) / maxclients: "
              + fmt(others)
              + " of "
              + fmt(maxclients));
    } else {
      unseen.add(
          new Unseen(
              "cache.clients_used",
              "maxclients (CONFIG GET maxclients, or INFO clients on Redis 7+)"));
    }
    latency(b, end, add, unseen);

    List<Setting> settings = new ArrayList<>();
    String policy =
        Optional.ofNullable(config.get("maxmemory-policy"))
            .or(() -> b.text("maxmemory_policy"))
            .orElse("")
            .toLowerCase(Locale.ROOT);
    if (evictionPolicies().contains(policy)) {
      settings.add(
          new Setting(
              ComponentKind.CACHE,
              "eviction_policy",
              component,
              policy,
              new SourceLocation(target.redacted(), 0, 0)));
    } else {
      unseen.add(
          new Unseen(
              "cache.eviction_policy",
              "maxmemory-policy (CONFIG GET maxmemory-policy, or INFO memory); found \""
                  + policy
                  + "\""));
    }
    return new EvidenceFile(
        target.redacted(), COLLECTOR, end, target.redacted(), obs, settings, unseen);
  }

  /** The highest p99 of any application command in INFO latencystats (Redis 7+), since start. */
  private void latency(RedisInfo b, Instant end, Builder add, List<Unseen> unseen) {
    boolean any = b.fields().keySet().stream().anyMatch(k -> k.startsWith(LATENCY_PREFIX));
    String worst = null;
    double worstP99 = -1;
    for (Map.Entry<String, String> e : b.fields().entrySet()) {
      if (!e.getKey().startsWith(LATENCY_PREFIX)) {
        continue;
      }
      String cmd = e.getKey().substring(LATENCY_PREFIX.length());
      if (OWN_COMMANDS.contains(cmd)) {
        continue;
      }
      for (String part : e.getValue().split(",")) {
        if (part.startsWith("p99=")) {
          double us = Double.parseDouble(part.substring(4));
          if (us > worstP99) {
            worstP99 = us;
            worst = cmd;
          }
        }
      }
    }
    if (worst == null) {
      unseen.add(
          new Unseen(
              "cache.command_latency_p99",
              any
                  ? "application commands since the server started (only this collector's were seen)"
                  : "Redis 7 or later (INFO latencystats), with latency-tracking yes"));
      return;
    }
    double uptime = b.number("uptime_in_seconds").orElse(0.0);
    add.put(
        Metric.COMMAND_LATENCY_P99,
        worstP99 * 1e-6,
        new ObservationWindow(end.minusSeconds((long) uptime), end),
        "highest p99 among commands, INFO latencystats since the server started: "
            + worst.toUpperCase(Locale.ROOT)
            + " "
            + fmt(worstP99)
            + " µs");
  }

  private double config(String name, RedisInfo info, String infoField) {
    String v = config.get(name);
    if (v != null) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        // fall through to INFO
      }
    }
    return info.number(infoField).orElse(0.0);
  }

  private double delta(RedisInfo a, RedisInfo b, String field) {
    double d = b.number(field).orElse(0.0) - a.number(field).orElse(0.0);
    if (d < 0) {
      throw new CollectionException(
          target.redacted()
              + ": "
              + field
              + " went back during the window (a restart or CONFIG RESETSTAT); collect again");
    }
    return d;
  }

  private static List<String> evictionPolicies() {
    return SystemFileSchema.componentKeys(ComponentKind.CACHE).stream()
        .filter(k -> k.name().equals("eviction_policy"))
        .findFirst()
        .map(SystemFileSchema.Key::choices)
        .orElse(List.of());
  }

  private static String fmt(double v) {
    return Units.format(v, 6);
  }

  @FunctionalInterface
  private interface Builder {
    void put(Metric m, double value, ObservationWindow w, String how);
  }

  @Override
  public void close() {
    connection.close();
  }
}
