package dev.headroom.ingest.loadtest;

import java.util.Arrays;

/**
 * Concurrency over time, as a step function, built from a gauge (k6 {@code vus}) or from user
 * start and end events (Gatling). Readers that see the gauge and the requests in separate parts
 * of a file build this first, then look up the concurrency at each request's completion.
 */
public final class ConcurrencyTimeline {

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
    return t;
  }

  /** Adds a gauge sample, or a delta (+1, -1) for an event timeline. */
  public void add(long timeMicros, double value) {
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
    return size == 0;
  }

  private void prepare() {
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
