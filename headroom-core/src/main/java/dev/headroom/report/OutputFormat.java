package dev.headroom.report;

import java.util.Locale;

/** The output formats every command offers with {@code --format}. */
public enum OutputFormat {
  TEXT,
  MARKDOWN,
  JSON;

  /** The lower-case name used on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
