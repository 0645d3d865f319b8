package dev.headroom.ingest.gatling;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics of a Gatling HTML report: {@code js/global_stats.json} or {@code js/stats.json}
 * (Gatling 3.x until 3.13.4; {@code gatling/gatling} commit 711b8d4e7 stopped writing both).
 *
 * <p>{@code global_stats.json} is one object ({@code GlobalStatsJsonTemplate.scala@v3.12.0}):
 *
 * <pre>
 * name                           "All Requests"
 * numberOfRequests               {total, ok, ko}  counts
 * minResponseTime, maxResponseTime, meanResponseTime, standardDeviation
 *                                {total, ok, ko}  whole ms
 * percentiles1 … percentiles4    {total, ok, ko}  whole ms, at the ranks of charting.indicators
 * group1 … group4                {name, htmlName, count, percentage}  response-time buckets
 * meanNumberOfRequestsPerSecond  {total, ok, ko}  requests per second
 * </pre>
 *
 * {@code stats.json} is a tree {@code {type: "GROUP", name, path, pathFormatted, stats, contents:
 * {…}}} whose root {@code stats} object is the one above; only the root is read.
 *
 * <p>The result is one {@link Step} from the report's own numbers: requests = {@code
 * numberOfRequests.total}, errors = {@code .ko}, mean, max and percentiles from the {@code total}
 * column. The percentiles are Gatling's t-digest estimates rounded to whole ms. Their ranks are not
 * in the file: they are the run's {@code gatling.charting.indicators.percentile1..4}, by default
 * 50, 75, 95 and 99 ({@code gatling-defaults.conf}); pass others to the constructor if the run
 * changed them. Ranks 50, 90, 95 and 99 fill the matching fields of {@link LatencySummary}; others
 * (the default 75) have no field and are dropped.
 *
 * <p>Throughput is {@code meanNumberOfRequestsPerSecond.total}, which Gatling computes over whole
 * seconds (504 requests over a 12.05 s span are reported as 504 / 13 s = 38.77/s), so the step's
 * duration is requests ÷ that rate. The report holds no concurrency: it is the given one ({@link
 * ReadOptions#concurrency()}) or Little's law N = X·R with the mean response time.
 */
public final class GatlingStatsReader extends LoadTestReader {

  /** Gatling's default {@code charting.indicators.percentile1..4}. */
  public static final List<Double> DEFAULT_PERCENTILE_RANKS = List.of(50.0, 75.0, 95.0, 99.0);

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final List<Double> ranks;

  /** Reads percentiles1..4 as the default ranks 50, 75, 95 and 99. */
  public GatlingStatsReader() {
    this(DEFAULT_PERCENTILE_RANKS);
  }

  /** Reads percentiles1..4 at the given ranks (the run's {@code charting.indicators}). */
  public GatlingStatsReader(List<Double> percentileRanks) {
    if (percentileRanks.size() != 4) {
      throw new IllegalArgumentException(
          "Gatling reports 4 percentiles, got ranks " + percentileRanks);
    }
    for (double r : percentileRanks) {
      if (!(r > 0 && r <= 100)) {
        throw new IllegalArgumentException("percentile ranks must be in (0, 100], got " + r);
      }
    }
    this.ranks = List.copyOf(percentileRanks);
  }

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.GATLING_STATS;
  }

  @Override
  public boolean accepts(Head head) {
    String t = head.text().stripLeading();
    return t.startsWith("{")
        && t.contains("\"numberOfRequests\"")
        && (t.contains("\"percentiles1\"") || t.contains("\"meanNumberOfRequestsPerSecond\""));
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    JsonNode root;
    try (InputStream in = open(file)) {
      root = MAPPER.readTree(in);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              line,
              0,
              "",
              "malformed JSON (" + e.getOriginalMessage() + ")",
              "Gatling's js/stats.json or js/global_stats.json",
              null));
    } catch (IOException e) {
      throw ioProblem(file, 0, e);
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw problem(file, 0, "no JSON object", "Gatling's js/stats.json or js/global_stats.json");
    }
    JsonNode stats = root.has("stats") ? root.get("stats") : root;
    String prefix = root.has("stats") ? "stats." : "";
    long total = (long) number(file, stats, prefix, "numberOfRequests");
    long ko = (long) number(file, stats, prefix, "numberOfRequests", "ko");
    if (total <= 0) {
      throw bad(
          file,
          prefix + "numberOfRequests.total",
          String.valueOf(total),
          "a positive number of requests");
    }
    double mean = number(file, stats, prefix, "meanResponseTime");
    double max = number(file, stats, prefix, "maxResponseTime");
    double rps = number(file, stats, prefix, "meanNumberOfRequestsPerSecond");
    if (!(rps > 0)) {
      throw bad(
          file,
          prefix + "meanNumberOfRequestsPerSecond.total",
          String.valueOf(rps),
          "a positive rate");
    }
    Double[] slots = new Double[4]; // p50, p90, p95, p99
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      double v = number(file, stats, prefix, "percentiles" + (i + 1));
      double rank = ranks.get(i);
      int slot = Arrays.asList(50.0, 90.0, 95.0, 99.0).indexOf(rank);
      if (slot >= 0) {
        slots[slot] = v;
      } else {
        unused.add(String.format(Locale.ROOT, "p%s = %s ms", trim(rank), trim(v)));
      }
    }
    String method =
        String.format(
            Locale.ROOT,
            "gatling t-digest, whole ms; percentiles1..4 read as p%s/p%s/p%s/p%s%s",
            trim(ranks.get(0)),
            trim(ranks.get(1)),
            trim(ranks.get(2)),
            trim(ranks.get(3)),
            ranks.equals(DEFAULT_PERCENTILE_RANKS)
                ? " (Gatling's default charting.indicators)"
                : "");
    LatencySummary latency =
        new LatencySummary(mean, slots[0], slots[1], slots[2], slots[3], max, method);
    double seconds = total / rps;
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "latency and throughput copied from Gatling's report: percentiles are t-digest estimates"
            + " rounded to whole ms, the mean is rounded to whole ms, and requests per second are counted over"
            + String.format(
                Locale.ROOT,
                " whole seconds (%s s here)",
                trim(Math.round(seconds * 1000) / 1000.0)));
    if (!unused.isEmpty()) {
      warnings.add("report percentiles without a field in the model: " + String.join(", ", unused));
    }
    double n;
    ConcurrencyOrigin origin;
    if (options != null && options.concurrency() != null) {
      n = options.concurrency();
      origin = ConcurrencyOrigin.GIVEN;
    } else {
      // Little's law N = X·R (Little 1961), R the mean response time in seconds
      n = rps * mean / 1000.0;
      origin = ConcurrencyOrigin.LITTLES_LAW;
      warnings.add(
          String.format(
              Locale.ROOT,
              "the report holds no concurrency: N = X*R = %.3f/s * %s ms = %.3f (Little's law); give"
                  + " --concurrency for the run's users",
              rps,
              trim(mean),
              n));
      if (!(n > 0)) {
        throw bad(
            file,
            prefix + "meanResponseTime.total",
            trim(mean),
            "a positive mean to estimate concurrency (or give --concurrency)");
      }
    }
    Step step = new Step(n, origin, total, ko, seconds, rps, latency);
    return new LoadTest(
        file.toString(),
        format(),
        "Gatling report",
        LoadModel.UNKNOWN,
        List.of(step),
        warnings,
        SkippedRecords.NONE);
  }

  private static double number(Path file, JsonNode stats, String prefix, String name) {
    return number(file, stats, prefix, name, "total");
  }

  private static double number(
      Path file, JsonNode stats, String prefix, String name, String column) {
    JsonNode v = stats.path(name).path(column);
    String key = prefix + name + "." + column;
    if (v.isMissingNode()) {
      throw bad(
          file,
          key,
          "nothing",
          "a number (is this Gatling's js/stats.json or js/global_stats.json?)");
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    // Gatling writes "-" for a column without requests (no KO requests, say)
    if (v.isString() && v.asString().equals("-") && !column.equals("total")) {
      return 0;
    }
    throw bad(file, key, "\"" + v.asString() + "\"", "a number");
  }

  private static BadInputException bad(Path file, String key, String found, String allowed) {
    return new BadInputException(
        new InputProblem(file.toString(), 0, 0, key, found, allowed, null));
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
