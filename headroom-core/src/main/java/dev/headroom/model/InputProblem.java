package dev.headroom.model;

import java.util.Objects;

/**
 * One thing wrong with an input file: where it is (file, 1-based line and column; 0 when the
 * position is unknown, as for an empty file), the path of the key inside the document, what was
 * found, what is allowed, and an optional did-you-mean.
 */
public record InputProblem(
    String file,
    int line,
    int column,
    String key,
    String found,
    String allowed,
    String suggestion) {

  public InputProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(allowed, "allowed");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
    key = key == null ? "" : key;
  }

  /** {@code file:line:column: key: found X; allowed Y; did you mean "Z"?} */
  public String message() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (!key.isEmpty()) {
      sb.append(key).append(": ");
    }
    sb.append("found ").append(found).append("; allowed ").append(allowed);
    if (suggestion != null && !suggestion.isEmpty()) {
      sb.append("; did you mean \"").append(suggestion).append("\"?");
    }
    return sb.toString();
  }
}
