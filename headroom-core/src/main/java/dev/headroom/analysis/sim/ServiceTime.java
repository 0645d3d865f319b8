package dev.headroom.analysis.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A distribution of service (or think) times in seconds. Four shapes: exponential (the Markovian
 * case the closed forms assume), deterministic, lognormal given by its mean and coefficient of
 * variation (the usual shape of measured latencies), and empirical (resampled from measured
 * values). Each validates its parameters when built and names what it found and what is allowed.
 */
public sealed interface ServiceTime
    permits ServiceTime.Exponential,
        ServiceTime.Deterministic,
        ServiceTime.Lognormal,
        ServiceTime.Empirical {

  /** The mean, seconds. */
  double mean();

  /** The squared coefficient of variation Var[S]/E[S]², the term Pollaczek–Khinchine needs. */
  double squaredCv();

  /** One draw from {@code rng}. */
  double sample(SplittableRandom rng);

  static Exponential exponential(double mean) {
    return new Exponential(mean);
  }

  static Deterministic deterministic(double value) {
    return new Deterministic(value);
  }

  static Lognormal lognormal(double mean, double cv) {
    return new Lognormal(mean, cv);
  }

  static Empirical empirical(double... samples) {
    return new Empirical(samples);
  }

  /**
   * Exponential with the given mean: mean × a standard exponential from McFarland's modified
   * ziggurat ({@code RandomGenerator.nextExponential}, JDK 17).
   */
  record Exponential(double mean) implements ServiceTime {
    public Exponential {
      requirePositive("exponential mean", mean);
    }

    @Override
    public double squaredCv() {
      return 1.0;
    }

    @Override
    public double sample(SplittableRandom rng) {
      return mean * rng.nextExponential();
    }
  }

  /** Always {@code value}; draws nothing from the stream. */
  record Deterministic(double value) implements ServiceTime {
    public Deterministic {
      requirePositive("deterministic service time", value);
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public double squaredCv() {
      return 0.0;
    }

    @Override
    public double sample(SplittableRandom rng) {
      return value;
    }
  }

  /**
   * Lognormal with the given mean and coefficient of variation cv = σ_S/E[S]. The parameters of the
   * underlying normal follow from the moments (Johnson, Kotz &amp; Balakrishnan, Continuous
   * Univariate Distributions vol. 1, ch. 14): s² = ln(1 + cv²), m = ln(mean) − s²/2.
   */
  record Lognormal(double mean, double cv) implements ServiceTime {
    public Lognormal {
      requirePositive("lognormal mean", mean);
      requirePositive("lognormal cv", cv);
    }

    /** s, the standard deviation of ln S. */
    public double logSigma() {
      return Math.sqrt(Math.log1p(cv * cv));
    }

    /** m, the mean of ln S. */
    public double logMu() {
      double s = logSigma();
      return Math.log(mean) - s * s / 2;
    }

    @Override
    public double squaredCv() {
      return cv * cv;
    }

    @Override
    public double sample(SplittableRandom rng) {
      return Math.exp(logMu() + logSigma() * rng.nextGaussian());
    }
  }

  /**
   * Resampled uniformly from measured values (a bootstrap of the sample): the simulated
   * distribution is the empirical one, with its mean and variance.
   */
  record Empirical(double[] samples) implements ServiceTime {
    public Empirical {
      if (samples == null || samples.length == 0) {
        throw new IllegalArgumentException(
            "empirical service time: no samples; give at least one measured value (seconds, >= 0)");
      }
      samples = samples.clone();
      for (int i = 0; i < samples.length; i++) {
        if (!Double.isFinite(samples[i]) || samples[i] < 0) {
          throw new IllegalArgumentException(
              "empirical service time: sample "
                  + i
                  + " is "
                  + samples[i]
                  + "; allowed: finite values >= 0 seconds");
        }
      }
      if (Arrays.stream(samples).sum() <= 0) {
        throw new IllegalArgumentException(
            "empirical service time: all samples are 0; allowed: a positive mean");
      }
    }

    @Override
    public double[] samples() {
      return samples.clone();
    }

    @Override
    public double mean() {
      return Arrays.stream(samples).average().orElseThrow();
    }

    @Override
    public double squaredCv() {
      double m = mean();
      double var = Arrays.stream(samples).map(x -> (x - m) * (x - m)).sum() / samples.length;
      return var / (m * m);
    }

    @Override
    public double sample(SplittableRandom rng) {
      return samples[rng.nextInt(samples.length)];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Empirical e && Arrays.equals(samples, e.samples);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
      return "Empirical[" + samples.length + " samples, mean " + mean() + "]";
    }
  }

  private static void requirePositive(String what, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(
          what + " is " + value + "; allowed: a finite number > 0 (seconds)");
    }
  }
}
