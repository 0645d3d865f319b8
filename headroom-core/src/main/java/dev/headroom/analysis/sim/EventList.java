package dev.headroom.analysis.sim;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap on time over two parallel primitive arrays (time, event
 * code), so scheduling and removing allocate nothing once the arrays have grown to the largest
 * number of pending events. O(log n) per operation (Williams 1964; the list every comparison of
 * event sets puts near the top for small to medium n, e.g. Rönngren &amp; Ayani, ACM TOMACS 7(2),
 * 1997). Ties are broken by the heap's order, which is a deterministic function of the schedule
 * calls, so runs are reproducible.
 */
public final class EventList {
  private double[] time;
  private int[] code;
  private int size;

  /** The first event has been consumed but still occupies the root (see {@link #consumeFirst}). */
  private boolean hole;

  public EventList(int capacity) {
    time = new double[Math.max(4, capacity)];
    code = new int[time.length];
  }

  public int size() {
    settle();
    return size;
  }

  /** Whether no event is pending; settles a consumed root first, so call it before peeking. */
  public boolean isEmpty() {
    settle();
    return size == 0;
  }

  public void clear() {
    size = 0;
    hole = false;
  }

  /**
   * Consumes the first event lazily: it stays at the root until the next {@link #schedule}, which
   * overwrites it and sifts down once (one heap pass instead of a removal plus an insertion, the
   * common case, since most events schedule a successor), or until {@link #isEmpty} removes it.
   */
  public void consumeFirst() {
    hole = true;
  }

  private void settle() {
    if (hole) {
      hole = false;
      removeFirst();
    }
  }

  /** The time of the next event; call {@link #isEmpty} first, and the list must not be empty. */
  public double peekTime() {
    return time[0];
  }

  /** The code of the next event; the list must not be empty. */
  public int peekCode() {
    return code[0];
  }

  public void schedule(double t, int c) {
    if (hole) {
      hole = false;
      siftDown(t, c, size);
      return;
    }
    if (size == time.length) {
      time = Arrays.copyOf(time, size * 2);
      code = Arrays.copyOf(code, size * 2);
    }
    int i = size++;
    double[] ts = time;
    int[] cs = code;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      double pt = ts[parent];
      if (pt <= t) {
        break;
      }
      ts[i] = pt;
      cs[i] = cs[parent];
      i = parent;
    }
    ts[i] = t;
    cs[i] = c;
  }

  /** Removes the next event (read it first with {@link #peekTime()} and {@link #peekCode()}). */
  public void removeFirst() {
    int n = --size;
    if (n == 0) {
      return;
    }
    siftDown(time[n], code[n], n);
  }

  /** Places (t, c) at the root of a heap of {@code n} entries and sifts it down. */
  private void siftDown(double t, int c, int n) {
    double[] ts = time;
    int[] cs = code;
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      double ct = ts[child];
      int right = child + 1;
      if (right < n && ts[right] < ct) {
        child = right;
        ct = ts[right];
      }
      if (t <= ct) {
        break;
      }
      ts[i] = ct;
      cs[i] = cs[child];
      i = child;
    }
    ts[i] = t;
    cs[i] = c;
  }
}
