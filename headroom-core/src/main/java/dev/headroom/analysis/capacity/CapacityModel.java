package dev.headroom.analysis.capacity;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Settings;
import dev.headroom.analysis.SystemView;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one capacity model of a system. Every section that needs a tier's capacity, an instance
 * count, a replica count or a cache size reads it here, so one question has one answer:
 *
 * <ul>
 *   <li><b>Load</b>: today's request rate (measured beats declared), the growth factor and the
 *       growth target (C1: peak × growth × safety margin).
 *   <li><b>Capacity per app instance</b>, best evidence first: a model of the component (USL fit of
 *       its load tests, or an M/M/c pool), the measured {@code max_rps_per_instance}, the
 *       utilisation law on measured CPU and request rate (U = X·S, so one instance takes X/n ×
 *       target / U at the target utilisation), and only then C5's placeholder (assumed).
 *   <li><b>The database</b>: query rate from requests × queries per request, read share, one
 *       replica's capacity (utilisation law on the primary, else C3's placeholder), replicas now.
 *   <li><b>The cache</b>: memory for the working set, measured when the cache shows it holds what
 *       is hot, else C4's share of the data or C5's bytes per user.
 * </ul>
 *
 * <p>Recommendations are {@link Change}s: {@link #with(Change)} gives the model of the system after
 * the step, so a later step is sized for what an earlier one leaves (a cache takes its hit share of
 * reads off the database before replicas are counted). The model is immutable.
 */
public final class CapacityModel {

  /** Below this measured CPU the utilisation law extrapolates too far to trust (20x and more). */
  private static final double MIN_CPU_FOR_LAW = 0.05;

  private final SystemView view;
  private final Settings settings;
  private final Map<String, MeasuredCapacity> measured;
  private final List<Change> changes;

  /** Built once per assessment from the view, the settings and the modelled capacities. */
  public CapacityModel(SystemView view, Settings settings, Map<String, MeasuredCapacity> measured) {
    this(view, settings, Map.copyOf(measured), List.of());
  }

  private CapacityModel(
      SystemView view,
      Settings settings,
      Map<String, MeasuredCapacity> measured,
      List<Change> changes) {
    this.view = view;
    this.settings = settings;
    this.measured = measured;
    this.changes = List.copyOf(changes);
  }

  public SystemView view() {
    return view;
  }

  public Settings settings() {
    return settings;
  }

  /** The changes applied to the described system, in order. */
  public List<Change> changes() {
    return changes;
  }

  /** The model of the system after {@code change}. */
  public CapacityModel with(Change change) {
    List<Change> next = new ArrayList<>(changes);
    next.add(change);
    return new CapacityModel(view, settings, measured, next);
  }

  /** The modelled capacity (USL fit, M/M/c pool) of {@code component}, if it has one. */
  public Optional<MeasuredCapacity> measured(String component) {
    return Optional.ofNullable(measured.get(component));
  }

  // ------------------------------------------------------------------ load

  /**
   * Today's request rate: measured ({@code observations.rps}) beats declared ({@code
   * workload.peak_rps}); empty when neither is given or it is zero (nothing to size from).
   */
  public Optional<Figure> peak() {
    return view.peakRps().filter(f -> f.value() > 0);
  }

  /** C1's growth factor: a declared target, else (1 + monthly growth)^months, else 1 (assumed). */
  public Figure growthFactor() {
    Optional<Figure> target = view.fact("workload.target");
    Optional<Figure> rate = view.fact("workload.growth");
    if (target.isPresent()) {
      return target.get();
    }
    if (rate.isPresent()) {
      Figure horizon = view.fact("workload.horizon").orElse(settings.horizon());
      double months = horizon.value() / (365.25 * 86400 / 12);
      return derived(
          Math.pow(1 + rate.get().value(), months),
          Dimension.MULTIPLIER,
          "(1 + monthly growth) ^ months",
          "growth = " + rate.get().formatted(),
          "horizon = " + Units.format(months, 4) + " months (" + horizon.provenance().kind() + ")");
    }
    return new Figure(
        1.0,
        Dimension.MULTIPLIER,
        new Provenance.Assumed("C1", "no growth or target given: planning for today's peak"));
  }

  /** Whether the growth factor was given (as a target or a rate) rather than assumed. */
  public boolean growthKnown() {
    return view.fact("workload.target").isPresent() || view.fact("workload.growth").isPresent();
  }

  /**
   * The growth target as a multiple of today's load: growth factor × safety margin (C1). Every "at
   * the growth target" figure is the model at this multiple.
   */
  public Figure targetMultiple() {
    Figure growth = growthFactor();
    Figure margin = settings.safetyMargin();
    return derived(
        growth.value() * margin.value(),
        Dimension.MULTIPLIER,
        "growth factor x safety margin (C1)",
        "growth factor = " + growth.withKind(),
        "safety margin = " + margin.withKind());
  }

  /** Today's multiple, 1x. */
  public static Figure today() {
    return new Figure(1, Dimension.MULTIPLIER, new Provenance.Derived("today's peak", List.of()));
  }

  /** The request rate at {@code multiple} × today's peak. */
  public Optional<Figure> rate(Figure multiple) {
    return peak()
        .map(
            p ->
                multiple.value() == 1
                    ? p
                    : derived(
                        p.value() * multiple.value(),
                        Dimension.RATE,
                        "peak x load multiple",
                        "peak = " + p.withKind(),
                        "multiple = " + multiple.formatted()));
  }

  // ------------------------------------------------------------------ app tier

  /** The app component taken as the tier every request passes (the first one listed). */
  public Optional<Component> app() {
    return view.frontApp();
  }

  /** Instances of {@code c} now: declared, or after a {@link Change.ScaleOut} in this model. */
  public Figure instancesNow(Component c) {
    Figure base =
        view.fact(c.fact("instances"))
            .orElse(
                new Figure(
                    1,
                    Dimension.COUNT,
                    new Provenance.Assumed("C5", "one instance when instances is not declared")));
    for (Change ch : changes) {
      if (ch instanceof Change.ScaleOut s && s.component().equals(c.name())) {
        base =
            derived(
                s.instances(),
                Dimension.COUNT,
                "after the plan's scale-out step",
                "before = " + base.formatted());
      }
    }
    return base;
  }

  /**
   * Requests per second one instance of {@code c} takes at the target utilisation, best evidence
   * first (see the class comment). A measured capacity (a load-test fit, an M/M/c pool, an observed
   * {@code max_rps_per_instance}) is the most one instance takes within the SLO, so the model plans
   * at the target utilisation of it (P13), the level HR-APP-007 holds instances to; the utilisation
   * law gives the rate at the target directly; C5's placeholder is a planning figure.
   */
  public Figure perInstance(Component c) {
    MeasuredCapacity model = measured.get(c.name());
    if (model != null) {
      return atTarget(model.perInstance(), "modelled capacity");
    }
    // a zero reading measures nothing an instance could be sized from
    Optional<Figure> max = view.fact(c.fact("max_rps_per_instance")).filter(m -> m.value() > 0);
    if (max.isPresent()) {
      return atTarget(max.get(), c.fact("max_rps_per_instance"));
    }
    return utilisationLaw(c).orElse(settings.rpsPerInstance());
  }

  private Figure atTarget(Figure max, String what) {
    Figure target = settings.targetUtilization();
    return derived(
        max.value() * target.value(),
        Dimension.RATE,
        "measured capacity x target utilisation (P13: plan instances at the target, not at the"
            + " most they take)",
        what + " = " + max.withProvenance(),
        "target utilisation = " + target.withKind());
  }

  /**
   * The utilisation law on the front app: with n instances sharing rate X at CPU U, one instance
   * takes X/n at U, so X/n × target / U at the target utilisation. Needs the instance count
   * declared (an assumed count would make the figure an assumption) and a CPU reading high enough
   * to extrapolate from.
   */
  private Optional<Figure> utilisationLaw(Component c) {
    if (app().filter(a -> a.name().equals(c.name())).isEmpty()) {
      return Optional.empty();
    }
    Optional<Figure> cpu = view.fact(c.fact("cpu"));
    Optional<Figure> instances = view.fact(c.fact("instances"));
    Optional<Figure> rate = peak();
    if (cpu.isEmpty()
        || instances.isEmpty()
        || rate.isEmpty()
        || cpu.get().value() < MIN_CPU_FOR_LAW
        || instances.get().value() <= 0) {
      return Optional.empty();
    }
    Figure target = settings.targetUtilization();
    return Optional.of(
        derived(
            rate.get().value() / instances.get().value() * target.value() / cpu.get().value(),
            Dimension.RATE,
            "request rate / instances x target utilisation / measured cpu (utilisation law U = X·S)",
            "request rate = " + rate.get().withKind(),
            c.fact("instances") + " = " + instances.get().formatted(),
            c.fact("cpu") + " = " + cpu.get().withKind(),
            "target utilisation = " + target.withKind()));
  }

  /** Instances of the front app needed to take {@code rate}: ceil(rate / per instance) (C5). */
  public Optional<Figure> appInstances(Figure rate) {
    return app()
        .map(
            c -> {
              Figure per = perInstance(c);
              return derived(
                  Math.max(1, Math.ceil(rate.value() / per.value())),
                  Dimension.COUNT,
                  "ceil(request rate / per-instance capacity) (C5)",
                  "request rate = " + rate.formatted(),
                  "per instance = " + per.withKind());
            });
  }

  /** Instances of the front app needed at {@code multiple} × today's peak. */
  public Optional<Figure> appInstancesAt(Figure multiple) {
    return rate(multiple).flatMap(this::appInstances);
  }

  /**
   * The front app's CPU at {@code multiple} × today's load with the instances it has in this model:
   * U × k × n_now / n (utilisation law).
   */
  public Optional<Figure> appUtilisationAt(Figure multiple) {
    Optional<Component> app = app();
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Component c = app.get();
    Optional<Figure> cpu = view.fact(c.fact("cpu"));
    if (cpu.isEmpty()) {
      return Optional.empty();
    }
    double declared = view.spec().instances(c);
    Figure now = instancesNow(c);
    return Optional.of(
        derived(
            cpu.get().value() * multiple.value() * declared / now.value(),
            Dimension.RATIO,
            "cpu x load multiple x instances measured / instances (utilisation law)",
            c.fact("cpu") + " = " + cpu.get().withKind(),
            "multiple = " + multiple.formatted(),
            "instances = " + Units.format(declared, 6) + " -> " + now.formatted()));
  }

  // ------------------------------------------------------------------ database

  /** The primary database the request path writes to (the first one). */
  public Optional<Component> primary() {
    return view.primaries().stream().findFirst();
  }

  /** Queries per second at {@code rate}: rate × queries per request (C5). */
  public Optional<Figure> queryRate(Figure rate) {
    return view.fact("workload.queries_per_request")
        .map(
            q ->
                derived(
                    rate.value() * q.value(),
                    Dimension.RATE,
                    "request rate x queries per request (C5)",
                    "request rate = " + rate.formatted(),
                    "queries per request = " + q.withKind()));
  }

  /** The share of reads a cache added by the plan answers; 0 without one. */
  public double addedCacheHitRatio() {
    double h = 0;
    for (Change ch : changes) {
      if (ch instanceof Change.AddCache a) {
        h = 1 - (1 - h) * (1 - a.hitRatio().value());
      }
    }
    return h;
  }

  /**
   * Read queries per second that reach the database at {@code rate}: query rate × read share × (1 −
   * the hit ratio of a cache the plan adds).
   */
  public Optional<Figure> readRate(Figure rate) {
    Optional<Component> db = primary();
    if (db.isEmpty()) {
      return Optional.empty();
    }
    Optional<Figure> read = view.readRatio(db.get());
    Optional<Figure> q = queryRate(rate);
    if (read.isEmpty() || q.isEmpty()) {
      return Optional.empty();
    }
    double h = addedCacheHitRatio();
    if (h == 0) {
      return Optional.of(
          derived(
              q.get().value() * read.get().value(),
              Dimension.RATE,
              "query rate x read share",
              "query rate = " + q.get().formatted(),
              "read share = " + read.get().withKind()));
    }
    return Optional.of(
        derived(
            q.get().value() * read.get().value() * (1 - h),
            Dimension.RATE,
            "query rate x read share x (1 - hit ratio of the added cache) (C8)",
            "query rate = " + q.get().formatted(),
            "read share = " + read.get().withKind(),
            "hit ratio = " + Units.format(h, Dimension.RATIO)));
  }

  /**
   * One replica's capacity at the target utilisation, by the utilisation law U = X·S (one takes X ×
   * target / U), best evidence first: a listed replica's own measured CPU with its share of the
   * reads (its measured qps, else today's reads spread over the replicas); else the primary, a
   * replica being a copy of it, with its measured qps, else today's peak × queries per request
   * (optimistic when replicas already take reads, and said so); without a CPU reading (or with a
   * zero rate), C3's placeholder.
   */
  public Figure replicaCapacity(Component db) {
    Figure target = settings.targetUtilization();
    Optional<Figure> fromReplica = replicaLaw(db, target);
    if (fromReplica.isPresent()) {
      return fromReplica.get();
    }
    Optional<Figure> cpu = view.fact(db.fact("cpu")).filter(c -> c.value() >= MIN_CPU_FOR_LAW);
    Optional<Figure> qps = view.fact(db.fact("qps")).filter(q -> q.value() > 0);
    if (cpu.isPresent() && qps.isPresent()) {
      return derived(
          qps.get().value() * target.value() / cpu.get().value(),
          Dimension.RATE,
          "measured qps x target utilisation / measured cpu (utilisation law U = X·S)",
          db.fact("qps") + " = " + qps.get().formatted(),
          db.fact("cpu") + " = " + cpu.get().formatted(),
          "target utilisation = " + target.withKind());
    }
    Optional<Figure> today = peak().flatMap(this::queryRate).filter(q -> q.value() > 0);
    if (cpu.isPresent() && today.isPresent()) {
      // with replicas in place the primary's CPU pays for fewer queries than this: optimistic
      boolean replicas = view.replicaCount(db) > 0;
      return derived(
          today.get().value() * target.value() / cpu.get().value(),
          Dimension.RATE,
          "today's query rate x target utilisation / measured cpu (utilisation law U = X·S)"
              + (replicas
                  ? "; optimistic while replicas take part of the reads: measure a replica's cpu"
                  : ""),
          "query rate = peak x queries per request = " + today.get().formatted() + " (C5)",
          db.fact("cpu") + " = " + cpu.get().formatted(),
          "target utilisation = " + target.withKind());
    }
    return settings.replicaCapacity();
  }

  /** The utilisation law on a listed replica of {@code db} with a measured CPU. */
  private Optional<Figure> replicaLaw(Component db, Figure target) {
    for (Component r : view.spec().components(ComponentKind.DATABASE)) {
      if (r.setting("replica_of").filter(db.name()::equals).isEmpty()) {
        continue;
      }
      Optional<Figure> cpu = view.fact(r.fact("cpu")).filter(c -> c.value() >= MIN_CPU_FOR_LAW);
      if (cpu.isEmpty()) {
        continue;
      }
      Optional<Figure> qps = view.fact(r.fact("qps")).filter(q -> q.value() > 0);
      if (qps.isPresent()) {
        return Optional.of(
            derived(
                qps.get().value() * target.value() / cpu.get().value(),
                Dimension.RATE,
                "a replica's measured qps x target utilisation / its measured cpu (utilisation"
                    + " law U = X·S)",
                r.fact("qps") + " = " + qps.get().formatted(),
                r.fact("cpu") + " = " + cpu.get().formatted(),
                "target utilisation = " + target.withKind()));
      }
      Optional<Figure> reads = peak().flatMap(this::readRate);
      double replicas = view.replicaCount(db);
      if (reads.isPresent() && replicas > 0 && reads.get().value() > 0) {
        double each = reads.get().value() / replicas;
        return Optional.of(
            derived(
                each * target.value() / cpu.get().value(),
                Dimension.RATE,
                "today's reads per replica x target utilisation / a replica's measured cpu"
                    + " (utilisation law U = X·S)",
                "reads per replica = "
                    + reads.get().formatted()
                    + " / "
                    + Units.format(replicas, 6),
                r.fact("cpu") + " = " + cpu.get().formatted(),
                "target utilisation = " + target.withKind()));
      }
    }
    return Optional.empty();
  }

  /** Read replicas of the primary in this model: listed, declared, or set by a plan step. */
  public double replicasNow(Component db) {
    double n = view.replicaCount(db);
    for (Change ch : changes) {
      if (ch instanceof Change.AddReplicas a && a.database().equals(db.name())) {
        n += a.count();
      }
    }
    return n;
  }

  /** C3: ceil(read traffic reaching the database / one replica's capacity) at {@code rate}. */
  public Optional<Figure> replicas(Figure rate) {
    Optional<Component> db = primary();
    Optional<Figure> reads = readRate(rate);
    if (db.isEmpty() || reads.isEmpty()) {
      return Optional.empty();
    }
    Figure cap = replicaCapacity(db.get());
    return Optional.of(
        derived(
            Math.ceil(reads.get().value() / cap.value()),
            Dimension.COUNT,
            "ceil(read traffic / one replica's capacity) (C3)",
            "read traffic = " + reads.get().formatted(),
            "replica capacity = " + cap.withKind()));
  }

  /**
   * The primary's CPU at {@code multiple} × today's load: U × k × the share of its load left on it
   * (writes, plus reads when no replica takes them, less what an added cache answers).
   */
  public Optional<Figure> primaryUtilisationAt(Figure multiple) {
    Optional<Component> db = primary();
    if (db.isEmpty()) {
      return Optional.empty();
    }
    Optional<Figure> cpu = view.fact(db.get().fact("cpu"));
    if (cpu.isEmpty()) {
      return Optional.empty();
    }
    double read = view.readRatio(db.get()).map(Figure::value).orElse(0.0);
    double readsLeft = (1 - addedCacheHitRatio()) * (replicasNow(db.get()) > 0 ? 0 : 1);
    double readsBefore = view.replicaCount(db.get()) > 0 ? 0 : 1;
    double before = (1 - read) + read * readsBefore;
    double after = (1 - read) + read * readsLeft;
    double share =
        (before == 0 ? 1 : after / before) * hottestShard(db.get()) / primarySize(db.get());
    return Optional.of(
        derived(
            cpu.get().value() * multiple.value() * share,
            Dimension.RATIO,
            "cpu x load multiple x share of today's load left on the primary (utilisation law)",
            db.get().fact("cpu") + " = " + cpu.get().withKind(),
            "multiple = " + multiple.formatted(),
            "share left = " + Units.format(share, 4) + " (reads moved, shards, a bigger machine)"));
  }

  /**
   * The share of the primary's load its busiest shard carries: 1 unsharded, else the hottest
   * shard's share set by the last {@link Change.Shard} of {@code db} (P9).
   */
  public double hottestShard(Component db) {
    double share = 1;
    for (Change ch : changes) {
      if (ch instanceof Change.Shard s && s.database().equals(db.name())) {
        share = s.hottestShare().value();
      }
    }
    return share;
  }

  /**
   * How many times today's machine the primary of {@code db} runs on, after the {@link
   * Change.ResizePrimary} steps of this model (1 without).
   */
  public double primarySize(Component db) {
    double f = 1;
    for (Change ch : changes) {
      if (ch instanceof Change.ResizePrimary r && r.database().equals(db.name())) {
        f *= r.factor();
      }
    }
    return f;
  }

  /**
   * Primaries {@code db} runs as in this model: 1, or the shards of the last {@link Change.Shard}.
   */
  public int shards(Component db) {
    int n = 1;
    for (Change ch : changes) {
      if (ch instanceof Change.Shard s && s.database().equals(db.name())) {
        n = s.shards();
      }
    }
    return n;
  }

  /**
   * Server connections the primary holds at {@code multiple} × today's load: measured connections
   * in use grown with the load (Little's law at the same time per request), capped at the
   * connections it works on at once (C2) once a pooler stands in front of it.
   */
  public Optional<Figure> serverConnectionsAt(Figure multiple) {
    Optional<Component> db = primary();
    if (db.isEmpty()) {
      return Optional.empty();
    }
    Optional<Figure> inUse = view.fact(db.get().fact("connections_in_use"));
    if (inUse.isEmpty()) {
      return Optional.empty();
    }
    Figure grown =
        multiple.value() == 1
            ? inUse.get()
            : derived(
                inUse.get().value() * multiple.value(),
                Dimension.COUNT,
                "connections in use x load multiple (Little's law at the same time per request)",
                db.get().fact("connections_in_use") + " = " + inUse.get().withKind(),
                "multiple = " + multiple.formatted());
    double hottest = hottestShard(db.get());
    if (hottest < 1) {
      // each shard's primary holds the connections its keys' requests need (Little's law, P9)
      grown =
          derived(
              grown.value() * hottest,
              Dimension.COUNT,
              "connections at the load x the hottest shard's share (Little's law, P9)",
              "connections = " + grown.formatted(),
              "hottest shard's share = " + Units.format(hottest, 4));
    }
    boolean pooled =
        changes.stream()
            .anyMatch(c -> c instanceof Change.AddPooler p && p.database().equals(db.get().name()));
    Optional<Figure> c2 = view.c2PoolSize(db.get());
    if (!pooled || c2.isEmpty() || c2.get().value() >= grown.value()) {
      return Optional.of(grown);
    }
    return Optional.of(
        derived(
            c2.get().value(),
            Dimension.COUNT,
            "server connections capped by the pooler at the active connections (C2)",
            "clients' connections = " + grown.formatted(),
            "active connections = " + c2.get().withKind()));
  }

  // ------------------------------------------------------------------ cache

  /**
   * Cache memory for the working set at the growth target. A cache that shows it holds what is hot
   * (hit ratio at or above {@code hitTarget}, no evictions, memory not full) has its working set
   * measured: memory in use, grown with the load. Otherwise C4 (data × working-set share ×
   * overhead), else C5 (users × growth × bytes per user × overhead).
   */
  public Optional<Figure> cacheMemory(double hitTarget, List<NotEvaluated> missing) {
    Figure growth = growthFactor();
    Optional<Figure> measuredSet = measuredWorkingSet(hitTarget);
    if (measuredSet.isPresent()) {
      return Optional.of(
          derived(
              measuredSet.get().value() * growth.value(),
              Dimension.DATA_SIZE,
              "measured working set x growth factor (C4 with the working set measured)",
              "working set = " + measuredSet.get().formatted() + " (derived)",
              "growth factor = " + growth.withKind()));
    }
    Optional<Figure> data = view.fact("workload.data_size");
    Optional<Figure> users = view.fact("workload.active_users");
    Figure overhead = settings.cacheOverhead();
    if (data.isPresent()) {
      return Optional.of(workingSetMemory(data.get(), settings.workingSet(), overhead));
    }
    if (users.isPresent()) {
      Figure perUser = settings.bytesPerUser();
      return Optional.of(
          derived(
              users.get().value() * growth.value() * perUser.value() * overhead.value(),
              Dimension.DATA_SIZE,
              "users x growth x bytes per user x overhead (C5, C4)",
              "users = " + users.get().formatted(),
              "growth = " + growth.formatted(),
              "per user = " + perUser.withKind(),
              "overhead = " + overhead.withKind()));
    }
    missing.add(
        new NotEvaluated(
            "C4",
            "cache memory",
            List.of(
                "workload.data_size or workload.active_users, or a cache's measured hit_ratio,"
                    + " evictions and memory_used"),
            List.of(
                "the size of the primary database (pg_database_size) or monthly active users;"
                    + " or Redis INFO (keyspace hits and misses, evicted_keys, used_memory)")));
    return Optional.empty();
  }

  /**
   * C4: cache memory for a working set that is {@code share} of {@code data}, with {@code overhead}
   * (data × share × overhead). The capacity section and HR-CACHE-004 both size the cache with it.
   */
  public static Figure workingSetMemory(Figure data, Figure share, Figure overhead) {
    return derived(
        data.value() * share.value() * overhead.value(),
        Dimension.DATA_SIZE,
        "data size x working-set share x overhead (C4)",
        "data = " + data.withKind(),
        "working set = " + share.withKind(),
        "overhead = " + overhead.withKind());
  }

  /**
   * Every cache's measured hit ratio is at least {@code hitTarget}: today's caches hold their hot
   * set, whatever C4's share-of-the-data estimate says. HR-CACHE-004 stays silent on the same
   * condition, so the roadmap must not call such a cache short today.
   */
  public boolean cachesHoldHotSet(double hitTarget) {
    List<Component> caches = view.spec().components(ComponentKind.CACHE);
    return !caches.isEmpty()
        && caches.stream()
            .allMatch(
                c -> view.fact(c.fact("hit_ratio")).map(h -> h.value() >= hitTarget).orElse(false));
  }

  /**
   * The working set a cache shows it holds: memory × share in use, when its hit ratio is at or
   * above {@code hitTarget}, it evicts nothing and is not full (C4 measured instead of assumed).
   */
  public Optional<Figure> measuredWorkingSet(double hitTarget) {
    double total = 0;
    List<String> inputs = new ArrayList<>();
    for (Component c : view.spec().components(ComponentKind.CACHE)) {
      Optional<Figure> hit = view.fact(c.fact("hit_ratio"));
      Optional<Figure> evictions = view.fact(c.fact("evictions"));
      Optional<Figure> used = view.fact(c.fact("memory_used"));
      Optional<Figure> memory = view.fact(c.fact("memory"));
      if (hit.isEmpty() || evictions.isEmpty() || used.isEmpty() || memory.isEmpty()) {
        return Optional.empty();
      }
      if (hit.get().value() < hitTarget || evictions.get().value() > 0 || used.get().value() >= 1) {
        return Optional.empty();
      }
      double n = view.spec().instances(c);
      total += memory.get().value() * used.get().value() * n;
      inputs.add(
          c.name()
              + ": "
              + memory.get().formatted()
              + " x "
              + used.get().formatted()
              + " in use"
              + (n != 1 ? " x " + Units.format(n, 6) + " instances" : "")
              + ", hit ratio "
              + hit.get().formatted()
              + ", evictions "
              + evictions.get().formatted());
    }
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        derived(
            total,
            Dimension.DATA_SIZE,
            "memory x share in use of a cache that holds its hot set",
            inputs.toArray(String[]::new)));
  }

  static Figure derived(double v, Dimension d, String formula, String... inputs) {
    return new Figure(v, d, new Provenance.Derived(formula, List.of(inputs)));
  }
}
