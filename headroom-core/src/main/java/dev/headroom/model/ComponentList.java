package dev.headroom.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An immutable list of components that also finds one by name, and those of a kind, in constant
 * time. Analyzers look components up by name inside loops over components; with a linear search a
 * system file of 19,000 components took 16 s, growing with the square of the count. Being a {@link
 * List}, it keeps {@link SystemSpec#components()} as it was for every reader of the spec.
 */
final class ComponentList extends AbstractList<Component> implements RandomAccess {

  private final List<Component> items;
  private final Map<String, Component> byName;
  private final Map<ComponentKind, List<Component>> byKind = new EnumMap<>(ComponentKind.class);

  private ComponentList(List<Component> items) {
    this.items = List.copyOf(items);
    this.byName = new HashMap<>(this.items.size() * 2);
    // the first of a duplicated name wins, as a search from the start would find it
    this.items.forEach(c -> byName.putIfAbsent(c.name(), c));
    Map<ComponentKind, List<Component>> grouped = new EnumMap<>(ComponentKind.class);
    this.items.forEach(c -> grouped.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
    for (ComponentKind k : ComponentKind.values()) {
      byKind.put(k, List.copyOf(grouped.getOrDefault(k, List.of())));
    }
  }

  static ComponentList of(List<Component> components) {
    return components instanceof ComponentList same ? same : new ComponentList(components);
  }

  /** The components of {@code kind} in file order, unmodifiable. */
  List<Component> ofKind(ComponentKind kind) {
    return byKind.get(kind);
  }

  Optional<Component> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public Component get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
