package dev.headroom.advice;

import dev.headroom.ingest.evidence.Series;
import java.util.Objects;

/**
 * An evidence file's series matched to its component by the same rules as an observation ({@link
 * MeasuredEvidence}).
 *
 * @param subject {@code db.cpu} (the component's name and the metric), or {@code rps}
 * @param component the component's name; empty for a system-wide metric
 * @param source the evidence file's provenance source
 */
public record MeasuredSeries(String subject, String component, Series series, String source) {
  public MeasuredSeries {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(source, "source");
  }
}
