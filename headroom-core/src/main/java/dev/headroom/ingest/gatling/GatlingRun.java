package dev.headroom.ingest.gatling;

import dev.headroom.ingest.loadtest.LatencySummary;
import java.util.List;
import java.util.Objects;

/**
 * What a first pass over a {@code simulation.log} found, independent of steps: the RUN header and
 * how many records of each kind there were. Times are epoch milliseconds; the request span runs
 * from the earliest request start to the latest request end.
 *
 * @param version the Gatling version in the RUN record ("" when absent)
 * @param simulation the simulation class
 * @param runStartEpochMs the run start from the RUN record (0 when absent)
 * @param scenarios scenario names (from the binary header, or in order of first appearance)
 * @param layout the layout the file was written in
 * @param requests REQUEST records read
 * @param ok requests with status OK
 * @param ko requests with status KO
 * @param userStarts USER START records
 * @param userEnds USER END records
 * @param groups GROUP records (group timings, not counted as requests)
 * @param errors ERROR records (errors outside requests)
 * @param assertions ASSERTION records, or assertions in the binary header
 * @param firstRequestStartEpochMs earliest request start (0 without requests)
 * @param lastRequestEndEpochMs latest request end (0 without requests)
 * @param maxActiveUsers the most users active at once, rebuilt from USER START/END
 * @param minResponseMs the shortest response time (end − start), 0 without requests
 * @param latency response times over all requests (HdrHistogram, µs resolution, 3 significant
 *     digits; the mean is exact), null without requests
 */
public record GatlingRun(
    String version,
    String simulation,
    long runStartEpochMs,
    List<String> scenarios,
    GatlingLogLayout layout,
    long requests,
    long ok,
    long ko,
    long userStarts,
    long userEnds,
    long groups,
    long errors,
    long assertions,
    long firstRequestStartEpochMs,
    long lastRequestEndEpochMs,
    int maxActiveUsers,
    long minResponseMs,
    LatencySummary latency) {

  public GatlingRun {
    Objects.requireNonNull(layout, "layout");
    version = version == null ? "" : version;
    simulation = simulation == null ? "" : simulation;
    scenarios = List.copyOf(scenarios);
    if (ok + ko != requests) {
      throw new IllegalArgumentException(
          "ok + ko must equal requests, got " + ok + " + " + ko + " != " + requests);
    }
  }

  /** Seconds from the earliest request start to the latest request end. */
  public double requestSpanSeconds() {
    return requests == 0 ? 0 : (lastRequestEndEpochMs - firstRequestStartEpochMs) / 1000.0;
  }
}
