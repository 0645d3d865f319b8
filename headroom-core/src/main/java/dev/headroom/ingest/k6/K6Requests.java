package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.ConcurrencyTimeline;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the per-sample k6 outputs (NDJSON and CSV) share once a line is tokenised. A reader first
 * feeds every {@code vus} gauge point ({@link #vus}), which k6 emits about once a second, to build
 * a {@link ConcurrencyTimeline}; then every {@code http_req_duration} point ({@link #request}),
 * stamped at the request's end, is assigned the VU count in force then and recorded.
 *
 * <p>Requests that end before the first {@code vus} point (the first second of the run) take the
 * first point's value, and a request that ends while the gauge reads 0 (the last requests of a
 * graceful stop) counts at 1 VU, its own; both are counted and reported.
 */
final class K6Requests {

  private String target;
  private long firstStartMicros = Long.MAX_VALUE;

  private final Path file;
  private final RequestSink tap;
  private final ConcurrencyTimeline vus = ConcurrencyTimeline.ofGauge();
  private final StepRecorder recorder = new StepRecorder();
  private long firstVusMicros = Long.MAX_VALUE;
  private double firstVus = Double.NaN;
  private long vusPoints;
  private long beforeFirstVus;
  private long atZeroVus;
  private long failedPointSum;
  private boolean failedPointsSeen;
  private long failures;
  private long outcomeUnknown;
  private boolean droppedIterations;
  private final List<String> notes = new ArrayList<>();

  K6Requests(Path file, RequestSink tap) {
    this.file = file;
    this.tap = tap;
  }

  /** A point of the {@code vus} gauge: active VUs from {@code micros} on. */
  void vus(long micros, double value) {
    vus.add(micros, value);
    vusPoints++;
    if (micros < firstVusMicros) {
      firstVusMicros = micros;
      firstVus = value;
    }
  }

  /**
   * An HTTP request that ended at {@code endMicros} and took {@code durationMs} ({@code
   * http_req_duration}, ms). {@code ok} is null when the line does not say whether it failed.
   */
  /** Notes a request's {@code url} tag: the first with a host names the run's target. */
  void url(String url) {
    if (target == null && url != null) {
      target = RunContext.targetOf(url);
    }
  }

  void request(long endMicros, double durationMs, Boolean ok) {
    firstStartMicros = Math.min(firstStartMicros, endMicros - Math.round(durationMs * 1000.0));
    double n = Double.NaN;
    if (vusPoints > 0) {
      n = vus.at(endMicros);
      if (Double.isNaN(n)) {
        n = firstVus;
        beforeFirstVus++;
      }
      if (!(n >= 1)) {
        n = 1;
        atZeroVus++;
      }
    }
    boolean success = ok == null || ok;
    if (ok == null) {
      outcomeUnknown++;
    }
    if (!success) {
      failures++;
    }
    long latencyMicros = Math.round(durationMs * 1000.0);
    recorder.record(n, endMicros, latencyMicros, success);
    if (tap != null) {
      tap.accept(n, endMicros, latencyMicros, success);
    }
  }

  /** A point of {@code http_req_failed} (1 = failed), kept to cross-check the failures. */
  void failedPoint(double value) {
    failedPointsSeen = true;
    if (value != 0) {
      failedPointSum++;
    }
  }

  /** The run has a {@code dropped_iterations} metric: an arrival-rate executor ran. */
  void droppedIterations() {
    droppedIterations = true;
  }

  void skip(long line, String reason) {
    recorder.skip(line, reason);
  }

  /** A warning the reader adds about its own input (coarse time stamps, say). */
  void note(String warning) {
    notes.add(warning);
  }

  LoadTest finish(LoadTestFormat format, String producer, ReadOptions options, long lastLine) {
    SkippedRecords skipped = recorder.skipped();
    if (recorder.requests() == 0) {
      String found =
          skipped.count() > 0
              ? "no usable http_req_duration sample: "
                  + skipped.count()
                  + " lines skipped ("
                  + String.join("; ", skipped.examples())
                  + ")"
              : "no http_req_duration samples";
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              (int) Math.min(Integer.MAX_VALUE, lastLine),
              0,
              "",
              found,
              "k6 output of a run that made HTTP requests (http_req_duration points)",
              null));
    }
    List<String> warnings = new ArrayList<>(notes);
    List<Step> steps = recorder.steps(ConcurrencyOrigin.GAUGE, options);
    if (vusPoints > 0 && options != null && options.concurrency() != null) {
      warnings.add("--concurrency ignored: the file has vus gauge points");
    }
    if (vusPoints == 0) {
      warnings.add(
          options != null && options.concurrency() != null
              ? "no vus gauge points: concurrency taken from --concurrency"
              : "no vus gauge points: concurrency estimated with Little's law N = X·R over the"
                  + " whole run");
    }
    if (beforeFirstVus > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d requests ended before the first vus point and were counted at its value (%s VUs)",
              beforeFirstVus,
              count(firstVus)));
    }
    if (atZeroVus > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d requests ended while the vus gauge read 0 (graceful stop) and were counted at 1"
                  + " VU",
              atZeroVus));
    }
    if (outcomeUnknown > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d requests carry neither an expected_response nor a status tag: counted as"
                  + " successes",
              outcomeUnknown));
    }
    if (failedPointsSeen && failedPointSum != failures && outcomeUnknown == 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "http_req_failed points count %d failures but the request tags give %d",
              failedPointSum,
              failures));
    }
    warnings.addAll(K6LoadModel.warnings(droppedIterations));
    // skipped records travel in LoadTest.skipped(), with examples; no second warning here
    return new LoadTest(
        file.toString(),
        format,
        producer,
        K6LoadModel.of(droppedIterations),
        steps,
        warnings,
        skipped,
        new RunContext(
            target,
            firstStartMicros == Long.MAX_VALUE
                ? null
                : Instant.EPOCH.plus(firstStartMicros, ChronoUnit.MICROS)));
  }

  private static String count(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Whether a request succeeded, from its tags: {@code expected_response} ("true"/"false", k6
   * v0.31+) when present, else the {@code status} against k6's default expected statuses 200–399 (0
   * is a network error). Null when neither tag is there.
   */
  static Boolean outcome(String expectedResponse, String status) {
    if (expectedResponse != null && !expectedResponse.isEmpty()) {
      return Boolean.valueOf(expectedResponse.equalsIgnoreCase("true"));
    }
    if (status != null && !status.isEmpty()) {
      try {
        int code = Integer.parseInt(status.strip());
        return code >= 200 && code <= 399;
      } catch (NumberFormatException e) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
