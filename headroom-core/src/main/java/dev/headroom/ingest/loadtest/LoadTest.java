package dev.headroom.ingest.loadtest;

import java.util.List;
import java.util.Objects;

/**
 * What one load-test file says: its producer, the load model, one {@link Step} per concurrency
 * level, warnings a reader of the results should see (coordinated omission, calibration periods
 * dropped, percentiles copied from the tool's own report), and the records that could not be read.
 */
public record LoadTest(
    String source,
    LoadTestFormat format,
    String producer,
    LoadModel loadModel,
    List<Step> steps,
    List<String> warnings,
    SkippedRecords skipped) {

  public LoadTest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(loadModel, "loadModel");
    producer = producer == null ? format.displayName() : producer;
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    skipped = skipped == null ? SkippedRecords.NONE : skipped;
  }
}
