package dev.headroom.analysis.sim.system;

/**
 * The one place configuration records word their refusals: "{@code where} is {@code found};
 * allowed: {@code allowed}", so every message names the field, the value and the range.
 */
final class Check {
  private Check() {}

  static IllegalArgumentException bad(String where, Object found, String allowed) {
    return new IllegalArgumentException(where + " is " + found + "; allowed: " + allowed);
  }

  static void positive(String where, double v) {
    if (!Double.isFinite(v) || v <= 0) {
      throw bad(where, v, "a finite number > 0");
    }
  }

  static void nonNegative(String where, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw bad(where, v, "a finite number >= 0");
    }
  }

  static void share(String where, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw bad(where, v, "a probability from 0 to 1");
    }
  }

  static void atLeast(String where, int v, int min) {
    if (v < min) {
      throw bad(where, v, "a whole number >= " + min);
    }
  }
}
