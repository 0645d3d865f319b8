package dev.headroom.ingest.hey;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.ingest.loadtest.StepRecorder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-request CSV of <a href="https://github.com/rakyll/hey">hey</a> {@code -o csv} ({@code
 * requester/print.go}, hey 0.1.x): a header, then one row per request that got a response, in
 * completion order.
 *
 * <pre>
 * response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset
 * 0.0023,0.0004,0.0000,0.0001,0.0015,0.0001,200,0.0046
 * </pre>
 *
 * <p>All times are <b>seconds</b> with four decimals (so 0.1 ms resolution); {@code offset} is the
 * request's start since the test began. A request completes at {@code offset + response-time}.
 * Requests that failed without a response (connection refused, timeouts) are not written at all:
 * the text report's "Error distribution" is the only place they appear. Status codes outside
 * 2xx/3xx count as errors. hey keeps only the first 1 000 000 results.
 *
 * <p>Rows go through a {@link StepRecorder}: latency percentiles are computed here with
 * HdrHistogram, throughput is completions per second of the run. The file has no concurrency
 * column, so the single step takes {@link ReadOptions#concurrency()} or Little's law N = X·R, and a
 * warning says which. A row that cannot be read (wrong field count, a value that is not a number, a
 * negative time) is skipped, counted and reported; a file with no readable row is an error. hey is
 * closed-loop, so its latencies suffer coordinated omission.
 */
public final class HeyCsvReader extends LoadTestReader {

  /** The header hey writes, exactly. */
  static final String HEADER =
      "response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset";

  private static final double MICROS_PER_SECOND = 1e6;

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.HEY_CSV;
  }

  @Override
  public boolean accepts(Head head) {
    String t = head.text();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    return t.startsWith(HEADER);
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    StepRecorder recorder = new StepRecorder();
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line = r.readLine();
      lineNo = line == null ? 0 : 1;
      if (line == null) {
        throw problem(
            file, 0, "an empty file", "a hey -o csv file starting with the header " + HEADER);
      }
      if (!line.replace("\uFEFF", "").strip().equals(HEADER)) {
        throw problem(
            file,
            1,
            "the header \"" + HeyTextReader.shorten(line) + "\"",
            "the hey -o csv header " + HEADER);
      }
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 8) {
          recorder.skip(lineNo, f.length + " fields where hey writes 8");
          continue;
        }
        double responseTime;
        double offset;
        int status;
        try {
          responseTime = Double.parseDouble(f[0].strip());
          offset = Double.parseDouble(f[7].strip());
          status = Integer.parseInt(f[6].strip());
        } catch (NumberFormatException e) {
          recorder.skip(lineNo, "a value that is not a number (" + e.getMessage() + ")");
          continue;
        }
        if (!(responseTime >= 0) || !(offset >= 0) || !Double.isFinite(responseTime + offset)) {
          recorder.skip(lineNo, "a negative or non-finite time");
          continue;
        }
        long latencyMicros = Math.round(responseTime * MICROS_PER_SECOND);
        long endMicros = Math.round((offset + responseTime) * MICROS_PER_SECOND);
        recorder.record(Double.NaN, endMicros, latencyMicros, status >= 200 && status < 400);
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (recorder.requests() == 0) {
      throw problem(
          file,
          lineNo,
          recorder.skipped().count() == 0
              ? "a header and no rows"
              : "no readable row (" + recorder.skipped().examples().get(0) + ")",
          "rows of hey -o csv results");
    }
    List<Step> steps = recorder.steps(ConcurrencyOrigin.GIVEN, options);
    List<String> warnings = new ArrayList<>();
    for (Step s : steps) {
      if (s.concurrencyOrigin() == ConcurrencyOrigin.LITTLES_LAW) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "hey -o csv does not record the concurrency (-c); it is estimated with Little's law N = X·R = %s"
                    + " (give --concurrency to use the configured value)",
                HeyTextReader.fmt(s.concurrency())));
      } else {
        warnings.add(
            "hey -o csv does not record the concurrency (-c); the given concurrency "
                + HeyTextReader.fmt(s.concurrency())
                + " is used");
      }
    }
    warnings.add(
        "hey -o csv leaves out requests that failed without a response; errors here are only"
            + " responses outside 2xx/3xx");
    warnings.add(LoadModel.closedLoopWarning("hey", "worker"));
    return new LoadTest(
        file.toString(), format(), "hey", LoadModel.CLOSED, steps, warnings, recorder.skipped());
  }
}
