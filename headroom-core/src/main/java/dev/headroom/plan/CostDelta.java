package dev.headroom.plan;

import dev.headroom.model.Figure;

/**
 * The monthly cost change of one recommendation: a figure with its provenance, or null with what is
 * needed to price it.
 */
public record CostDelta(Figure delta, String needs) {
  public CostDelta {
    if ((delta == null) == (needs == null || needs.isEmpty())) {
      throw new IllegalArgumentException(
          "a cost delta has either a figure or what it needs, not both");
    }
  }

  public static CostDelta of(Figure f) {
    return new CostDelta(f, null);
  }

  public static CostDelta needs(String what) {
    return new CostDelta(null, what);
  }
}
