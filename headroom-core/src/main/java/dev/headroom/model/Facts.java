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

  public Facts(Map<String, Figure> figures) {
    this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
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
