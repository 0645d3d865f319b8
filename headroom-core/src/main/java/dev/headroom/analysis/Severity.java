package dev.headroom.analysis;

import java.util.Locale;

/** How serious a finding is, in increasing order. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} or {@code critical}, case-insensitively. */
  public static Severity parse(String s) {
    return valueOf(s.strip().toUpperCase(Locale.ROOT));
  }
}
