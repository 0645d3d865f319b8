package dev.headroom.ingest.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one or more access logs say, bots left out: the immutable result of {@link AccessLogReader},
 * read by the evidence builder and the report. Durations are seconds, rates per second, sizes
 * bytes.
 *
 * @param files the files read, in the (time) order they were read
 * @param format the format used: a preset id or the log_format string
 * @param detected true when the format was detected, not given
 * @param lines non-empty lines read
 * @param requests requests counted (parsed, not from bots)
 * @param botRequests requests from crawlers (see {@link Bots}), left out of every other figure
 * @param badLines lines that did not match the format
 * @param lateLines lines older than the reorder window: counted, but not in the per-second peaks
 * @param first the first second of the log (its lines' times are when each request ended)
 * @param last the end of the log's last second
 * @param clientErrors 4xx responses
 * @param serverErrors 5xx responses
 * @param latency the request time over all counted requests; empty when the format has none
 * @param routes the busiest routes by count, then "other" when there are more
 * @param contentTypes bytes by content type, largest first
 */
public record AccessLogSummary(
    List<String> files,
    String format,
    boolean detected,
    long lines,
    long requests,
    long botRequests,
    long botBytes,
    long badLines,
    List<BadLine> badExamples,
    long lateLines,
    Instant first,
    Instant last,
    Peak peakSecond,
    Peak peakMinute,
    Optional<Peak> peakFiveMinutes,
    SortedMap<Integer, Long> statuses,
    long clientErrors,
    long serverErrors,
    Optional<Percentiles> latency,
    List<RouteRow> routes,
    List<TypeRow> contentTypes,
    TypeSource typeSource,
    long staticBytes,
    long totalBytes) {

  public AccessLogSummary {
    files = List.copyOf(files);
    Objects.requireNonNull(format, "format");
    badExamples = List.copyOf(badExamples);
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(peakSecond, "peakSecond");
    Objects.requireNonNull(peakMinute, "peakMinute");
    Objects.requireNonNull(peakFiveMinutes, "peakFiveMinutes");
    statuses = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    Objects.requireNonNull(latency, "latency");
    routes = List.copyOf(routes);
    contentTypes = List.copyOf(contentTypes);
    Objects.requireNonNull(typeSource, "typeSource");
    if (lines < 0
        || requests < 0
        || botRequests < 0
        || badLines < 0
        || lateLines < 0
        || clientErrors < 0
        || serverErrors < 0
        || staticBytes < 0
        || totalBytes < staticBytes) {
      throw new IllegalArgumentException("counts are >= 0 and static bytes <= all bytes");
    }
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the log ends before it starts: " + first + " > " + last);
    }
  }

  /** The log's span in seconds (whole seconds: the times have one-second resolution). */
  public double spanSeconds() {
    return (last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
  }

  /** Requests per second over the whole span. */
  public double meanRps() {
    return requests / spanSeconds();
  }

  public double errorRatio() {
    return requests == 0 ? 0 : (double) serverErrors / requests;
  }

  public double clientErrorRatio() {
    return requests == 0 ? 0 : (double) clientErrors / requests;
  }

  /** Bots' share of all requests, theirs included. */
  public double botShare() {
    long all = requests + botRequests;
    return all == 0 ? 0 : (double) botRequests / all;
  }

  public double staticShare() {
    return totalBytes == 0 ? 0 : (double) staticBytes / totalBytes;
  }

  /**
   * The busiest interval of a given length.
   *
   * @param start when it began
   * @param requests requests counted in it
   * @param seconds its length inside the log's span (a log shorter than the interval gives its own
   *     length)
   */
  public record Peak(Instant start, long requests, double seconds) {
    public Peak {
      Objects.requireNonNull(start, "start");
      if (requests < 0 || !(seconds > 0)) {
        throw new IllegalArgumentException("a peak has requests >= 0 over seconds > 0");
      }
    }

    public double rate() {
      return requests / seconds;
    }
  }

  /** Percentiles of the request time, in seconds, over {@code count} requests. */
  public record Percentiles(long count, double p50, double p95, double p99, double max) {
    public Percentiles {
      if (count <= 0 || !(p50 >= 0) || p95 < p50 || p99 < p95 || max < p99) {
        throw new IllegalArgumentException(
            "percentiles are ordered and >= 0 over count > 0: " + p50 + ", " + p95 + ", " + p99);
      }
    }
  }

  /** One route's figures; {@code latency} is empty when no request on it had a time. */
  public record RouteRow(
      String route,
      long requests,
      long clientErrors,
      long serverErrors,
      long bytes,
      Optional<Percentiles> latency) {
    public RouteRow {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(latency, "latency");
      if (requests < 0 || clientErrors + serverErrors > requests || bytes < 0) {
        throw new IllegalArgumentException(route + ": errors within requests, counts >= 0");
      }
    }

    public double errorRatio() {
      return requests == 0 ? 0 : (double) serverErrors / requests;
    }

    public double clientErrorRatio() {
      return requests == 0 ? 0 : (double) clientErrors / requests;
    }
  }

  /** Bytes of one content type. */
  public record TypeRow(String type, boolean isStatic, long requests, long bytes) {
    public TypeRow {
      Objects.requireNonNull(type, "type");
      if (requests < 0 || bytes < 0) {
        throw new IllegalArgumentException(type + ": counts are >= 0");
      }
    }
  }

  /** Where the content types came from. */
  public enum TypeSource {
    /** The {@code Content-Type} header, logged as {@code $sent_http_content_type}. */
    HEADER,
    /** The path's extension (the format has no content type). */
    EXTENSION,
    /** The header where logged, the extension on the other lines. */
    MIXED,
    /** No response had bytes. */
    NONE
  }

  /** A line that did not match: where, and what was expected there. */
  public record BadLine(String file, long line, int column, String expected) {
    public BadLine {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(expected, "expected");
    }

    /** {@code access.log:12:40: expected $status as a three-digit status}. */
    public String message() {
      return file + ":" + line + ":" + column + ": expected " + expected;
    }
  }
}
