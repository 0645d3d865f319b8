package dev.headroom.report.doc;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A piece of running text. A writer decides how each kind looks: Markdown marks strong text and
 * code, a terminal prints them plain; a figure is always printed with its provenance, wherever the
 * writer puts it (after the value in Markdown, on an indented line under it in a terminal).
 */
public sealed interface Inline {

  /** Words as they are. */
  record Plain(String text) implements Inline {
    public Plain {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Words to stand out: a stage, a severity, a step. */
  record Strong(String text) implements Inline {
    public Strong {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An identifier a reader may type or search for: a rule id, an action id, a path. */
  record Code(String text) implements Inline {
    public Code {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A number with where it came from. */
  record Fig(Figure figure) implements Inline {
    public Fig {
      Objects.requireNonNull(figure, "figure");
    }
  }
}
