package dev.headroom.report.doc;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A piece of running text. A writer decides how each kind looks: Markdown marks strong words and
 * code, a terminal prints them plain; a figure is always printed with its provenance, wherever the
 * writer puts it (after the value in Markdown, on an indented line under it in a terminal).
 */
public sealed interface Inline {

  /** Words, in a {@link Style}. */
  record Words(String text, Style style) implements Inline {
    public Words {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(style, "style");
    }
  }

  /** How words stand out from the text around them. */
  enum Style {
    /** As they are. */
    PLAIN,
    /** To stand out: a stage, a severity, a step. */
    STRONG,
    /** An identifier a reader may type or search for: a rule id, an action id, a path. */
    CODE
  }

  /** A number with where it came from. */
  record Fig(Figure figure) implements Inline {
    public Fig {
      Objects.requireNonNull(figure, "figure");
    }
  }
}
