package dev.headroom.plan;

import java.util.Locale;

/** Where an action sits on its ladder (X1: first, then, finally). */
public enum Step {
  FIRST,
  THEN,
  FINALLY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
