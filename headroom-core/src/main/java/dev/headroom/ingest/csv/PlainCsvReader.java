package dev.headroom.ingest.csv;

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
import java.util.regex.Pattern;

/**
 * A plain CSV of measured points, one row per concurrency level.
 *
 * <p>Layout: comma-separated, an optional header, then rows of numbers in {@link Locale#ROOT} (a
 * dot is the decimal separator). Without a header the columns are {@code
 * concurrency,throughput[,latency_ms]}. With a header, columns are found by name, in any order:
 *
 * <ul>
 *   <li>concurrency: {@code concurrency}, {@code n}, {@code load}, {@code users}, {@code vus},
 *       {@code threads}, {@code nodes}, {@code processors}, {@code clients};
 *   <li>throughput (per second): {@code throughput}, {@code x}, {@code rps}, {@code qps}, {@code
 *       tps}, or a name starting {@code throughput};
 *   <li>latency, optional, whose unit must be in the name: {@code latency_ms}, {@code latency_s},
 *       {@code latency_us}, {@code response_time_ms}, {@code response_time_s}, {@code r_ms}, … A
 *       latency column without a unit is rejected rather than guessed.
 * </ul>
 *
 * Lines starting with {@code #} and blank lines are ignored. Rows whose concurrency or throughput
 * is not a positive number are errors, reported together with their line and column.
 */
public final class PlainCsvReader extends LoadTestReader {

  private static final Pattern NUMERIC_ROW =
      Pattern.compile("^\\s*[0-9.eE+-]+\\s*(,\\s*[0-9.eE+-]*\\s*){1,}$");
  private static final List<String> CONCURRENCY_NAMES =
      List.of(
          "concurrency",
          "n",
          "load",
          "users",
          "vus",
          "threads",
          "nodes",
          "processors",
          "clients",
          "workers");
  private static final List<String> THROUGHPUT_NAMES =
      List.of("throughput", "tput", "x", "rps", "qps", "tps", "ops");

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.PLAIN_CSV;
  }

  @Override
  public boolean accepts(Head head) {
    String[] lines = head.text().split("\\R", 4);
    int i = 0;
    while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
      i++;
    }
    if (i >= lines.length) {
      return false;
    }
    if (NUMERIC_ROW.matcher(lines[i]).matches()) {
      return true;
    }
    Columns c = Columns.fromHeader(lines[i]);
    return c != null && i + 1 < lines.length && NUMERIC_ROW.matcher(lines[i + 1]).matches();
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    List<Step> steps = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Columns columns = null;
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (columns == null) {
          if (NUMERIC_ROW.matcher(line).matches()) {
            columns = Columns.positional(line.split(",", -1).length);
          } else {
            columns = Columns.fromHeader(line);
            if (columns == null || columns.error != null) {
              problems.add(
                  new InputProblem(
                      file.toString(),
                      (int) lineNo,
                      1,
                      "",
                      columns == null ? "header \"" + line + "\"" : columns.error,
                      "a header naming a concurrency column (concurrency, users, threads, …), a throughput"
                          + " column (throughput, rps, …) and optionally a latency column with its unit"
                          + " (latency_ms, latency_s)",
                      null));
              break;
            }
            continue;
          }
        }
        parseRow(file, lineNo, line, columns, steps, problems);
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (problems.isEmpty() && steps.isEmpty()) {
      problems.add(
          new InputProblem(
              file.toString(),
              (int) Math.max(lineNo, 0),
              0,
              "",
              lineNo == 0 ? "an empty file" : "no data rows",
              "rows of concurrency,throughput[,latency]",
              null));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    steps.sort((a, b) -> Double.compare(a.concurrency(), b.concurrency()));
    return new LoadTest(
        file.toString(),
        format(),
        "plain CSV",
        LoadModel.UNKNOWN,
        steps,
        List.of(),
        SkippedRecords.NONE);
  }

  private static void parseRow(
      Path file,
      long lineNo,
      String line,
      Columns c,
      List<Step> steps,
      List<InputProblem> problems) {
    String[] cells = line.split(",", -1);
    if (cells.length != c.count) {
      boolean decimalComma =
          cells.length > c.count && cells[cells.length - 1].strip().matches("\\d+");
      problems.add(
          new InputProblem(
              file.toString(),
              (int) lineNo,
              1,
              "",
              cells.length + " cells (\"" + line.strip() + "\")",
              c.count
                  + " cells, as "
                  + (c.header ? "the header has" : "the first row has")
                  + (decimalComma
                      ? "; the decimal separator is a dot (1523.5), never a comma"
                      : ""),
              null));
      return;
    }
    double n = cell(file, lineNo, cells, c.concurrency, "concurrency", problems);
    double x = cell(file, lineNo, cells, c.throughput, "throughput", problems);
    Double latencyMs = null;
    if (c.latency >= 0 && c.latency < cells.length && !cells[c.latency].isBlank()) {
      double r = cell(file, lineNo, cells, c.latency, "latency", problems);
      if (!Double.isNaN(r)) {
        latencyMs = r * c.latencyToMs;
      }
    }
    if (Double.isNaN(n) || Double.isNaN(x)) {
      return;
    }
    LatencySummary latency =
        latencyMs == null
            ? null
            : new LatencySummary(latencyMs, null, null, null, null, null, "as given");
    steps.add(new Step(n, ConcurrencyOrigin.INPUT, 0, 0, 0, x, latency));
  }

  private static double cell(
      Path file, long lineNo, String[] cells, int index, String what, List<InputProblem> problems) {
    int column = 1;
    for (int i = 0; i < index && i < cells.length; i++) {
      column += cells[i].length() + 1;
    }
    if (index >= cells.length || cells[index].isBlank()) {
      problems.add(
          new InputProblem(
              file.toString(), (int) lineNo, column, what, "nothing", "a positive number", null));
      return Double.NaN;
    }
    String s = cells[index].strip();
    try {
      double v = Double.parseDouble(s);
      if (!(v > 0) || !Double.isFinite(v)) {
        problems.add(
            new InputProblem(
                file.toString(),
                (int) lineNo,
                column,
                what,
                '"' + s + '"',
                "a positive number",
                null));
        return Double.NaN;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(
          new InputProblem(
              file.toString(),
              (int) lineNo,
              column,
              what,
              '"' + s + '"',
              "a number such as 12 or 1523.5 (dot decimal)",
              null));
      return Double.NaN;
    }
  }

  private static final class Columns {
    int concurrency = -1;
    int throughput = -1;
    int count;
    boolean header;
    int latency = -1;
    double latencyToMs = 1.0;
    String error;

    static Columns positional(int count) {
      Columns c = new Columns();
      c.concurrency = 0;
      c.throughput = 1;
      c.latency = count >= 3 ? 2 : -1;
      c.count = count;
      return c;
    }

    static Columns fromHeader(String header) {
      String[] names = header.split(",", -1);
      Columns c = new Columns();
      c.count = names.length;
      c.header = true;
      for (int i = 0; i < names.length; i++) {
        String name = names[i].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (c.concurrency < 0 && CONCURRENCY_NAMES.contains(name)) {
          c.concurrency = i;
        } else if (c.throughput < 0
            && (THROUGHPUT_NAMES.contains(name) || name.startsWith("throughput"))) {
          c.throughput = i;
        } else if (c.latency < 0
            && (name.startsWith("latency")
                || name.startsWith("response_time")
                || name.equals("r")
                || name.startsWith("r_"))) {
          c.latency = i;
          if (name.endsWith("_ms")) {
            c.latencyToMs = 1.0;
          } else if (name.endsWith("_s") || name.endsWith("_sec") || name.endsWith("_seconds")) {
            c.latencyToMs = 1000.0;
          } else if (name.endsWith("_us")) {
            c.latencyToMs = 1e-3;
          } else {
            c.error = "latency column \"" + names[i].strip() + "\" without a unit";
          }
        }
      }
      if (c.concurrency < 0 || c.throughput < 0) {
        return null;
      }
      return c;
    }
  }
}
