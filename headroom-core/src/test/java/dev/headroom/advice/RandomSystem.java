package dev.headroom.advice;

import dev.headroom.ingest.system.SystemYaml;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A system drawn at random from one seed: a web tier, usually a database, sometimes a load
 * balancer, cache, CDN, worker and external service, with a random workload and random observations
 * that straddle the rules' thresholds. Fields are open so a property can change one thing (the
 * load, one observation) and keep the rest of the draw.
 */
final class RandomSystem {

  /** Observations where more is worse, with the range they are drawn from (canonical units). */
  static final Map<String, double[]> WORSE_WHEN_HIGHER = new LinkedHashMap<>();

  static {
    WORSE_WHEN_HIGHER.put("web.cpu", new double[] {0.2, 1.0});
    WORSE_WHEN_HIGHER.put("web.memory_used", new double[] {0.3, 1.0});
    WORSE_WHEN_HIGHER.put("web.pool_wait", new double[] {0.0005, 0.05});
    WORSE_WHEN_HIGHER.put("db.cpu", new double[] {0.1, 1.0});
    WORSE_WHEN_HIGHER.put("db.slowest_query", new double[] {0.005, 0.5});
    WORSE_WHEN_HIGHER.put("db.iowait", new double[] {0.0, 0.3});
    WORSE_WHEN_HIGHER.put("latency_p95", new double[] {0.05, 4.0});
    WORSE_WHEN_HIGHER.put("stripe.timeout_rate", new double[] {0.0, 0.01});
  }

  final long seed;
  int webInstances;
  int webVcpu;
  double webCost;
  int poolSize;
  String sessions;
  int autoscaleMax;
  boolean lb;
  boolean lbSticky;
  boolean db;
  int dbVcpu;
  int maxConnections;
  String storage;
  double dbCost;
  int replicas;
  String pooler;
  boolean cache;
  int cacheGiB;
  String policy;
  double cacheCost;
  boolean cdn;
  boolean worker;
  boolean external;
  double peakRps;
  double averageRps;
  double growth;
  double readRatio;
  double queriesPerRequest;
  double dataGiB;
  double users;
  double staticShare;
  boolean twoRegions;
  double availability;
  final Map<String, Double> observations = new LinkedHashMap<>();

  private RandomSystem(long seed) {
    this.seed = seed;
  }

  /** The system for {@code seed}; the same seed always gives the same system. */
  static RandomSystem draw(long seed) {
    Random r = new Random(seed);
    RandomSystem s = new RandomSystem(seed);
    s.webInstances = 1 + r.nextInt(4);
    s.webVcpu = 1 << r.nextInt(4);
    s.webCost = r.nextBoolean() ? 20 + r.nextInt(400) : 0;
    s.poolSize = r.nextInt(3) == 0 ? 0 : 5 + r.nextInt(60);
    s.sessions = new String[] {"", "stateless", "external", "sticky", "local"}[r.nextInt(5)];
    s.autoscaleMax = r.nextInt(3) == 0 ? s.webInstances + r.nextInt(10) : 0;
    s.lb = r.nextBoolean();
    s.lbSticky = r.nextInt(4) == 0;
    s.db = r.nextInt(5) != 0;
    s.dbVcpu = 1 << r.nextInt(5);
    s.maxConnections = 50 + r.nextInt(400);
    s.storage = new String[] {"ssd", "hdd", "nvme"}[r.nextInt(3)];
    s.dbCost = r.nextBoolean() ? 30 + r.nextInt(900) : 0;
    s.replicas = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
    s.pooler = r.nextBoolean() ? "none" : "pgbouncer";
    s.cache = r.nextBoolean();
    s.cacheGiB = 1 << r.nextInt(6);
    s.policy = new String[] {"", "allkeys-lru", "noeviction", "volatile-lru"}[r.nextInt(4)];
    s.cacheCost = r.nextBoolean() ? 10 + r.nextInt(200) : 0;
    s.cdn = r.nextInt(3) == 0;
    s.worker = r.nextInt(4) == 0;
    s.external = r.nextInt(3) == 0;
    s.peakRps = Math.rint(5 + r.nextDouble() * 4000);
    s.averageRps = Math.rint(s.peakRps / (1.5 + r.nextDouble() * 4));
    s.growth = Math.rint(r.nextDouble() * 80) / 100;
    s.readRatio = Math.rint(20 + r.nextDouble() * 79) / 100;
    s.queriesPerRequest = Math.rint(1 + r.nextDouble() * 40);
    s.dataGiB = Math.rint(1 + r.nextDouble() * 2000);
    s.users = Math.rint(1000 + r.nextDouble() * 500_000);
    s.staticShare = Math.rint(r.nextDouble() * 60) / 100;
    s.twoRegions = r.nextInt(4) == 0;
    s.availability = new double[] {0, 0.99, 0.999, 0.9999}[r.nextInt(4)];
    for (Map.Entry<String, double[]> e : WORSE_WHEN_HIGHER.entrySet()) {
      double lo = e.getValue()[0];
      double hi = e.getValue()[1];
      double v = lo + r.nextDouble() * (hi - lo);
      if (r.nextInt(4) != 0) {
        s.observations.put(e.getKey(), v);
      }
    }
    if (r.nextBoolean()) {
      s.observations.put("error_rate", r.nextDouble() * 0.01);
    }
    s.observations.put("cache.hit_ratio", 0.3 + r.nextDouble() * 0.69);
    s.observations.put("cache.evictions", r.nextBoolean() ? 0.0 : 1 + r.nextInt(200));
    s.observations.put("db.connections_in_use", (double) r.nextInt(s.maxConnections));
    s.observations.put("db.seq_scan_tables", (double) r.nextInt(3));
    if (s.twoRegions && r.nextBoolean()) {
      // drawn last, so the draws above stay what they were: distant users' latency is the
      // measured trigger that can take a system to the enterprise stage (declared requirements
      // such as four nines show as triggers but do not move the stage)
      s.observations.put("latency_p95_remote", 0.1 + r.nextDouble() * 2);
    }
    return s;
  }

  /** The same draw again (a fresh, independent copy). */
  RandomSystem copy() {
    RandomSystem c = draw(seed);
    c.peakRps = peakRps;
    c.averageRps = averageRps;
    c.growth = growth;
    c.observations.clear();
    c.observations.putAll(observations);
    return c;
  }

  /** Whether any component declares its own cost (so not every price comes from the table). */
  boolean declaresCosts() {
    return webCost > 0 || (db && dbCost > 0) || (cache && cacheCost > 0) || lb || cdn;
  }

  /** Drops every declared cost so that every price comes from the price table. */
  RandomSystem pricedFromTheTable() {
    webCost = 0;
    dbCost = 0;
    cacheCost = 0;
    lb = false;
    cdn = false;
    return this;
  }

  SystemYaml yaml() {
    SystemYaml y = SystemYaml.system();
    y.workload("peak_rps: " + num(peakRps) + " rps");
    y.workload("average_rps: " + num(averageRps) + " rps");
    y.workload("growth: " + num(growth * 100) + "%/month");
    y.workload("read_ratio: " + num(readRatio * 100) + "%");
    y.workload("queries_per_request: " + num(queriesPerRequest));
    y.workload("data_size: " + num(dataGiB) + "GiB");
    y.workload("active_users: " + num(users));
    y.workload("static_bandwidth_share: " + num(staticShare * 100) + "%");
    y.workload(twoRegions ? "user_regions: [europe, asia]" : "user_regions: [europe]");
    if (availability > 0) {
      y.slo("availability: " + num(availability * 100) + "%");
    }
    StringBuilder web =
        new StringBuilder(
            "name: web, kind: app, instances: "
                + webInstances
                + ", vcpu: "
                + webVcpu
                + ", memory: "
                + (webVcpu * 2)
                + "GiB");
    if (webCost > 0) {
      web.append(", cost: ").append(num(webCost)).append(" USD/month");
    }
    if (poolSize > 0) {
      web.append(", pool: { size: ").append(poolSize).append(" }");
    }
    if (!sessions.isEmpty()) {
      web.append(", sessions: ").append(sessions);
    }
    if (autoscaleMax > 0) {
      web.append(", autoscaling: { max: ").append(autoscaleMax).append(" }");
    }
    if (external) {
      web.append(", uses: [").append(db ? "db, " : "").append("stripe]");
    }
    y.component(web.toString());
    if (lb) {
      y.component(
          "name: lb, kind: load_balancer, cost: 20 USD/month"
              + (lbSticky ? ", sticky_sessions: true" : ""));
    }
    if (db) {
      y.component(
          "name: db, kind: database, vcpu: "
              + dbVcpu
              + ", memory: "
              + (dbVcpu * 4)
              + "GiB, storage: "
              + storage
              + ", max_connections: "
              + maxConnections
              + ", pooler: "
              + pooler
              + (dbCost > 0 ? ", cost: " + num(dbCost) + " USD/month" : "")
              + (replicas > 0 ? ", replicas: " + replicas : ""));
    }
    if (cache) {
      y.component(
          "name: cache, kind: cache, memory: "
              + cacheGiB
              + "GiB"
              + (policy.isEmpty() ? "" : ", eviction_policy: " + policy)
              + (cacheCost > 0 ? ", cost: " + num(cacheCost) + " USD/month" : ""));
    }
    if (cdn) {
      y.component("name: cdn, kind: cdn, cost: 40 USD/month");
    }
    if (worker) {
      y.component(
          "name: jobs, kind: worker, vcpu: 2, memory: 4GiB"
              + (poolSize > 0 ? ", pool: { size: 5 }" : ""));
    }
    if (external) {
      y.component("name: stripe, kind: external");
    }
    observations.forEach(
        (k, v) -> {
          String owner = k.contains(".") ? k.substring(0, k.indexOf('.')) : "";
          boolean present =
              owner.isEmpty()
                  || owner.equals("web")
                  || (owner.equals("db") && db)
                  || (owner.equals("cache") && cache)
                  || (owner.equals("stripe") && external);
          if (present) {
            y.observe(k + ": " + text(k, v));
          }
        });
    return y;
  }

  private static String text(String key, double v) {
    if (key.endsWith("pool_wait") || key.endsWith("slowest_query") || key.startsWith("latency")) {
      return num(v * 1000) + "ms";
    }
    if (key.endsWith("evictions")) {
      return num(v) + "/s";
    }
    if (key.endsWith("connections_in_use") || key.endsWith("seq_scan_tables")) {
      return num(v);
    }
    return num(Math.min(v, 1.0) * 100) + "%";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  @Override
  public String toString() {
    return "seed " + seed + ":\n" + yaml().text();
  }
}
