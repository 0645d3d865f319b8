package dev.headroom.analysis.sim.system;

import java.util.SplittableRandom;

/**
 * The keys requests touch: {@code keys} keys with Zipf(s) popularity, key k (0-based rank) drawn
 * with probability (k + 1)^−s / H(n, s), where H(n, s) = Σ_{i=1..n} i^−s is the generalised
 * harmonic number (Zipf 1949; s = 0 is uniform, s ≈ 1 is typical of web objects, Breslau et al.,
 * INFOCOM 1999). Key ids are the popularity ranks: key 0 is the hottest.
 */
public record KeySpace(int keys, double zipfS) {
  /** Keys when the system file gives none: enough to spread over any shard count simulated. */
  public static final int DEFAULT_KEYS = 10_000;

  /** The Zipf exponent when none is given: s = 1, web-like skew (Breslau et al. 1999). */
  public static final double DEFAULT_S = 1.0;

  public KeySpace {
    Check.atLeast("keys.count", keys, 1);
    Check.nonNegative("keys.zipf_s", zipfS);
  }

  public static KeySpace defaults() {
    return new KeySpace(DEFAULT_KEYS, DEFAULT_S);
  }

  /** The exact probability of each key, summing to 1. */
  public double[] probabilities() {
    double[] p = new double[keys];
    double h = 0;
    for (int k = 0; k < keys; k++) {
      p[k] = Math.pow(k + 1, -zipfS);
      h += p[k];
    }
    for (int k = 0; k < keys; k++) {
      p[k] /= h;
    }
    return p;
  }

  /** An inverse-CDF sampler (binary search over the cumulative probabilities). */
  Sampler sampler() {
    double[] p = probabilities();
    double[] cdf = new double[keys];
    double c = 0;
    for (int k = 0; k < keys; k++) {
      c += p[k];
      cdf[k] = c;
    }
    cdf[keys - 1] = 1.0;
    return new Sampler(cdf);
  }

  /** Draws keys; one per simulator, reading its own stream. */
  static final class Sampler {
    private final double[] cdf;

    Sampler(double[] cdf) {
      this.cdf = cdf;
    }

    int sample(SplittableRandom rng) {
      double u = rng.nextDouble();
      int lo = 0;
      int hi = cdf.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
  }
}
