package dev.headroom.analysis.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seed derivation: one named stream per random source in one replication. The seed of a stream is
 * mix(mix(master + φ·(r + 1)) ⊕ fnv1a64(name)), where mix is the MurmurHash3 / SplitMix64 finaliser
 * (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) and φ
 * the 64-bit golden ratio. So a stream depends only on the master seed, the replication index and
 * its own name: adding a station or a source shifts no other stream, and a replication's numbers do
 * not depend on which thread runs it.
 *
 * <p>Each stream is a {@link SplittableRandom} (SplitMix64, period 2^64). Two streams walk the same
 * 2^64 cycle from seeds scattered by the finaliser; for k draws per stream, the chance two of m
 * streams overlap is about m²k/2^64 (below 1e-6 for a thousand streams of 10^10 draws).
 */
public final class Streams {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Streams() {}

  /** The seed of replication {@code r} under {@code master}. */
  public static long replicationSeed(long master, int r) {
    return mix64(master + GOLDEN_GAMMA * (r + 1L));
  }

  /** The stream called {@code name} in the replication seeded {@code replicationSeed}. */
  public static SplittableRandom stream(long replicationSeed, String name) {
    return new SplittableRandom(mix64(replicationSeed ^ fnv1a64(name)));
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** FNV-1a, 64 bit, over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's spread. */
  static long fnv1a64(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
