package dev.headroom.analysis.sim;

import java.util.Objects;

/**
 * A service centre: either first-come first-served with {@code servers} identical servers and one
 * unbounded queue, or a delay centre (infinite servers, nobody waits).
 *
 * @param name unique in its network; it also names the station's random streams
 * @param servers c ≥ 1 for FCFS; {@link #DELAY} (0) for a delay centre
 * @param service the time one visit holds a server
 */
public record Station(String name, int servers, ServiceTime service) {

  /** The {@code servers} value of a delay (infinite-server) station. */
  public static final int DELAY = 0;

  public Station {
    Objects.requireNonNull(service, "service");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("station name is empty; allowed: a non-blank name");
    }
    if (servers < 0) {
      throw new IllegalArgumentException(
          "station '"
              + name
              + "' has "
              + servers
              + " servers; allowed: at least 1 (or a delay station)");
    }
  }

  /** An FCFS station with {@code servers} servers; zero servers is refused. */
  public static Station fcfs(String name, int servers, ServiceTime service) {
    if (servers < 1) {
      throw new IllegalArgumentException(
          "station '"
              + name
              + "' has "
              + servers
              + " servers; allowed: at least 1 (a station with no server never serves)");
    }
    return new Station(name, servers, service);
  }

  /** A delay (infinite-server) station: think times, network latency, anything without a queue. */
  public static Station delay(String name, ServiceTime service) {
    return new Station(name, DELAY, service);
  }

  public boolean isDelay() {
    return servers == DELAY;
  }
}
