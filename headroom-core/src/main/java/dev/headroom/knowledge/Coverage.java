package dev.headroom.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which part of headroom carries each knowledge id: a rule, an action, a calculator or a report
 * section. Filled by the caller that can see every part (so this package depends on nothing), and
 * checked by a test: every id must be carried, and every carrier must cite real ids.
 */
public final class Coverage {

  private final Map<String, List<String>> carriers = new LinkedHashMap<>();

  public Coverage() {
    Knowledge.all().keySet().forEach(id -> carriers.put(id, new ArrayList<>()));
  }

  /** Records that {@code carrier} (e.g. "rule HR-DB-001") carries each of {@code ids}. */
  public void add(String carrier, List<String> ids) {
    for (String id : ids) {
      List<String> list = carriers.get(id);
      if (list == null) {
        throw new IllegalArgumentException(carrier + " cites unknown knowledge id " + id);
      }
      if (!list.contains(carrier)) {
        list.add(carrier);
      }
    }
  }

  /** Every id with its carriers, in INVENTORY order. */
  public Map<String, List<String>> byId() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    carriers.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  /** Ids nothing carries. */
  public List<String> uncovered() {
    List<String> out = new ArrayList<>();
    carriers.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            out.add(k);
          }
        });
    return out;
  }
}
