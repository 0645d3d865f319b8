package dev.headroom.analysis.rules;

import dev.headroom.ingest.system.SystemFileSchema;
import dev.headroom.model.Component;
import dev.headroom.model.Metric;
import dev.headroom.model.SystemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys a rule may read or name as needed: those the system-file reader can produce. A
 * system-wide {@link Metric} ({@code latency_p95}), a component's metric allowed on its kind
 * ({@code db.cpu}) or a key declared on a component of that kind ({@code web.pool.size}), and a
 * {@code workload.} or {@code slo.} key. Anything else is a misspelling that would leave a rule
 * silently unevaluated, so the rule context refuses it loudly.
 */
public final class FactKeys {

  private FactKeys() {}

  /** Why {@code key} cannot be produced for {@code spec}, or empty when it can. */
  public static Optional<String> problem(SystemSpec spec, String key) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      return Metric.system(key).isPresent()
          ? Optional.empty()
          : Optional.of("\"" + key + "\" is no system-wide metric (" + systemMetrics() + ")");
    }
    String owner = key.substring(0, dot);
    String rest = key.substring(dot + 1);
    if (owner.equals("workload") || owner.equals("slo")) {
      List<SystemFileSchema.Key> keys =
          owner.equals("workload") ? SystemFileSchema.WORKLOAD : SystemFileSchema.SLO;
      return keys.stream().anyMatch(k -> k.name().equals(rest))
          ? Optional.empty()
          : Optional.of("\"" + key + "\" is no " + owner + " key (" + names(keys) + ")");
    }
    Optional<Component> c = spec.component(owner);
    if (c.isEmpty()) {
      return Optional.of("\"" + key + "\" names no component of the system");
    }
    return componentProblem(c.get(), rest);
  }

  /** Why {@code rest} is neither a metric nor a declared key of {@code c}'s kind, or empty. */
  static Optional<String> componentProblem(Component c, String rest) {
    if (Metric.forKind(c.kind(), rest).isPresent()) {
      return Optional.empty();
    }
    List<SystemFileSchema.Key> keys = SystemFileSchema.componentKeys(c.kind());
    if (keys.stream().anyMatch(k -> k.name().equals(rest))) {
      return Optional.empty();
    }
    List<String> metrics = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m.kinds().contains(c.kind())) {
        metrics.add(m.key());
      }
    }
    return Optional.of(
        "\""
            + c.name()
            + "."
            + rest
            + "\": a "
            + c.kind().id()
            + " has no metric or key \""
            + rest
            + "\" (metrics: "
            + String.join(", ", metrics)
            + "; keys: "
            + names(keys)
            + ")");
  }

  private static String systemMetrics() {
    List<String> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m.systemWide()) {
        out.add(m.key());
      }
    }
    return String.join(", ", out);
  }

  private static String names(List<SystemFileSchema.Key> keys) {
    return String.join(", ", keys.stream().map(SystemFileSchema.Key::name).toList());
  }
}
