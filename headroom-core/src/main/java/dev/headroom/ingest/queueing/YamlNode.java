package dev.headroom.ingest.queueing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column where it starts. Jackson's tree nodes drop positions, so
 * the reader builds this small tree from the token stream and interprets it afterwards.
 */
sealed interface YamlNode {

  int line();

  int column();

  /** A scalar: its text as written ({@code null} for a YAML null). */
  record Scalar(String text, int line, int column) implements YamlNode {}

  /** A sequence. */
  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** A mapping, keys in file order, each with the position of the key itself. */
  record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** One key of a mapping and its value. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** What kind of value this is, for "found a list; allowed a duration" messages. */
  static String describe(YamlNode node) {
    if (node instanceof Scalar s) {
      return s.text() == null ? "nothing (null)" : '"' + s.text() + '"';
    }
    return node instanceof Sequence ? "a list" : "a mapping";
  }
}
