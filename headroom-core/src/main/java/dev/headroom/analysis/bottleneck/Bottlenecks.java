package dev.headroom.analysis.bottleneck;

import java.util.List;

/**
 * The ranked bottlenecks; whether the evidence is thin (no measured finding at warning level or
 * above), and then what to measure next, database first (D4).
 */
public record Bottlenecks(
    List<Bottleneck> ranked, boolean thinEvidence, String advice, List<String> measureNext) {
  public Bottlenecks {
    ranked = List.copyOf(ranked);
    measureNext = List.copyOf(measureNext);
    advice = advice == null ? "" : advice;
  }
}
