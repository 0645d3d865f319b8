package dev.headroom.analysis.sim.system;

/** How the cache and the database stay in step on a write (P4). */
public enum CacheStrategy {
  /** Reads fill the cache on a miss; a write goes to the database and invalidates the key. */
  CACHE_ASIDE,
  /** A write goes to the database, then to the cache (consistent; the write pays both). */
  WRITE_THROUGH,
  /**
   * A write goes to the cache only and is flushed to the database in batches: fastest writes, but
   * the unflushed writes are lost if the cache fails, and a read that reaches the database first
   * reads the old value.
   */
  WRITE_BEHIND
}
