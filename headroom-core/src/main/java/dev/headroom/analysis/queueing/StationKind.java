package dev.headroom.analysis.queueing;

import java.util.Locale;

/** How a station of a closed network treats the customers it holds. */
public enum StationKind {
  /** A load-independent FCFS queue: customers wait for its server(s). */
  QUEUE,
  /** A delay (infinite server, "think time" or a fixed latency): nobody waits. */
  DELAY;

  /** The lower-case name used in model files: {@code queue}, {@code delay}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
