package dev.headroom.plan;

import java.util.Locale;

/**
 * What kind of move an action is. At equal severity, optimisation comes before scaling and scaling
 * before architectural change (X3: optimise before scaling).
 */
public enum ActionKind {
  MEASURE,
  OPTIMISE,
  SCALE,
  ARCHITECT,
  WARNING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
