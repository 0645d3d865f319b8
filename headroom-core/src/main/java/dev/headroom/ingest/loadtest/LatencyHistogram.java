package dev.headroom.ingest.loadtest;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The response times of one step, as the HdrHistogram that a reader with per-request data records
 * them in (3 significant digits: each value stands for its bucket's highest equivalent value,
 * within 0.1 % of the measured one). Kept so that two runs can be compared with a bootstrap over
 * their samples ({@code headroom compare}); readers that copy a tool's summary have none.
 *
 * <p>A final class rather than a record: its state is two arrays, copied in and out, and equality
 * is by their content.
 */
public final class LatencyHistogram {

  private final double[] valuesMs;
  private final long[] counts;
  private final long[] cumulative;

  /**
   * @param valuesMs distinct response times in milliseconds, strictly ascending, each finite and at
   *     least 0
   * @param counts how many requests took each, each above 0
   */
  public LatencyHistogram(double[] valuesMs, long[] counts) {
    if (valuesMs.length != counts.length || valuesMs.length == 0) {
      throw new IllegalArgumentException(
          "a histogram needs as many counts as values, at least one; got "
              + valuesMs.length
              + " and "
              + counts.length);
    }
    this.valuesMs = valuesMs.clone();
    this.counts = counts.clone();
    this.cumulative = new long[counts.length];
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      double v = this.valuesMs[i];
      if (!(v >= 0) || !Double.isFinite(v) || (i > 0 && !(v > this.valuesMs[i - 1]))) {
        throw new IllegalArgumentException(
            "values must be finite, at least 0 and strictly ascending; value " + i + " is " + v);
      }
      if (this.counts[i] <= 0) {
        throw new IllegalArgumentException("count " + i + " is " + this.counts[i] + ", not > 0");
      }
      sum = Math.addExact(sum, this.counts[i]);
      cumulative[i] = sum;
    }
  }

  /** The recorded values of {@code h}, in microseconds, as milliseconds; null when it is empty. */
  static LatencyHistogram ofMicros(Histogram h) {
    if (h.getTotalCount() == 0) {
      return null;
    }
    int n = 0;
    for (HistogramIterationValue ignored : h.recordedValues()) {
      n++;
    }
    double[] values = new double[n];
    long[] counts = new long[n];
    int i = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      values[i] = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
      counts[i] = v.getCountAtValueIteratedTo();
      i++;
    }
    return new LatencyHistogram(values, counts);
  }

  /** Requests recorded. */
  public long total() {
    return cumulative[cumulative.length - 1];
  }

  /** The {@code rank}-th smallest response time in ms, {@code rank} from 1 to {@link #total()}. */
  public double valueAtRank(long rank) {
    if (rank < 1 || rank > total()) {
      throw new IllegalArgumentException("rank " + rank + " outside 1.." + total());
    }
    int i = Arrays.binarySearch(cumulative, rank);
    return valuesMs[i >= 0 ? i : -i - 1];
  }

  /** The relative resolution of every value: HdrHistogram with 3 significant digits. */
  public static double relativeResolution() {
    return 1e-3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyHistogram h
        && Arrays.equals(valuesMs, h.valuesMs)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(valuesMs) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[" + valuesMs.length + " values, " + total() + " requests]";
  }
}
