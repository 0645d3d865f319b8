package dev.headroom.analysis.trace;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one request's time went.
 *
 * @param traceId its trace
 * @param name the root span's name ({@code GET /books})
 * @param service the root span's service
 * @param durationNanos the root span's duration
 * @param layerNanos time per layer: for call layers the union of their calls' intervals within the
 *     root; for own code the root's duration minus the union of all calls. Layers that ran at the
 *     same time both count it, so the call layers may add up to more than the root
 * @param calls calls per call layer
 * @param spans spans in the request, root included
 * @param repeated statements run at least the N+1 level's number of times
 */
public record RequestBreakdown(
    String traceId,
    String name,
    String service,
    long durationNanos,
    Map<TimeLayer, Long> layerNanos,
    Map<TimeLayer, Integer> calls,
    int spans,
    List<RepeatedQuery> repeated) {

  public RequestBreakdown {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    if (durationNanos < 0 || spans < 1) {
      throw new IllegalArgumentException("a request lasts >= 0 ns and has its root span");
    }
    Map<TimeLayer, Long> t = new EnumMap<>(TimeLayer.class);
    Map<TimeLayer, Integer> c = new EnumMap<>(TimeLayer.class);
    for (TimeLayer l : TimeLayer.values()) {
      long v = layerNanos.getOrDefault(l, 0L);
      if (v < 0 || v > durationNanos) {
        throw new IllegalArgumentException(l.id() + " time " + v + " outside 0.." + durationNanos);
      }
      t.put(l, v);
      if (l.isCall()) {
        c.put(l, calls.getOrDefault(l, 0));
      }
    }
    layerNanos = java.util.Collections.unmodifiableMap(t);
    calls = java.util.Collections.unmodifiableMap(c);
    repeated = List.copyOf(repeated);
  }

  /** The share of the request's time in {@code layer}; 0 for a request that took no time. */
  public double share(TimeLayer layer) {
    return durationNanos == 0 ? 0 : (double) layerNanos.get(layer) / durationNanos;
  }

  public int databaseCalls() {
    return calls.get(TimeLayer.DATABASE);
  }
}
