package dev.headroom.analysis.usl;

import java.util.Objects;

/**
 * A coefficient that the bounded fit held at one of its bounds, and what that means for the system
 * in plain words.
 */
public record BoundHit(UslParameter parameter, double bound, String meaning) {

  public BoundHit {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(meaning, "meaning");
  }

  static BoundHit of(UslParameter p, double bound) {
    String meaning;
    if (p == UslParameter.KAPPA && bound == 0) {
      meaning =
          "κ = 0: no coherency cost was detected, so Amdahl's law holds: throughput rises towards"
              + " the ceiling λ/σ and never falls; the data do not show a peak.";
    } else if (p == UslParameter.SIGMA && bound == 0) {
      meaning =
          "σ = 0: no contention (serialisation) was detected; any loss of scaling is crosstalk (κ)."
              + " If the unbounded fit wanted σ < 0, the data scale better than linearly (warm"
              + " caches, a measurement artefact): check the first points.";
    } else if (p == UslParameter.SIGMA) {
      meaning =
          "σ = 1: the work is fully serialised; adding concurrency adds no throughput at all.";
    } else if (p == UslParameter.KAPPA) {
      meaning =
          "κ = 1: coherency cost at its maximum; throughput collapses as soon as concurrency rises."
              + " Check that the input's concurrency and throughput columns are what they claim.";
    } else {
      meaning = p.symbol() + " at its bound " + bound;
    }
    return new BoundHit(p, bound, meaning);
  }
}
