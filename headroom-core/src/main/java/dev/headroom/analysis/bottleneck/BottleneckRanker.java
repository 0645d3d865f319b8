package dev.headroom.analysis.bottleneck;

import dev.headroom.analysis.Evidence;
import dev.headroom.analysis.Layer;
import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks layers by the worst severity of their findings, then by how many findings point at them,
 * then in D1's search order (database, application, network, external; cache, storage, architecture
 * after). Architecture findings (premature moves, missing monitoring) are not bottlenecks and are
 * left to the plan. When nothing at warning level or above was measured, the evidence is thin: look
 * at the database first (D4) and measure what the database rules missed.
 */
public final class BottleneckRanker {

  /** The knowledge this analysis carries (for {@code headroom rules --coverage}). */
  public static final List<String> KNOWLEDGE = List.of("D1", "D2", "D4", "C4", "P5");

  private static final Map<Layer, String> REMEDIES = new EnumMap<>(Layer.class);

  static {
    REMEDIES.put(Layer.DATABASE, "slow queries or high CPU: indexes, read replicas, caching (D2)");
    REMEDIES.put(Layer.APPLICATION, "high CPU or memory: optimise the code, then scale out (D2)");
    REMEDIES.put(
        Layer.NETWORK, "high latency or timeouts: CDN, edge caching, connection pooling (D2)");
    REMEDIES.put(
        Layer.EXTERNAL, "timeouts or rate limits: circuit breakers, caching, fallbacks (D2)");
    REMEDIES.put(
        Layer.CACHE,
        "a missing or undersized cache: cache hot reads (C8), size it for the working set"
            + " (C4), tune eviction (P5)");
    REMEDIES.put(Layer.STORAGE, "slow I/O or high wait: SSD, object storage, caching (D2)");
    REMEDIES.put(Layer.ARCHITECTURE, "structure: see the plan");
  }

  /**
   * Findings that name a symptom rather than a layer: pages slower than their target (HR-APP-010)
   * say which ladder to start (X1) but are evidence against no layer until tracing shows where the
   * time goes (D1), so they do not rank one.
   */
  private static final Set<String> SYMPTOMS = Set.of("HR-APP-010");

  private BottleneckRanker() {}

  /**
   * @param databaseMeasured whether the database's load was measured (its CPU or connections), so
   *     that "no finding" means "within targets" rather than "not looked at"
   */
  public static Bottlenecks rank(
      List<Finding> findings, List<NotEvaluated> notEvaluated, boolean databaseMeasured) {
    Map<Layer, List<Finding>> byLayer = new EnumMap<>(Layer.class);
    for (Finding f : findings) {
      if (f.layer() == Layer.ARCHITECTURE
          || f.severity() == Severity.INFO
          || SYMPTOMS.contains(f.ruleId())) {
        continue;
      }
      byLayer.computeIfAbsent(f.layer(), l -> new ArrayList<>()).add(f);
    }
    List<Map.Entry<Layer, List<Finding>>> entries = new ArrayList<>(byLayer.entrySet());
    entries.sort(
        Comparator.<Map.Entry<Layer, List<Finding>>, Severity>comparing(e -> worst(e.getValue()))
            .reversed()
            .thenComparing(
                Comparator.<Map.Entry<Layer, List<Finding>>>comparingInt(e -> e.getValue().size())
                    .reversed())
            .thenComparing(e -> e.getKey().ordinal()));
    List<Bottleneck> ranked = new ArrayList<>();
    for (Map.Entry<Layer, List<Finding>> e : entries) {
      Set<String> ids = new LinkedHashSet<>();
      Map<String, Evidence> ev = new LinkedHashMap<>();
      for (Finding f : e.getValue()) {
        ids.add(f.ruleId());
        f.evidence().forEach(x -> ev.putIfAbsent(x.label(), x));
      }
      ranked.add(
          new Bottleneck(
              e.getKey(),
              ranked.size() + 1,
              worst(e.getValue()),
              List.copyOf(ids),
              List.copyOf(ev.values()),
              REMEDIES.get(e.getKey())));
    }
    if (!ranked.isEmpty()) {
      return new Bottlenecks(ranked, false, "", List.of());
    }
    if (databaseMeasured) {
      return new Bottlenecks(
          List.of(),
          false,
          "No layer is at warning level at today's load: the measured database"
              + " and servers are within their targets. Re-check when load grows (see the stage triggers).",
          List.of());
    }
    List<String> next = new ArrayList<>();
    for (NotEvaluated n : notEvaluated) {
      if (n.rule().startsWith("HR-DB-")) {
        for (int i = 0; i < n.needs().size(); i++) {
          String item = n.needs().get(i) + ": " + (i < n.how().size() ? n.how().get(i) : "");
          if (!next.contains(item)) {
            next.add(item);
          }
        }
      }
    }
    for (NotEvaluated n : notEvaluated) {
      if (n.rule().startsWith("HR-APP-") && next.size() < 8) {
        for (int i = 0; i < n.needs().size(); i++) {
          String item = n.needs().get(i) + ": " + (i < n.how().size() ? n.how().get(i) : "");
          if (!next.contains(item)) {
            next.add(item);
          }
        }
      }
    }
    String advice =
        "No measured bottleneck: nothing at warning level or above. About 80% of bottlenecks are in the"
            + " database (D4), so measure it first, then the application (D1).";
    return new Bottlenecks(List.of(), true, advice, next);
  }

  private static Severity worst(List<Finding> fs) {
    Severity s = Severity.INFO;
    for (Finding f : fs) {
      if (f.severity().compareTo(s) > 0) {
        s = f.severity();
      }
    }
    return s;
  }
}
