package dev.headroom.ingest.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time an observation covers: from {@code start} to {@code end}. A counter read twice gives a
 * rate over the window between the reads; a gauge read once has a window of zero seconds.
 */
public record ObservationWindow(Instant start, Instant end) {

  public ObservationWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a window ends after it starts: " + start + " > " + end);
    }
  }

  /** A point in time: a gauge read once. */
  public static ObservationWindow at(Instant instant) {
    return new ObservationWindow(instant, instant);
  }

  /** The window's length in whole and fractional seconds. */
  public double seconds() {
    return Duration.between(start, end).toMillis() / 1000.0;
  }

  /** "window 60 s" or "at one instant", for provenance. */
  public String describe() {
    double s = seconds();
    if (s == 0) {
      return "read at one instant";
    }
    return "window " + dev.headroom.model.Units.format(s, 4) + " s";
  }
}
