package dev.headroom.analysis.sim.system;

/**
 * A flash spike: the arrival rate is multiplied by {@code multiplier} from {@code atSeconds} for
 * {@code durationSeconds} (simulated time from the start of a replication).
 */
public record Spike(double atSeconds, double durationSeconds, double multiplier) {
  public Spike {
    Check.nonNegative("spike start (seconds)", atSeconds);
    Check.positive("spike duration (seconds)", durationSeconds);
    Check.positive("spike multiplier", multiplier);
  }

  boolean covers(double t) {
    return t >= atSeconds && t < atSeconds + durationSeconds;
  }
}
