package dev.headroom.analysis.forecast;

import dev.headroom.ingest.evidence.Series;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * A series reduced to one peak per UTC calendar day. A day with fewer than {@link #MIN_COVERAGE} of
 * its points present is a gap (its peak could be the missing part), as are days the series has no
 * point in.
 *
 * @param first the first day
 * @param peaks one per day from {@code first}, NaN for a gap; copied
 * @param peak the statistic that made them
 */
public record DailyPeaks(LocalDate first, double[] peaks, DailyPeak peak) {

  /**
   * A day counts when at least half its points are present: with less, the hour that holds the peak
   * is as likely missing as not.
   */
  public static final double MIN_COVERAGE = 0.5;

  private static final long DAY_SECONDS = 86_400;

  public DailyPeaks {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(peak, "peak");
    if (peaks.length == 0) {
      throw new IllegalArgumentException("daily peaks need at least one day");
    }
    peaks = peaks.clone();
    for (double p : peaks) {
      if (!Double.isNaN(p) && (!Double.isFinite(p) || p < 0)) {
        throw new IllegalArgumentException("a daily peak is finite and >= 0 (or a gap): " + p);
      }
    }
  }

  /** The peaks of {@code series}' UTC days. */
  public static DailyPeaks of(Series series, DailyPeak peak) {
    Instant start = series.start();
    Instant end = series.time(series.size() - 1);
    LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC);
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    long step = series.step().getSeconds();
    // a step of a day or more puts one point in a day: that point is the day's figure
    int perDay = (int) Math.max(1, Math.ceil((double) DAY_SECONDS / Math.max(1, step)));
    double[][] byDay = new double[days][];
    int[] counts = new int[days];
    for (int i = 0; i < series.size(); i++) {
      double v = series.value(i);
      if (Double.isNaN(v)) {
        continue;
      }
      int d =
          (int)
              (LocalDate.ofInstant(series.time(i), ZoneOffset.UTC).toEpochDay()
                  - first.toEpochDay());
      if (byDay[d] == null) {
        byDay[d] = new double[perDay + 1];
      }
      if (counts[d] == byDay[d].length) {
        byDay[d] = Arrays.copyOf(byDay[d], counts[d] * 2);
      }
      byDay[d][counts[d]++] = v;
    }
    double[] peaks = new double[days];
    for (int d = 0; d < days; d++) {
      peaks[d] = counts[d] >= MIN_COVERAGE * perDay ? peak.of(byDay[d], counts[d]) : Double.NaN;
    }
    return new DailyPeaks(first, peaks, peak);
  }

  /** The peaks, a copy. */
  @Override
  public double[] peaks() {
    return peaks.clone();
  }

  /** Days from the first to the last, gaps included. */
  public int days() {
    return peaks.length;
  }

  /** Days with a peak. */
  public int observed() {
    int n = 0;
    for (double p : peaks) {
      if (!Double.isNaN(p)) {
        n++;
      }
    }
    return n;
  }

  /** Day {@code d}'s peak or NaN. */
  public double peak(int d) {
    return peaks[d];
  }

  /** The date of day {@code d} (which may be past the last). */
  public LocalDate date(int d) {
    return first.plusDays(d);
  }

  /** The first {@code n} days (a forecast fitted on them is checked on the rest). */
  public DailyPeaks head(int n) {
    return new DailyPeaks(first, Arrays.copyOf(peaks, n), peak);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyPeaks p
        && first.equals(p.first)
        && Arrays.equals(peaks, p.peaks)
        && peak == p.peak;
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, Arrays.hashCode(peaks), peak);
  }

  @Override
  public String toString() {
    return "DailyPeaks[" + peaks.length + " days from " + first + ", " + peak.label() + "]";
  }
}
