package dev.headroom.analysis;

import dev.headroom.knowledge.Knowledge;
import dev.headroom.model.Dimension;
import java.util.Objects;

/**
 * A default a rule or calculator uses, with the knowledge id that justifies it. The system file may
 * override it under {@code thresholds: { <owner>: { <name>: value } }}.
 *
 * @param note where the number comes from, in a few words
 */
public record Threshold(
    String name, Dimension dimension, double defaultValue, String knowledge, String note) {
  public Threshold {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(note, "note");
    if (!Knowledge.exists(knowledge)) {
      throw new IllegalArgumentException(
          "unknown knowledge id " + knowledge + " for threshold " + name);
    }
    if (!Double.isFinite(defaultValue)) {
      throw new IllegalArgumentException("threshold " + name + " must be finite");
    }
  }
}
