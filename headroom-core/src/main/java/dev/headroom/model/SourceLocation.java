package dev.headroom.model;

import java.util.Objects;

/** A position in an input file: 1-based line and column, 0 when unknown. */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  /** {@code system.yaml:12:7}, or just the file when the line is unknown. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + (column == 0 ? "" : ":" + column);
  }
}
