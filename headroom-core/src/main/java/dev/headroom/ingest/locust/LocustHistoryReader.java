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
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locust's {@code PREFIX_stats_history.csv} ({@code --csv PREFIX}, {@code locust/stats.py}; layout
 * unchanged from 2.12 to 2.46): one row per second, appended while the test runs.
 *
 * <pre>
 * Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,
 *   100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,
 *   Total Min Response Time,Total Max Response Time,Total Average Content Size
 * 1795415927,0,,Aggregated,0.000000,0.000000,N/A,N/A,…,0,0,0,0.0,0,0,0
 * 1795415933,2,,Aggregated,14.500000,3.000000,44,45,…,108,20,44,19.6,1.4,123.5,32.09
 * </pre>
 *
 * <p>Locust 1.x wrote the same file by hand ({@code stats_history_csv_header()} and {@code
 * stats_history_csv()} in its {@code stats.py}): every header name quoted, {@code
 * "1600000000","10","","Aggregated",12.30,…}, {@code "N/A"} quoted, one more percentile column
 * ({@code 99.999%}), and the {@code Total *} columns as whole numbers ({@code %i}, so the average
 * is truncated to the millisecond). Columns are found by name, so both layouts are read alike.
 *
 * <p>{@code Timestamp} is whole unix <b>seconds</b>, times are <b>milliseconds</b>. Without {@code
 * --csv-full-history} only {@code Aggregated} rows are written; with it, one row per endpoint too.
 * Only the Aggregated rows are read. {@code Requests/s} is a "current" rate averaged over about the
 * last 12 s minus the last 2 ({@code current_rps}), so it lags the load by seconds, and the
 * percentile columns are a sliding window (with full history) or cumulative (without): neither
 * belongs to one user level. The {@code Total *} columns are cumulative and exact.
 *
 * <p>So the steps come from differences: between two consecutive Aggregated rows with the same
 * {@code User Count}, the requests that completed are the difference of {@code Total Request
 * Count}, the failures that of {@code Total Failure Count}, the time that of {@code Timestamp}, and
 * the sum of their response times the difference of count × {@code Total Average Response Time}.
 * Each user level sums its intervals into one {@link Step}: concurrency the users ({@link
 * ConcurrencyOrigin#GAUGE}), throughput requests / seconds, latency the exact mean (percentiles are
 * left empty: the file has none per level). Intervals in which the user count changed, and the
 * warm-up rows whose percentiles read {@code N/A}, are left out and counted in a warning; rows that
 * cannot be read are skipped and reported. Locust users are closed-loop, so latencies suffer
 * coordinated omission.
 */
public final class LocustHistoryReader extends LoadTestReader {

  static final String HEADER_START = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,";

  private static final List<String> HEADER_FIELDS =
      List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s");

  private static final List<String> NEEDED =
      List.of(
          "Timestamp",
          "User Count",
          "Type",
          "Name",
          "50%",
          "Total Request Count",
          "Total Failure Count",
          "Total Average Response Time");

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.LOCUST_HISTORY;
  }

  @Override
  public boolean accepts(Head head) {
    String first = head.text().lines().findFirst().orElse("");
    return isHeader(LocustCsv.split(first.replace("\uFEFF", "")));
  }

  /**
   * Whether {@code fields} (unquoted) begin with the history header's first columns: Locust 2.x
   * writes the header bare through {@code csv.writer}, Locust 1.x wrote every name in quotes
   * ({@code "Timestamp","User Count",…} in {@code stats_history_csv_header()}).
   */
  static boolean isHeader(List<String> fields) {
    return fields != null
        && fields.size() >= HEADER_FIELDS.size()
        && fields.subList(0, HEADER_FIELDS.size()).equals(HEADER_FIELDS);
  }

  private record Row(
      long line, long timestamp, long users, long total, long failures, double totalAverageMs) {}

  private static final class Level {
    long requests;
    long failures;
    long seconds;
    double sumMs;
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    Map<String, Integer> col = null;
    // the header's field count: a header may repeat a name, so the name index can be smaller
    int width = 0;
    List<Row> rows = new ArrayList<>();
    long warmUp = 0;
    boolean fullHistory = false;
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
        String clean = line.replace("\uFEFF", "");
        List<String> f = LocustCsv.split(clean);
        if (col == null) {
          if (!isHeader(f)) {
            throw problem(
                file,
                lineNo,
                "the header \"" + LocustStatsReader.shorten(line) + "\"",
                "Locust's _stats_history.csv header \"" + HEADER_START + "…\"");
          }
          col = LocustCsv.index(f);
          width = f.size();
          String missing = LocustCsv.firstMissing(col, NEEDED);
          if (missing != null) {
            throw problem(
                file,
                lineNo,
                "a header without the column \"" + missing + "\"",
                "Locust's _stats_history.csv header");
          }
          continue;
        }
        if (f == null || f.size() != width) {
          skipped =
              skip(
                  skipped,
                  examples,
                  lineNo,
                  f == null
                      ? "an unclosed quote"
                      : f.size() + " fields where the header has " + width);
          continue;
        }
        if (!f.get(col.get("Name")).equals("Aggregated") || !f.get(col.get("Type")).isEmpty()) {
          fullHistory = true;
          continue;
        }
        if (f.get(col.get("50%")).equals("N/A")) {
          warmUp++;
          continue;
        }
        try {
          rows.add(
              new Row(
                  lineNo,
                  Long.parseLong(f.get(col.get("Timestamp")).strip()),
                  Long.parseLong(f.get(col.get("User Count")).strip()),
                  Long.parseLong(f.get(col.get("Total Request Count")).strip()),
                  Long.parseLong(f.get(col.get("Total Failure Count")).strip()),
                  Double.parseDouble(f.get(col.get("Total Average Response Time")).strip())));
        } catch (NumberFormatException e) {
          skipped =
              skip(
                  skipped,
                  examples,
                  lineNo,
                  "a value that is not a number (" + e.getMessage() + ")");
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lineNo == 0) {
      throw problem(file, 0, "an empty file", "a Locust _stats_history.csv");
    }
    Map<Long, Level> levels = new TreeMap<>();
    long transitions = 0;
    Row prev = null;
    for (Row row : rows) {
      if (prev == null) {
        prev = row;
        continue;
      }
      long dt = row.timestamp() - prev.timestamp();
      if (dt <= 0) {
        // two rows in the same second: fold this one into the next interval
        continue;
      }
      if (row.total() < prev.total() || row.failures() < prev.failures()) {
        skipped =
            skip(
                skipped, examples, row.line(), "Total Request Count went down (statistics reset?)");
      } else if (row.users() != prev.users()) {
        transitions++;
      } else if (row.users() > 0) {
        Level level = levels.computeIfAbsent(row.users(), u -> new Level());
        level.requests += row.total() - prev.total();
        level.failures += row.failures() - prev.failures();
        level.seconds += dt;
        level.sumMs += row.totalAverageMs() * row.total() - prev.totalAverageMs() * prev.total();
      }
      prev = row;
    }
    List<Step> steps = new ArrayList<>();
    for (Map.Entry<Long, Level> e : levels.entrySet()) {
      Level l = e.getValue();
      LatencySummary latency =
          l.requests == 0
              ? null
              : new LatencySummary(
                  Math.max(0, l.sumMs / l.requests),
                  null,
                  null,
                  null,
                  null,
                  null,
                  "Locust Total Average Response Time, differenced per level");
      steps.add(
          new Step(
              e.getKey(),
              ConcurrencyOrigin.GAUGE,
              l.requests,
              Math.min(l.failures, l.requests),
              l.seconds,
              l.requests / (double) l.seconds,
              latency));
    }
    if (steps.isEmpty()) {
      throw problem(
          file,
          lineNo,
          rows.isEmpty()
              ? "no Aggregated row with data (only warm-up rows?)"
              : "no two consecutive Aggregated rows at the same user count",
          "a Locust history of at least two" + " seconds at one user count");
    }
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "steps come from differences of Total Request Count between timestamps (whole seconds), not"
            + " from the lagging Requests/s column; percentiles are left empty because the file has none per user"
            + " level"
            + (fullHistory
                ? " (with --csv-full-history they are a sliding window)"
                : " (they are cumulative)"));
    if (warmUp > 0 || transitions > 0) {
      warnings.add(
          "left out "
              + warmUp
              + " warm-up rows (N/A percentiles) and "
              + transitions
              + " intervals in which the user count changed");
    }
    warnings.add(LoadModel.closedLoopWarning("Locust", "user"));
    return new LoadTest(
        file.toString(),
        format(),
        "Locust",
        LoadModel.CLOSED,
        steps,
        warnings,
        new SkippedRecords(skipped, examples));
  }

  private static long skip(long skipped, List<String> examples, long line, String reason) {
    if (examples.size() < 5) {
      examples.add("line " + line + ": " + reason);
    }
    return skipped + 1;
  }
}
