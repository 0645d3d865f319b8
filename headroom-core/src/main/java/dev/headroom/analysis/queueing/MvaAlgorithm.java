package dev.headroom.analysis.queueing;

/** How {@link Mva} solved a closed network. */
public enum MvaAlgorithm {
  /** Exact Mean Value Analysis (Reiser and Lavenberg 1980), over every sub-population. */
  EXACT("exact MVA"),
  /** The Bard–Schweitzer fixed point (Schweitzer 1979; Bard 1979), at the full population only. */
  BARD_SCHWEITZER("Bard–Schweitzer approximate MVA");

  private final String title;

  MvaAlgorithm(String title) {
    this.title = title;
  }

  /** A name for reports. */
  public String title() {
    return title;
  }
}
