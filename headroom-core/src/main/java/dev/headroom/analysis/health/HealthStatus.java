package dev.headroom.analysis.health;

import java.util.Locale;

/** The state of one health metric against its target. */
public enum HealthStatus {
  OK,
  WARNING,
  CRITICAL,
  UNKNOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
