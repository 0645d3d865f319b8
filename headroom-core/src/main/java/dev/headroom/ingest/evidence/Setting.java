package dev.headroom.ingest.evidence;

import dev.headroom.model.ComponentKind;
import dev.headroom.model.SourceLocation;
import java.util.Objects;

/**
 * A component setting read from the running system ({@code cache.eviction_policy: allkeys-lru}): it
 * replaces what the system file declares.
 *
 * @param name a choice key of the kind in the system-file schema ({@code eviction_policy})
 */
public record Setting(
    ComponentKind kind, String name, String component, String value, SourceLocation location) {
  public Setting {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
    component = component == null ? "" : component;
  }

  public String key() {
    return kind.id() + "." + name;
  }
}
