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
final class EventList {
  private double[] time;
  private int[] code;
  private int size;

  EventList(int capacity) {
    time = new double[Math.max(4, capacity)];
    code = new int[time.length];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  /** The time of the next event; the list must not be empty. */
  double peekTime() {
    return time[0];
  }

  /** The code of the next event; the list must not be empty. */
  int peekCode() {
    return code[0];
  }

  void schedule(double t, int c) {
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
  void removeFirst() {
    int n = --size;
    if (n == 0) {
      return;
    }
    double[] ts = time;
    int[] cs = code;
    double t = ts[n];
    int c = cs[n];
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
