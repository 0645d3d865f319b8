package dev.headroom.ingest.loadtest;

/**
 * Settings a reader may need that the file itself does not hold.
 *
 * @param concurrency the fixed concurrency of the run, for producers that do not record it (hey,
 *     HdrHistogram logs); null when not given
 */
public record ReadOptions(Double concurrency) {

  public static final ReadOptions DEFAULTS = new ReadOptions(null);

  public ReadOptions {
    if (concurrency != null && (!(concurrency > 0) || !Double.isFinite(concurrency))) {
      throw new IllegalArgumentException("concurrency must be positive, got " + concurrency);
    }
  }
}
