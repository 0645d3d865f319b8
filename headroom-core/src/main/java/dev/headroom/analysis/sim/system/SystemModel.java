package dev.headroom.analysis.sim.system;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the system simulator needs, each part validated where it is built. Requests arrive
 * ({@link Arrivals}); a share {@code asyncShare} is asynchronous (needs {@link AsyncQueue}), the
 * rest are reads with probability {@code readShare} and writes otherwise. Every request passes the
 * load balancer and one app instance; sync requests may call the {@link External} service, then
 * reads try the {@link Cache} and go to the {@link Database} on a miss, writes go to the database
 * as the cache's strategy says.
 *
 * @param windowSeconds the width of a time-series window; 0 picks {@value #DEFAULT_WINDOWS} windows
 *     over the observed run
 */
public record SystemModel(
    Arrivals arrivals,
    double asyncShare,
    double readShare,
    LoadBalancer balancer,
    AppTier app,
    Optional<Cache> cache,
    KeySpace keys,
    Optional<Database> database,
    Optional<AsyncQueue> queue,
    Optional<External> external,
    Optional<Autoscaling> autoscaling,
    List<Failure> failures,
    double windowSeconds) {

  /** Time-series windows over the observed run when no width is given. */
  public static final int DEFAULT_WINDOWS = 60;

  public SystemModel {
    Objects.requireNonNull(arrivals, "arrivals");
    Check.share("requests.async_share", asyncShare);
    Check.share("requests.read_share", readShare);
    Objects.requireNonNull(balancer, "load_balancer");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(keys, "keys");
    failures = List.copyOf(failures);
    Check.nonNegative("window (seconds)", windowSeconds);
    if (asyncShare > 0 && queue.isEmpty()) {
      throw Check.bad("requests.async_share", asyncShare, "0 unless a queue with workers is given");
    }
    if (cache.isPresent() && database.isEmpty()) {
      throw Check.bad("cache", "a cache without a database", "a cache in front of a database");
    }
    autoscaling.ifPresent(
        a -> {
          if (app.instances() < a.min() || app.instances() > a.max()) {
            throw Check.bad(
                "app.instances",
                app.instances(),
                "within autoscaling min..max (" + a.min() + ".." + a.max() + ")");
          }
        });
    for (Failure f : failures) {
      if (f.target() == Failure.Target.APP_INSTANCE
          && f.index() >= maxInstances(app, autoscaling)) {
        throw Check.bad(
            "failure.index (app instance)",
            f.index(),
            "0.." + (maxInstances(app, autoscaling) - 1));
      }
      if (f.target() == Failure.Target.REPLICA
          && (database.isEmpty() || f.index() >= database.get().replicas())) {
        throw Check.bad(
            "failure.index (replica)",
            f.index(),
            database.map(d -> d.replicas()).orElse(0) == 0
                ? "no replica to fail: the database has none"
                : "0.." + (database.get().replicas() - 1));
      }
    }
  }

  static int maxInstances(AppTier app, Optional<Autoscaling> autoscaling) {
    return Math.max(app.instances(), autoscaling.map(Autoscaling::max).orElse(0));
  }

  int maxInstances() {
    return maxInstances(app, autoscaling);
  }

  /** A single tier: Poisson arrivals, one app tier, nothing behind it (M/G/c per instance). */
  public static SystemModel appOnly(Arrivals arrivals, LoadBalancer lb, AppTier app) {
    return new SystemModel(
        arrivals,
        0,
        1,
        lb,
        app,
        Optional.empty(),
        KeySpace.defaults(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        0);
  }

  public SystemModel withArrivals(Arrivals a) {
    return new SystemModel(
        a,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        keys,
        database,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withApp(AppTier a) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        a,
        cache,
        keys,
        database,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withCache(Optional<Cache> c) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        c,
        keys,
        database,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withDatabase(Optional<Database> d) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        keys,
        d,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withExternal(Optional<External> e) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        keys,
        database,
        queue,
        e,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withAutoscaling(Optional<Autoscaling> a) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        keys,
        database,
        queue,
        external,
        a,
        failures,
        windowSeconds);
  }

  public SystemModel withFailures(List<Failure> f) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        keys,
        database,
        queue,
        external,
        autoscaling,
        f,
        windowSeconds);
  }

  public SystemModel withMix(double async, double read, Optional<AsyncQueue> q) {
    return new SystemModel(
        arrivals,
        async,
        read,
        balancer,
        app,
        cache,
        keys,
        database,
        q,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withBalancer(LoadBalancer lb) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        lb,
        app,
        cache,
        keys,
        database,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }

  public SystemModel withKeys(KeySpace k) {
    return new SystemModel(
        arrivals,
        asyncShare,
        readShare,
        balancer,
        app,
        cache,
        k,
        database,
        queue,
        external,
        autoscaling,
        failures,
        windowSeconds);
  }
}
