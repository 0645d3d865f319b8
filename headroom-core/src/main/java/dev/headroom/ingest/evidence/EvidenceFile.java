package dev.headroom.ingest.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One evidence file (docs/evidence.md, schema version {@value #SCHEMA_VERSION}).
 *
 * @param name where it was read from, for messages and provenance
 * @param collector what produced it ({@code redis INFO}, {@code postgresql statistics views})
 * @param collectedAt when the collection finished
 * @param source what was measured, as a URL without credentials ({@code redis://127.0.0.1:6380})
 * @param series measured time series (a range query's result), the input of dated forecasts
 */
public record EvidenceFile(
    String name,
    String collector,
    Instant collectedAt,
    String source,
    List<Observation> observations,
    List<Setting> settings,
    List<Unseen> unseen,
    List<Series> series) {

  /** The format version this reader and writer speak. */
  public static final int SCHEMA_VERSION = 1;

  public EvidenceFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(source, "source");
    observations = List.copyOf(observations);
    settings = List.copyOf(settings);
    unseen = List.copyOf(unseen);
    series = List.copyOf(series);
  }

  /** A file without time series: what a collector that reads counters twice writes. */
  public EvidenceFile(
      String name,
      String collector,
      Instant collectedAt,
      String source,
      List<Observation> observations,
      List<Setting> settings,
      List<Unseen> unseen) {
    this(name, collector, collectedAt, source, observations, settings, unseen, List.of());
  }

  /** "redis INFO at redis://127.0.0.1:6380, 2026-12-01T23:40:00Z": the provenance source. */
  public String describeSource() {
    // to the second: a report names when, not the clock's noise
    return collector + " at " + source + ", " + collectedAt.truncatedTo(ChronoUnit.SECONDS);
  }
}
