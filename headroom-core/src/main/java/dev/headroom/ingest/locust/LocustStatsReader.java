package dev.headroom.ingest.locust;

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
import java.util.Locale;
import java.util.Map;

/**
 * Locust's {@code PREFIX_stats.csv} ({@code --csv PREFIX}; {@code locust/stats.py}, unchanged from
 * 2.12 to 2.46): the whole run's cumulative statistics, rewritten in place every second.
 *
 * <pre>
 * Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,
 *   Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,
 *   99.9%,99.99%,100%
 * GET,/api/items,568,0,45,32.116298869716466,1.8865549999418363,69.96911600003841,32.0,28.38,0.0,45,…
 * ,Aggregated,852,164,45,37.27734559037293,1.1030949999621953,124.9055099999623,32.05,42.58,8.20,45,…
 * </pre>
 *
 * <p>One row per (method, name) and the {@code Aggregated} row (empty Type), which is the one read.
 * Times are <b>milliseconds</b>, sizes bytes, rates per second over the whole run. Min, Max and
 * Average are exact; the median and percentiles are computed over response times rounded into
 * buckets (to 1 ms below 100 ms, to 10 ms below 1 s, to 100 ms below 10 s, then to 1 s), so they
 * are coarse; a warning says so. Rows without requests hold {@code N/A}.
 *
 * <p>The step: requests and errors are the Aggregated counts, throughput its {@code Requests/s},
 * duration requests / throughput. The file does not hold the number of users, so the concurrency is
 * {@link ReadOptions#concurrency()} when given, otherwise Little's law N = X·R, which counts
 * requests in flight (lower than the users when they wait between tasks); a warning says which.
 * Locust users are closed-loop, so latencies suffer coordinated omission.
 */
public final class LocustStatsReader extends LoadTestReader {

  static final String HEADER_START =
      "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
          + "Max Response Time,Average Content Size,Requests/s,Failures/s,";

  private static final List<String> NEEDED =
      List.of(
          "Type",
          "Name",
          "Request Count",
          "Failure Count",
          "Average Response Time",
          "Max Response Time",
          "Requests/s",
          "50%",
          "90%",
          "95%",
          "99%");

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.LOCUST_STATS;
  }

  @Override
  public boolean accepts(Head head) {
    return head.text().replace("\uFEFF", "").startsWith(HEADER_START);
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    Map<String, Integer> col = null;
    // the header's field count: a header may repeat a name, so the name index can be smaller
    int width = 0;
    List<String> aggregated = null;
    long aggregatedLine = 0;
    long skipped = 0;
    List<String> examples = new ArrayList<>();
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = LocustCsv.split(line.replace("\uFEFF", ""));
        if (col == null) {
          if (f == null || !line.replace("\uFEFF", "").startsWith(HEADER_START)) {
            throw problem(
                file,
                lineNo,
                "the header \"" + shorten(line) + "\"",
                "Locust's _stats.csv header \"" + HEADER_START + "50%,…\"");
          }
          col = LocustCsv.index(f);
          width = f.size();
          String missing = LocustCsv.firstMissing(col, NEEDED);
          if (missing != null) {
            throw problem(
                file,
                lineNo,
                "a header without the column \"" + missing + "\"",
                "Locust's _stats.csv header");
          }
          continue;
        }
        if (f == null || f.size() != width) {
          skipped++;
          if (examples.size() < 5) {
            examples.add(
                "line "
                    + lineNo
                    + ": "
                    + (f == null
                        ? "an unclosed quote"
                        : f.size() + " fields where the header has " + width));
          }
          continue;
        }
        if (f.get(col.get("Name")).equals("Aggregated") && f.get(col.get("Type")).isEmpty()) {
          aggregated = f;
          aggregatedLine = lineNo;
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0) {
      throw problem(file, 0, "an empty file", "a Locust _stats.csv");
    }
    if (aggregated == null) {
      throw problem(
          file,
          lineNo,
          "no \",Aggregated\" row (truncated file?)",
          "a Locust _stats.csv with its Aggregated row");
    }
    long requests = whole(file, aggregatedLine, aggregated, col, "Request Count");
    long failures = whole(file, aggregatedLine, aggregated, col, "Failure Count");
    if (requests == 0) {
      throw problem(
          file,
          aggregatedLine,
          "an Aggregated row with 0 requests",
          "a run that completed requests");
    }
    double rps = number(file, aggregatedLine, aggregated, col, "Requests/s");
    double mean = number(file, aggregatedLine, aggregated, col, "Average Response Time");
    LatencySummary latency =
        new LatencySummary(
            mean,
            number(file, aggregatedLine, aggregated, col, "50%"),
            number(file, aggregatedLine, aggregated, col, "90%"),
            number(file, aggregatedLine, aggregated, col, "95%"),
            number(file, aggregatedLine, aggregated, col, "99%"),
            number(file, aggregatedLine, aggregated, col, "Max Response Time"),
            "Locust (percentiles of bucket-rounded response times)");
    List<String> warnings = new ArrayList<>();
    double n;
    ConcurrencyOrigin origin;
    if (options != null && options.concurrency() != null) {
      n = options.concurrency();
      origin = ConcurrencyOrigin.GIVEN;
      warnings.add(
          "Locust's _stats.csv does not record the number of users; the given concurrency "
              + fmt(n)
              + " is used");
    } else {
      // Little's law, N = X * R
      n = rps * mean / 1000.0;
      origin = ConcurrencyOrigin.LITTLES_LAW;
      warnings.add(
          String.format(
              Locale.ROOT,
              "Locust's _stats.csv does not record the number of users; the"
                  + " concurrency is estimated with Little's law N = X·R = %s/s × %s ms = %s requests in flight, fewer"
                  + " than the users when they wait between tasks (give --concurrency, or read _stats_history.csv)",
              fmt(rps),
              fmt(mean),
              fmt(n)));
    }
    if (!(n > 0) || !(rps > 0)) {
      throw problem(
          file,
          aggregatedLine,
          "Requests/s " + fmt(rps) + " and concurrency " + fmt(n),
          "a positive throughput and concurrency");
    }
    warnings.add(
        "Locust computes its median and percentiles over response times rounded to buckets (1 ms below"
            + " 100 ms, 10 ms below 1 s, 100 ms below 10 s), so they are approximate; mean and max are exact");
    warnings.add(LoadModel.closedLoopWarning("Locust", "user"));
    Step step = new Step(n, origin, requests, failures, requests / rps, rps, latency);
    return new LoadTest(
        file.toString(),
        format(),
        "Locust",
        LoadModel.CLOSED,
        List.of(step),
        warnings,
        new SkippedRecords(skipped, examples));
  }

  private static long whole(
      Path file, long line, List<String> f, Map<String, Integer> col, String name) {
    String v = f.get(col.get(name)).strip();
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw cell(file, line, f, col.get(name), name, v, "a whole number >= 0");
    }
  }

  private static double number(
      Path file, long line, List<String> f, Map<String, Integer> col, String name) {
    String v = f.get(col.get(name)).strip();
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || d < 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw cell(
          file, line, f, col.get(name), name, v, "a number >= 0 (milliseconds, or per second)");
    }
  }

  static BadInputException cell(
      Path file, long line, List<String> f, int index, String key, String v, String allowed) {
    int column = 1;
    for (int i = 0; i < index; i++) {
      column += f.get(i).length() + 1;
    }
    return new BadInputException(
        new InputProblem(file.toString(), (int) line, column, key, "\"" + v + "\"", allowed, null));
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
