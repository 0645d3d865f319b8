package dev.headroom.model;

import java.util.Objects;

/**
 * A quantity known only to lie between two bounds, as written in a system file ({@code peak_rps:
 * 700..900}): both ends in the dimension's canonical unit, the text as written, and where it was
 * written. The system's point figure for the key is the {@link #midpoint()}, so every calculation
 * that reads one number keeps working; the uncertainty sampler draws from the whole range.
 *
 * @param low the low end, canonical unit
 * @param high the high end, at or above {@code low} (equal ends are a range of width zero)
 * @param text the range as written ({@code 8..15%/month})
 * @param location where the value was written, for messages and provenance
 */
public record Range(
    double low, double high, Dimension dimension, String text, SourceLocation location) {

  public Range {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("a range's ends must be finite, got " + low + ".." + high);
    }
    if (low > high) {
      throw new IllegalArgumentException(
          "a range's low end must not exceed its high end, got " + low + ".." + high);
    }
  }

  /**
   * (low + high) / 2: the point figure the deterministic calculators read. Computed as low + (high
   * − low) / 2 so that a range of width zero gives exactly its end.
   */
  public double midpoint() {
    return low + (high - low) / 2;
  }

  /** high − low, in the canonical unit; zero for a degenerate range. */
  public double width() {
    return high - low;
  }

  /** The ends formatted in the dimension's unit, {@code 700/s..900/s}. */
  public String formatted() {
    return Units.format(low, dimension) + ".." + Units.format(high, dimension);
  }
}
