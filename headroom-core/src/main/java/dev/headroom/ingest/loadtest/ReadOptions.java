package dev.headroom.ingest.loadtest;

/**
 * Settings a reader may need that the file itself does not hold.
 *
 * @param concurrency the fixed concurrency of the run, for producers that do not record it (hey,
 *     HdrHistogram logs); null when not given
 * @param latencyUnit the unit of the recorded values of an HdrHistogram log or percentile
 *     distribution ({@code --latency-unit}), overriding what the reader detects; null to detect.
 *     Formats whose unit is fixed by the producer ignore it, with a warning
 * @param tag the tag of an HdrHistogram log's lines to read ({@code --tag}); null for untagged
 *     lines, or a log's only tag
 */
public record ReadOptions(Double concurrency, LatencyUnit latencyUnit, String tag) {

  public static final ReadOptions DEFAULTS = new ReadOptions(null);

  public ReadOptions {
    if (concurrency != null && (!(concurrency > 0) || !Double.isFinite(concurrency))) {
      throw new IllegalArgumentException("concurrency must be positive, got " + concurrency);
    }
    if (tag != null && (tag.isEmpty() || tag.contains(",") || tag.length() > 200)) {
      throw new IllegalArgumentException(
          "a tag is a non-empty name without commas, of at most 200 characters");
    }
  }

  /** Only a concurrency; the latency unit detected, untagged lines read. */
  public ReadOptions(Double concurrency) {
    this(concurrency, null, null);
  }
}
