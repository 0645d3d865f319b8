package dev.headroom.report.chart;

import dev.headroom.model.Provenance;
import java.util.Objects;

/** A labelled line drawn over the data: a threshold across, or a point in x marked down. */
public sealed interface Annotation {

  String label();

  Provenance provenance();

  /**
   * A horizontal line at {@code value} on one y axis, across the whole plot (an SLO, a target
   * utilisation).
   */
  record Reference(Side side, double value, String label, Provenance provenance)
      implements Annotation {
    public Reference {
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(provenance, "provenance");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "reference line '" + label + "' must be at a finite value, got " + value);
      }
    }
  }

  /** A vertical line at {@code x} with its label (a break point, a date). */
  record Marker(double x, String label, Provenance provenance) implements Annotation {
    public Marker {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(provenance, "provenance");
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(
            "marker '" + label + "' must be at a finite x, got " + x);
      }
    }
  }
}
