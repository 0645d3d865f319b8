package dev.headroom.analysis.uncertainty;

import java.time.LocalDate;

/**
 * When a load multiple is reached, as a central interval of dates ("around 2027-03 to 2027-06"):
 * the dates of a {@link SampledInterval} of months. A null bound is a date never reached: the draws
 * at that rank have no growth, or never break within what was evaluated.
 *
 * @param level the central share covered (0.8 for the 10th to the 90th percentile)
 * @param earliest the date at the low quantile of the months, or null
 * @param median the date at the median, or null
 * @param latest the date at the high quantile, or null
 * @param neverShare the share of draws that never reach it (0 to 1)
 */
public record DateInterval(
    double level, LocalDate earliest, LocalDate median, LocalDate latest, double neverShare) {

  public DateInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be between 0 and 1 (exclusive), got " + level);
    }
    if (!(neverShare >= 0 && neverShare <= 1)) {
      throw new IllegalArgumentException("neverShare must be within 0 and 1, got " + neverShare);
    }
    // a null (never) bound may only follow a dated one: dates rise with the rank
    if ((earliest == null && (median != null || latest != null))
        || (median == null && latest != null)) {
      throw new IllegalArgumentException("a bound after a never-reached bound must be never too");
    }
    if (earliest != null && median != null && earliest.isAfter(median)
        || median != null && latest != null && median.isAfter(latest)) {
      throw new IllegalArgumentException(
          "dates must not decrease: " + earliest + ", " + median + ", " + latest);
    }
  }
}
