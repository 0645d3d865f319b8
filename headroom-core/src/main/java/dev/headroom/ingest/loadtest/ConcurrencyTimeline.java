package dev.headroom.ingest.loadtest;

import java.util.Arrays;

/**
 * Concurrency over time, as a step function, built from a gauge (k6 {@code vus}) or from user start
 * and end events (Gatling). Readers that see the gauge and the requests in separate parts of a file
 * build this first, then look up the concurrency at each request's completion.
 *
 * <p>Event timelines add up their +1/-1 deltas in buckets of {@link #EVENT_RESOLUTION_MICROS}, so
 * memory grows with the test's duration, never with its number of users: an open-model test with
 * millions of one-request users stays small. Concurrency is then known to that resolution.
 */
public final class ConcurrencyTimeline {

  /** Event timelines sum their deltas per 10 ms: far finer than any concurrency step. */
  public static final long EVENT_RESOLUTION_MICROS = 10_000;

  private java.util.HashMap<Long, double[]> eventBuckets;

  private long[] times = new long[64];
  private double[] values = new double[64];
  private int size;
  private boolean sorted = true;
  private boolean deltas;

  /** A timeline from gauge samples: the value holds from its time until the next sample. */
  public static ConcurrencyTimeline ofGauge() {
    return new ConcurrencyTimeline();
  }

  /** A timeline from +1/-1 events (user start and end). */
  public static ConcurrencyTimeline ofEvents() {
    ConcurrencyTimeline t = new ConcurrencyTimeline();
    t.deltas = true;
    t.eventBuckets = new java.util.HashMap<>();
    return t;
  }

  /** Adds a gauge sample, or a delta (+1, -1) for an event timeline. */
  public void add(long timeMicros, double value) {
    if (eventBuckets != null) {
      // a delta counts from the start of its bucket, so a request ending in the same bucket as its
      // user's start still sees that user
      long bucket = Math.floorDiv(timeMicros, EVENT_RESOLUTION_MICROS);
      eventBuckets.computeIfAbsent(bucket, b -> new double[1])[0] += value;
      return;
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    if (size > 0 && timeMicros < times[size - 1]) {
      sorted = false;
    }
    times[size] = timeMicros;
    values[size] = value;
    size++;
  }

  public boolean isEmpty() {
    return size == 0 && (eventBuckets == null || eventBuckets.isEmpty());
  }

  private void prepare() {
    if (eventBuckets != null) {
      long[] keys = new long[eventBuckets.size()];
      int i = 0;
      for (Long k : eventBuckets.keySet()) {
        keys[i++] = k;
      }
      Arrays.sort(keys);
      times = new long[keys.length];
      values = new double[keys.length];
      for (int j = 0; j < keys.length; j++) {
        times[j] = keys[j] * EVENT_RESOLUTION_MICROS;
        values[j] = eventBuckets.get(keys[j])[0];
      }
      size = keys.length;
      eventBuckets = null;
      sorted = true;
    }
    if (!sorted) {
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      long[] t = times;
      // stable: events at the same time keep file order
      Arrays.sort(idx, (a, b) -> Long.compare(t[a], t[b]));
      long[] nt = new long[size];
      double[] nv = new double[size];
      for (int i = 0; i < size; i++) {
        nt[i] = times[idx[i]];
        nv[i] = values[idx[i]];
      }
      times = nt;
      values = nv;
      sorted = true;
    }
    if (deltas) {
      double running = 0;
      for (int i = 0; i < size; i++) {
        running += values[i];
        values[i] = running;
      }
      deltas = false;
    }
  }

  /**
   * The concurrency at {@code timeMicros}: the last sample at or before it (for events, the number
   * active after all events at that instant); NaN before the first sample.
   */
  public double at(long timeMicros) {
    prepare();
    int i = Arrays.binarySearch(times, 0, size, timeMicros);
    if (i < 0) {
      i = -i - 2;
    } else {
      while (i + 1 < size && times[i + 1] == timeMicros) {
        i++;
      }
    }
    return i < 0 ? Double.NaN : values[i];
  }

  /** The largest concurrency reached. */
  public double max() {
    prepare();
    double m = 0;
    for (int i = 0; i < size; i++) {
      m = Math.max(m, values[i]);
    }
    return m;
  }
}
