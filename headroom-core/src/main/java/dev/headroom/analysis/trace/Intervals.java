package dev.headroom.analysis.trace;

import java.util.Arrays;

/**
 * Time covered by a set of intervals: the length of their union, not the sum of their lengths, so
 * that two queries running side by side for 10 ms count 10 ms of the request, not 20.
 */
final class Intervals {

  private long[] starts = new long[8];
  private long[] ends = new long[8];
  private int size;

  /** Adds [start, end); an empty or inverted interval adds nothing. */
  void add(long start, long end) {
    if (end <= start) {
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  void addAll(Intervals other) {
    for (int i = 0; i < other.size; i++) {
      add(other.starts[i], other.ends[i]);
    }
  }

  int size() {
    return size;
  }

  /** The length of the union: sort by start, merge overlapping runs, add the runs' lengths. */
  long unionLength() {
    if (size == 0) {
      return 0;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
    long total = 0;
    long runStart = starts[order[0]];
    long runEnd = ends[order[0]];
    for (int k = 1; k < size; k++) {
      int i = order[k];
      if (starts[i] > runEnd) {
        total += runEnd - runStart;
        runStart = starts[i];
        runEnd = ends[i];
      } else if (ends[i] > runEnd) {
        runEnd = ends[i];
      }
    }
    return total + (runEnd - runStart);
  }
}
