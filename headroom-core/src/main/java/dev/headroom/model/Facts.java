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

  public Facts(Map<String, Figure> figures) {
    this(figures, Set.of());
  }

  /**
   * @param notCarried keys measured today that a projection to another load could not carry
   *     (latency, errors): they are absent from the figures, but were measured
   */
  public Facts(Map<String, Figure> figures, Set<String> notCarried) {
    this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    this.notCarried = Set.copyOf(notCarried);
  }

  /**
   * Keys measured today that are not known at the load these facts describe (see {@code
   * LoadProjection}); empty for the system as measured.
   */
  public Set<String> notCarried() {
    return notCarried;
  }

  /** A copy with {@code extra} figures added to (and replacing) these. */
  public Facts with(Map<String, Figure> extra) {
    Map<String, Figure> merged = new LinkedHashMap<>(figures);
    merged.putAll(extra);
    return new Facts(merged, notCarried);
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
