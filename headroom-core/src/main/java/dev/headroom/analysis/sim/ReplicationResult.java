package dev.headroom.analysis.sim;

import java.util.List;

/**
 * One replication: its index, the events it processed and what it observed per station and per
 * source (in the network's order).
 */
public record ReplicationResult(
    int replication,
    long events,
    List<StationObservation> stations,
    List<SourceObservation> sources) {
  public ReplicationResult {
    stations = List.copyOf(stations);
    sources = List.copyOf(sources);
  }
}
