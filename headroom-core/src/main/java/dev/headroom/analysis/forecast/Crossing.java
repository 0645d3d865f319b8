package dev.headroom.analysis.forecast;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** When a series' daily peaks reach a threshold, as the forecast sees it. */
public sealed interface Crossing {

  /**
   * The fitted daily peak is already at or above the threshold within the history's last week.
   *
   * @param fittedPeak the highest fitted peak of that week, in the series' unit
   */
  record AlreadyAbove(LocalDate day, double fittedPeak) implements Crossing {
    public AlreadyAbove {
      Objects.requireNonNull(day, "day");
    }
  }

  /**
   * The median path crosses within the horizon: the interval's lower quantile, median and upper
   * quantile of the first day a simulated peak reaches the threshold. {@code latest} is empty when
   * more than the interval's upper share of paths do not cross within the horizon.
   */
  record Within(LocalDate earliest, LocalDate median, Optional<LocalDate> latest, double level)
      implements Crossing {
    public Within {
      Objects.requireNonNull(earliest, "earliest");
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(latest, "latest");
      if (median.isBefore(earliest) || latest.filter(l -> l.isBefore(median)).isPresent()) {
        throw new IllegalArgumentException(
            "a crossing interval is ordered: " + earliest + " <= " + median + " <= " + latest);
      }
    }
  }

  /**
   * Fewer than half the paths cross before {@code until}, the horizon's end; {@code earliest} is
   * the interval's lower quantile when that many paths do cross.
   */
  record NotWithinHorizon(LocalDate until, int horizonDays, Optional<LocalDate> earliest)
      implements Crossing {
    public NotWithinHorizon {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(earliest, "earliest");
    }
  }
}
