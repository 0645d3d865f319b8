package dev.headroom.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of the system as the system file describes it. Numbers (instances, vCPUs, memory, cost,
 * pool size, max connections, …) live in the spec's {@link Facts} under {@code <name>.<key>}, so
 * rules look them up the same way as observations; this record holds what the component is and its
 * settings (engine, role, algorithm, eviction policy, …) as text.
 *
 * @param settings textual and boolean settings by key ({@code "engine" -> "postgresql"}, {@code
 *     "sticky_sessions" -> "true"})
 * @param uses names of the components this one talks to (its pool's database, its cache)
 */
public record Component(
    String name,
    ComponentKind kind,
    Map<String, String> settings,
    List<String> uses,
    SourceLocation location) {

  public Component {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    settings = Map.copyOf(settings);
    uses = List.copyOf(uses);
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  public boolean flag(String key) {
    return "true".equals(settings.get(key));
  }

  /**
   * Whether this is a read replica: a database declared {@code role: replica}, or one that names
   * its primary with {@code replica_of} (which says the same even when the role is left out).
   */
  public boolean isReplica() {
    return kind == ComponentKind.DATABASE
        && ("replica".equals(settings.get("role")) || settings.containsKey("replica_of"));
  }

  /** The key under which this component's figure {@code key} is stored in {@link Facts}. */
  public String fact(String key) {
    return name + "." + key;
  }
}
