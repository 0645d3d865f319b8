package dev.headroom.ingest.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns a stream of per-request records into {@link Step}s, one per concurrency level, in memory
 * that grows with the number of levels and test seconds, never with the number of requests.
 *
 * <p>Latency percentiles come from an HdrHistogram per level (microseconds, 3 significant digits,
 * so within 0.1%); the mean is exact. Throughput per level is its completions divided by the time
 * spent at that level, where each one-second bucket of completions is shared between the levels
 * seen in it in proportion to their completions; in a steady step this is simply completions per
 * second. Records may arrive in any order (JMeter and Gatling write them on completion).
 *
 * <p>When no record carries a concurrency, the result is a single step whose concurrency is given
 * ({@link ReadOptions#concurrency()}) or estimated with Little's law N = X·R, and says so.
 */
public final class StepRecorder {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int MAX_EXAMPLES = 5;

  private final Map<Double, Level> levels = new TreeMap<>();
  private final TreeMap<Long, Map<Double, long[]>> buckets = new TreeMap<>();
  private long firstEnd = Long.MAX_VALUE;

  /**
   * When the earliest request started (end - latency): the test began by then, not at its first
   * end.
   */
  private long firstStart = Long.MAX_VALUE;

  private long lastEnd = Long.MIN_VALUE;

  /**
   * The level of the last record, and the per-second counters of the last few seconds (one slot per
   * second modulo {@link #SECOND_SLOTS}): consecutive records nearly always share their level (a
   * step lasts minutes) and complete within a few seconds of each other (they are written in
   * completion order, stamped with their start), so the map lookups and the boxing of their keys
   * are skipped for them.
   */
  private double lastKey = Double.NaN;

  private Level lastLevel;
  private static final int SECOND_SLOTS = 4;
  private final long[] slotSecond = new long[SECOND_SLOTS];
  private final double[] slotKey = new double[SECOND_SLOTS];
  private final long[][] slotCount = new long[SECOND_SLOTS][];

  private long skipped;
  private final List<Skip> skippedExamples = new ArrayList<>();

  /** A skipped record kept as an example; formatted when asked for, so lines can be shifted. */
  private record Skip(long line, String reason) {}

  private static final class Level {
    final Histogram histogram = new Histogram(3);
    long requests;
    long errors;

    /**
     * The latency sum, exact while it fits a long (2^63 µs, about 292,000 years of summed latency),
     * so that partial recorders merged in any grouping give the same mean to the bit; past that it
     * continues in {@link #sumOverflowMicros}.
     */
    long sumMicros;

    double sumOverflowMicros;
    double seconds;

    void addSum(long latencyMicros, long count) {
      try {
        sumMicros = Math.addExact(sumMicros, Math.multiplyExact(latencyMicros, count));
      } catch (ArithmeticException e) {
        sumOverflowMicros += (double) latencyMicros * count;
      }
    }

    double sum() {
      return sumMicros + sumOverflowMicros;
    }
  }

  /**
   * Records one completed request.
   *
   * @param concurrency active users or threads when it completed; {@link Double#NaN} if unknown
   * @param endMicros completion time in microseconds since the epoch (or since the test start)
   * @param latencyMicros response time in microseconds, at least 0
   * @param ok whether it succeeded
   */
  public void record(double concurrency, long endMicros, long latencyMicros, boolean ok) {
    record(concurrency, endMicros, latencyMicros, 1, ok ? 0 : 1);
  }

  /**
   * Records {@code count} requests that completed together with the same latency, {@code errors} of
   * them failed: an aggregated sample (a JMeter row with {@code SampleCount} > 1), weighted without
   * looping over its members.
   *
   * @param latencyMicros response time of each of the {@code count} requests, at least 0
   * @param count how many requests, at least 1
   * @param errors how many of them failed, 0 to {@code count}
   */
  public void record(
      double concurrency, long endMicros, long latencyMicros, long count, long errors) {
    if (latencyMicros < 0) {
      throw new IllegalArgumentException("latency must be >= 0, got " + latencyMicros);
    }
    if (count < 1 || errors < 0 || errors > count) {
      throw new IllegalArgumentException(
          "need count >= 1 and 0 <= errors <= count, got " + count + ", " + errors);
    }
    double key = Double.isNaN(concurrency) ? Double.NaN : concurrency;
    Level level = lastLevel;
    // Double.compare, as the TreeMap compares keys: NaN is one key
    if (level == null || Double.compare(key, lastKey) != 0) {
      level = levels.computeIfAbsent(key, k -> new Level());
      lastLevel = level;
      lastKey = key;
    }
    level.histogram.recordValueWithCount(latencyMicros, count);
    level.requests += count;
    level.errors += errors;
    level.addSum(latencyMicros, count);
    firstEnd = Math.min(firstEnd, endMicros);
    firstStart = Math.min(firstStart, endMicros - latencyMicros);
    lastEnd = Math.max(lastEnd, endMicros);
    long second = Math.floorDiv(endMicros, MICROS_PER_SECOND);
    int slot = (int) (second & (SECOND_SLOTS - 1));
    long[] perSecond = slotCount[slot];
    if (perSecond == null
        || second != slotSecond[slot]
        || Double.compare(key, slotKey[slot]) != 0) {
      perSecond =
          buckets
              .computeIfAbsent(second, s -> new HashMap<>(4))
              .computeIfAbsent(key, k -> new long[1]);
      slotCount[slot] = perSecond;
      slotSecond[slot] = second;
      slotKey[slot] = key;
    }
    perSecond[0] += count;
  }

  /** Counts a record that could not be used; the first few are kept as examples. */
  public void skip(long line, String reason) {
    skipped++;
    if (skippedExamples.size() < MAX_EXAMPLES) {
      skippedExamples.add(new Skip(line, reason));
    }
  }

  /**
   * Adds what {@code later} recorded, as if its records had followed this one's: a parallel reader
   * gives each part of a file its own recorder and adds them up in file order. Counts, histograms
   * (HdrHistogram's {@code add}, exact per bucket) and latency sums are exact, the per-second
   * completions add up, so the steps equal those of one recorder fed every record; skipped-record
   * examples keep file order, their lines moved by {@code lineOffset} (the lines before {@code
   * later}'s first).
   */
  public void add(StepRecorder later, long lineOffset) {
    for (Map.Entry<Double, Level> e : later.levels.entrySet()) {
      Level from = e.getValue();
      Level to = levels.computeIfAbsent(e.getKey(), k -> new Level());
      to.histogram.add(from.histogram);
      to.requests += from.requests;
      to.errors += from.errors;
      try {
        to.sumMicros = Math.addExact(to.sumMicros, from.sumMicros);
      } catch (ArithmeticException overflow) {
        to.sumOverflowMicros += from.sumMicros;
      }
      to.sumOverflowMicros += from.sumOverflowMicros;
    }
    firstEnd = Math.min(firstEnd, later.firstEnd);
    firstStart = Math.min(firstStart, later.firstStart);
    lastEnd = Math.max(lastEnd, later.lastEnd);
    for (Map.Entry<Long, Map<Double, long[]>> b : later.buckets.entrySet()) {
      Map<Double, long[]> to = buckets.computeIfAbsent(b.getKey(), s -> new HashMap<>(4));
      for (Map.Entry<Double, long[]> c : b.getValue().entrySet()) {
        to.computeIfAbsent(c.getKey(), k -> new long[1])[0] += c.getValue()[0];
      }
    }
    skipped += later.skipped;
    for (Skip s : later.skippedExamples) {
      if (skippedExamples.size() == MAX_EXAMPLES) {
        break;
      }
      skippedExamples.add(new Skip(s.line() + lineOffset, s.reason()));
    }
  }

  public long requests() {
    long n = 0;
    for (Level l : levels.values()) {
      n += l.requests;
    }
    return n;
  }

  public SkippedRecords skipped() {
    List<String> examples = new ArrayList<>(skippedExamples.size());
    for (Skip s : skippedExamples) {
      examples.add("line " + s.line() + ": " + s.reason());
    }
    return new SkippedRecords(skipped, examples);
  }

  /** Seconds from the first to the last completion (at least one second when any exist). */
  public double spanSeconds() {
    if (firstEnd > lastEnd) {
      return 0;
    }
    return Math.max(1.0, (lastEnd - firstEnd) / (double) MICROS_PER_SECOND);
  }

  /**
   * The steps, ordered by concurrency. Levels with a known concurrency use {@code origin}; the
   * unknown level (records given NaN) becomes one step at {@code options.concurrency()} or at N =
   * X·R.
   */
  public List<Step> steps(ConcurrencyOrigin origin, ReadOptions options) {
    apportionSeconds();
    List<Step> out = new ArrayList<>();
    for (Map.Entry<Double, Level> e : levels.entrySet()) {
      Level l = e.getValue();
      if (l.requests == 0 || l.seconds <= 0) {
        continue;
      }
      double throughput = l.requests / l.seconds;
      LatencySummary latency = summary(l);
      double n = e.getKey();
      ConcurrencyOrigin o = origin;
      if (Double.isNaN(n)) {
        if (options != null && options.concurrency() != null) {
          n = options.concurrency();
          o = ConcurrencyOrigin.GIVEN;
        } else {
          // Little's law: N = X * R, with R the mean response time in seconds
          n = throughput * (latency.meanMs() / 1000.0);
          o = ConcurrencyOrigin.LITTLES_LAW;
          if (!(n > 0)) {
            continue;
          }
        }
      }
      out.add(
          new Step(
              n,
              o,
              l.requests,
              l.errors,
              l.seconds,
              throughput,
              latency,
              LatencyHistogram.ofMicros(l.histogram)));
    }
    out.sort((a, b) -> Double.compare(a.concurrency(), b.concurrency()));
    return out;
  }

  /**
   * Shares the test's time between levels. A second with completions is shared in proportion to
   * each level's completions in it; seconds without any completion (a slow or sparse run) belong to
   * the levels of the last second that had some, since the load they were under did not change
   * (without this, a run of one request every two seconds would read as twice its rate).
   */
  private void apportionSeconds() {
    for (Level l : levels.values()) {
      l.seconds = 0;
    }
    if (buckets.isEmpty()) {
      return;
    }
    long firstSecond = buckets.firstKey();
    long lastSecond = buckets.lastKey();
    Map<Double, long[]> previous = null;
    long previousSecond = 0;
    for (Map.Entry<Long, Map<Double, long[]>> b : buckets.entrySet()) {
      if (previous != null && b.getKey() > previousSecond + 1) {
        share(previous, b.getKey() - previousSecond - 1);
      }
      // the first and last buckets are partial: count only the part the test covered
      double length = 1.0;
      if (b.getKey() == firstSecond && b.getKey() == lastSecond) {
        length = Math.max(1e-3, (lastEnd - firstEnd) / (double) MICROS_PER_SECOND);
      } else if (b.getKey() == firstSecond) {
        length = (double) ((firstSecond + 1) * MICROS_PER_SECOND - firstEnd) / MICROS_PER_SECOND;
      } else if (b.getKey() == lastSecond) {
        length = (double) (lastEnd - lastSecond * MICROS_PER_SECOND) / MICROS_PER_SECOND;
      }
      if (b.getKey() == firstSecond) {
        // the first requests were running before the first completion: n completions span n
        // latencies (or gaps), not n - 1, so the time from the first start counts too
        length += Math.max(0, firstEnd - firstStart) / (double) MICROS_PER_SECOND;
      }
      share(b.getValue(), Math.max(length, 1e-3));
      previous = b.getValue();
      previousSecond = b.getKey();
    }
  }

  /** Adds {@code seconds} to the levels of one bucket, in proportion to their completions in it. */
  private void share(Map<Double, long[]> bucket, double seconds) {
    long total = 0;
    for (long[] c : bucket.values()) {
      total += c[0];
    }
    for (Map.Entry<Double, long[]> c : bucket.entrySet()) {
      levels.get(c.getKey()).seconds += seconds * c.getValue()[0] / total;
    }
  }

  private static LatencySummary summary(Level l) {
    Histogram h = l.histogram;
    return new LatencySummary(
        l.sum() / l.requests / 1000.0,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(95) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        "hdrhistogram");
  }
}
