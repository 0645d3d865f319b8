package dev.headroom.analysis;

import dev.headroom.model.Figure;
import java.util.Objects;

/** One figure that supports a conclusion, with a label saying what it is. */
public record Evidence(String label, Figure figure) {
  public Evidence {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(figure, "figure");
  }
}
