package dev.headroom.ingest.hey;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.Numbers;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default text report of <a href="https://github.com/rakyll/hey">hey</a> 0.1.x ({@code
 * requester/print.go}, {@code requester/report.go}). One file is one run, so one {@link Step}.
 *
 * <pre>
 * Summary:
 *   Total:        3.0500 secs          wall time of the run
 *   Slowest:      0.0800 secs          slowest successful request
 *   Fastest:      0.0048 secs
 *   Average:      0.0488 secs          mean over requests that got a response ("NaN" if none)
 *   Requests/sec: 80.9830              all results, errors included, / Total
 *   Total data:   7904 bytes
 *   Size/request: 32 bytes
 * Response time histogram:             11 marks, 10 intervals: "  0.005 [1]  |■■"
 * Latency distribution:                "  10% in 0.0440 secs" for 10/25/50/75/90/95/99
 * Details (average, fastest, slowest): DNS+dialup, DNS-lookup, req write, resp wait, resp read
 * Status code distribution:            "  [200] 247 responses"
 * Error distribution:                  "  [10374] Get …: connection refused" (only with errors)
 * </pre>
 *
 * <p>Every time is in <b>seconds</b> with four decimals; the reader converts to milliseconds. Any
 * other unit is an error naming file, line and column. hey 0.1.4 (the last tag, the version Debian
 * ships) prints the whole request's fastest and slowest on every "Details" line; those lines are
 * not used. With fewer results than a percentile needs it prints a line reading {@code 0% in 0.0000
 * secs}; that percentile is left empty and a warning says so.
 *
 * <p>The step: requests are the status-code counts plus the error counts, errors are responses
 * outside 2xx/3xx plus the errors, throughput is {@code Requests/sec}, duration is {@code Total},
 * latency takes its mean from Average, its max from Slowest and p50/p90/p95/p99 from the
 * distribution (a percentile hey did not print stays empty). hey does not print its concurrency
 * ({@code -c}): it is taken from {@link ReadOptions#concurrency()} when given, otherwise estimated
 * with Little's law N = X·R from Requests/sec and Average, and the result says which. hey is
 * closed-loop, so its latencies suffer coordinated omission.
 */
public final class HeyTextReader extends LoadTestReader {

  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z/+ -]+):\\s*(.*)");
  private static final Pattern SECONDS = Pattern.compile("(NaN|[0-9]+(?:\\.[0-9]+)?)\\s+secs");
  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("[0-9]+(?:\\.[0-9]+)?\\s+\\[([0-9]+)\\]\\s*\\|.*");
  private static final Pattern PERCENTILE_ROW = Pattern.compile("([0-9]+)% in (\\S+)\\s+(\\S+)");
  private static final Pattern STATUS_ROW = Pattern.compile("\\[([0-9]+)\\]\\s+([0-9]+) responses");
  private static final Pattern ERROR_ROW = Pattern.compile("\\[([0-9]+)\\]\\s+(.*)");

  private enum Section {
    NONE,
    SUMMARY,
    HISTOGRAM,
    LATENCY,
    DETAILS,
    STATUS,
    ERRORS
  }

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.HEY;
  }

  @Override
  public boolean accepts(Head head) {
    String[] lines = head.text().strip().split("\\R", 3);
    return lines.length >= 2
        && lines[0].strip().equals("Summary:")
        && lines[1].strip().startsWith("Total:")
        && lines[1].contains("secs");
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    Map<String, Double> summary = new TreeMap<>();
    Map<Integer, Double> percentilesMs = new TreeMap<>();
    long histogramCount = 0;
    long responses = 0;
    long badStatus = 0;
    long errorResults = 0;
    boolean statusSeen = false;
    boolean summarySeen = false;
    List<String> warnings = new ArrayList<>();
    long skipped = 0;
    List<String> examples = new ArrayList<>();
    Section section = Section.NONE;
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String raw;
      while ((raw = r.readLine()) != null) {
        lineNo++;
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        switch (line) {
          case "Summary:" -> {
            section = Section.SUMMARY;
            summarySeen = true;
            continue;
          }
          case "Response time histogram:" -> {
            section = Section.HISTOGRAM;
            continue;
          }
          case "Latency distribution:" -> {
            section = Section.LATENCY;
            continue;
          }
          case "Details (average, fastest, slowest):" -> {
            section = Section.DETAILS;
            continue;
          }
          case "Status code distribution:" -> {
            section = Section.STATUS;
            statusSeen = true;
            continue;
          }
          case "Error distribution:" -> {
            section = Section.ERRORS;
            continue;
          }
          default -> {}
        }
        if (!summarySeen) {
          throw problem(
              file,
              lineNo,
              "\"" + shorten(line) + "\" before \"Summary:\"",
              "a hey report starting \"Summary:\"");
        }
        Matcher m;
        switch (section) {
          case SUMMARY -> {
            m = KEY_VALUE.matcher(line);
            if (!m.matches()) {
              skipped = skip(skipped, examples, lineNo, line);
              break;
            }
            String key = m.group(1).strip();
            String value = m.group(2).strip();
            switch (key) {
              case "Total", "Slowest", "Fastest", "Average" ->
                  summary.put(key, secondsToMs(file, lineNo, raw, value));
              case "Requests/sec" -> summary.put(key, number(file, lineNo, raw, value));
              case "Total data", "Size/request" ->
                  summary.put(key, bytes(file, lineNo, raw, value));
              default -> skipped = skip(skipped, examples, lineNo, line);
            }
          }
          case HISTOGRAM -> {
            m = HISTOGRAM_ROW.matcher(line);
            if (m.matches()) {
              histogramCount += count(file, lineNo, raw, m.group(1));
            } else {
              skipped = skip(skipped, examples, lineNo, line);
            }
          }
          case LATENCY -> {
            m = PERCENTILE_ROW.matcher(line);
            if (!m.matches()) {
              skipped = skip(skipped, examples, lineNo, line);
              break;
            }
            double ms = secondsToMs(file, lineNo, raw, m.group(2) + " " + m.group(3));
            int percent = (int) count(file, lineNo, raw, m.group(1));
            if (percent > 100) {
              throw bad(file, lineNo, raw, m.group(1), "a percentile of 0 to 100");
            }
            if (percent == 0 && ms == 0.0) {
              // hey leaves a percentile it could not fill at zero and prints its mark as 0%
              warnings.add(
                  "hey printed \"0% in 0.0000 secs\" at line "
                      + lineNo
                      + ": a percentile it had too few results for; it is left empty");
            } else {
              percentilesMs.put(percent, ms);
            }
          }
          case DETAILS -> {
            // hey 0.1.4 prints the whole request's fastest/slowest on these lines: not used
          }
          case STATUS -> {
            m = STATUS_ROW.matcher(line);
            if (!m.matches()) {
              skipped = skip(skipped, examples, lineNo, line);
              break;
            }
            int status = (int) Math.min(count(file, lineNo, raw, m.group(1)), Integer.MAX_VALUE);
            long count = count(file, lineNo, raw, m.group(2));
            responses += count;
            if (status < 200 || status >= 400) {
              badStatus += count;
            }
          }
          case ERRORS -> {
            m = ERROR_ROW.matcher(line);
            if (m.matches()) {
              errorResults += count(file, lineNo, raw, m.group(1));
            } else {
              skipped = skip(skipped, examples, lineNo, line);
            }
          }
          default -> skipped = skip(skipped, examples, lineNo, line);
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0 || !summarySeen) {
      throw problem(
          file,
          lineNo,
          lineNo == 0 ? "an empty file" : "no \"Summary:\" line",
          "a hey text report");
    }
    for (String key : List.of("Total", "Requests/sec")) {
      if (!summary.containsKey(key)) {
        throw truncated(file, lineNo, "the \"" + key + ":\" line of the Summary");
      }
    }
    if (!statusSeen) {
      throw truncated(file, lineNo, "the \"Status code distribution:\" section");
    }
    long requests = responses + errorResults;
    long errors = badStatus + errorResults;
    Double averageMs = summary.get("Average");
    double throughput = summary.get("Requests/sec");
    double durationSeconds = summary.get("Total") / 1000.0;
    if (histogramCount != responses && histogramCount > 0) {
      warnings.add(
          "the response-time histogram counts "
              + histogramCount
              + " requests but the status codes "
              + responses
              + "; the status codes are used");
    }
    LatencySummary latency =
        averageMs == null
            ? null
            : new LatencySummary(
                averageMs,
                percentilesMs.get(50),
                percentilesMs.get(90),
                percentilesMs.get(95),
                percentilesMs.get(99),
                summary.get("Slowest"),
                "hey (sorted results, first index at or above p%)");
    double n;
    ConcurrencyOrigin origin;
    if (options != null && options.concurrency() != null) {
      n = options.concurrency();
      origin = ConcurrencyOrigin.GIVEN;
      warnings.add(
          "hey does not print its concurrency (-c); the given concurrency " + fmt(n) + " is used");
    } else if (averageMs != null && throughput > 0) {
      // Little's law, N = X * R (X in requests per second, R in seconds)
      n = throughput * averageMs / 1000.0;
      origin = ConcurrencyOrigin.LITTLES_LAW;
      warnings.add(
          String.format(
              Locale.ROOT,
              "hey does not print its concurrency (-c); it is estimated with Little's law N = X·R = %s/s × %s ms = %s"
                  + " (give --concurrency to use the configured value)",
              fmt(throughput),
              fmt(averageMs),
              fmt(n)));
    } else {
      throw problem(
          file,
          0,
          "a hey report with no successful request (Average: NaN) and no concurrency given",
          "a concurrency given with --concurrency, since hey does not print -c and Little's law needs a latency");
    }
    warnings.add(LoadModel.closedLoopWarning("hey", "worker"));
    if (!(n > 0)) {
      throw problem(
          file,
          0,
          "a Little's-law concurrency of " + fmt(n),
          "a positive concurrency (give --concurrency)");
    }
    if (errors > requests) {
      errors = requests;
    }
    Step step = new Step(n, origin, requests, errors, durationSeconds, throughput, latency);
    return new LoadTest(
        file.toString(),
        format(),
        "hey",
        LoadModel.CLOSED,
        List.of(step),
        warnings,
        new SkippedRecords(skipped, examples));
  }

  private static long skip(long skipped, List<String> examples, long lineNo, String line) {
    if (examples.size() < 5) {
      examples.add("line " + lineNo + ": unrecognised \"" + shorten(line) + "\"");
    }
    return skipped + 1;
  }

  /** {@code "0.0488 secs"} to ms; {@code NaN secs} (no successful request) to null. */
  private static Double secondsToMs(Path file, long line, String raw, String value) {
    Matcher m = SECONDS.matcher(value);
    if (!m.matches()) {
      throw bad(file, line, raw, value, "a hey time in seconds such as \"0.0488 secs\"");
    }
    return m.group(1).equals("NaN") ? null : number(file, line, raw, m.group(1)) * 1000.0;
  }

  /** A count printed by hey, refused at its column when it does not fit a {@code long}. */
  private static long count(Path file, long line, String raw, String token) {
    Long v = Numbers.longOrNull(token);
    if (v == null || v < 0) {
      throw bad(file, line, raw, token, "a whole number of at most " + Long.MAX_VALUE);
    }
    return v;
  }

  private static double number(Path file, long line, String raw, String value) {
    try {
      double v = Double.parseDouble(value);
      if (!Double.isFinite(v) || v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(file, line, raw, value, "a number such as 80.9830");
    }
  }

  private static double bytes(Path file, long line, String raw, String value) {
    if (!value.endsWith(" bytes")) {
      throw bad(file, line, raw, value, "a size such as \"7904 bytes\"");
    }
    return number(file, line, raw, value.substring(0, value.length() - " bytes".length()).strip());
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

  private static BadInputException truncated(Path file, long lastLine, String missing) {
    return problem(
        file,
        lastLine,
        "a report that ends at line " + lastLine + " without " + missing + " (truncated output?)",
        "a complete hey text report");
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
  }
}
