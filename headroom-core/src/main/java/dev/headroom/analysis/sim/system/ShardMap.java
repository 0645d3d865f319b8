package dev.headroom.analysis.sim.system;

/**
 * Which shard holds each key, and the exact share of requests each shard takes under the key
 * space's Zipf popularity: share_s = Σ_{k : shard(k) = s} p_k. The hottest shard's share is the
 * hotspot as a number (1/n when perfectly even).
 */
public final class ShardMap {
  private final int[] shardOf;
  private final double[] share;

  private ShardMap(int[] shardOf, double[] share) {
    this.shardOf = shardOf;
    this.share = share;
  }

  /** The map of {@code sharding} over {@code keys}. */
  public static ShardMap of(Sharding sharding, KeySpace keys) {
    int n = sharding.shards();
    int k = keys.keys();
    if (n > k) {
      throw Check.bad("sharding.shards", n, "at most the number of keys (" + k + ")");
    }
    double[] p = keys.probabilities();
    int[] shardOf = new int[k];
    double[] share = new double[n];
    switch (sharding.strategy()) {
      case HASH -> {
        for (int key = 0; key < k; key++) {
          shardOf[key] = (int) Long.remainderUnsigned(mix64(key), n);
        }
      }
      case RANGE -> {
        for (int key = 0; key < k; key++) {
          shardOf[key] = (int) ((long) key * n / k);
        }
      }
      case DIRECTORY -> {
        // keys are already in decreasing popularity (key id = rank)
        for (int key = 0; key < k; key++) {
          int least = 0;
          for (int s = 1; s < n; s++) {
            if (share[s] < share[least]) {
              least = s;
            }
          }
          shardOf[key] = least;
          share[least] += p[key];
        }
        java.util.Arrays.fill(share, 0);
      }
    }
    for (int key = 0; key < k; key++) {
      share[shardOf[key]] += p[key];
    }
    return new ShardMap(shardOf, share);
  }

  int shardOf(int key) {
    return shardOf[key];
  }

  public int shards() {
    return share.length;
  }

  /** The exact share of key accesses on {@code shard}. */
  public double share(int shard) {
    return share[shard];
  }

  /** The shard with the largest exact share (the lowest index among ties). */
  public int hottest() {
    int h = 0;
    for (int s = 1; s < share.length; s++) {
      if (share[s] > share[h]) {
        h = s;
      }
    }
    return h;
  }

  /** The SplitMix64 / MurmurHash3 finaliser (Steele, Lea &amp; Flood 2014) as the shard hash. */
  static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
