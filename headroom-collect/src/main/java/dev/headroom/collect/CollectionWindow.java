package dev.headroom.collect;

import dev.headroom.ingest.evidence.ObservationWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * The window between a collector's two readings of its counters: waited for the same way, and dated
 * the same way, by every collector that reads counters twice.
 */
public final class CollectionWindow {

  private CollectionWindow() {}

  /** Waits {@code window}; an interrupt ends the collection with a message naming the target. */
  public static void await(Duration window, Target target) {
    try {
      Thread.sleep(window.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectionException(target.redacted() + ": interrupted during the window");
    }
  }

  /**
   * From the first reading's wall-clock time to that time plus the monotonic clock's span between
   * the readings: a wall clock that steps (NTP) mid-window cannot shorten or reverse it.
   */
  public static ObservationWindow between(Instant firstAt, long firstNanos, long secondNanos) {
    return new ObservationWindow(firstAt, firstAt.plusNanos(secondNanos - firstNanos));
  }
}
