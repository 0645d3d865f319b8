package dev.headroom.analysis.rules;

import dev.headroom.analysis.Threshold;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every rule, in the order they run and are listed. Ids are stable and unique. */
public final class RuleRegistry {

  private static final List<Rule> RULES;

  static {
    List<Rule> all = new ArrayList<>();
    all.addAll(DatabaseRules.all());
    all.addAll(TraceRules.all());
    all.addAll(ApplicationRules.all());
    all.addAll(CacheRules.all());
    all.addAll(NetworkRules.all());
    all.addAll(ExternalRules.all());
    all.addAll(ArchitectureRules.all());
    Set<String> ids = new HashSet<>();
    for (Rule r : all) {
      if (!ids.add(r.id())) {
        throw new IllegalStateException("duplicate rule id " + r.id());
      }
    }
    RULES = List.copyOf(all);
  }

  private RuleRegistry() {}

  public static List<Rule> all() {
    return RULES;
  }

  public static Optional<Rule> byId(String id) {
    return RULES.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
  }

  /** Thresholds by owner (rule id), for {@link dev.headroom.analysis.Thresholds}. */
  public static Map<String, List<Threshold>> thresholds() {
    Map<String, List<Threshold>> out = new LinkedHashMap<>();
    RULES.forEach(r -> out.put(r.id(), r.thresholds()));
    return out;
  }
}
