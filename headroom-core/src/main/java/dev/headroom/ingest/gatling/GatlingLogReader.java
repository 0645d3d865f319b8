package dev.headroom.ingest.gatling;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.ConcurrencyTimeline;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.RunContext;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.ingest.loadtest.StepRecorder;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Gatling's {@code simulation.log}, in every layout from 2.0 to 3.14, plain or gzip-compressed.
 *
 * <h2>Text layouts (2.0 – 3.12)</h2>
 *
 * One record per line, columns separated by tabs, times in epoch milliseconds. Records are written
 * when they complete, so they are not in time order. From 3.4 to 3.12 ({@code
 * LogFileDataWriter.scala@v3.12.0}):
 *
 * <pre>
 * ASSERTION  base64-boopickle                       (one per assertion, before RUN)
 * RUN        simulationClass simulationId startMs description version
 * USER       scenario START|END epochMs
 * REQUEST    groups name startMs endMs OK|KO message
 * GROUP      groups startMs endMs cumulatedResponseTimeMs OK|KO
 * ERROR      message epochMs
 * </pre>
 *
 * From 2.3 to 3.3 users and requests carry a userId: {@code USER scenario userId START|END
 * userStartMs eventMs}, {@code REQUEST userId groups name startMs endMs OK|KO message} (2.3 also
 * puts the scenario before the userId in REQUEST). Gatling 2.0–2.2 put the record type in the third
 * column and wrote four times per request: {@code scenario userId REQUEST groups name requestStart
 * requestEnd responseStart responseEnd OK|KO message}; there the response time is responseEnd −
 * requestStart. The trailing message column may be missing (the nuxeo 3.3 sample was trimmed by
 * hand); such lines are read. Each line's layout is recognised from where its OK/KO or START/END
 * token sits.
 *
 * <h2>Binary layout (3.13 and later)</h2>
 *
 * Big-endian records, each starting with a type byte: 0 RUN, 1 REQUEST, 2 USER, 3 GROUP, 4 ERROR
 * ({@code gatling/gatling} commit efd3ec7ce, first released in 3.13.0). A string is {@code int32
 * length}, the bytes of Java's internal array and a coder byte (0 Latin-1, 1 UTF-16); length 0 is
 * "" without a coder byte. A cached string is {@code int32 index} followed by the string when the
 * index is new (positive, from 1), or {@code -index} to refer back to it.
 *
 * <pre>
 * RUN      version, simulationClass, int64 startEpochMs, description,
 *          int32 scenarioCount + names, int32 assertionCount + (int32 length + boopickle bytes)
 * USER     int32 scenarioIndex, bool start, int32 msSinceRunStart
 * REQUEST  int32 groupCount + cached groups, cached name, int32 start, int32 end (ms since run
 *          start), bool ok, cached message
 * GROUP    int32 groupCount + cached groups, int32 start, int32 end, int32 cumulated, bool ok
 * ERROR    cached message, int32 msSinceRunStart
 * </pre>
 *
 * Verified on a 3.14.9 run and on Gatling's own 3.12.1-dev fixture. Unknown type bytes stop the
 * read with their byte offset, since the format is internal to Gatling and may change.
 *
 * <h2>What is derived</h2>
 *
 * <ul>
 *   <li>Response time = end − start in ms; KO counts as an error; GROUP records are group timings,
 *       not requests, and are not counted (a warning gives their number).
 *   <li>Concurrency = active virtual users, rebuilt from USER START/END in a first pass ({@link
 *       ConcurrencyTimeline#ofEvents()}); each request is attributed to the number active when it
 *       completed, and one {@link Step} is made per level with the {@link StepRecorder}. A second
 *       pass reads the requests, so memory grows with the number of users and test seconds, not
 *       with the number of requests. Runs with more than {@value #MAX_LEVELS} distinct levels are
 *       binned into at most {@value #MAX_LEVELS} steps (a warning gives the bin width), which
 *       bounds the recorder's histograms.
 *   <li>Percentiles come from HdrHistogram over the raw response times. Gatling's report uses a
 *       t-digest rounded to whole ms, so its percentiles can differ by about 1 ms.
 *   <li>The load model is not in the log (open injection, users per second, or closed injection, a
 *       fixed number of concurrent users), so it is {@link LoadModel#UNKNOWN} with a warning about
 *       coordinated omission under closed injection.
 * </ul>
 */
public final class GatlingLogReader extends LoadTestReader {

  private static final int MAX_EXAMPLES = 5;

  /**
   * At most this many concurrency levels (steps). Each level holds an HdrHistogram of some tens of
   * kB in the {@link StepRecorder}, so a run with thousands of users is binned rather than given a
   * step per user count.
   */
  static final int MAX_LEVELS = 100;

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.GATLING_LOG;
  }

  @Override
  public boolean accepts(Head head) {
    byte[] bytes = head.bytes();
    if (GatlingBinaryLog.looksBinary(bytes)) {
      return true;
    }
    String text = head.text();
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    if (first.startsWith("RUN\t") || first.startsWith("ASSERTION\t")) {
      return true;
    }
    String[] cols = first.split("\t", 4);
    return cols.length >= 4 && cols[2].equals("RUN");
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    FirstPass pass1 = new FirstPass();
    GatlingRun run = firstPass(file, pass1);
    if (run.requests() == 0) {
      String found =
          pass1.skipped > 0
              ? "no readable REQUEST record ("
                  + pass1.skipped
                  + " records skipped, first: "
                  + pass1.examples.get(0)
                  + ")"
              : "no REQUEST record";
      throw new BadInputException(
          new InputProblem(
              file.toString(), 0, 0, "", found, "a simulation.log with REQUEST records", null));
    }
    StepRecorder recorder = new StepRecorder();
    ConcurrencyTimeline timeline = pass1.timeline;
    long[] clamped = new long[1];
    boolean noUsers = timeline.isEmpty();
    // the recorder keeps one histogram per level: bound the number of levels
    int binWidth = Math.max(1, (int) Math.ceil(run.maxActiveUsers() / (double) MAX_LEVELS));
    parse(
        file,
        run.layout() == GatlingLogLayout.BINARY,
        new NoEvents() {
          @Override
          public void request(long startEpochMs, long endEpochMs, boolean ok) {
            long end = endEpochMs * 1000L;
            double n = noUsers ? Double.NaN : timeline.at(end);
            if (!noUsers && !(n >= 1)) {
              // the request's own user was active when it completed; a USER END in the same
              // millisecond, or a START written with a later clock reading, can show 0 here
              n = 1;
              clamped[0]++;
            }
            if (binWidth > 1 && !noUsers) {
              n = Math.max(binWidth, binWidth * Math.rint(n / binWidth));
            }
            recorder.record(n, end, (endEpochMs - startEpochMs) * 1000L, ok);
          }
        });
    List<Step> steps = recorder.steps(ConcurrencyOrigin.USER_EVENTS, options);
    return new LoadTest(
        file.toString(),
        format(),
        run.version().isEmpty() ? "Gatling" : "Gatling " + run.version(),
        LoadModel.UNKNOWN,
        steps,
        warnings(run, clamped[0], noUsers, binWidth, options),
        new SkippedRecords(pass1.skipped, pass1.examples),
        new RunContext(
            null,
            run.runStartEpochMs() > 0
                ? Instant.ofEpochMilli(run.runStartEpochMs())
                : run.requests() > 0
                    ? Instant.ofEpochMilli(run.firstRequestStartEpochMs())
                    : null));
  }

  /** The run header and record counts of {@code file}, from one streaming pass. */
  public GatlingRun summarize(Path file) {
    return firstPass(file, new FirstPass());
  }

  private static GatlingRun firstPass(Path file, FirstPass pass) {
    boolean binary = GatlingBinaryLog.looksBinary(head(file).bytes());
    GatlingLogLayout layout = parse(file, binary, pass);
    if (pass.lines == 0 && !binary) {
      throw new BadInputException(
          new InputProblem(
              file.toString(), 0, 0, "", "an empty file", "a Gatling simulation.log", null));
    }
    return new GatlingRun(
        pass.version,
        pass.simulation,
        pass.runStart,
        new ArrayList<>(pass.scenarios),
        layout,
        pass.ok + pass.ko,
        pass.ok,
        pass.ko,
        pass.userStarts,
        pass.userEnds,
        pass.groups,
        pass.errors,
        pass.assertions,
        pass.ok + pass.ko == 0 ? 0 : pass.firstStart,
        pass.ok + pass.ko == 0 ? 0 : pass.lastEnd,
        pass.timeline.isEmpty() ? 0 : (int) Math.round(pass.timeline.max()),
        pass.ok + pass.ko == 0 ? 0 : pass.minResponse,
        pass.ok + pass.ko == 0 ? null : pass.latency());
  }

  private static GatlingLogLayout parse(Path file, boolean binary, GatlingEvents events) {
    if (binary) {
      try (InputStream in = open(file)) {
        GatlingBinaryLog.parse(file, in, events);
        return GatlingLogLayout.BINARY;
      } catch (IOException e) {
        throw ioProblem(file, 0, e);
      }
    }
    long[] lineNo = new long[1];
    try (BufferedReader r = openText(file)) {
      GatlingLogLayout layout = GatlingTextLog.parse(r, events, lineNo);
      if (events instanceof FirstPass p) {
        p.lines = lineNo[0];
      }
      return layout;
    } catch (IOException e) {
      throw ioProblem(file, lineNo[0], e);
    }
  }

  private static List<String> warnings(
      GatlingRun run, long clamped, boolean noUsers, int binWidth, ReadOptions options) {
    List<String> w = new ArrayList<>();
    w.add(
        "load model unknown: the log does not record the injection profile. Under closed injection"
            + " (constantConcurrentUsers, rampConcurrentUsers) Gatling waits for each response and"
            + " under-samples stalls (coordinated omission); open injection (users per second) does not");
    w.add(
        "percentiles computed with HdrHistogram from end - start; Gatling's own report uses a"
            + " t-digest rounded to whole ms and can differ by about 1 ms");
    if (run.groups() > 0) {
      w.add(
          run.groups()
              + " GROUP records (timings of request groups) are not requests and were not counted");
    }
    if (run.errors() > 0) {
      w.add(
          run.errors()
              + " ERROR records (errors outside any request) were not counted as requests");
    }
    if (noUsers) {
      w.add(
          "no USER records: concurrency "
              + (options != null && options.concurrency() != null
                  ? "given"
                  : "estimated with Little's law N = X*R"));
    }
    if (!noUsers && options != null && options.concurrency() != null) {
      w.add("the given concurrency was not used: the log's USER records give the active users");
    }
    if (clamped > 0) {
      w.add(
          clamped
              + " requests completed when the USER records showed no active user (same-millisecond"
              + " ties or clock order); they were counted at 1 user");
    }
    if (binWidth > 1) {
      w.add(
          String.format(
              Locale.ROOT,
              "up to %d active users: concurrency levels grouped into bins of %d users (at most %d steps),"
                  + " each step at its bin's nearest multiple of %d",
              run.maxActiveUsers(),
              binWidth,
              MAX_LEVELS,
              binWidth));
    }
    if (run.layout() == GatlingLogLayout.BINARY) {
      w.add(
          String.format(
              Locale.ROOT,
              "binary simulation.log of Gatling %s decoded with the 3.13-3.14 layout, which Gatling does not document",
              run.version()));
    }
    return w;
  }

  /** Collects the run header, counts and the user timeline. */
  private static final class FirstPass implements GatlingEvents {
    final ConcurrencyTimeline timeline = ConcurrencyTimeline.ofEvents();
    final Set<String> scenarios = new LinkedHashSet<>();
    final List<String> examples = new ArrayList<>();
    String version = "";
    String simulation = "";
    long runStart;
    long ok;
    long ko;
    long userStarts;
    long userEnds;
    long groups;
    long errors;
    long assertions;
    long skipped;
    long lines;
    long firstStart = Long.MAX_VALUE;
    long lastEnd = Long.MIN_VALUE;
    long minResponse = Long.MAX_VALUE;
    double sumResponse;
    final Histogram histogram = new Histogram(3); // µs, as StepRecorder

    LatencySummary latency() {
      return new LatencySummary(
          sumResponse / (ok + ko),
          histogram.getValueAtPercentile(50) / 1000.0,
          histogram.getValueAtPercentile(90) / 1000.0,
          histogram.getValueAtPercentile(95) / 1000.0,
          histogram.getValueAtPercentile(99) / 1000.0,
          histogram.getMaxValue() / 1000.0,
          "hdrhistogram");
    }

    @Override
    public void run(String v, String sim, long startEpochMs, List<String> scenarioNames) {
      version = v;
      simulation = sim;
      runStart = startEpochMs;
      scenarios.addAll(scenarioNames);
    }

    @Override
    public void user(String scenario, boolean start, long epochMs) {
      if (scenarios.size() < 1000) {
        scenarios.add(scenario);
      }
      if (start) {
        userStarts++;
      } else {
        userEnds++;
      }
      timeline.add(epochMs * 1000L, start ? 1 : -1);
    }

    @Override
    public void request(long startEpochMs, long endEpochMs, boolean isOk) {
      if (isOk) {
        ok++;
      } else {
        ko++;
      }
      firstStart = Math.min(firstStart, startEpochMs);
      lastEnd = Math.max(lastEnd, endEpochMs);
      long ms = endEpochMs - startEpochMs;
      minResponse = Math.min(minResponse, ms);
      sumResponse += ms;
      histogram.recordValue(ms * 1000L);
    }

    @Override
    public void group() {
      groups++;
    }

    @Override
    public void error() {
      errors++;
    }

    @Override
    public void assertion() {
      assertions++;
    }

    @Override
    public void skipped(String where, String reason) {
      skipped++;
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(where + ": " + reason);
      }
    }
  }

  /** Ignores everything; the second pass overrides {@link #request}. */
  private abstract static class NoEvents implements GatlingEvents {
    @Override
    public void run(String version, String simulation, long startEpochMs, List<String> scenarios) {}

    @Override
    public void user(String scenario, boolean start, long epochMs) {}

    @Override
    public void group() {}

    @Override
    public void error() {}

    @Override
    public void assertion() {}

    @Override
    public void skipped(String where, String reason) {}
  }
}
