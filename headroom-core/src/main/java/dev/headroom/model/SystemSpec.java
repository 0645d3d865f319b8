package dev.headroom.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A system as its system file describes it: name, components, every declared and measured number
 * ({@link Facts}), the user's threshold overrides and prices (validated later, by the rules and the
 * cost calculator that own them), and the workload's non-numeric facts (user regions, data
 * residency).
 */
public record SystemSpec(
    String name,
    String description,
    String source,
    List<Component> components,
    Facts facts,
    List<String> userRegions,
    boolean dataResidency,
    String observationsWindow,
    List<Override> overrides,
    List<EvidencePath> evidence,
    Instant observationsAt) {

  /**
   * An {@code evidence:} entry: a file or directory of evidence files, as written (relative to the
   * system file), with where it was written.
   */
  public record EvidencePath(String path, SourceLocation location) {
    public EvidencePath {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A raw {@code thresholds:} or {@code prices:} entry, kept with its position for later checks.
   */
  public record Override(
      String section, String owner, String key, String text, SourceLocation location) {
    public Override {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(location, "location");
      owner = owner == null ? "" : owner;
    }
  }

  public SystemSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(facts, "facts");
    description = description == null ? "" : description;
    components = ComponentList.of(components);
    userRegions = List.copyOf(userRegions);
    observationsWindow = observationsWindow == null ? "" : observationsWindow;
    overrides = List.copyOf(overrides);
    evidence = List.copyOf(evidence);
    // observationsAt stays null when the system file does not say when its observations were made
  }

  /** A specification without evidence files and without a date for its observations. */
  public SystemSpec(
      String name,
      String description,
      String source,
      List<Component> components,
      Facts facts,
      List<String> userRegions,
      boolean dataResidency,
      String observationsWindow,
      List<Override> overrides) {
    this(
        name,
        description,
        source,
        components,
        facts,
        userRegions,
        dataResidency,
        observationsWindow,
        overrides,
        List.of(),
        null);
  }

  /** When the system file's {@code observations} were made ({@code observations_at}), if said. */
  public Optional<Instant> observedAt() {
    return Optional.ofNullable(observationsAt);
  }

  /** A copy with these components (evidence may set a component's settings). */
  public SystemSpec withComponents(List<Component> replaced) {
    return new SystemSpec(
        name,
        description,
        source,
        replaced,
        facts,
        userRegions,
        dataResidency,
        observationsWindow,
        overrides,
        evidence,
        observationsAt);
  }

  /** A copy where {@code key} lies in {@code range} (see {@link Facts#withRange}). */
  public SystemSpec withRange(String key, Range range, Provenance provenance) {
    return new SystemSpec(
        name,
        description,
        source,
        components,
        facts.withRange(key, range, provenance),
        userRegions,
        dataResidency,
        observationsWindow,
        overrides,
        evidence,
        observationsAt);
  }

  /** A copy with {@code extra} figures added to (and replacing) the facts. */
  public SystemSpec withFacts(Map<String, Figure> extra) {
    return new SystemSpec(
        name,
        description,
        source,
        components,
        facts.with(extra),
        userRegions,
        dataResidency,
        observationsWindow,
        overrides,
        evidence,
        observationsAt);
  }

  /** The components of {@code kind}, in file order; unmodifiable. */
  public List<Component> components(ComponentKind kind) {
    return ((ComponentList) components).ofKind(kind);
  }

  public Optional<Component> component(String name) {
    return ((ComponentList) components).named(name);
  }

  /** Overrides of one section ({@code thresholds} or {@code prices}). */
  public List<Override> overrides(String section) {
    return overrides.stream().filter(o -> o.section().equals(section)).collect(Collectors.toList());
  }

  /** The values written as ranges, by fact key (see {@link Facts#ranges()}). */
  public Map<String, Range> ranges() {
    return facts.ranges();
  }

  /** Convenience: instances of a component (declared, default 1). */
  public double instances(Component c) {
    return facts.value(c.fact("instances"), 1);
  }

  /** Names of components by kind, for messages. */
  public Map<ComponentKind, List<String>> namesByKind() {
    return components.stream()
        .collect(
            Collectors.groupingBy(
                Component::kind, Collectors.mapping(Component::name, Collectors.toList())));
  }
}
