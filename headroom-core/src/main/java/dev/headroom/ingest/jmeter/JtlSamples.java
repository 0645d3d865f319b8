package dev.headroom.ingest.jmeter;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.RunContext;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.ingest.loadtest.StepRecorder;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a JTL row means, shared by the CSV and XML readers: one sample (or an aggregate of {@code
 * SampleCount} samples) that started at {@code timeStamp} and took {@code elapsed} ms, recorded at
 * its completion {@code timeStamp + elapsed} and at the {@code allThreads} level JMeter saw then.
 * Transaction Controller rows are counted apart and never recorded: they repeat the time of their
 * children, and JMeter's own summariser leaves them out too.
 */
final class JtlSamples {

  /**
   * The start of the response message JMeter's TransactionController gives its sample ({@code
   * NUMBER_OF_SAMPLES_IN_TRANSACTION_PREFIX} in {@code apache/jmeter:
   * src/components/.../control/TransactionController.java}).
   */
  static final String TRANSACTION_MESSAGE = "Number of samples in transaction";

  private static final long MICROS_PER_MILLI = 1000L;

  private final Path file;
  private final StepRecorder recorder = new StepRecorder();
  private final RequestSink tap;
  private long transactions;
  private long aggregated;
  private boolean transactionsUndetectable;
  private long firstStartMs = Long.MAX_VALUE;
  private String target;

  JtlSamples(Path file, RequestSink tap) {
    this.file = file;
    this.tap = tap;
  }

  /** Whether a response message marks a Transaction Controller sample. */
  static boolean isTransactionMessage(String responseMessage) {
    return responseMessage != null && responseMessage.startsWith(TRANSACTION_MESSAGE);
  }

  /** Counts a Transaction Controller row, which is left out. */
  void transaction() {
    transactions++;
  }

  /**
   * Records a sample.
   *
   * @param timeStampMs epoch ms at the sample's start (JMeter's shipped {@code
   *     sampleresult.timestamp.start=true})
   * @param elapsedMs elapsed time of the whole row in ms; for an aggregate, of all its samples
   * @param allThreads active threads in all groups, or NaN when not saved
   * @param sampleCount samples in the row (1 unless aggregated)
   * @param errorCount failed samples in the row
   */
  void sample(
      long timeStampMs, long elapsedMs, double allThreads, long sampleCount, long errorCount) {
    firstStartMs = Math.min(firstStartMs, timeStampMs);
    // JMeter's StatCalculator.addValue(val, sampleCount) counts an aggregate as sampleCount values
    // of elapsed / sampleCount each (apache/jmeter: src/jorphan/.../math/StatCalculator.java).
    long latencyMicros = Math.round(elapsedMs * (double) MICROS_PER_MILLI / sampleCount);
    if (sampleCount > 1) {
      aggregated++;
    }
    long endMicros = (timeStampMs + elapsedMs) * MICROS_PER_MILLI;
    // a completed sample had at least its own thread active: JMeter writes 0 while threads stop
    double n = Double.isNaN(allThreads) ? Double.NaN : Math.max(1, allThreads);
    recorder.record(n, endMicros, latencyMicros, sampleCount, errorCount);
    if (tap != null) {
      tap.accept(n, endMicros, latencyMicros, sampleCount, errorCount);
    }
  }

  /** Whether a sample's URL has named the target already. */
  boolean hasTarget() {
    return target != null;
  }

  /** Notes the URL of a sample: the first one with a host names the run's target. */
  void url(String url) {
    if (target == null) {
      target = RunContext.targetOf(url);
    }
  }

  /**
   * The file has neither a responseMessage nor a dataType column, so Transaction Controller rows
   * cannot be told apart from samples.
   */
  void transactionsUndetectable() {
    transactionsUndetectable = true;
  }

  void skip(long line, String reason) {
    recorder.skip(line, reason);
  }

  /**
   * Adds the rows {@code later} read, as if they had followed this one's in the file: the parallel
   * CSV reader reads each part of a file into its own samples and adds them up in file order, so
   * counts add, the earliest start is the minimum, the target is the first part's that has one, and
   * skipped rows keep their order, their lines moved by {@code lineOffset}.
   */
  void add(JtlSamples later, long lineOffset) {
    recorder.add(later.recorder, lineOffset);
    transactions += later.transactions;
    aggregated += later.aggregated;
    firstStartMs = Math.min(firstStartMs, later.firstStartMs);
    if (target == null) {
      target = later.target;
    }
  }

  /** The load test, or a {@link BadInputException} when no row could be used. */
  LoadTest finish(LoadTestFormat format, String producer, ReadOptions options, long lastLine) {
    SkippedRecords skipped = recorder.skipped();
    if (recorder.requests() == 0) {
      String found =
          skipped.count() > 0
              ? "no usable sample: "
                  + skipped.count()
                  + " rows skipped ("
                  + String.join("; ", skipped.examples())
                  + ")"
              : transactions > 0 ? "only Transaction Controller rows" : "no data rows";
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              (int) Math.min(Integer.MAX_VALUE, lastLine),
              0,
              "",
              found,
              "JMeter sample rows with a numeric timeStamp (epoch ms) and elapsed (ms)",
              null));
    }
    List<Step> steps = recorder.steps(ConcurrencyOrigin.GAUGE, options);
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "coordinated omission: JMeter thread groups are closed-loop (each thread waits for its"
            + " response before sending again), so stalls are under-sampled and high percentiles"
            + " are optimistic; the JTL does not record whether an Open Model Thread Group (JMeter"
            + " 5.5+) was used instead");
    if (transactions > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d Transaction Controller rows left out: they repeat the time of their child"
                  + " samples",
              transactions));
    }
    if (aggregated > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d aggregated rows (SampleCount > 1) weighted as SampleCount samples of"
                  + " elapsed/SampleCount ms each",
              aggregated));
    }
    if (transactionsUndetectable) {
      warnings.add(
          "no responseMessage or dataType column: Transaction Controller rows, if any, cannot be"
              + " told apart and are counted as samples");
    }
    boolean gauge = steps.stream().anyMatch(s -> s.concurrencyOrigin() == ConcurrencyOrigin.GAUGE);
    if (gauge && options != null && options.concurrency() != null) {
      warnings.add("--concurrency ignored: the file records allThreads");
    }
    for (Step s : steps) {
      if (s.concurrencyOrigin() == ConcurrencyOrigin.LITTLES_LAW) {
        warnings.add(
            "no allThreads column: concurrency estimated with Little's law N = X·R over the whole"
                + " run");
      } else if (s.concurrencyOrigin() == ConcurrencyOrigin.GIVEN) {
        warnings.add("no allThreads column: concurrency taken from --concurrency");
      }
    }
    // skipped records travel in LoadTest.skipped(), with examples; no second warning here
    return new LoadTest(
        file.toString(),
        format,
        producer,
        LoadModel.CLOSED,
        steps,
        warnings,
        skipped,
        new RunContext(
            target, firstStartMs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstStartMs)));
  }
}
