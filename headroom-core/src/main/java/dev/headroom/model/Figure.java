package dev.headroom.model;

import java.util.Objects;

/**
 * A number as it appears in a report: its value in canonical units, its dimension (for formatting),
 * and where it came from.
 */
public record Figure(double value, Dimension dimension, Provenance provenance) {

  public Figure {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(provenance, "provenance");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a figure must be finite, got " + value);
    }
  }

  public String formatted() {
    return Units.format(value, dimension);
  }

  /** "82% (measured)": the value with the kind of its provenance, for a derivation's inputs. */
  public String withKind() {
    return formatted() + " (" + provenance.kind() + ")";
  }

  /** "82% (measured: system.yaml:31 observations.db.cpu)". */
  public String withProvenance() {
    return formatted() + " (" + provenance.describe() + ")";
  }
}
