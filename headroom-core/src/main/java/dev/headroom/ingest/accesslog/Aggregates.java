package dev.headroom.ingest.accesslog;

import dev.headroom.ingest.accesslog.AccessLogSummary.Peak;
import dev.headroom.ingest.accesslog.AccessLogSummary.Percentiles;
import dev.headroom.ingest.accesslog.AccessLogSummary.RouteRow;
import dev.headroom.ingest.accesslog.AccessLogSummary.TypeRow;
import dev.headroom.ingest.accesslog.AccessLogSummary.TypeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The running totals of a log, fed one parsed line at a time; memory is bounded by the settings
 * (routes, content types, the reorder window), never by the number of lines.
 *
 * <p>Peaks: requests are counted per second in a ring of {@code reorderSeconds} slots (lines arrive
 * in end-time order, give or take a slow request); a second leaving the ring is added to its minute
 * and its five minutes, whose totals are final once a later one starts. A minute counts as a peak
 * candidate only when the log covers all of it, so a log's ragged first and last minutes do not
 * pass for a rate.
 */
final class Aggregates {

  /** HdrHistogram precision: 3 significant digits, so a percentile is within 0.1% (C-style). */
  private static final int SIGNIFICANT_DIGITS = 3;

  private static final int MINUTE = 60;
  private static final int FIVE_MINUTES = 300;
  private static final int MAX_TYPES = 64;
  private static final int MAX_EXTENSIONS = 256;
  private static final int STATUS_CODES = 1000;

  private final AccessLogSettings settings;
  private final Routes routes;
  private final ByteTable<RouteStats> routeTable;
  private final RouteStats otherRoute = new RouteStats("(other routes)");
  private final IntCountsHistogram all = new IntCountsHistogram(SIGNIFICANT_DIGITS);
  private final long[] statuses = new long[STATUS_CODES];
  private final Map<String, TypeStats> typesByName = new HashMap<>();
  private final ByteTable<TypeStats> typeTable;
  private final ByteTable<TypeStats> extensionTable;
  private final TypeStats otherType = new TypeStats(ContentTypes.OTHER);
  private final byte[] scratch = new byte[128];

  long requests;
  long botRequests;
  long botBytes;
  long lateLines;
  long clientErrors;
  long serverErrors;
  long typedByHeader;
  long typedByExtension;

  private long spanFirst = Long.MAX_VALUE;
  private long spanLast = Long.MIN_VALUE;

  // the per-second ring
  private final long[] ring;
  private long ringMax = Long.MIN_VALUE;

  private long peakSecondAt;
  private long peakSecondCount = -1;
  private final Bucket minute = new Bucket(MINUTE);
  private final Bucket fiveMinutes = new Bucket(FIVE_MINUTES);

  Aggregates(AccessLogSettings settings) {
    this.settings = settings;
    this.routes = new Routes(settings.routeDepth(), settings.maxLineBytes());
    this.routeTable = new ByteTable<>(settings.maxRoutes(), RouteStats::new);
    this.typeTable = new ByteTable<>(MAX_TYPES, this::type);
    this.extensionTable =
        new ByteTable<>(
            MAX_EXTENSIONS,
            ext ->
                type(ContentTypes.BY_EXTENSION.getOrDefault(ext, ContentTypes.UNKNOWN_EXTENSION)));
    this.ring = new long[settings.reorderSeconds()];
  }

  private TypeStats type(String name) {
    return typesByName.computeIfAbsent(name, TypeStats::new);
  }

  /** Adds one parsed line. */
  void accept(LineValues v) {
    long second = Math.floorDiv(v.epochMillis, 1000);
    spanFirst = Math.min(spanFirst, second);
    spanLast = Math.max(spanLast, second);
    long bytes = v.bytes();
    if (v.agentEnd > v.agentStart && Bots.isBot(v.buf, v.agentStart, v.agentEnd)) {
      botRequests++;
      botBytes += bytes;
      return;
    }
    requests++;
    count(second);
    int status = v.status;
    statuses[status]++;
    boolean client = status >= 400 && status < 500;
    boolean server = status >= 500 && status < 600;
    if (client) {
      clientErrors++;
    } else if (server) {
      serverErrors++;
    }
    int n = routes.route(v);
    RouteStats r = routeTable.get(routes.bytes(), 0, n);
    if (r == null) {
      r = otherRoute;
    }
    r.requests++;
    r.bytes += bytes;
    if (client) {
      r.clientErrors++;
    } else if (server) {
      r.serverErrors++;
    }
    if (v.requestMicros >= 0) {
      all.recordValue(v.requestMicros);
      r.histogram().recordValue(v.requestMicros);
    }
    TypeStats t = null;
    if (v.typeStart >= 0) {
      int len = ContentTypes.mediaType(v.buf, v.typeStart, v.typeEnd, scratch);
      if (len > 0) {
        t = typeTable.get(scratch, 0, len);
        t = t == null ? otherType : t;
        typedByHeader++;
      }
    }
    if (t == null) {
      int len = ContentTypes.extension(v.buf, v.uriStart, v.uriEnd, scratch);
      t =
          len == 0
              ? type(ContentTypes.NO_EXTENSION)
              : len < 0
                  ? type(ContentTypes.UNKNOWN_EXTENSION)
                  : extensionTable.get(scratch, 0, len);
      t = t == null ? type(ContentTypes.UNKNOWN_EXTENSION) : t;
      typedByExtension++;
    }
    t.requests++;
    t.bytes += bytes;
  }

  private void count(long second) {
    int size = ring.length;
    if (ringMax == Long.MIN_VALUE) {
      ringMax = second;
    }
    if (second > ringMax) {
      long from = ringMax - size + 1;
      long to = second - size;
      if (to - from + 1 > size) {
        to = from + size - 1;
      }
      for (long s = from; s <= to; s++) {
        flush(s);
      }
      ringMax = second;
    } else if (second <= ringMax - size) {
      lateLines++;
      return;
    }
    ring[(int) Math.floorMod(second, (long) size)]++;
  }

  private void flush(long second) {
    int i = (int) Math.floorMod(second, (long) ring.length);
    long c = ring[i];
    if (c == 0) {
      return;
    }
    ring[i] = 0;
    if (c > peakSecondCount) {
      peakSecondCount = c;
      peakSecondAt = second;
    }
    minute.add(second, c);
    fiveMinutes.add(second, c);
  }

  /** The totals; call once, after the last line. */
  AccessLogSummary finish(
      List<String> files,
      String format,
      boolean detected,
      long lines,
      long badLines,
      List<AccessLogSummary.BadLine> badExamples) {
    if (ringMax != Long.MIN_VALUE) {
      for (long s = ringMax - ring.length + 1; s <= ringMax; s++) {
        flush(s);
      }
    }
    minute.close();
    fiveMinutes.close();
    Instant first = Instant.ofEpochSecond(spanFirst);
    Instant last = Instant.ofEpochSecond(spanLast + 1);
    long spanSeconds = spanLast + 1 - spanFirst;
    Peak second = new Peak(Instant.ofEpochSecond(peakSecondAt), Math.max(0, peakSecondCount), 1);
    // a log shorter than a full minute has no full minute: its busiest "minute" is itself
    Peak peakMinute =
        minute.bestCount >= 0
            ? new Peak(Instant.ofEpochSecond(minute.bestStart), minute.bestCount, MINUTE)
            : new Peak(first, requests, spanSeconds);
    Optional<Peak> five =
        fiveMinutes.fullBuckets >= 2
            ? Optional.of(
                new Peak(
                    Instant.ofEpochSecond(fiveMinutes.bestStart),
                    fiveMinutes.bestCount,
                    FIVE_MINUTES))
            : Optional.empty();
    TreeMap<Integer, Long> mix = new TreeMap<>();
    for (int s = 0; s < statuses.length; s++) {
      if (statuses[s] > 0) {
        mix.put(s, statuses[s]);
      }
    }
    List<RouteStats> sorted = new ArrayList<>(routeTable.values());
    sorted.sort(
        Comparator.comparingLong((RouteStats r) -> r.requests)
            .reversed()
            .thenComparing(r -> r.name));
    List<RouteRow> rows = new ArrayList<>();
    RouteStats rest = new RouteStats(otherRoute.name);
    rest.merge(otherRoute);
    for (int i = 0; i < sorted.size(); i++) {
      if (i < settings.topRoutes()) {
        rows.add(sorted.get(i).row());
      } else {
        rest.merge(sorted.get(i));
      }
    }
    if (rest.requests > 0) {
      rows.add(rest.row());
    }
    List<TypeStats> types = new ArrayList<>(typesByName.values());
    if (otherType.requests > 0) {
      types.add(otherType);
    }
    types.sort(
        Comparator.comparingLong((TypeStats t) -> t.bytes).reversed().thenComparing(t -> t.name));
    long staticBytes = 0;
    long totalBytes = 0;
    List<TypeRow> typeRows = new ArrayList<>();
    for (TypeStats t : types) {
      boolean isStatic = ContentTypes.isStatic(t.name);
      typeRows.add(new TypeRow(t.name, isStatic, t.requests, t.bytes));
      totalBytes += t.bytes;
      staticBytes += isStatic ? t.bytes : 0;
    }
    TypeSource source =
        typedByHeader > 0 && typedByExtension > 0
            ? TypeSource.MIXED
            : typedByHeader > 0
                ? TypeSource.HEADER
                : typedByExtension > 0 ? TypeSource.EXTENSION : TypeSource.NONE;
    return new AccessLogSummary(
        files,
        format,
        detected,
        lines,
        requests,
        botRequests,
        botBytes,
        badLines,
        badExamples,
        lateLines,
        first,
        last,
        second,
        peakMinute,
        five,
        mix,
        clientErrors,
        serverErrors,
        percentiles(all),
        rows,
        typeRows,
        source,
        staticBytes,
        totalBytes);
  }

  boolean empty() {
    return spanFirst == Long.MAX_VALUE;
  }

  static Optional<Percentiles> percentiles(IntCountsHistogram h) {
    if (h == null || h.getTotalCount() == 0) {
      return Optional.empty();
    }
    // highestEquivalentValue: the top of the bucket, so a percentile is never under-stated
    return Optional.of(
        new Percentiles(
            h.getTotalCount(),
            seconds(h.getValueAtPercentile(50)),
            seconds(h.getValueAtPercentile(95)),
            seconds(h.getValueAtPercentile(99)),
            seconds(h.highestEquivalentValue(h.getMaxValue()))));
  }

  private static double seconds(long micros) {
    return micros / 1e6;
  }

  /** Totals of consecutive aligned intervals; the best full one is kept. */
  private final class Bucket {
    final int length;
    long current = Long.MIN_VALUE;
    long count;
    long bestStart;
    long bestCount = -1;
    int fullBuckets;

    Bucket(int length) {
      this.length = length;
    }

    void add(long second, long c) {
      long b = Math.floorDiv(second, length);
      if (b != current) {
        close();
        current = b;
        count = 0;
      }
      count += c;
    }

    void close() {
      if (current == Long.MIN_VALUE) {
        return;
      }
      long start = current * length;
      boolean full = start >= spanFirst && start + length - 1 <= spanLast;
      if (full) {
        fullBuckets++;
        if (count > bestCount) {
          bestCount = count;
          bestStart = start;
        }
      }
      current = Long.MIN_VALUE;
    }
  }

  private static final class RouteStats {
    final String name;
    long requests;
    long clientErrors;
    long serverErrors;
    long bytes;
    private IntCountsHistogram histogram;

    RouteStats(String name) {
      this.name = name;
    }

    IntCountsHistogram histogram() {
      if (histogram == null) {
        histogram = new IntCountsHistogram(SIGNIFICANT_DIGITS);
      }
      return histogram;
    }

    void merge(RouteStats o) {
      requests += o.requests;
      clientErrors += o.clientErrors;
      serverErrors += o.serverErrors;
      bytes += o.bytes;
      if (o.histogram != null) {
        histogram().add(o.histogram);
      }
    }

    RouteRow row() {
      return new RouteRow(
          name, requests, clientErrors, serverErrors, bytes, percentiles(histogram));
    }
  }

  private static final class TypeStats {
    final String name;
    long requests;
    long bytes;

    TypeStats(String name) {
      this.name = name;
    }
  }
}
