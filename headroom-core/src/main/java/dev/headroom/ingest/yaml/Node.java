package dev.headroom.ingest.yaml;

import dev.headroom.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML or JSON value with the position it was read from. */
public sealed interface Node {

  SourceLocation location();

  /** A short phrase naming the node's type for messages: "a list", "a map", "the text …". */
  String describe();

  /** A mapping; {@code keys} keeps each key's own position, for messages about the key. */
  record MapNode(
      SourceLocation location, Map<String, Node> entries, Map<String, SourceLocation> keys)
      implements Node {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
      keys = new LinkedHashMap<>(keys);
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  record ListNode(SourceLocation location, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar. {@code text} is what the file says; {@code kind} is {@code string}, {@code number},
   * {@code boolean} or {@code null}.
   */
  record Scalar(SourceLocation location, String text, String kind) implements Node {
    @Override
    public String describe() {
      return kind.equals("null") ? "nothing (null)" : '"' + text + '"';
    }
  }
}
