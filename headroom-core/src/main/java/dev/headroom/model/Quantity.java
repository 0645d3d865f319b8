package dev.headroom.model;

import java.util.Objects;

/**
 * A number with its dimension, stored in the dimension's canonical unit (seconds, bytes, fraction,
 * per second, USD per month, count, fraction per month, multiplier). {@code text} keeps what the
 * user wrote so reports can echo it.
 */
public record Quantity(double value, Dimension dimension, String text) {

  public Quantity {
    Objects.requireNonNull(dimension, "dimension");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("quantity must be finite, got " + value);
    }
    text = text == null ? Units.format(value, dimension) : text;
  }

  public static Quantity of(double value, Dimension dimension) {
    return new Quantity(value, dimension, null);
  }

  /** Formats the canonical value for humans (for example 0.82 as 82%, 1.4 s as 1.4s). */
  public String formatted() {
    return Units.format(value, dimension);
  }
}
