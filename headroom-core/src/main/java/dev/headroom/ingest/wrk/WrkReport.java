package dev.headroom.ingest.wrk;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a wrk or wrk2 text report says, with units normalised: times in milliseconds, sizes in
 * bytes, rates per second. Produced by {@link WrkReader#parse}; {@link WrkReader#read} turns it
 * into one step.
 *
 * @param url the target, from {@code Running 5s test @ URL}
 * @param durationLabel the configured duration as printed ({@code 5s})
 * @param threads the {@code -t} threads
 * @param connections the {@code -c} connections: the fixed concurrency of a wrk run
 * @param wrk2 whether the report came from wrk2 (it prints "HdrHistogram" or "calibration")
 * @param calibrationLines wrk2's {@code Thread calibration} lines, one per thread that calibrated
 * @param latency the {@code Latency} row of "Thread Stats" (avg, stdev, max in ms)
 * @param requestsPerThread the {@code Req/Sec} row: requests per second per thread, sampled
 * @param percentilesMs the "Latency Distribution" lines, percent (50.0) to ms; for wrk2 the
 *     corrected ("Recorded Latency") histogram
 * @param spectrumMs wrk2's "Detailed Percentile spectrum" of the corrected histogram, percent to
 *     ms; empty for wrk
 * @param histogram wrk2's footer of the corrected histogram; null for wrk
 * @param uncorrectedPercentilesMs wrk2 {@code -U}: the uncorrected histogram's distribution; empty
 *     otherwise
 * @param uncorrectedHistogram wrk2 {@code -U}: that histogram's footer; null otherwise
 * @param completed the {@code N requests in} count: responses received over the whole run
 * @param runtimeSeconds the measured run time from the same line
 * @param bytesRead bytes read, from the same line
 * @param socketErrors the {@code Socket errors} line (all zero when wrk did not print it)
 * @param non2xx3xx the {@code Non-2xx or 3xx responses} count (0 when not printed)
 * @param requestsPerSecond {@code Requests/sec}: completed / runtime
 * @param transferBytesPerSecond {@code Transfer/sec} in bytes
 */
public record WrkReport(
    String url,
    String durationLabel,
    int threads,
    int connections,
    boolean wrk2,
    int calibrationLines,
    ThreadStats latency,
    ThreadStats requestsPerThread,
    SortedMap<Double, Double> percentilesMs,
    SortedMap<Double, Double> spectrumMs,
    HistogramFooter histogram,
    SortedMap<Double, Double> uncorrectedPercentilesMs,
    HistogramFooter uncorrectedHistogram,
    long completed,
    double runtimeSeconds,
    double bytesRead,
    SocketErrors socketErrors,
    long non2xx3xx,
    double requestsPerSecond,
    double transferBytesPerSecond) {

  public WrkReport {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(socketErrors, "socketErrors");
    percentilesMs = copy(percentilesMs);
    spectrumMs = copy(spectrumMs);
    uncorrectedPercentilesMs = copy(uncorrectedPercentilesMs);
    if (threads < 1 || connections < 1) {
      throw new IllegalArgumentException("threads and connections must be >= 1");
    }
    if (completed < 0 || non2xx3xx < 0 || !(runtimeSeconds > 0)) {
      throw new IllegalArgumentException("counts must be >= 0 and the run time > 0");
    }
  }

  private static SortedMap<Double, Double> copy(Map<Double, Double> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(m == null ? Map.of() : m));
  }

  /** One row of wrk's "Thread Stats" table. */
  public record ThreadStats(double avg, double stdev, double max, double withinStdevPercent) {}

  /**
   * The footer HdrHistogram prints under a percentile spectrum ({@code #[Mean = …]} and {@code
   * #[Max = …, Total count = …]}), in ms.
   */
  public record HistogramFooter(
      double meanMs, double stdDeviationMs, double maxMs, long totalCount) {}

  /** wrk's {@code Socket errors: connect c, read r, write w, timeout t}. */
  public record SocketErrors(long connect, long read, long write, long timeout) {
    public static final SocketErrors NONE = new SocketErrors(0, 0, 0, 0);

    public long total() {
      return connect + read + write + timeout;
    }
  }
}
