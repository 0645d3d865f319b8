package dev.headroom.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every number known about a system, by key, each with its provenance: declared figures ({@code
 * workload.peak_rps}, {@code db.max_connections}, {@code web.instances}) and measured ones ({@code
 * db.cpu}, {@code latency_p95}). Rules ask for the keys they need; a missing key makes a rule "not
 * evaluated", never a guess.
 */
public final class Facts {

  private final Map<String, Figure> figures;
  private final Set<String> notCarried;
  private final Map<String, Range> ranges;

  public Facts(Map<String, Figure> figures) {
    this(figures, Set.of());
  }

  /**
   * @param ranges the keys written as ranges ({@code workload.peak_rps: 700..900}), each of which
   *     also has its midpoint among {@code figures}
   * @throws IllegalArgumentException when a range has no figure of its own
   */
  public Facts(Map<String, Figure> figures, Set<String> notCarried, Map<String, Range> ranges) {
    this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    this.notCarried = Set.copyOf(notCarried);
    this.ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    for (String key : this.ranges.keySet()) {
      if (!this.figures.containsKey(key)) {
        throw new IllegalArgumentException("the range of " + key + " has no figure");
      }
    }
  }

  /**
   * @param notCarried keys measured today that a projection to another load could not carry
   *     (latency, errors): they are absent from the figures, but were measured
   */
  public Facts(Map<String, Figure> figures, Set<String> notCarried) {
    this(figures, notCarried, Map.of());
  }

  /**
   * The keys written as ranges, in file order, with their ends; empty when every value is a point.
   * In the system as read, each key's figure is its range's midpoint; in a system drawn from it
   * ({@code analysis.uncertainty.Sampler}), the drawn value.
   */
  public Map<String, Range> ranges() {
    return ranges;
  }

  /**
   * Keys measured today that are not known at the load these facts describe (see {@code
   * LoadProjection}); empty for the system as measured.
   */
  public Set<String> notCarried() {
    return notCarried;
  }

  /**
   * A copy with {@code extra} figures added to (and replacing) these; the ranges are kept, so a
   * figure drawn from a range still names the range it came from.
   */
  public Facts with(Map<String, Figure> extra) {
    Map<String, Figure> merged = new LinkedHashMap<>(figures);
    merged.putAll(extra);
    return new Facts(merged, notCarried, ranges);
  }

  /**
   * A copy where {@code key} is known only to lie in {@code range}: its figure becomes the range's
   * midpoint (with {@code provenance}) and the range replaces any written one, so an uncertainty
   * engine draws from it (a measured growth interval replaces a declared growth this way).
   */
  public Facts withRange(String key, Range range, Provenance provenance) {
    Map<String, Figure> merged = new LinkedHashMap<>(figures);
    merged.put(key, new Figure(range.midpoint(), range.dimension(), provenance));
    Map<String, Range> r = new LinkedHashMap<>(ranges);
    r.put(key, range);
    return new Facts(merged, notCarried, r);
  }

  public Optional<Figure> get(String key) {
    return Optional.ofNullable(figures.get(key));
  }

  public boolean has(String key) {
    return figures.containsKey(key);
  }

  /** The value in canonical units, or {@code fallback} when absent. */
  public double value(String key, double fallback) {
    Figure f = figures.get(key);
    return f == null ? fallback : f.value();
  }

  public Set<String> keys() {
    return figures.keySet();
  }

  public Map<String, Figure> asMap() {
    return figures;
  }
}
