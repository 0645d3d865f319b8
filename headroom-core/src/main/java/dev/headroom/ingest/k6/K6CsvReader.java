package dev.headroom.ingest.k6;

import dev.headroom.ingest.csv.CsvTokenizer;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-sample output of {@code k6 run --out csv=file} (or {@code file.gz}, gzip-compressed,
 * recognised by its magic bytes), written by {@code grafana/k6: output/csv/output.go} (in v0.49.0;
 * {@code internal/output/csv} later) with Go's {@code encoding/csv}.
 *
 * <p><b>Layout.</b> A header {@code metric_name,timestamp,metric_value,<one column per enabled
 * system tag>,extra_tags,metadata}, then one row per sample. {@code extra_tags} holds other tags as
 * {@code k=v&k=v}; the {@code metadata} column exists since 2022. Fields are quoted (RFC 4180) when
 * they hold a comma or a quote.
 *
 * <p><b>Fields and units.</b>
 *
 * <ul>
 *   <li>{@code timestamp}: by default <b>whole unix seconds</b> (truncated); {@code
 *       K6_CSV_TIME_FORMAT} may choose {@code unix_milli}, {@code unix_micro}, {@code unix_nano},
 *       {@code rfc3339} or {@code rfc3339_nano}. The unit of a number is told from its size (below
 *       1e11 seconds, 1e14 milliseconds, 1e17 microseconds, else nanoseconds); an RFC 3339 text is
 *       parsed as such. Samples are stamped at the request's <b>end</b>.
 *   <li>{@code metric_value}: printed with {@code %f} (6 decimals); for {@code http_req_duration}
 *       it is <b>milliseconds</b>.
 *   <li>{@code expected_response} (else {@code status}, k6's default expected statuses being
 *       200–399): whether the request failed. Looked for in its own column, then in {@code
 *       extra_tags}.
 * </ul>
 *
 * <p><b>Reading.</b> As {@link K6JsonReader}: a first pass collects the {@code vus} gauge rows into
 * a timeline, a second records each {@code http_req_duration} row at the VU count in force when it
 * ended. With whole-second time stamps both are only second-accurate, which a warning says. A row
 * that cannot be read is skipped, counted and reported; a missing header column is an error.
 */
public final class K6CsvReader extends LoadTestReader {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.K6_CSV;
  }

  @Override
  public boolean accepts(Head head) {
    return K6Heads.isCsv(head.text());
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return read(file, options, null);
  }

  LoadTest read(Path file, ReadOptions options, RequestSink tap) {
    K6Requests requests = new K6Requests(file, tap);
    Columns c;
    long line = 0;
    // pass 1: the vus gauge; k6 writes metric_name first, and "vus" needs no quoting
    try (BufferedReader in = openText(file)) {
      String header = in.readLine();
      line = 1;
      c = Columns.of(file, header);
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        boolean candidate = c.metricName == 0 ? text.startsWith("vus,") : text.contains("vus");
        if (candidate) {
          CsvTokenizer row = new CsvTokenizer(new StringReader(text), ',', line);
          if (row.next() && row.size() > c.needed && "vus".equals(row.field(c.metricName))) {
            try {
              requests.vus(c.timeMicros(row.field(c.timestamp)), value(row, c));
            } catch (NumberFormatException | DateTimeException e) {
              // reported by pass 2
            }
          }
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    // pass 2: every row
    line = 1;
    try (BufferedReader in = openText(file)) {
      in.readLine();
      CsvTokenizer row = new CsvTokenizer(in, ',', 2);
      while (row.next()) {
        line = row.line();
        if (row.blank()) {
          continue;
        }
        if (row.unterminatedQuote()) {
          requests.skip(line, "a quoted field that is never closed");
          continue;
        }
        if (row.size() <= c.needed) {
          requests.skip(line, row.size() + " fields where the header names " + c.count);
          continue;
        }
        String metric = row.field(c.metricName);
        try {
          switch (metric) {
            case "http_req_duration" -> {
              long end = c.timeMicros(row.field(c.timestamp));
              double ms = value(row, c);
              if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new NumberFormatException("a negative duration");
              }
              requests.request(
                  end,
                  ms,
                  K6Requests.outcome(c.tag(row, "expected_response"), c.tag(row, "status")));
            }
            case "http_req_failed" -> requests.failedPoint(value(row, c));
            case "dropped_iterations" -> requests.droppedIterations();
            default -> {
              // other metrics are not needed
            }
          }
        } catch (NumberFormatException e) {
          requests.skip(
              line,
              String.format(
                  Locale.ROOT,
                  "column %d (metric_value): found \"%s\"; allowed a number",
                  row.column(c.value),
                  row.field(c.value)));
        } catch (DateTimeException e) {
          requests.skip(
              line,
              String.format(
                  Locale.ROOT,
                  "column %d (timestamp): %s; allowed unix time or RFC 3339",
                  row.column(c.timestamp),
                  e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    if (c.wholeSeconds) {
      requests.note(
          "time stamps are whole unix seconds (k6's CSV default): VU levels and per-second"
              + " throughput are only second-accurate; set K6_CSV_TIME_FORMAT=unix_milli for"
              + " better");
    }
    return requests.finish(format(), "k6 (--out csv)", options, line);
  }

  private static double value(CsvTokenizer row, Columns c) {
    String s = row.field(c.value).strip();
    double v = Double.parseDouble(s);
    if (Double.isNaN(v)) {
      throw new NumberFormatException("NaN");
    }
    return v;
  }

  /** Column indexes from the header. */
  private static final class Columns {
    int count;
    int needed;
    int metricName = -1;
    int timestamp = -1;
    int value = -1;
    int extraTags = -1;
    final Map<String, Integer> tags = new HashMap<>();
    boolean wholeSeconds;

    static Columns of(Path file, String header) {
      if (header == null || header.isBlank()) {
        throw problem(
            file,
            1,
            "an empty file",
            "a k6 CSV starting with metric_name,timestamp,metric_value,…");
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      String[] names = header.split(",", -1);
      Columns c = new Columns();
      c.count = names.length;
      for (int i = 0; i < names.length; i++) {
        String n = names[i].strip();
        switch (n) {
          case "metric_name" -> c.metricName = i;
          case "timestamp" -> c.timestamp = i;
          case "metric_value" -> c.value = i;
          case "extra_tags" -> c.extraTags = i;
          default -> c.tags.putIfAbsent(n, i);
        }
      }
      if (c.metricName < 0 || c.timestamp < 0 || c.value < 0) {
        throw problem(
            file,
            1,
            "a header \""
                + preview(header)
                + "\" without "
                + (c.metricName < 0
                    ? "metric_name"
                    : c.timestamp < 0 ? "timestamp" : "metric_value"),
            "a k6 CSV header metric_name,timestamp,metric_value,<tags>,extra_tags,metadata");
      }
      c.needed = Math.max(c.metricName, Math.max(c.timestamp, c.value));
      return c;
    }

    /** A tag's value from its column, else from {@code extra_tags}; null when absent. */
    String tag(CsvTokenizer row, String name) {
      Integer i = tags.get(name);
      if (i != null && i < row.size() && !row.field(i).isEmpty()) {
        return row.field(i);
      }
      if (extraTags >= 0 && extraTags < row.size() && !row.field(extraTags).isEmpty()) {
        for (String kv : row.field(extraTags).split("&")) {
          int eq = kv.indexOf('=');
          if (eq > 0 && kv.substring(0, eq).equals(name)) {
            return kv.substring(eq + 1);
          }
        }
      }
      return null;
    }

    long timeMicros(String s) {
      String t = s.strip();
      if (t.indexOf('T') > 0) {
        return K6Time.rfc3339Micros(t);
      }
      long v;
      try {
        v = Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new DateTimeException("found \"" + preview(t) + "\"");
      }
      if (v < 0) {
        throw new DateTimeException("found a negative time " + v);
      }
      if (v < 100_000_000_000L) {
        wholeSeconds = true;
        return v * MICROS_PER_SECOND;
      } else if (v < 100_000_000_000_000L) {
        return v * 1000;
      } else if (v < 100_000_000_000_000_000L) {
        return v;
      }
      return v / 1000;
    }
  }

  private static String preview(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 60; i++) {
      char ch = s.charAt(i);
      sb.append(ch < 0x20 || ch == 0xFFFD ? '?' : ch);
    }
    return sb.toString();
  }
}
