package dev.headroom.analysis.uncertainty;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams: one {@link SplittableRandom} per (seed, name), its state a function of both
 * alone. A fact's draws therefore depend on the seed and the fact's key only, never on which other
 * facts are ranged or in what order they are drawn (STYLE 9: one seed, named streams).
 */
final class Streams {

  /** FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo; IETF draft-eastlake-fnv). */
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;

  private static final long FNV_PRIME = 0x100000001b3L;

  private Streams() {}

  /** The stream named {@code name} under {@code seed}. */
  static SplittableRandom forName(long seed, String name) {
    return new SplittableRandom(mix(seed ^ mix(fnv1a(name))));
  }

  /**
   * FNV-1a over the name's UTF-8 bytes: stable across JVMs, unlike {@link String#hashCode()}'s 32
   * bits.
   */
  static long fnv1a(String name) {
    long h = FNV_OFFSET;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  /**
   * SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number
   * generators", OOPSLA 2014; Stafford's variant 13): spreads nearby seeds (1, 2, 3) over the whole
   * 64-bit space, so streams of neighbouring seeds do not start correlated.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
