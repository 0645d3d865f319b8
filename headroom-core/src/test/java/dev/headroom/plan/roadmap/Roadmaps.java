package dev.headroom.plan.roadmap;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;

/** Shared test values. */
final class Roadmaps {
  static final Figure THOUSAND =
      new Figure(1000, Dimension.MULTIPLIER, new Provenance.Declared("--to on the command line"));

  private Roadmaps() {}
}
