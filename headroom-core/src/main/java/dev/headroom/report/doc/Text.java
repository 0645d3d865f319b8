package dev.headroom.report.doc;

import dev.headroom.model.Figure;
import java.util.ArrayList;
import java.util.List;

/** A run of inline content: a heading, a paragraph, a list item or a table cell. */
public record Text(List<Inline> parts) {
  public Text {
    parts = List.copyOf(parts);
  }

  /** The empty run (an empty table cell). */
  public static final Text EMPTY = new Text(List.of());

  /**
   * A run from its pieces in order: a {@link String} is plain text, a {@link Figure} a figure with
   * its provenance, an {@link Inline} itself; so a layout reads like the sentence it builds.
   */
  public static Text of(Object... pieces) {
    List<Inline> parts = new ArrayList<>(pieces.length);
    for (Object p : pieces) {
      if (p instanceof String s) {
        parts.add(new Inline.Words(s, Inline.Style.PLAIN));
      } else if (p instanceof Figure f) {
        parts.add(new Inline.Fig(f));
      } else if (p instanceof Inline i) {
        parts.add(i);
      } else {
        throw new IllegalArgumentException("not text, a figure or an inline: " + p);
      }
    }
    return new Text(parts);
  }

  public static Inline strong(String s) {
    return new Inline.Words(s, Inline.Style.STRONG);
  }

  public static Inline code(String s) {
    return new Inline.Words(s, Inline.Style.CODE);
  }
}
