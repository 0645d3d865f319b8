package dev.headroom.ingest.loadtest;

import java.util.Locale;

/**
 * Number parsing for the readers that never throws: a token that is not a number, or one that does
 * not fit (a count of {@code 9999999999999999999}, an {@code int} percent of 20 digits), gives
 * null, for the reader to report as bad input at its line and column. {@link Long#parseLong} and
 * {@link Double#parseDouble} would throw a {@link NumberFormatException} that escapes as an
 * internal error instead.
 */
public final class Numbers {

  private Numbers() {}

  /** A decimal {@code long} (optional sign), or null when malformed or out of range. */
  public static Long longOrNull(String s) {
    if (s == null || s.isEmpty() || s.length() > 20) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A decimal {@code int}, or null when malformed or out of range. */
  public static Integer intOrNull(String s) {
    Long v = longOrNull(s);
    return v == null || v != v.intValue() ? null : v.intValue();
  }

  /**
   * A finite decimal number ({@code 12}, {@code -0.5}, {@code 1e3}), or null when malformed, not
   * finite, or longer than 64 characters. Hexadecimal floats, {@code NaN} and {@code Infinity},
   * which {@link Double#parseDouble} accepts, are refused: no producer writes them as values.
   */
  public static Double finiteOrNull(String s) {
    if (s == null || s.isEmpty() || s.length() > 64) {
      return null;
    }
    String t = s.toLowerCase(Locale.ROOT);
    if (t.indexOf('x') >= 0
        || t.indexOf('n') >= 0
        || t.indexOf('p') >= 0
        || t.endsWith("d")
        || t.endsWith("f")) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
