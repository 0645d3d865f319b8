package dev.headroom.analysis.trace;

import dev.headroom.ingest.trace.TraceInput;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the traces say, as one immutable result for every renderer and for the evidence file.
 *
 * @param files what was read
 * @param settings the levels used
 * @param windowStart the earliest span start (by its host's clock)
 * @param windowEnd the latest span end
 * @param quality what did not fit: duplicates, orphans, traces without a root, clock skew
 * @param requests every request, in input order
 * @param shares per layer, its share of each request's time over the requests that took time
 * @param queriesPerRequest database calls per request, over all requests
 * @param durationNanos the requests' durations
 * @param calls calls per call layer, over all requests
 * @param suspects N+1 suspects: statements run at least the N+1 level's number of times, one after
 *     the other, in one request; most repetitions first
 * @param parallelRepeats statements repeated as often but overlapping (batched or concurrent
 *     fetches), which are not counted as N+1
 * @param networkRttNanos client span duration minus its server child's, for calls between the
 *     system's own services (network and queueing between them); empty when there are none
 */
public record TraceAnalysis(
    List<TraceInput.FileRead> files,
    TraceSettings settings,
    Instant windowStart,
    Instant windowEnd,
    Quality quality,
    List<RequestBreakdown> requests,
    Map<TimeLayer, Distribution> shares,
    Distribution queriesPerRequest,
    Distribution durationNanos,
    Map<TimeLayer, Long> calls,
    List<RepeatedQuery> suspects,
    int parallelRepeats,
    Distribution networkRttNanos) {

  /**
   * The spans that did not fit a clean tree, counted so the report can say so.
   *
   * @param spans complete spans read
   * @param incomplete spans left out for want of a start or a duration
   * @param duplicates spans read twice (same trace, id and side) and kept once
   * @param traces distinct trace ids
   * @param orphans spans whose parent is not in the input
   * @param rootlessTraces traces without a root span: their top-most orphans are taken as requests
   * @param cyclic spans whose parent chain loops, left out
   * @param skewed spans that start before their parent (clock skew between hosts), moved forward
   *     with their subtree into the parent
   * @param maxSkewNanos the largest such move
   * @param clamped spans that end after their parent (after any move), cut at the parent's end
   */
  public record Quality(
      long spans,
      long incomplete,
      long duplicates,
      int traces,
      long orphans,
      int rootlessTraces,
      long cyclic,
      long skewed,
      long maxSkewNanos,
      long clamped) {
    public Quality {
      for (long v :
          new long[] {
            spans,
            incomplete,
            duplicates,
            traces,
            orphans,
            rootlessTraces,
            cyclic,
            skewed,
            maxSkewNanos,
            clamped
          }) {
        if (v < 0) {
          throw new IllegalArgumentException("counts are >= 0");
        }
      }
    }
  }

  public TraceAnalysis {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(queriesPerRequest, "queriesPerRequest");
    Objects.requireNonNull(durationNanos, "durationNanos");
    Objects.requireNonNull(networkRttNanos, "networkRttNanos");
    if (windowEnd.isBefore(windowStart)) {
      throw new IllegalArgumentException("the window ends after it starts");
    }
    files = List.copyOf(files);
    requests = List.copyOf(requests);
    Map<TimeLayer, Distribution> s = new EnumMap<>(TimeLayer.class);
    for (TimeLayer l : TimeLayer.values()) {
      s.put(l, Objects.requireNonNull(shares.get(l), "share of " + l.id()));
    }
    shares = Collections.unmodifiableMap(s);
    Map<TimeLayer, Long> c = new EnumMap<>(TimeLayer.class);
    for (TimeLayer l : TimeLayer.values()) {
      if (l.isCall()) {
        c.put(l, calls.getOrDefault(l, 0L));
      }
    }
    calls = Collections.unmodifiableMap(c);
    suspects = List.copyOf(suspects);
  }

  /** Requests with at least one N+1 suspect. */
  public long requestsWithSuspects() {
    return requests.stream()
        .filter(r -> r.repeated().stream().anyMatch(RepeatedQuery::sequential))
        .count();
  }
}
