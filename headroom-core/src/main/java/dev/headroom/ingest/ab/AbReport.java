package dev.headroom.ingest.ab;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an ApacheBench text report says, units normalised (seconds for the run, milliseconds for
 * latencies). Produced by {@link AbTextReader#parse}.
 *
 * @param concurrency {@code Concurrency Level}: the {@code -c} clients
 * @param timeTakenSeconds {@code Time taken for tests}
 * @param complete {@code Complete requests}
 * @param failed {@code Failed requests}, all causes
 * @param failedBreakdown the {@code (Connect: …, Receive: …, Length: …, Exceptions: …)} line under
 *     it; null when ab printed none (it prints it only when something failed)
 * @param non2xx {@code Non-2xx responses} (0 when the line is absent)
 * @param keepAliveRequests {@code Keep-Alive requests}, printed only with {@code -k}; null
 *     otherwise
 * @param requestsPerSecond {@code Requests per second … (mean)}: complete / time taken
 * @param timePerRequestMs the first {@code Time per request … (mean)}: concurrency × time taken /
 *     complete, the mean time one client waited per request
 * @param timePerRequestAcrossAllMs the second, {@code (mean, across all concurrent requests)}: time
 *     taken / complete, the reciprocal of the throughput
 * @param total the {@code Total:} row of "Connection Times (ms)"; null when absent
 * @param percentagesMs the "Percentage of the requests served within a certain time (ms)" table,
 *     percent to ms (whole milliseconds)
 */
public record AbReport(
    int concurrency,
    double timeTakenSeconds,
    long complete,
    long failed,
    FailedBreakdown failedBreakdown,
    long non2xx,
    Long keepAliveRequests,
    double requestsPerSecond,
    Double timePerRequestMs,
    Double timePerRequestAcrossAllMs,
    ConnectionTimes total,
    SortedMap<Integer, Double> percentagesMs) {

  public AbReport {
    if (concurrency < 1 || !(timeTakenSeconds > 0) || complete < 0 || failed < 0 || non2xx < 0) {
      throw new IllegalArgumentException("concurrency >= 1, time > 0 and counts >= 0 are required");
    }
    percentagesMs =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(percentagesMs == null ? Map.of() : percentagesMs));
  }

  /** Why requests failed, as ab breaks it down. */
  public record FailedBreakdown(long connect, long receive, long length, long exceptions) {}

  /** One row of ab's "Connection Times (ms)" table, whole milliseconds except the deviation. */
  public record ConnectionTimes(double min, double mean, double sd, double median, double max) {}
}
