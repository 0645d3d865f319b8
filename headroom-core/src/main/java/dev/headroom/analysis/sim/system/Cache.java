package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;

/**
 * A cache in front of the database. Either a fixed {@code hitRatio} (each read hits with that
 * probability, independently) or, when {@code ttlSeconds} &gt; 0, per-key state over the Zipf key
 * space: a read hits when its key was filled less than the TTL ago and not invalidated since (no
 * eviction: the cache holds every key it is given).
 *
 * @param hitRatio used when {@code ttlSeconds} is 0
 * @param latency one cache round trip (P6: an app cache answers in 1-5 ms)
 * @param flushSeconds write-behind only: the interval between flushes to the database
 */
public record Cache(
    CacheStrategy strategy,
    double hitRatio,
    double ttlSeconds,
    ServiceTime latency,
    double flushSeconds) {
  public Cache {
    java.util.Objects.requireNonNull(strategy, "cache.strategy");
    Check.share("cache.hit_ratio", hitRatio);
    Check.nonNegative("cache.ttl (seconds)", ttlSeconds);
    java.util.Objects.requireNonNull(latency, "cache.latency");
    if (strategy == CacheStrategy.WRITE_BEHIND) {
      Check.positive("cache.flush_interval (seconds)", flushSeconds);
    }
  }

  public static Cache ofHitRatio(CacheStrategy strategy, double hitRatio, ServiceTime latency) {
    return new Cache(strategy, hitRatio, 0, latency, 1);
  }

  boolean keyed() {
    return ttlSeconds > 0;
  }

  public Cache withHitRatio(double h) {
    return new Cache(strategy, h, ttlSeconds, latency, flushSeconds);
  }
}
