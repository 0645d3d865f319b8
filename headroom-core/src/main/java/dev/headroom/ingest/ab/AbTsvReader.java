package dev.headroom.ingest.ab;

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
 * The per-request "gnuplot" file of ApacheBench {@code ab -g FILE} ({@code support/ab.c}): a
 * tab-separated header, then one row per request.
 *
 * <pre>
 * starttime	seconds	ctime	dtime	ttime	wait
 * Mon Nov 23 06:37:59 2026	1795415879	0	6	7	6
 * </pre>
 *
 * <p>{@code starttime} is the request's start as a local-time {@code ctime} string and {@code
 * seconds} the same instant in whole <b>epoch seconds</b>; {@code ctime} (connect), {@code dtime}
 * (processing, total − connect), {@code ttime} (total) and {@code wait} (until the first byte) are
 * whole <b>milliseconds</b>. Rows are sorted by {@code ttime}, not by time. There is no status code
 * and no concurrency column.
 *
 * <p>Each row is recorded in a {@link StepRecorder} as a request that completed at {@code seconds +
 * ttime}; latency percentiles are computed here with HdrHistogram. Because start times have a
 * whole-second resolution, the run's span, and so its throughput, is uncertain by up to a second.
 * When the concurrency is given ({@link ReadOptions#concurrency()}, ab's {@code -c}) the throughput
 * is instead X = N / R̄ (Little's law; ab's clients send again as soon as a response arrives, with
 * no think time, so the law holds with the mean total time R̄), and the duration is requests / X.
 * Without it the concurrency is estimated with Little's law from the coarse span. Either way a
 * warning says which. Rows that cannot be read are skipped, counted and reported.
 */
public final class AbTsvReader extends LoadTestReader {

  /** The header ab writes, tab-separated. */
  static final String HEADER = "starttime\tseconds\tctime\tdtime\tttime\twait";

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.AB_TSV;
  }

  @Override
  public boolean accepts(Head head) {
    return head.text().startsWith(HEADER);
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    StepRecorder recorder = new StepRecorder();
    long firstSecond = Long.MAX_VALUE;
    long lastSecond = Long.MIN_VALUE;
    double sumTtimeMs = 0;
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line = r.readLine();
      if (line == null) {
        throw problem(
            file,
            0,
            "an empty file",
            "an ab -g file starting with the header " + HEADER.replace('\t', ' '));
      }
      lineNo = 1;
      if (!line.strip().equals(HEADER)) {
        throw problem(
            file,
            1,
            "the header \"" + AbTextReader.shorten(line) + "\"",
            "the ab -g header " + HEADER.replace("\t", "<tab>"));
      }
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          recorder.skip(lineNo, f.length + " tab-separated fields where ab writes 6");
          continue;
        }
        long seconds;
        long ttime;
        try {
          seconds = Long.parseLong(f[1].strip());
          ttime = Long.parseLong(f[4].strip());
        } catch (NumberFormatException e) {
          recorder.skip(lineNo, "seconds or ttime is not a whole number (" + e.getMessage() + ")");
          continue;
        }
        if (ttime < 0 || seconds < 0) {
          recorder.skip(lineNo, "a negative time");
          continue;
        }
        firstSecond = Math.min(firstSecond, seconds);
        lastSecond = Math.max(lastSecond, seconds);
        sumTtimeMs += ttime;
        recorder.record(Double.NaN, seconds * 1_000_000L + ttime * 1000L, ttime * 1000L, true);
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    long n = recorder.requests();
    if (n == 0) {
      throw problem(
          file,
          lineNo,
          recorder.skipped().count() == 0
              ? "a header and no rows"
              : "no readable row (" + recorder.skipped().examples().get(0) + ")",
          "rows of ab -g results");
    }
    List<String> warnings = new ArrayList<>();
    List<Step> steps = recorder.steps(ConcurrencyOrigin.GIVEN, options);
    if (options != null && options.concurrency() != null && !steps.isEmpty()) {
      Step s = steps.get(0);
      double c = options.concurrency();
      double meanSeconds = sumTtimeMs / n / 1000.0;
      if (meanSeconds > 0) {
        // Little's law for a closed loop without think time: X = N / R
        double x = c / meanSeconds;
        steps =
            List.of(
                new Step(
                    c, ConcurrencyOrigin.GIVEN, s.requests(), s.errors(), n / x, x, s.latency()));
        warnings.add(
            String.format(
                Locale.ROOT,
                "ab -g records start times in whole seconds, so the throughput is taken from Little's law X = N/R ="
                    + " %s / %.4f s = %.3f/s with the given concurrency, not from the timestamps",
                fmt(c),
                meanSeconds,
                x));
      }
    } else {
      long span = lastSecond - firstSecond;
      warnings.add(
          String.format(
              Locale.ROOT,
              "ab -g records start times in whole seconds: the requests start within %d s, so the throughput may be"
                  + " off by up to 1 s in %d s, and the concurrency, estimated with Little's law N = X·R, with it"
                  + " (give --concurrency, ab's -c, for a better figure)",
              span,
              Math.max(span, 1)));
    }
    warnings.add(
        "ab -g records no status code, so failed requests cannot be told apart (errors read 0);"
            + " ab's text report has the Failed and Non-2xx counts");
    warnings.add(LoadModel.closedLoopWarning("ab", "client"));
    return new LoadTest(
        file.toString(),
        format(),
        "ApacheBench",
        LoadModel.CLOSED,
        steps,
        warnings,
        recorder.skipped());
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
