package dev.headroom.report.rightsizing;

import dev.headroom.analysis.rightsizing.Recommendation;
import dev.headroom.analysis.rightsizing.RightSizingPolicy;
import dev.headroom.ingest.evidence.EvidenceFile;
import java.util.List;
import java.util.Objects;

/**
 * What one collection found: the evidence (observations, series, what was not seen), the
 * right-sizing of each container, and the collector's notes on which metrics it used.
 *
 * @param service the {@code --service} asked for
 * @param pricesNote where the prices behind the savings came from, or why there are none
 */
public record CollectionReport(
    String service,
    EvidenceFile evidence,
    List<Recommendation> containers,
    RightSizingPolicy policy,
    List<String> notes,
    String pricesNote) {
  public CollectionReport {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(evidence, "evidence");
    containers = List.copyOf(containers);
    Objects.requireNonNull(policy, "policy");
    notes = List.copyOf(notes);
    pricesNote = pricesNote == null ? "" : pricesNote;
  }
}
