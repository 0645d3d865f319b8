package dev.headroom.analysis.capacity;

import dev.headroom.analysis.NotEvaluated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The capacity section: computed items in a stable order, and what could not be computed. */
public record Capacity(
    List<CapacityItem> items, List<String> notes, List<NotEvaluated> notEvaluated) {
  public Capacity {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
    notEvaluated = List.copyOf(notEvaluated);
  }

  public Optional<CapacityItem> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public double value(String id, double fallback) {
    return item(id).map(i -> i.value().value()).orElse(fallback);
  }

  public Map<String, CapacityItem> byId() {
    Map<String, CapacityItem> m = new LinkedHashMap<>();
    items.forEach(i -> m.put(i.id(), i));
    return m;
  }
}
