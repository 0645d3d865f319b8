package dev.headroom.ingest.ab;

import dev.headroom.ingest.ab.AbReport.ConnectionTimes;
import dev.headroom.ingest.ab.AbReport.FailedBreakdown;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text report of ApacheBench, {@code ab} 2.3 ({@code support/ab.c} in apache/httpd; <a
 * href="https://httpd.apache.org/docs/2.4/programs/ab.html">manual</a>). One file is one run at a
 * fixed concurrency, so one {@link Step}.
 *
 * <pre>
 * This is ApacheBench, Version 2.3 &lt;$Revision$&gt;
 * …
 * Concurrency Level:      4
 * Time taken for tests:   2.420 seconds
 * Complete requests:      200
 * Failed requests:        3
 *    (Connect: 0, Receive: 0, Length: 3, Exceptions: 0)       (only when some failed)
 * Keep-Alive requests:    200                                  (only with -k)
 * Non-2xx responses:      40                                   (only when some)
 * Requests per second:    82.64 [#/sec] (mean)
 * Time per request:       48.402 [ms] (mean)
 * Time per request:       12.100 [ms] (mean, across all concurrent requests)
 * Connection Times (ms)
 *               min  mean[+/-sd] median   max
 * Total:          1   48   7.0     48      64
 * Percentage of the requests served within a certain time (ms)
 *   50%     48
 *  100%     64 (longest request)
 * </pre>
 *
 * <p>Units are part of each line ({@code seconds}, {@code [ms]}, {@code [#/sec]}); a line with
 * another unit is an error. The two {@code Time per request} lines differ: the first is concurrency
 * × time / requests (what one client waited), the second time / requests (1 / throughput). The
 * tables are whole milliseconds; ab picks a percentile as the sample at index {@code (int)(0.5 +
 * n·p/100)} of the sorted times.
 *
 * <p>The step: concurrency is {@code Concurrency Level} ({@link ConcurrencyOrigin#CONFIGURED}),
 * requests {@code Complete requests}, throughput {@code Requests per second}, duration {@code Time
 * taken for tests}. Errors are non-2xx responses plus failures of kind Connect, Receive and
 * Exceptions; {@code Length} failures (a body length different from the first response's, normal
 * for dynamic pages) are not errors, and a warning counts them. Latency: the mean is the {@code
 * Total} row's mean (falling back to the first Time per request), p50/p90/p95/p99 and the max
 * (100%) come from the Percentage table. ab is closed-loop, so its latencies suffer coordinated
 * omission.
 */
public final class AbTextReader extends LoadTestReader {

  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z0-9/ -]*):\\s+(.*)");
  private static final Pattern BREAKDOWN =
      Pattern.compile(
          "\\(Connect: ([0-9]+), Receive: ([0-9]+), Length: ([0-9]+), Exceptions: ([0-9]+)\\)");
  private static final Pattern PERCENT_ROW =
      Pattern.compile("([0-9]+)%\\s+([0-9]+)(?: \\(longest request\\))?");
  private static final Pattern TIMES_ROW =
      Pattern.compile("([0-9]+)\\s+([0-9]+)\\s+([0-9]+(?:\\.[0-9]+)?)\\s+([0-9]+)\\s+([0-9]+)");
  private static final Pattern PROGRESS = Pattern.compile("(Completed|Finished) [0-9]+ requests");

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.AB;
  }

  @Override
  public boolean accepts(Head head) {
    return head.text().stripLeading().startsWith("This is ApacheBench");
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    Parsed p = parseWithSkips(file);
    AbReport ab = p.report;
    List<String> warnings = new ArrayList<>();
    long errors = ab.non2xx();
    FailedBreakdown fb = ab.failedBreakdown();
    if (fb != null) {
      errors += fb.connect() + fb.receive() + fb.exceptions();
      if (fb.length() > 0) {
        warnings.add(
            "ab counted "
                + fb.length()
                + " responses as failed because their length differed from the"
                + " first one (normal for dynamic pages); they are not counted as errors");
      }
    } else {
      errors += ab.failed();
    }
    errors = Math.min(errors, ab.complete());
    SortedMap<Integer, Double> pct = ab.percentagesMs();
    Double mean = ab.total() != null ? Double.valueOf(ab.total().mean()) : ab.timePerRequestMs();
    Double max = pct.containsKey(100) ? pct.get(100) : ab.total() == null ? null : ab.total().max();
    LatencySummary latency =
        mean == null && pct.isEmpty()
            ? null
            : new LatencySummary(
                mean,
                pct.get(50),
                pct.get(90),
                pct.get(95),
                pct.get(99),
                max,
                "ab (sorted sample at index (int)(0.5 + n·p/100), whole ms)");
    if (ab.keepAliveRequests() == null) {
      warnings.add(
          "ab ran without -k: it opened a new connection per request, so connection set-up is part of"
              + " every latency");
    }
    warnings.add(LoadModel.closedLoopWarning("ab", "client"));
    Step step =
        new Step(
            ab.concurrency(),
            ConcurrencyOrigin.CONFIGURED,
            ab.complete(),
            errors,
            ab.timeTakenSeconds(),
            ab.requestsPerSecond(),
            latency);
    return new LoadTest(
        file.toString(),
        format(),
        "ApacheBench",
        LoadModel.CLOSED,
        List.of(step),
        warnings,
        p.skipped);
  }

  /** Reads the report without interpreting it. */
  public static AbReport parse(Path file) {
    return parseWithSkips(file).report;
  }

  private record Parsed(AbReport report, SkippedRecords skipped) {}

  private static Parsed parseWithSkips(Path file) {
    Integer concurrency = null;
    Double timeTaken = null;
    Long complete = null;
    long failed = 0;
    FailedBreakdown breakdown = null;
    long non2xx = 0;
    Long keepAlive = null;
    Double rps = null;
    Double timePerRequest = null;
    Double timePerRequestAcrossAll = null;
    ConnectionTimes total = null;
    SortedMap<Integer, Double> percentages = new TreeMap<>();
    boolean started = false;
    boolean inPercentages = false;
    long skipped = 0;
    List<String> examples = new ArrayList<>();
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String raw;
      while ((raw = r.readLine()) != null) {
        lineNo++;
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (!started) {
          if (!line.startsWith("This is ApacheBench")) {
            throw problem(
                file,
                lineNo,
                "\"" + shorten(line) + "\"",
                "an ab report starting \"This is ApacheBench\"");
          }
          started = true;
          continue;
        }
        Matcher m;
        if (line.startsWith("Percentage of the requests served")) {
          inPercentages = true;
          continue;
        }
        if (inPercentages && (m = PERCENT_ROW.matcher(line)).matches()) {
          long percent = whole(file, lineNo, raw, m.group(1));
          if (percent > 100) {
            throw bad(file, lineNo, raw, m.group(1), "a percentage of 0 to 100");
          }
          percentages.put((int) percent, (double) whole(file, lineNo, raw, m.group(2)));
          continue;
        }
        if ((m = BREAKDOWN.matcher(line)).matches()) {
          breakdown =
              new FailedBreakdown(
                  whole(file, lineNo, raw, m.group(1)),
                  whole(file, lineNo, raw, m.group(2)),
                  whole(file, lineNo, raw, m.group(3)),
                  whole(file, lineNo, raw, m.group(4)));
          continue;
        }
        if (PROGRESS.matcher(line).matches()
            || line.startsWith("Copyright ")
            || line.startsWith("Licensed to ")
            || line.startsWith("Benchmarking ")
            || line.startsWith("Connection Times (ms)")
            || line.startsWith("min  mean[+/-sd]")) {
          continue;
        }
        m = KEY_VALUE.matcher(line);
        if (!m.matches()) {
          skipped++;
          if (examples.size() < 5) {
            examples.add("line " + lineNo + ": unrecognised \"" + shorten(line) + "\"");
          }
          continue;
        }
        String key = m.group(1).strip();
        String value = m.group(2).strip();
        switch (key) {
          case "Concurrency Level" -> {
            long c = whole(file, lineNo, raw, value);
            if (c < 1 || c > Integer.MAX_VALUE) {
              // ab's -c is a C int; a cast would turn a larger one negative
              throw bad(file, lineNo, raw, value, "a concurrency of 1 to " + Integer.MAX_VALUE);
            }
            concurrency = (int) c;
          }
          case "Time taken for tests" -> timeTaken = withUnit(file, lineNo, raw, value, "seconds");
          case "Complete requests" -> complete = whole(file, lineNo, raw, value);
          case "Failed requests" -> failed = whole(file, lineNo, raw, value);
          case "Non-2xx responses" -> non2xx = whole(file, lineNo, raw, value);
          case "Keep-Alive requests" -> keepAlive = whole(file, lineNo, raw, value);
          case "Requests per second" -> rps = withUnit(file, lineNo, raw, value, "[#/sec] (mean)");
          case "Time per request" -> {
            if (value.endsWith("(mean, across all concurrent requests)")) {
              timePerRequestAcrossAll =
                  withUnit(file, lineNo, raw, value, "[ms] (mean, across all concurrent requests)");
            } else {
              timePerRequest = withUnit(file, lineNo, raw, value, "[ms] (mean)");
            }
          }
          case "Total" -> {
            Matcher t = TIMES_ROW.matcher(value);
            if (!t.matches()) {
              throw bad(file, lineNo, raw, value, "five numbers: min mean sd median max (ms)");
            }
            total =
                new ConnectionTimes(
                    Double.parseDouble(t.group(1)),
                    Double.parseDouble(t.group(2)),
                    Double.parseDouble(t.group(3)),
                    Double.parseDouble(t.group(4)),
                    Double.parseDouble(t.group(5)));
          }
          default -> {
            // the other "key: value" lines (server, document, transfer) carry nothing a step needs
          }
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0) {
      throw problem(file, 0, "an empty file", "an ab text report");
    }
    if (concurrency == null || timeTaken == null || complete == null || rps == null) {
      String missing =
          concurrency == null
              ? "Concurrency Level"
              : timeTaken == null
                  ? "Time taken for tests"
                  : complete == null ? "Complete requests" : "Requests per second";
      throw problem(
          file,
          lineNo,
          "a report that ends at line "
              + lineNo
              + " without \""
              + missing
              + ":\" (truncated output, or ab stopped before the end?)",
          "a complete ab text report");
    }
    if (!(timeTaken > 0) || concurrency < 1) {
      throw problem(
          file,
          lineNo,
          "Concurrency Level " + concurrency + " and Time taken " + timeTaken,
          "a concurrency of at least 1 and a positive time");
    }
    AbReport report =
        new AbReport(
            concurrency,
            timeTaken,
            complete,
            failed,
            breakdown,
            non2xx,
            keepAlive,
            rps,
            timePerRequest,
            timePerRequestAcrossAll,
            total,
            percentages);
    return new Parsed(report, new SkippedRecords(skipped, examples));
  }

  private static long whole(Path file, long line, String raw, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw bad(file, line, raw, value, "a whole number");
    }
  }

  /** A number followed by exactly {@code unit}. */
  private static double withUnit(Path file, long line, String raw, String value, String unit) {
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(space + 1).strip().equals(unit)) {
      throw bad(file, line, raw, value, "a number followed by \"" + unit + "\"");
    }
    try {
      return Double.parseDouble(value.substring(0, space));
    } catch (NumberFormatException e) {
      throw bad(file, line, raw, value, "a number followed by \"" + unit + "\"");
    }
  }

  private static BadInputException bad(
      Path file, long line, String raw, String token, String allowed) {
    return new BadInputException(
        new InputProblem(
            file.toString(),
            (int) line,
            raw.indexOf(token) + 1,
            "",
            "\"" + token + "\"",
            allowed,
            null));
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
