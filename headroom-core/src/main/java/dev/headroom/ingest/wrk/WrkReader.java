package dev.headroom.ingest.wrk;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.Numbers;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.RunContext;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.ingest.wrk.WrkReport.HistogramFooter;
import dev.headroom.ingest.wrk.WrkReport.SocketErrors;
import dev.headroom.ingest.wrk.WrkReport.ThreadStats;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text report of <a href="https://github.com/wg/wrk">wrk</a> 4.x and of <a
 * href="https://github.com/giltene/wrk2">wrk2</a> (which calls itself wrk 4.0.0), as printed to
 * standard output ({@code src/wrk.c}, {@code main}). One file is one run at a fixed number of
 * connections, so it becomes one {@link Step}.
 *
 * <pre>
 * Running 5s test @ http://127.0.0.1:8080/api/items
 *   2 threads and 16 connections
 *   Thread calibration: mean lat.: 34.861ms, rate sampling interval: 106ms     (wrk2, per thread)
 *   Thread Stats   Avg      Stdev     Max   +/- Stdev
 *     Latency    83.38ms  150.25ms   1.03s    94.17%
 *     Req/Sec   154.26     39.14   191.00     90.00%
 *   Latency Distribution                                                       (--latency)
 *      50%   47.96ms        (wrk: 50/75/90/99)
 *   Latency Distribution (HdrHistogram - Recorded Latency)                     (wrk2 --latency)
 *  50.000%   45.12ms        (wrk2: 50/75/90/99/99.9/99.99/99.999/100)
 *   Detailed Percentile spectrum:
 *        Value   Percentile   TotalCount 1/(1-Percentile)
 *        0.658     0.000000            1         1.00                          (value in ms)
 *   #[Mean    =       33.487, StdDeviation   =       20.851]
 *   #[Max     =       66.048, Total count    =          497]
 *   #[Buckets =           27, SubBuckets     =         2048]
 *   Latency Distribution (HdrHistogram - Uncorrected Latency (…))             (wrk2 -U, same layout)
 *   1539 requests in 5.01s, 279.54KB read
 *   Socket errors: connect 0, read 0, write 0, timeout 3                       (only when non-zero)
 *   Non-2xx or 3xx responses: 248                                              (only when non-zero)
 * Requests/sec:    307.33
 * Transfer/sec:     55.82KB
 * </pre>
 *
 * <p>Units: every printed time picks its own unit ({@code us}, {@code ms}, {@code s}, {@code m},
 * {@code h}), so one line can mix them; sizes are base 1024; see {@link WrkUnits}. The values of
 * wrk2's spectrum and footer are milliseconds (µs / 1000). {@code Req/Sec} is per thread and is
 * kept only in the {@link WrkReport}.
 *
 * <p>The step: concurrency is the configured connections ({@link ConcurrencyOrigin#CONFIGURED});
 * throughput is {@code Requests/sec} (completed responses, non-2xx included, over the run time);
 * errors are the non-2xx/3xx responses; requests are the completed responses, and never fewer than
 * the errors. Socket errors (connect, read, write, timeout) count connection events, not requests,
 * so they are reported in a warning with their counts and added to nothing. A report may start with
 * blank lines and the echoed command ({@code $ wrk -t2 -c16 …}, at most {@value #MAX_PREAMBLE}
 * lines), as a copied console session does. A run without any response has no latency. Latency p50,
 * p90 and p99 come from the distribution; p95 only from wrk2's spectrum (wrk prints none, so it
 * stays null); the mean and max from the Thread Stats row (wrk) or the histogram footer (wrk2).
 *
 * <p>Two facts change what the numbers mean, and the result says them as warnings:
 *
 * <ul>
 *   <li>wrk is closed-loop: a connection sends its next request only after the previous response,
 *       so when the server stalls it stops sending and the latency under-states the stall
 *       (coordinated omission). wrk also drops responses slower than {@code --timeout} (default 2
 *       s) from the latency statistics and counts them only as timeouts ({@code stats_record} in
 *       {@code src/stats.c}).
 *   <li>wrk2 is open-loop at the {@code -R} rate and measures latency from each request's intended
 *       send time (corrected for coordinated omission). Each thread resets its histograms after a
 *       calibration period of {@code CALIBRATE_DELAY_MS} = 10 s plus 5 ms per connection of the
 *       thread ({@code src/wrk.h}, {@code calibrate()} in {@code src/wrk.c}); the printed request
 *       count includes that period but the histogram does not. The step therefore counts only the
 *       histogram's requests and a duration without the calibration period.
 * </ul>
 *
 * Lines the reader does not know (a Lua {@code done()} function's output, say) are counted and
 * reported as skipped; a known line with a value it cannot read (an unknown unit) is an error
 * naming file, line and column; a report without its summary lines is reported as truncated.
 */
public final class WrkReader extends LoadTestReader {

  /** wrk2's {@code CALIBRATE_DELAY_MS} ({@code src/wrk.h}). */
  static final double CALIBRATE_DELAY_SECONDS = 10.0;

  /** wrk2 adds this per connection of a thread to the calibration delay ({@code src/wrk.c}). */
  static final double CALIBRATE_SECONDS_PER_CONNECTION = 0.005;

  /**
   * Lines before {@code Running …} that a saved console session carries: the command as a shell
   * echoed it ({@code $ wrk -t2 -c16 …}, {@code + wrk …} under {@code set -x}), at most this many.
   */
  static final int MAX_PREAMBLE = 3;

  private static final Pattern ECHOED =
      Pattern.compile("(?:\\S*[$#>%]\\s*|\\+\\s*)?(?:\\S*/)?wrk2?(?:\\s.*)?");
  private static final Pattern RUNNING = Pattern.compile("Running (\\S+) test @ (\\S+)");
  private static final Pattern THREADS = Pattern.compile("(\\d+) threads and (\\d+) connections");
  private static final Pattern STATS_HEADER =
      Pattern.compile("Thread Stats\\s+Avg\\s+Stdev\\s+Max\\s+\\+/- Stdev");
  private static final Pattern STATS_ROW =
      Pattern.compile("(Latency|Req/Sec)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)%");
  private static final Pattern DISTRIBUTION =
      Pattern.compile("Latency Distribution(?: \\(HdrHistogram - (.*)\\))?");
  private static final Pattern PERCENT_ROW = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%\\s+(\\S+)");
  private static final Pattern SPECTRUM_HEADER =
      Pattern.compile("Value\\s+Percentile\\s+TotalCount\\s+1/\\(1-Percentile\\)");
  private static final Pattern SPECTRUM_ROW =
      Pattern.compile("([0-9]+\\.[0-9]+)\\s+([0-9]+\\.[0-9]+)\\s+([0-9]+)\\s+(\\S+)");
  private static final Pattern FOOTER_MEAN =
      Pattern.compile("#\\[Mean\\s+=\\s+([0-9.]+), StdDeviation\\s+=\\s+([0-9.]+)\\]");
  private static final Pattern FOOTER_MAX =
      Pattern.compile("#\\[Max\\s+=\\s+([0-9.]+), Total count\\s+=\\s+([0-9]+)\\]");
  private static final Pattern FOOTER_BUCKETS =
      Pattern.compile("#\\[Buckets\\s+=\\s+[0-9]+, SubBuckets\\s+=\\s+[0-9]+\\]");
  private static final Pattern SEPARATOR = Pattern.compile("-{10,}");
  private static final Pattern SUMMARY =
      Pattern.compile("([0-9]+) requests in (\\S+), (\\S+) read");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile(
          "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
  private static final Pattern REQUESTS_PER_SEC =
      Pattern.compile("Requests/sec:\\s+([0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern TRANSFER_PER_SEC = Pattern.compile("Transfer/sec:\\s+(\\S+)");

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.WRK;
  }

  @Override
  public boolean accepts(Head head) {
    String[] lines = head.text().split("\\R", 16);
    int i = 0;
    int preamble = 0;
    while (i < lines.length && !RUNNING.matcher(lines[i].strip()).matches()) {
      String line = lines[i].strip();
      if (!line.isEmpty() && (++preamble > MAX_PREAMBLE || !ECHOED.matcher(line).matches())) {
        return false;
      }
      i++;
    }
    return i + 1 < lines.length && THREADS.matcher(lines[i + 1].strip()).matches();
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    Parsed p = parseWithSkips(file);
    return toLoadTest(file, p.report, p.skipped);
  }

  /** Reads the report without interpreting it. */
  public static WrkReport parse(Path file) {
    return parseWithSkips(file).report;
  }

  private record Parsed(WrkReport report, SkippedRecords skipped) {}

  /** Where the following percentile or spectrum lines belong. */
  private enum Section {
    NONE,
    MAIN,
    UNCORRECTED
  }

  private static Parsed parseWithSkips(Path file) {
    String url = null;
    String durationLabel = null;
    int threads = 0;
    int connections = 0;
    boolean wrk2 = false;
    int calibrations = 0;
    ThreadStats latency = null;
    ThreadStats perThread = null;
    SortedMap<Double, Double> percentiles = new TreeMap<>();
    SortedMap<Double, Double> spectrum = new TreeMap<>();
    SortedMap<Double, Double> uncorrected = new TreeMap<>();
    HistogramFooter footer = null;
    HistogramFooter uncorrectedFooter = null;
    double footerMean = Double.NaN;
    double footerStdev = Double.NaN;
    Long completed = null;
    double runtime = Double.NaN;
    double bytesRead = Double.NaN;
    SocketErrors socketErrors = SocketErrors.NONE;
    long non2xx = 0;
    Double requestsPerSecond = null;
    double transfer = Double.NaN;
    Section section = Section.NONE;
    long skipped = 0;
    List<String> examples = new ArrayList<>();
    long lineNo = 0;
    int preamble = 0;
    try (BufferedReader r = openText(file)) {
      String raw;
      while ((raw = r.readLine()) != null) {
        lineNo++;
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        Matcher m;
        if (url == null) {
          m = RUNNING.matcher(line);
          if (!m.matches() && ECHOED.matcher(line).matches() && ++preamble <= MAX_PREAMBLE) {
            continue;
          }
          if (!m.matches()) {
            throw problem(
                file,
                lineNo,
                "\"" + shorten(line) + "\"",
                "a wrk report starting \"Running <duration> test @ <url>\"");
          }
          durationLabel = m.group(1);
          url = m.group(2);
        } else if ((m = THREADS.matcher(line)).matches()) {
          threads = (int) count(file, lineNo, raw, m.group(1), Integer.MAX_VALUE);
          connections = (int) count(file, lineNo, raw, m.group(2), Integer.MAX_VALUE);
        } else if (line.startsWith("Thread calibration:")) {
          wrk2 = true;
          calibrations++;
        } else if (STATS_HEADER.matcher(line).matches()) {
          section = Section.NONE;
        } else if ((m = STATS_ROW.matcher(line)).matches()) {
          boolean isLatency = m.group(1).equals("Latency");
          double[] v = new double[3];
          for (int i = 0; i < 3; i++) {
            String token = m.group(i + 2);
            Double d = isLatency ? WrkUnits.timeMs(token) : WrkUnits.metric(token);
            if (d == null) {
              throw bad(
                  file,
                  lineNo,
                  raw,
                  token,
                  isLatency ? WrkUnits.TIME_ALLOWED : WrkUnits.METRIC_ALLOWED);
            }
            v[i] = d;
          }
          // with no completed request the within-stdev share is 0/0, which C's printf writes as
          // "-nan"
          String within = m.group(5);
          double withinStdev =
              within.equals("nan") || within.equals("-nan")
                  ? Double.NaN
                  : number(file, lineNo, raw, within);
          ThreadStats stats = new ThreadStats(v[0], v[1], v[2], withinStdev);
          if (isLatency) {
            latency = stats;
          } else {
            perThread = stats;
          }
        } else if ((m = DISTRIBUTION.matcher(line)).matches()) {
          String kind = m.group(1);
          if (kind != null) {
            wrk2 = true;
          }
          section =
              kind != null && kind.startsWith("Uncorrected") ? Section.UNCORRECTED : Section.MAIN;
        } else if (section != Section.NONE && (m = PERCENT_ROW.matcher(line)).matches()) {
          Double ms = WrkUnits.timeMs(m.group(2));
          if (ms == null) {
            throw bad(file, lineNo, raw, m.group(2), WrkUnits.TIME_ALLOWED);
          }
          double percent = number(file, lineNo, raw, m.group(1));
          (section == Section.UNCORRECTED ? uncorrected : percentiles).put(percent, ms);
        } else if (line.equals("Detailed Percentile spectrum:")
            || SPECTRUM_HEADER.matcher(line).matches()) {
          wrk2 = true;
        } else if ((m = SPECTRUM_ROW.matcher(line)).matches()) {
          if (section == Section.MAIN) {
            // the quantile is printed as 0.950000; move the point rather than multiply, so 95.0 is
            // exact
            spectrum.put(
                new BigDecimal(m.group(2)).movePointRight(2).doubleValue(),
                number(file, lineNo, raw, m.group(1)));
          }
        } else if ((m = FOOTER_MEAN.matcher(line)).matches()) {
          footerMean = number(file, lineNo, raw, m.group(1));
          footerStdev = number(file, lineNo, raw, m.group(2));
        } else if ((m = FOOTER_MAX.matcher(line)).matches()) {
          if (Double.isNaN(footerMean)) {
            throw problem(
                file,
                lineNo,
                "a histogram footer \"#[Max …]\" without the \"#[Mean …]\" line before it",
                "the footer HdrHistogram prints: #[Mean …], #[Max …], #[Buckets …]");
          }
          HistogramFooter f =
              new HistogramFooter(
                  footerMean,
                  footerStdev,
                  number(file, lineNo, raw, m.group(1)),
                  count(file, lineNo, raw, m.group(2), Long.MAX_VALUE));
          if (section == Section.UNCORRECTED) {
            uncorrectedFooter = f;
          } else {
            footer = f;
          }
          footerMean = Double.NaN;
        } else if (FOOTER_BUCKETS.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
          continue;
        } else if ((m = SUMMARY.matcher(line)).matches()) {
          section = Section.NONE;
          completed = count(file, lineNo, raw, m.group(1), Long.MAX_VALUE);
          Double ms = WrkUnits.timeMs(m.group(2));
          if (ms == null || !(ms > 0)) {
            throw bad(file, lineNo, raw, m.group(2), "a positive " + WrkUnits.TIME_ALLOWED);
          }
          runtime = ms / 1000.0;
          Double b = WrkUnits.bytes(m.group(3));
          if (b == null) {
            throw bad(file, lineNo, raw, m.group(3), WrkUnits.SIZE_ALLOWED);
          }
          bytesRead = b;
        } else if ((m = SOCKET_ERRORS.matcher(line)).matches()) {
          socketErrors =
              new SocketErrors(
                  count(file, lineNo, raw, m.group(1), Long.MAX_VALUE),
                  count(file, lineNo, raw, m.group(2), Long.MAX_VALUE),
                  count(file, lineNo, raw, m.group(3), Long.MAX_VALUE),
                  count(file, lineNo, raw, m.group(4), Long.MAX_VALUE));
        } else if ((m = NON_2XX.matcher(line)).matches()) {
          non2xx = count(file, lineNo, raw, m.group(1), Long.MAX_VALUE);
        } else if ((m = REQUESTS_PER_SEC.matcher(line)).matches()) {
          requestsPerSecond = number(file, lineNo, raw, m.group(1));
        } else if ((m = TRANSFER_PER_SEC.matcher(line)).matches()) {
          Double b = WrkUnits.bytes(m.group(1));
          if (b == null) {
            throw bad(file, lineNo, raw, m.group(1), WrkUnits.SIZE_ALLOWED);
          }
          transfer = b;
        } else {
          skipped++;
          if (examples.size() < 5) {
            examples.add("line " + lineNo + ": unrecognised \"" + shorten(line) + "\"");
          }
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0) {
      throw problem(file, 0, "an empty file", "a wrk or wrk2 report");
    }
    if (threads == 0) {
      throw truncated(file, lineNo, "\"<t> threads and <c> connections\"");
    }
    if (completed == null) {
      throw truncated(file, lineNo, "\"<n> requests in <time>, <size> read\"");
    }
    if (requestsPerSecond == null) {
      throw truncated(file, lineNo, "\"Requests/sec: <x>\"");
    }
    if (!percentiles.isEmpty() && wrk2 && footer == null) {
      throw truncated(
          file, lineNo, "the \"#[Mean …]\" and \"#[Max …]\" footer of the latency histogram");
    }
    WrkReport report =
        new WrkReport(
            url,
            durationLabel,
            threads,
            connections,
            wrk2,
            calibrations,
            latency,
            perThread,
            percentiles,
            spectrum,
            footer,
            uncorrected,
            uncorrectedFooter,
            completed,
            runtime,
            bytesRead,
            socketErrors,
            non2xx,
            requestsPerSecond,
            transfer);
    return new Parsed(report, new SkippedRecords(skipped, examples));
  }

  static LoadTest toLoadTest(Path file, WrkReport w, SkippedRecords skipped) {
    List<String> warnings = new ArrayList<>();
    SocketErrors se = w.socketErrors();
    long requests;
    double duration;
    if (w.wrk2()) {
      warnings.add(
          "wrk2 sends open-loop at a fixed rate (-R) and measures latency from each request's intended send time,"
              + " so its histogram is corrected for coordinated omission");
      if (w.calibrationLines() > 0) {
        double perThread = Math.ceil((double) w.connections() / w.threads());
        double calibration = CALIBRATE_DELAY_SECONDS + CALIBRATE_SECONDS_PER_CONNECTION * perThread;
        duration = w.runtimeSeconds() - calibration;
        if (!(duration > 0)) {
          throw problem(
              file,
              0,
              "a wrk2 run of "
                  + fmt(w.runtimeSeconds())
                  + " s that ended within its "
                  + fmt(calibration)
                  + " s calibration period yet printed calibration lines",
              "a wrk2 run longer than its calibration period");
        }
        if (w.histogram() != null) {
          requests = w.histogram().totalCount();
        } else {
          requests = Math.round(w.requestsPerSecond() * duration);
          warnings.add(
              "wrk2 was run without --latency, so the requests after calibration are estimated as"
                  + " Requests/sec × duration = "
                  + requests);
        }
        warnings.add(
            String.format(
                Locale.ROOT,
                "wrk2 resets its histograms after a calibration period of %s s (10 s + 5 ms per connection of a"
                    + " thread): %d requests were made in %s s, %d of them after calibration; the step counts only"
                    + " those, over %s s, and its throughput is the whole run's Requests/sec",
                fmt(calibration),
                w.completed(),
                fmt(w.runtimeSeconds()),
                requests,
                fmt(duration)));
        if (w.non2xx3xx() > 0) {
          warnings.add(
              "wrk2 counts errors over the whole run, calibration included; the step's errors are those"
                  + " whole-run counts");
        }
      } else {
        duration = w.runtimeSeconds();
        requests = w.histogram() != null ? w.histogram().totalCount() : w.completed();
        warnings.add(
            "this wrk2 run printed no calibration lines (it was shorter than the ~10 s calibration"
                + " period), so its histogram covers the whole run, warm-up included");
      }
    } else {
      requests = w.completed();
      duration = w.runtimeSeconds();
      warnings.add(LoadModel.closedLoopWarning("wrk", "connection"));
      warnings.add(
          "wrk drops responses slower than --timeout (default 2 s) from its latency statistics and counts them"
              + " only as timeouts ("
              + se.timeout()
              + " in this run)");
      if (!w.percentilesMs().isEmpty()) {
        warnings.add("wrk prints no p95; it is left empty rather than interpolated");
      }
    }
    if (se.total() > 0) {
      warnings.add(socketErrorsWarning(se));
    }
    long errors = w.non2xx3xx();
    if (errors > requests) {
      // every error stands for at least one request sent
      warnings.add(
          "errors ("
              + errors
              + ") exceed the requests counted ("
              + requests
              + "); the step counts"
              + " at least one request per error");
      requests = errors;
    }
    if (w.completed() == 0) {
      warnings.add("wrk received no response in this run, so it has no latency");
    }
    LatencySummary latency = latency(w);
    Step step =
        new Step(
            w.connections(),
            ConcurrencyOrigin.CONFIGURED,
            requests,
            errors,
            duration,
            w.requestsPerSecond(),
            latency);
    return new LoadTest(
        file.toString(),
        LoadTestFormat.WRK,
        w.wrk2() ? "wrk2" : "wrk",
        w.wrk2() ? LoadModel.OPEN : LoadModel.CLOSED,
        List.of(step),
        warnings,
        skipped,
        new RunContext(RunContext.targetOf(w.url()), null));
  }

  /**
   * wrk counts socket errors per connection event, not per request ({@code sock_*} in {@code
   * src/wrk.c}: a refused connect is retried at once and counted again, a read error ends a
   * connection that may never have carried a request), so they are not requests and would swamp the
   * count: a run with 21 responses can print over a million connect errors.
   */
  private static String socketErrorsWarning(SocketErrors se) {
    return String.format(
        Locale.ROOT,
        "wrk reported socket errors (connect %d, read %d, write %d, timeout %d); they count"
            + " connection events, not requests, so they are left out of the requests and errors;"
            + " a non-zero count means the connections, not only the server, were failing",
        se.connect(),
        se.read(),
        se.write(),
        se.timeout());
  }

  private static LatencySummary latency(WrkReport w) {
    if (w.completed() == 0
        || w.latency() == null && w.percentilesMs().isEmpty() && w.histogram() == null) {
      return null;
    }
    SortedMap<Double, Double> p = w.percentilesMs();
    Double p95 = p.containsKey(95.0) ? p.get(95.0) : w.spectrumMs().get(95.0);
    if (w.wrk2() && w.histogram() != null) {
      return new LatencySummary(
          w.histogram().meanMs(),
          p.get(50.0),
          p.get(90.0),
          p95,
          p.get(99.0),
          w.histogram().maxMs(),
          "HdrHistogram (wrk2, corrected for coordinated omission)");
    }
    Double mean = w.latency() == null ? null : w.latency().avg();
    Double max = w.latency() == null ? null : w.latency().max();
    return new LatencySummary(
        mean,
        p.get(50.0),
        p.get(90.0),
        p95,
        p.get(99.0),
        max,
        w.wrk2() ? "HdrHistogram (wrk2)" : "wrk (percentiles of its microsecond histogram)");
  }

  private static double number(Path file, long line, String raw, String token) {
    Double v = Numbers.finiteOrNull(token);
    if (v == null) {
      throw bad(file, line, raw, token, "a number such as 94.17");
    }
    return v;
  }

  private static long count(Path file, long line, String raw, String token, long max) {
    Long v = Numbers.longOrNull(token);
    if (v == null || v > max) {
      throw bad(file, line, raw, token, "a whole number of at most " + max);
    }
    return v;
  }

  private static BadInputException bad(
      Path file, long line, String raw, String token, String allowed) {
    int column = raw.indexOf(token) + 1;
    return new BadInputException(
        new InputProblem(
            file.toString(),
            (int) line,
            Math.max(column, 0),
            "",
            "\"" + token + "\"",
            allowed,
            null));
  }

  private static BadInputException truncated(Path file, long lastLine, String missing) {
    return problem(
        file,
        lastLine,
        "a report that ends at line " + lastLine + " without " + missing + " (truncated output?)",
        "a complete wrk or wrk2 report");
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
