package dev.headroom.plan.roadmap;

import java.util.Locale;

/**
 * The hottest shard's share of the load when {@code keys} shard keys with Zipf(s) popularity are
 * split over S shards (P9). The pmf is p(i) = i^-s / H(N, s) with H(N, s) = Σ_{j=1..N} j^-s.
 *
 * <ul>
 *   <li><b>hash</b>: keys land on shards at random; the shard holding the hottest key carries it
 *       plus its even share of the rest, p(1) + (1 − p(1)) / S (the expectation).
 *   <li><b>range</b>: contiguous key ranges; when popularity follows key order (ids or times issued
 *       in sequence, the case range sharding is known for) the first range holds the top ⌈N/S⌉
 *       keys: H(⌈N/S⌉, s) / H(N, s).
 *   <li><b>directory</b>: a lookup table places each key on the least-loaded shard; no placement
 *       does better than max(p(1), 1/S), and largest-first placement reaches it within one key's
 *       share, so the bound is the figure.
 * </ul>
 */
final class ShardSkew {

  /** The strategies compared, in the order of preference at equal shard counts (no lookup tier). */
  enum Strategy {
    HASH,
    DIRECTORY,
    RANGE;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final int keys;
  private final double s;

  /** cumulative[i] = H(i, s), i = 0..keys. */
  private final double[] cumulative;

  /**
   * The last distribution built: the pmf's prefix sums cost N powers, and a walk (or a thousand
   * sampled walks with the same settings) asks for the same one again.
   */
  private static final java.util.concurrent.atomic.AtomicReference<ShardSkew> LAST =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The distribution for {@code keys} keys and exponent {@code s}, reused when just built. */
  static ShardSkew of(int keys, double s) {
    ShardSkew last = LAST.get();
    if (last != null && last.keys == keys && Double.compare(last.s, s) == 0) {
      return last;
    }
    ShardSkew made = new ShardSkew(keys, s);
    LAST.set(made);
    return made;
  }

  ShardSkew(int keys, double s) {
    if (keys < 1) {
      throw new IllegalArgumentException("at least one shard key, got " + keys);
    }
    if (!(s >= 0) || !Double.isFinite(s)) {
      throw new IllegalArgumentException("a Zipf exponent is zero or more, got " + s);
    }
    this.keys = keys;
    this.s = s;
    this.cumulative = new double[keys + 1];
    for (int i = 1; i <= keys; i++) {
      cumulative[i] = cumulative[i - 1] + (s == 1 ? 1.0 / i : Math.pow(i, -s));
    }
  }

  int keys() {
    return keys;
  }

  double exponent() {
    return s;
  }

  /** p(1): the hottest key's share. */
  double hottestKey() {
    return 1 / cumulative[keys];
  }

  /** The hottest shard's share under {@code strategy} with {@code shards} shards. */
  double hottestShare(Strategy strategy, int shards) {
    double p1 = hottestKey();
    return switch (strategy) {
      case HASH -> p1 + (1 - p1) / shards;
      case RANGE -> cumulative[(int) Math.ceil((double) keys / shards)] / cumulative[keys];
      case DIRECTORY -> Math.max(p1, 1.0 / shards);
    };
  }
}
