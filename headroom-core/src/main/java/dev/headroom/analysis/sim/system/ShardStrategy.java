package dev.headroom.analysis.sim.system;

/** How keys are placed on shards (P9). */
public enum ShardStrategy {
  /**
   * shard = mix64(key) mod n (the SplitMix64 finaliser as the hash): even in key count, but a hot
   * key's whole load lands on its one shard.
   */
  HASH,
  /**
   * Contiguous key ranges of equal size, key 0 first. Key ids are popularity ranks, so this models
   * ranges where the hot keys sit together (time-ordered ids whose newest rows are the hottest):
   * the first shard takes the hot range.
   */
  RANGE,
  /**
   * A lookup table filled greedily: keys in decreasing popularity, each to the shard with the least
   * expected load so far (longest-processing-time first, Graham 1969), which a directory can do and
   * a hash cannot.
   */
  DIRECTORY
}
