package dev.headroom.ingest.hdrhistogram;

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

/**
 * An HdrHistogram percentile distribution ({@code .hgrm}), classic or CSV, as written by {@code
 * outputPercentileDistribution} and {@code HistogramLogProcessor} (the table and footer are
 * described in {@link PercentileDistribution}). Optional {@code #[…]} comment lines may come before
 * the header ({@code HistogramLogProcessor} writes the time range and StartTime there).
 *
 * <p>Values are printed already divided by {@code outputValueUnitRatio}; the file does not say the
 * resulting unit. By the convention of {@code HistogramLogProcessor} (ratio 1e6 over ns) and wrk2
 * they are milliseconds, which is the default; another unit can be given with {@link
 * ReadOptions#latencyUnit()} ({@code --latency-unit}) or to the constructor as the number of
 * milliseconds per printed unit.
 *
 * <p>The table holds a distribution only: no time span, so no throughput, and no concurrency. The
 * single {@link Step} therefore needs {@link ReadOptions#concurrency()} and carries throughput 0
 * over 0 s, with a warning; without a given concurrency the read fails with a message saying so.
 * Mean and max come from the footer (the max is HdrHistogram's highest equivalent value); p50, p90,
 * p95 and p99 are the first rows whose TotalCount reaches that share of the total ({@link
 * PercentileDistribution#valueAt}).
 */
public final class HgrmReader extends LoadTestReader {

  /** The most lines a distribution may have; HdrHistogram prints a few hundred. */
  static final int MAX_LINES = 100_000;

  private final double msPerUnit;

  /** Values in milliseconds, the convention of {@code HistogramLogProcessor} and wrk2. */
  public HgrmReader() {
    this(1.0);
  }

  /** Values in a unit worth {@code msPerUnit} milliseconds (1e-3 for µs, 1000 for s). */
  public HgrmReader(double msPerUnit) {
    if (!(msPerUnit > 0) || !Double.isFinite(msPerUnit)) {
      throw new IllegalArgumentException("msPerUnit must be positive, got " + msPerUnit);
    }
    this.msPerUnit = msPerUnit;
  }

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.HGRM;
  }

  @Override
  public boolean accepts(Head head) {
    for (String line : head.text().split("\\R", 20)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      return PercentileDistribution.isHeader(line);
    }
    return false;
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    List<String> lines = new ArrayList<>();
    long lineNo = 0;
    try (BufferedReader r = openText(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo > MAX_LINES) {
          // the table is read whole (the footer comes last); real ones have a few hundred rows
          throw problem(
              file,
              lineNo,
              "more than " + MAX_LINES + " lines",
              "an HdrHistogram percentile distribution of at most " + MAX_LINES + " lines");
        }
        lines.add(line);
      }
    } catch (IOException e) {
      throw ioProblem(file, lineNo, e);
    }
    if (lines.stream().allMatch(String::isBlank)) {
      throw problem(file, 0, "an empty file", "an HdrHistogram percentile distribution (.hgrm)");
    }
    PercentileDistribution d = PercentileDistribution.parse(file.toString(), lines, 1);
    if (options == null || options.concurrency() == null) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              "a percentile distribution, which records neither concurrency nor time",
              "a given concurrency (--concurrency N) to place its latency at one load level",
              null));
    }
    // --latency-unit overrides the constructor's unit
    double msPerUnit =
        options.latencyUnit() != null ? options.latencyUnit().msPerUnit() : this.msPerUnit;
    Double mean = d.mean() == null ? null : d.mean() * msPerUnit;
    LatencySummary latency =
        new LatencySummary(
            mean,
            d.valueAt(50) * msPerUnit,
            d.valueAt(90) * msPerUnit,
            d.valueAt(95) * msPerUnit,
            d.valueAt(99) * msPerUnit,
            d.max() * msPerUnit,
            "hdrhistogram (as printed)");
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "a percentile distribution holds no time span: throughput is unknown and shown as 0");
    warnings.add(
        String.format(
            Locale.ROOT,
            "values read as %s; the .hgrm file does not state its unit (HistogramLogProcessor and wrk2 print ms;"
                + " --latency-unit sets it)",
            msPerUnit == 1.0 ? "milliseconds" : msPerUnit + " ms per unit"));
    if (d.mean() == null) {
      warnings.add("no footer (CSV layout): mean unknown, max taken from the last row");
    }
    Step step =
        new Step(options.concurrency(), ConcurrencyOrigin.GIVEN, d.totalCount(), 0, 0, 0, latency);
    return new LoadTest(
        file.toString(),
        format(),
        "HdrHistogram",
        LoadModel.UNKNOWN,
        List.of(step),
        warnings,
        SkippedRecords.NONE);
  }
}
