package dev.headroom.ingest.ab;

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
import java.util.List;
import java.util.Locale;

/**
 * The percentile table of ApacheBench {@code ab -e FILE} ({@code support/ab.c}): a header and 101
 * rows, one per whole percent from 0 to 100, with the total time in <b>milliseconds</b> to three
 * decimals.
 *
 * <pre>
 * Percentage served,Time in ms
 * 0,1.256
 * 50,47.811
 * 100,64.052
 * </pre>
 *
 * <p>The file holds neither the number of requests, nor the duration, nor the concurrency, so the
 * concurrency must be given ({@link ReadOptions#concurrency()}, ab's {@code -c}); without it the
 * file is refused. The step's latency takes p50, p90, p95, p99 and the max (100) from the table and
 * a mean estimated as the area under the quantile function, R̄ = ∫₀¹ Q(p) dp, by the trapezoid rule
 * over the 101 points. Its throughput is Little's law X = N / R̄, which holds for ab because its
 * clients send again as soon as a response arrives; requests and duration are unknown and read 0.
 * Warnings say all of this. A row that is not {@code <0..100>,<ms>} is an error naming file, line
 * and column; a table without all 101 rows is reported as truncated.
 */
public final class AbCsvReader extends LoadTestReader {

  /** The header ab writes. */
  static final String HEADER = "Percentage served,Time in ms";

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.AB_CSV;
  }

  @Override
  public boolean accepts(Head head) {
    return head.text().startsWith(HEADER);
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    double[] q = new double[101];
    boolean[] seen = new boolean[101];
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line = r.readLine();
      if (line == null) {
        throw problem(
            file, 0, "an empty file", "an ab -e file starting with the header \"" + HEADER + "\"");
      }
      lineNo = 1;
      if (!line.strip().equals(HEADER)) {
        throw problem(
            file,
            1,
            "the header \"" + AbTextReader.shorten(line) + "\"",
            "the ab -e header \"" + HEADER + "\"");
      }
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        int percent;
        double ms;
        try {
          percent = Integer.parseInt(comma < 0 ? line.strip() : line.substring(0, comma).strip());
        } catch (NumberFormatException e) {
          throw bad(
              file,
              lineNo,
              1,
              line,
              "a whole percent 0..100, a comma, and a time in ms such as 47.811");
        }
        if (comma < 0 || percent < 0 || percent > 100) {
          throw bad(
              file,
              lineNo,
              1,
              line,
              "a whole percent 0..100, a comma, and a time in ms such as 47.811");
        }
        String value = line.substring(comma + 1).strip();
        try {
          ms = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          ms = Double.NaN;
        }
        if (!(ms >= 0) || !Double.isFinite(ms)) {
          throw bad(file, lineNo, comma + 2, value, "a time in milliseconds such as 47.811");
        }
        q[percent] = ms;
        seen[percent] = true;
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    for (int p = 0; p <= 100; p++) {
      if (!seen[p]) {
        throw problem(
            file,
            lineNo,
            "a table without the row for " + p + "% (truncated output?)",
            "all 101 rows, 0 to 100, as ab -e writes them");
      }
    }
    if (options == null || options.concurrency() == null) {
      throw problem(
          file,
          0,
          "an ab -e percentile table, which does not record the concurrency",
          "the concurrency ab ran with (-c), given with --concurrency");
    }
    // mean = integral of the quantile function over [0, 1], trapezoid rule on 1% steps
    double area = 0;
    for (int p = 0; p < 100; p++) {
      area += (q[p] + q[p + 1]) / 2.0;
    }
    double meanMs = area / 100.0;
    double c = options.concurrency();
    if (!(meanMs > 0)) {
      throw problem(
          file, 0, "a percentile table whose times are all 0 ms", "positive response times");
    }
    double x = c / (meanMs / 1000.0);
    LatencySummary latency =
        new LatencySummary(
            meanMs,
            q[50],
            q[90],
            q[95],
            q[99],
            q[100],
            "ab -e (sorted sample per whole percent; mean estimated by the trapezoid rule)");
    Step step = new Step(c, ConcurrencyOrigin.GIVEN, 0, 0, 0, x, latency);
    List<String> warnings =
        List.of(
            String.format(
                Locale.ROOT,
                "ab -e holds only percentiles: the throughput is Little's law X = N/R = %s /"
                    + " %.3f ms = %.3f/s with the given concurrency and the mean estimated from the table; requests,"
                    + " errors and duration are unknown and read 0",
                AbTsvReader.fmt(c),
                meanMs,
                x),
            LoadModel.closedLoopWarning("ab", "client"));
    return new LoadTest(
        file.toString(),
        format(),
        "ApacheBench",
        LoadModel.CLOSED,
        List.of(step),
        warnings,
        SkippedRecords.NONE);
  }

  private static BadInputException bad(
      Path file, long line, int column, String found, String allowed) {
    return new BadInputException(
        new InputProblem(
            file.toString(),
            (int) line,
            column,
            "",
            "\"" + AbTextReader.shorten(found) + "\"",
            allowed,
            null));
  }
}
