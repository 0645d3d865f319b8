package dev.headroom.analysis.bottleneck;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One limiting layer: its rank (1 = the bottleneck), the worst severity found there, the rules that
 * found it, the figures that show it, and the remedies the layer usually calls for (D2).
 */
public record Bottleneck(
    Layer layer,
    int rank,
    Severity severity,
    List<String> findings,
    List<Evidence> evidence,
    String remedies) {
  public Bottleneck {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remedies, "remedies");
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
  }
}
