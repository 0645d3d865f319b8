package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.ServiceTime;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Provenance;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The system simulator's configuration built from the one {@link CapacityModel}, with the
 * provenance of every parameter, so a report shows where each came from. The mapping:
 *
 * <ul>
 *   <li>arrival rate: {@link CapacityModel#rate(Figure)} at the load multiple (Poisson);
 *   <li>app instances: {@link CapacityModel#instancesNow}; workers per instance: {@code vcpu} (or
 *       {@code capacity.workers}); service time by the utilisation law S = U·c/X at the
 *       per-instance capacity ({@link CapacityModel#perInstance}: one instance takes X at the
 *       target utilisation U), exponential;
 *   <li>pool: {@code pool.size}, capped so instances × pool ≤ the primary's {@code
 *       max_connections};
 *   <li>database: servers = the primary's {@code vcpu}; one query takes U·c/capacity with {@link
 *       CapacityModel#replicaCapacity}; a request that reaches the database takes queries per
 *       request of them, scaled by 1/(1 − read share × hit ratio) so the query rate reaching the
 *       database is the model's {@link CapacityModel#queryRate} whatever the cache answers today;
 *       replicas: {@link CapacityModel#replicasNow}; lag: measured {@code replica_lag}, else M9;
 *       shards: the primary's {@code shards} (hash over Zipf keys);
 *   <li>cache: measured {@code hit_ratio} (else C8's new-cache ratio), combined with a cache the
 *       plan added; strategy from {@code strategy}, else cache-aside (P4);
 *   <li>load balancer: {@code algorithm} ({@code sticky_sessions}: IP hash), health checks (P2)
 *       when {@code health_checks} is set;
 *   <li>autoscaling: {@code autoscaling.min/max/target_cpu} with P13's windows, steps, start-up.
 * </ul>
 *
 * <p>What the system file cannot say (the share of requests that call an external service, the
 * async share) is not invented: those components are listed in {@link #notes()} as not simulated.
 *
 * @param parameters every number the simulation uses, with its provenance
 * @param notes what the mapping left out or adjusted, and why
 */
public record ModelSimulation(
    SystemModel system, List<SimParameter> parameters, List<String> notes) {

  /** P6: an app cache answers in 1-5 ms; the simulator takes 2 ms per round trip. */
  public static final double P6_CACHE_SECONDS = 0.002;

  /**
   * How long a request waits for a pooled connection before it fails: 30 s, HikariCP's default
   * {@code connectionTimeout}; D3 asks for the pool's wait time and exhaustion events.
   */
  public static final double D3_POOL_TIMEOUT_SECONDS = 30;

  /**
   * P4 describes write-behind's loss risk but gives no flush interval: the simulator flushes every
   * second, an assumption the report lists with the other parameters.
   */
  public static final double P4_FLUSH_SECONDS = 1;

  /** M9: replica lag is expected at 100-500 ms; without a measurement, the upper end. */
  public static final double M9_LAG_SECONDS = 0.5;

  /** The short run of {@link #check}: warm-up, length and replications. */
  /** Failures in a row that open a declared circuit breaker (a common library default). */
  public static final int BREAKER_FAILURES = 5;

  /** How long an open breaker stays open before it lets a trial call through. */
  public static final double BREAKER_OPEN_SECONDS = 30;

  static final double CHECK_WARMUP_SECONDS = 20;

  static final double CHECK_LENGTH_SECONDS = 120;
  static final int CHECK_REPLICATIONS = 4;

  /** Arrivals per replication above which {@link #check} shortens its run. */
  static final double CHECK_MAX_ARRIVALS = 50_000;

  public ModelSimulation {
    parameters = List.copyOf(parameters);
    notes = List.copyOf(notes);
  }

  /**
   * The simulation of {@code model} at {@code multiple} × today's load.
   *
   * @throws BadInputException when the model cannot be simulated (no request rate, no app tier,
   *     zero capacity, a share above 1), naming the system file position where there is one
   */
  public static ModelSimulation of(CapacityModel model, Figure multiple) {
    return new Builder(model, multiple).build();
  }

  /**
   * A short run for the roadmap's checks: {@value #CHECK_REPLICATIONS} replications of {@value
   * #CHECK_LENGTH_SECONDS} s (shorter at very high rates), utilisations and p95 with intervals.
   */
  public static SystemSimulationResult check(CapacityModel model, Figure multiple, long seed) {
    ModelSimulation sim = of(model, multiple);
    double rate = sim.system().arrivals().ratePerSecond();
    double length = Math.min(CHECK_LENGTH_SECONDS, Math.max(10, CHECK_MAX_ARRIVALS / rate));
    return SystemSimulation.run(
        sim.system(),
        new RunPlan(Math.min(CHECK_WARMUP_SECONDS, length / 4), length, CHECK_REPLICATIONS, seed));
  }

  /** The same simulation with {@code failures} injected and {@code spikes} added. */
  public ModelSimulation with(List<Failure> failures, List<Spike> spikes) {
    List<Failure> all = new ArrayList<>(system.failures());
    all.addAll(failures);
    return new ModelSimulation(
        system.withFailures(all).withArrivals(system.arrivals().withSpikes(spikes)),
        parameters,
        notes);
  }

  /** One input of the simulation with where it came from. */
  public record SimParameter(String name, Figure value) {
    public SimParameter {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(value, "value");
    }
  }

  private static final class Builder {
    private final CapacityModel model;
    private final SystemView view;
    private final Figure multiple;
    private final List<SimParameter> params = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Builder(CapacityModel model, Figure multiple) {
      this.model = model;
      this.view = model.view();
      this.multiple = multiple;
    }

    private Figure param(String name, Figure f) {
      params.add(new SimParameter(name, f));
      return f;
    }

    private BadInputException cannot(
        Optional<Component> at, String key, String found, String allowed) {
      SourceLocation loc =
          at.map(Component::location).orElse(new SourceLocation(view.spec().source(), 0, 0));
      return new BadInputException(
          new InputProblem(
              loc.file(),
              loc.line(),
              loc.column(),
              key,
              found,
              "cannot simulate: " + allowed,
              null));
    }

    private static Figure derived(double v, Dimension d, String formula, String... inputs) {
      return new Figure(v, d, new Provenance.Derived(formula, List.of(inputs)));
    }

    ModelSimulation build() {
      if (!(multiple.value() > 0) || !Double.isFinite(multiple.value())) {
        throw cannot(Optional.empty(), "load multiple", multiple.formatted(), "a multiple > 0");
      }
      param("load multiple", multiple);
      Figure rate =
          param(
              "arrival rate",
              model
                  .rate(multiple)
                  .orElseThrow(
                      () ->
                          cannot(
                              Optional.empty(),
                              "workload.peak_rps",
                              "no request rate",
                              "needs workload.peak_rps or observations.rps above 0")));
      Component app =
          model
              .app()
              .orElseThrow(
                  () ->
                      cannot(
                          Optional.empty(),
                          "components",
                          "no component of kind app",
                          "needs an app component (the tier every request passes)"));
      Arrivals arrivals = arrivals(rate);
      LoadBalancer lb = balancer();
      Optional<Component> primary = view.primaries().stream().findFirst();
      Optional<Cache> cache = primary.isPresent() ? cache() : Optional.empty();
      double readShare = readShare(primary);
      AppTier tier = appTier(app, primary);
      Optional<Database> db = primary.map(p -> database(p, readShare, cache));
      Optional<Autoscaling> scaling = autoscaling(app, tier);
      if (scaling.isPresent()) {
        Autoscaling a = scaling.get();
        int n = Math.max(a.min(), Math.min(a.max(), tier.instances()));
        if (n != tier.instances()) {
          notes.add(
              "app instances "
                  + tier.instances()
                  + " moved to "
                  + n
                  + " to start inside the autoscaling bounds "
                  + a.min()
                  + ".."
                  + a.max());
          tier = tier.withInstances(n);
        }
      }
      Optional<External> external = external();
      Optional<AsyncQueue> queue = queue();
      double async = queue.isEmpty() ? 0 : asyncShare;
      SystemModel system;
      try {
        system =
            new SystemModel(
                arrivals,
                async,
                readShare,
                lb,
                tier,
                cache,
                keySpace(),
                db,
                queue,
                external,
                scaling,
                List.of(),
                0);
      } catch (IllegalArgumentException e) {
        throw cannot(
            Optional.of(app), app.name(), e.getMessage(), "a configuration the simulator can run");
      }
      return new ModelSimulation(system, params, notes);
    }

    /**
     * The first external service whose call share is declared, with its measured p95 latency (an
     * exponential call time, whose p95 is its mean × ln 20) and its timeout; failures are the
     * measured rate-limited share; a declared circuit breaker opens after {@link #BREAKER_FAILURES}
     * failures in a row for {@link #BREAKER_OPEN_SECONDS} (D2, X1: timeouts and rate limits call
     * for breakers). Others are listed in the notes as not simulated.
     */
    private Optional<External> external() {
      Optional<External> out = Optional.empty();
      for (Component c : view.spec().components(ComponentKind.EXTERNAL)) {
        Optional<Figure> share = view.fact(c.fact("call_share"));
        Optional<Figure> p95 = view.fact(c.fact("latency_p95"));
        Optional<Figure> timeout = view.fact(c.fact("timeout"));
        List<String> needs = new ArrayList<>();
        if (share.isEmpty()) {
          needs.add(c.fact("call_share"));
        }
        if (p95.isEmpty()) {
          needs.add("observations." + c.fact("latency_p95"));
        }
        if (timeout.isEmpty()) {
          needs.add(c.fact("timeout"));
        }
        if (out.isPresent() || !needs.isEmpty()) {
          notes.add(
              "external service "
                  + c.name()
                  + " not simulated: "
                  + (out.isPresent()
                      ? "one external service is simulated, the first with its figures"
                      : "needs " + String.join(", ", needs)));
          continue;
        }
        if (p95.get().value() <= 0) {
          throw cannot(
              Optional.of(c), c.fact("latency_p95"), p95.get().formatted(), "a latency above 0");
        }
        if (timeout.get().value() <= 0) {
          throw cannot(Optional.of(c), c.fact("timeout"), timeout.get().formatted(), "above 0");
        }
        double callShare = param(c.name() + " call share", share.get()).value();
        Figure mean =
            param(
                c.name() + " mean call time",
                derived(
                    p95.get().value() / Math.log(20),
                    Dimension.DURATION,
                    "p95 / ln 20 (an exponential call time, whose p95 is its mean x ln 20)",
                    c.fact("latency_p95") + " = " + p95.get().withKind()));
        double limit = param(c.name() + " timeout", timeout.get()).value();
        double failures =
            param(
                    c.name() + " failure probability",
                    view.fact(c.fact("rate_limited"))
                        .orElse(
                            new Figure(
                                0,
                                Dimension.RATIO,
                                new Provenance.Assumed(
                                    "D2",
                                    "no rate-limited share measured: calls fail only by"
                                        + " timing out"))))
                .value();
        int retries =
            (int)
                param(
                        c.name() + " retries",
                        view.fact(c.fact("retries"))
                            .orElse(
                                new Figure(
                                    0,
                                    Dimension.COUNT,
                                    new Provenance.Assumed("X1", "no retries declared"))))
                    .value();
        Optional<CircuitBreaker> breaker = Optional.empty();
        if (c.flag("circuit_breaker")) {
          param(
              c.name() + " circuit breaker",
              new Figure(
                  BREAKER_FAILURES,
                  Dimension.COUNT,
                  new Provenance.Assumed(
                      "X1",
                      "opens after "
                          + BREAKER_FAILURES
                          + " failures in a row, for "
                          + Units.format(BREAKER_OPEN_SECONDS, Dimension.DURATION))));
          breaker = Optional.of(new CircuitBreaker(BREAKER_FAILURES, BREAKER_OPEN_SECONDS));
        }
        try {
          out =
              Optional.of(
                  new External(
                      callShare,
                      ServiceTime.exponential(mean.value()),
                      limit,
                      failures,
                      retries,
                      breaker));
        } catch (IllegalArgumentException e) {
          throw cannot(Optional.of(c), c.name(), e.getMessage(), "an external service it can run");
        }
      }
      return out;
    }

    /** The async share of requests, set by {@link #queue()}. */
    private double asyncShare;

    /**
     * The queue's async workers: requests that enqueue a job are {@code workload.job_rate} / peak
     * of all (one job each; jobs grow with the load, so the share holds at every multiple); the
     * workers are the worker components' instances × their {@code capacity.workers} (else vCPUs),
     * each job taking {@code capacity.service_time}, else {@code workload.job_duration}
     * (exponential). Without a queue, a worker or a job rate, listed as not simulated.
     */
    private Optional<AsyncQueue> queue() {
      List<Component> queues = view.spec().components(ComponentKind.QUEUE);
      if (queues.isEmpty()) {
        return Optional.empty();
      }
      Component q = queues.get(0);
      List<Component> workers = view.spec().components(ComponentKind.WORKER);
      Optional<Figure> jobs = view.fact("workload.job_rate");
      Optional<Figure> peak = model.peak();
      List<String> needs = new ArrayList<>();
      if (jobs.isEmpty()) {
        needs.add("workload.job_rate");
      }
      if (workers.isEmpty()) {
        needs.add("a component of kind worker");
      }
      Optional<Figure> duration =
          workers.isEmpty()
              ? Optional.empty()
              : view.fact(workers.get(0).fact("capacity.service_time"))
                  .or(() -> view.fact("workload.job_duration"));
      if (duration.isEmpty()) {
        needs.add("workload.job_duration or the worker's capacity.service_time");
      }
      if (!needs.isEmpty() || peak.isEmpty()) {
        notes.add("queue " + q.name() + " not simulated: needs " + String.join(", ", needs));
        return Optional.empty();
      }
      if (jobs.get().value() >= peak.get().value() || jobs.get().value() < 0) {
        throw cannot(
            Optional.of(q),
            "workload.job_rate",
            jobs.get().formatted(),
            "a job rate below the request rate (" + peak.get().formatted() + ")");
      }
      if (duration.get().value() <= 0) {
        throw cannot(
            Optional.of(workers.get(0)),
            "job duration",
            duration.get().formatted(),
            "a job duration above 0");
      }
      asyncShare =
          param(
                  "async share of requests",
                  derived(
                      jobs.get().value() / peak.get().value(),
                      Dimension.RATIO,
                      "job rate / request rate (one job per async request)",
                      "job rate = " + jobs.get().withKind(),
                      "request rate = " + peak.get().withKind()))
              .value();
      int servers = 0;
      List<String> inputs = new ArrayList<>();
      for (Component w : workers) {
        double n = view.spec().instances(w);
        Optional<Figure> each =
            view.fact(w.fact("capacity.workers")).or(() -> view.fact(w.fact("vcpu")));
        double per = each.map(Figure::value).orElse(1.0);
        servers += (int) Math.max(1, Math.round(n * per));
        inputs.add(
            w.name()
                + ": "
                + Units.format(n, 6)
                + " instances x "
                + each.map(Figure::withKind).orElse("1 (assumed)"));
      }
      param(
          "async workers",
          derived(
              servers,
              Dimension.COUNT,
              "worker instances x workers each (capacity.workers, else vCPUs)",
              inputs.toArray(String[]::new)));
      param("job duration", duration.get());
      notes.add(
          "queue "
              + q.name()
              + ": async requests pass the load balancer and an app instance, then wait for a"
              + " worker; they send no read or write to the database in the simulation");
      return Optional.of(new AsyncQueue(servers, ServiceTime.exponential(duration.get().value())));
    }

    /**
     * The key space shards and cache keys are drawn from: the same Zipf skew and key count the
     * roadmap sizes its shards with ({@code Settings.shardKeySkew}, {@code shardKeys}, P9).
     */
    private KeySpace keySpace() {
      return new KeySpace(
          (int) Math.round(model.settings().shardKeys().value()),
          model.settings().shardKeySkew().value());
    }

    private Arrivals arrivals(Figure rate) {
      // The model sizes the app tier for the peak it is given, and the CPU it was measured at
      // already has today's CDN in front: taking a static share off again would simulate a lighter
      // system than the one the capacity model describes (one system, one answer).
      if (!view.spec().components(ComponentKind.CDN).isEmpty()
          && view.fact("workload.static_bandwidth_share").isPresent()) {
        notes.add(
            "CDN: its hits are outside the peak the model sizes (the measured CPU already has the"
                + " CDN in front), so every simulated arrival reaches the load balancer");
      }
      return new Arrivals(rate.value(), new double[0], List.of(), 0, Arrivals.DEFAULT_CLIENTS);
    }

    private LoadBalancer balancer() {
      Optional<Component> lb =
          view.spec().components(ComponentKind.LOAD_BALANCER).stream().findFirst();
      Balancing algorithm = Balancing.ROUND_ROBIN;
      String source = "no load balancer declared: round robin (P2)";
      if (lb.isPresent()) {
        String a = lb.get().setting("algorithm").orElse("round_robin");
        algorithm =
            switch (a) {
              case "weighted" -> Balancing.WEIGHTED;
              case "least_connections" -> Balancing.LEAST_CONNECTIONS;
              case "ip_hash" -> Balancing.IP_HASH;
              case "random" -> Balancing.RANDOM;
              default -> Balancing.ROUND_ROBIN;
            };
        if (lb.get().flag("sticky_sessions")) {
          algorithm = Balancing.IP_HASH;
        }
        source = lb.get().name() + ".algorithm at " + lb.get().location();
      }
      notes.add(
          "load balancer: "
              + algorithm.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (lb.isPresent() ? " (declared: " + source + ")" : " (assumed: " + source + ")"));
      boolean checks = lb.map(c -> c.flag("health_checks")).orElse(false);
      if (checks) {
        param(
            "health check detection",
            new Figure(
                HealthCheck.p2().detectionSeconds(),
                Dimension.DURATION,
                new Provenance.Assumed("P2", "health checks every 30 s, out after 3 failures")));
      }
      return new LoadBalancer(
          algorithm, new double[0], checks ? Optional.of(HealthCheck.p2()) : Optional.empty());
    }

    private double readShare(Optional<Component> primary) {
      if (primary.isEmpty()) {
        return 1;
      }
      Optional<Figure> read = view.readRatio(primary.get());
      if (read.isEmpty()) {
        notes.add("no read_ratio: every request taken as a read");
        return 1;
      }
      if (read.get().value() < 0 || read.get().value() > 1) {
        throw cannot(
            primary, "workload.read_ratio", read.get().formatted(), "a share from 0% to 100%");
      }
      return param("read share", read.get()).value();
    }

    private AppTier appTier(Component app, Optional<Component> primary) {
      Figure instances = param(app.name() + " instances", model.instancesNow(app));
      int n = (int) Math.round(instances.value());
      if (n < 1) {
        throw cannot(
            Optional.of(app), app.fact("instances"), instances.formatted(), "at least 1 instance");
      }
      Figure workers =
          view.fact(app.fact("vcpu"))
              .orElse(
                  new Figure(
                      1,
                      Dimension.COUNT,
                      new Provenance.Assumed("C2", "one core when vcpu is not declared")));
      param(app.name() + " cores per instance (CPU servers)", workers);
      int c = (int) Math.round(workers.value());
      if (c < 1) {
        throw cannot(Optional.of(app), app.fact("vcpu"), workers.formatted(), "at least 1 vCPU");
      }
      Figure threads =
          param(
              app.name() + " threads per instance",
              view.fact(app.fact("capacity.workers"))
                  .orElse(
                      new Figure(
                          AppTier.DEFAULT_THREADS,
                          Dimension.COUNT,
                          new Provenance.Assumed(
                              "C5",
                              "200 request threads per instance (Tomcat's default maxThreads);"
                                  + " declare capacity.workers to replace it"))));
      if (threads.value() < 1) {
        throw cannot(
            Optional.of(app),
            app.fact("capacity.workers"),
            threads.formatted(),
            "at least 1 worker");
      }
      Figure per = model.perInstance(app);
      if (!(per.value() > 0)) {
        throw cannot(
            Optional.of(app),
            app.name() + " capacity",
            per.formatted(),
            "a per-instance capacity above 0");
      }
      Figure target = model.settings().targetUtilization();
      Figure service =
          param(
              app.name() + " service time",
              derived(
                  target.value() * c / per.value(),
                  Dimension.DURATION,
                  "utilisation law S = U·c/X at the per-instance capacity (exponential)",
                  "per instance = " + per.withKind(),
                  "at utilisation = " + target.withKind(),
                  "cores = " + workers.formatted()));
      Figure pool =
          view.fact(app.fact("pool.size"))
              .orElse(
                  new Figure(
                      c,
                      Dimension.COUNT,
                      new Provenance.Assumed("C2", "no pool.size: one connection per core")));
      if (pool.value() < 1) {
        throw cannot(
            Optional.of(app), app.fact("pool.size"), pool.formatted(), "a pool of at least 1");
      }
      if (primary.isPresent()) {
        Optional<Figure> max = view.fact(primary.get().fact("max_connections"));
        if (max.isPresent() && max.get().value() < n * pool.value()) {
          double each = Math.floor(max.get().value() / n);
          if (each < 1) {
            throw cannot(
                primary,
                primary.get().fact("max_connections"),
                max.get().formatted() + " for " + n + " instances",
                "at least one connection per instance");
          }
          pool =
              derived(
                  each,
                  Dimension.COUNT,
                  "floor(max_connections / instances): the server refuses connections beyond it",
                  "max_connections = " + max.get().withKind(),
                  "instances = " + n,
                  "pool.size = " + pool.withKind());
          notes.add(
              "pool capped at "
                  + Units.format(each, 6)
                  + " per instance by "
                  + primary.get().name()
                  + ".max_connections");
        }
      }
      param(app.name() + " pool size", pool);
      Figure timeout =
          param(
              "pool wait timeout",
              new Figure(
                  D3_POOL_TIMEOUT_SECONDS,
                  Dimension.DURATION,
                  new Provenance.Assumed("D3", "30 s, HikariCP's default connectionTimeout")));
      return new AppTier(
          n,
          c,
          (int) Math.round(threads.value()),
          ServiceTime.exponential(service.value()),
          (int) pool.value(),
          timeout.value(),
          AppTier.DEFAULT_BACKLOG);
    }

    private Optional<Cache> cache() {
      Optional<Component> comp = view.spec().components(ComponentKind.CACHE).stream().findFirst();
      double added = model.addedCacheHitRatio();
      if (comp.isEmpty() && added == 0) {
        return Optional.empty();
      }
      double h = existingHitRatio().map(Figure::value).orElse(0.0);
      double total = 1 - (1 - h) * (1 - added);
      if (added > 0) {
        param(
            "hit ratio of the cache the plan adds",
            new Figure(
                added,
                Dimension.RATIO,
                new Provenance.Derived("the plan's cache step", List.of())));
      }
      CacheStrategy strategy = CacheStrategy.CACHE_ASIDE;
      if (comp.isPresent()) {
        String s = comp.get().setting("strategy").orElse("cache-aside");
        strategy =
            switch (s) {
              case "write-through" -> CacheStrategy.WRITE_THROUGH;
              case "write-behind" -> CacheStrategy.WRITE_BEHIND;
              default -> CacheStrategy.CACHE_ASIDE;
            };
        if (comp.get().setting("strategy").isEmpty()) {
          notes.add("cache strategy not declared: cache-aside (P4)");
        }
      }
      param(
          "cache round trip",
          new Figure(
              P6_CACHE_SECONDS,
              Dimension.DURATION,
              new Provenance.Assumed("P6", "an app cache answers in 1-5 ms: 2 ms")));
      if (strategy == CacheStrategy.WRITE_BEHIND) {
        param(
            "write-behind flush interval",
            new Figure(
                P4_FLUSH_SECONDS,
                Dimension.DURATION,
                new Provenance.Assumed(
                    "P4", "write-behind flushes every second (P4 gives no interval)")));
      }
      return Optional.of(
          new Cache(
              strategy, total, 0, ServiceTime.exponential(P6_CACHE_SECONDS), P4_FLUSH_SECONDS));
    }

    /**
     * P4 names no flush interval; 1 s is the write-behind batching common in Redis-fronted stores.
     */
    private static final double WRITE_BEHIND_FLUSH = 1;

    /** The hit ratio of the cache the system has today: measured, else C8's for a new cache. */
    private Optional<Figure> existingHitRatio() {
      Optional<Component> comp = view.spec().components(ComponentKind.CACHE).stream().findFirst();
      if (comp.isEmpty()) {
        return Optional.empty();
      }
      Figure h =
          view.fact(comp.get().fact("hit_ratio")).orElse(model.settings().newCacheHitRatio());
      if (h.value() < 0 || h.value() > 1) {
        throw cannot(comp, comp.get().fact("hit_ratio"), h.formatted(), "a share from 0% to 100%");
      }
      return Optional.of(param("cache hit ratio", h));
    }

    private Database database(Component db, double readShare, Optional<Cache> cache) {
      Figure servers =
          view.fact(db.fact("vcpu"))
              .orElse(
                  new Figure(
                      1,
                      Dimension.COUNT,
                      new Provenance.Assumed(
                          "C2", "one core when the database's vcpu is not declared")));
      param(db.name() + " servers (vcpu)", servers);
      int c = (int) Math.round(servers.value());
      if (c < 1) {
        throw cannot(Optional.of(db), db.fact("vcpu"), servers.formatted(), "at least 1 vCPU");
      }
      Figure capacity = param(db.name() + " queries/s at the target", model.replicaCapacity(db));
      if (!(capacity.value() > 0)) {
        throw cannot(
            Optional.of(db),
            db.name() + " capacity",
            capacity.formatted(),
            "a query capacity above 0");
      }
      Figure target = model.settings().targetUtilization();
      Figure perQuery =
          param(
              db.name() + " time per query",
              derived(
                  target.value() * c / capacity.value(),
                  Dimension.DURATION,
                  "utilisation law S = U·c/X at the database's query capacity",
                  "capacity = " + capacity.withKind(),
                  "at utilisation = " + target.withKind(),
                  "servers = " + servers.formatted()));
      Figure queries =
          view.fact("workload.queries_per_request")
              .orElse(
                  new Figure(
                      1,
                      Dimension.COUNT,
                      new Provenance.Assumed("C5", "one query per request when not declared")));
      param("queries per request", queries);
      double h = cache.isPresent() ? existingHitRatio().map(Figure::value).orElse(0.0) : 0;
      double reach = 1 - readShare * h;
      if (!(reach > 0)) {
        throw cannot(
            Optional.of(db),
            "cache.hit_ratio",
            "every request answered by the cache",
            "a hit ratio below 100% on reads");
      }
      Figure visit =
          param(
              db.name() + " time per request that reaches it",
              derived(
                  queries.value() * perQuery.value() / reach,
                  Dimension.DURATION,
                  "queries per request x time per query / (1 - read share x today's hit ratio): the"
                      + " model's query rate reaches the database (C5)",
                  "queries = " + queries.withKind(),
                  "per query = " + perQuery.formatted(),
                  "read share x hit ratio = " + Units.format(readShare * h, 4)));
      double replicasNow = model.replicasNow(db);
      int replicas = (int) Math.round(replicasNow);
      int declaredShards = (int) Math.round(view.facts().value(db.fact("shards"), 1));
      if (declaredShards < 1) {
        throw cannot(
            Optional.of(db), db.fact("shards"), String.valueOf(declaredShards), "at least 1 shard");
      }
      // the roadmap's sharding step (CapacityModel.shards) beats the declared count
      int planned = model.shards(db);
      int shards = planned > 1 ? planned : declaredShards;
      Optional<Sharding> sharding = Optional.empty();
      if (shards > 1) {
        ShardStrategy strategy = ShardStrategy.HASH;
        for (dev.headroom.analysis.capacity.Change ch : model.changes()) {
          if (ch instanceof dev.headroom.analysis.capacity.Change.Shard sh
              && sh.database().equals(db.name())) {
            strategy = ShardStrategy.valueOf(sh.strategy().toUpperCase(Locale.ROOT));
          }
        }
        sharding = Optional.of(new Sharding(strategy, shards));
        param(
            db.name() + " shards",
            planned > 1
                ? new Figure(
                    planned,
                    Dimension.COUNT,
                    new Provenance.Derived(
                        "the roadmap's sharding step, " + strategy.name().toLowerCase(Locale.ROOT),
                        List.of()))
                : view.fact(db.fact("shards")).orElseThrow());
        param("key popularity Zipf s", model.settings().shardKeySkew());
        param("keys", model.settings().shardKeys());
        if (replicas > 0) {
          notes.add("replicas of a sharded database not simulated: the shards take the reads");
          replicas = 0;
        }
      }
      int replicaServers = c;
      double lag = 0;
      if (replicas > 0) {
        param(
            db.name() + " replicas",
            new Figure(
                replicas,
                Dimension.COUNT,
                new Provenance.Derived(
                    "replicas listed, declared, or added by the plan (C3)", List.of())));
        Optional<Component> listed =
            view.spec().components(ComponentKind.DATABASE).stream()
                .filter(r -> r.setting("replica_of").filter(db.name()::equals).isPresent())
                .findFirst();
        if (listed.isPresent()) {
          Optional<Figure> v = view.fact(listed.get().fact("vcpu"));
          if (v.isPresent() && v.get().value() >= 1) {
            replicaServers = (int) Math.round(param("replica servers (vcpu)", v.get()).value());
          }
        }
        lag =
            param(
                    "replication lag",
                    view.fact(db.fact("replica_lag"))
                        .orElse(
                            new Figure(
                                M9_LAG_SECONDS,
                                Dimension.DURATION,
                                new Provenance.Assumed(
                                    "M9", "replica lag 100-500 ms expected: the upper end"))))
                .value();
      }
      ServiceTime s = ServiceTime.exponential(visit.value());
      ServiceTime write = writeService(db, c, queries, readShare).orElse(s);
      // a bigger machine from the roadmap keeps the time per query and adds cores (the utilisation
      // law's capacity grows with them, as CapacityModel.primaryUtilisationAt reads it)
      double size = model.primarySize(db);
      int primaryServers = c;
      if (size > 1) {
        primaryServers =
            (int)
                Math.round(
                    param(
                            db.name() + " servers after a bigger machine",
                            derived(
                                Math.round(c * size),
                                Dimension.COUNT,
                                "vcpu x the size the roadmap moved the primary to",
                                "vcpu = " + servers.formatted(),
                                "size = " + Units.format(size, 4) + "x"))
                        .value());
      }
      return new Database(primaryServers, s, write, replicas, replicaServers, lag, sharding);
    }

    /**
     * When replicas take today's reads, the primary's measured CPU pays for the writes alone, so a
     * write's time is read from it (utilisation law S = U·c/X over today's write queries), not from
     * the read capacity: writes commonly cost several times a read, and the capacity model's
     * primary CPU ({@code CapacityModel.primaryUtilisationAt}) scales that same measurement.
     */
    private Optional<ServiceTime> writeService(
        Component db, int cores, Figure queries, double readShare) {
      Optional<Figure> cpu = view.fact(db.fact("cpu")).filter(u -> u.value() >= 0.05);
      Optional<Figure> peak = model.peak();
      if (view.replicaCount(db) == 0 || cpu.isEmpty() || peak.isEmpty() || readShare >= 1) {
        return Optional.empty();
      }
      double writeQueries = peak.get().value() * queries.value() * (1 - readShare);
      Figure perWrite =
          param(
              db.name() + " time per write query",
              derived(
                  cpu.get().value() * cores / writeQueries,
                  Dimension.DURATION,
                  "utilisation law S = U·c/X on the primary, whose CPU pays for the writes while"
                      + " replicas take the reads",
                  db.fact("cpu") + " = " + cpu.get().withKind(),
                  "cores = " + cores,
                  "write queries today = peak x queries per request x (1 - read share) = "
                      + Units.format(writeQueries, Dimension.RATE)));
      return Optional.of(ServiceTime.exponential(queries.value() * perWrite.value()));
    }

    private Optional<Autoscaling> autoscaling(Component app, AppTier tier) {
      Optional<Figure> min = view.fact(app.fact("autoscaling.min"));
      Optional<Figure> max = view.fact(app.fact("autoscaling.max"));
      if (min.isEmpty() && max.isEmpty()) {
        return Optional.empty();
      }
      int lo = (int) Math.round(min.map(Figure::value).orElse(1.0));
      int hi =
          (int) Math.round(max.map(Figure::value).orElse((double) Math.max(lo, tier.instances())));
      Figure target =
          view.fact(app.fact("autoscaling.target_cpu"))
              .orElse(model.settings().targetUtilization());
      min.ifPresent(f -> param("autoscaling min", f));
      max.ifPresent(f -> param("autoscaling max", f));
      boolean scaledOut =
          model.changes().stream()
              .anyMatch(
                  ch ->
                      ch instanceof dev.headroom.analysis.capacity.Change.ScaleOut so
                          && so.component().equals(app.name()));
      if (scaledOut && tier.instances() > hi) {
        // the roadmap's scale-out step sizes the tier past the declared bound: it raises the bound
        notes.add(
            "autoscaling max "
                + hi
                + " raised to "
                + tier.instances()
                + ", the instances the plan's scale-out step sizes "
                + app.name()
                + " to");
        hi = tier.instances();
      }
      param("autoscaling target", target);
      param(
          "autoscaling start-up delay",
          new Figure(
              Autoscaling.P13_STARTUP_SECONDS,
              Dimension.DURATION,
              new Provenance.Assumed("P13", "a new instance is ready after about 2 min")));
      param(
          "autoscaling scale-down window",
          new Figure(
              Autoscaling.P13_DOWN_WINDOW_SECONDS,
              Dimension.DURATION,
              new Provenance.Assumed(
                  "P13", "scale down after 5 min of stabilisation; up at once")));
      try {
        return Optional.of(Autoscaling.p13(lo, hi, target.value()));
      } catch (IllegalArgumentException e) {
        throw cannot(
            Optional.of(app),
            app.fact("autoscaling"),
            e.getMessage(),
            "min >= 1, max >= min, target in (0, 100%]");
      }
    }
  }
}
