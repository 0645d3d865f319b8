package dev.headroom.ingest.loadtest;

import java.util.List;
import java.util.Objects;

/**
 * What one load-test file says: its producer, the load model, one {@link Step} per concurrency
 * level, warnings a reader of the results should see (coordinated omission, calibration periods
 * dropped, percentiles copied from the tool's own report), the records that could not be read, and
 * the target and start of the run where the format records them ({@link RunContext}).
 */
public record LoadTest(
    String source,
    LoadTestFormat format,
    String producer,
    LoadModel loadModel,
    List<Step> steps,
    List<String> warnings,
    SkippedRecords skipped,
    RunContext context) {

  /**
   * A load test whose file does not say where the load went or when ({@link RunContext#UNKNOWN}).
   */
  public LoadTest(
      String source,
      LoadTestFormat format,
      String producer,
      LoadModel loadModel,
      List<Step> steps,
      List<String> warnings,
      SkippedRecords skipped) {
    this(source, format, producer, loadModel, steps, warnings, skipped, RunContext.UNKNOWN);
  }

  public LoadTest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(loadModel, "loadModel");
    producer = producer == null ? format.displayName() : producer;
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    skipped = skipped == null ? SkippedRecords.NONE : skipped;
    context = context == null ? RunContext.UNKNOWN : context;
  }

  /** This load test with {@code context}. */
  public LoadTest withContext(RunContext context) {
    return new LoadTest(source, format, producer, loadModel, steps, warnings, skipped, context);
  }

  /** This load test with {@code warnings} in place of its own. */
  public LoadTest withWarnings(List<String> warnings) {
    return new LoadTest(source, format, producer, loadModel, steps, warnings, skipped, context);
  }
}
