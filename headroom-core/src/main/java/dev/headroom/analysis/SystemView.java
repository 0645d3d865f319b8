package dev.headroom.analysis;

import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Facts;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Questions about a system that several analyses ask, answered once and the same way everywhere:
 * which database is the primary, what the read share is, which request rate to plan from, the p95
 * target in force. Every answer keeps its provenance.
 */
public final class SystemView {

  /** M1: p95 target 500 ms, warning above 1 s (used when the system file sets no SLO). */
  public static final double M1_P95_TARGET = 0.5;

  public static final double M1_P95_WARNING = 1.0;

  private final SystemSpec spec;

  public SystemView(SystemSpec spec) {
    this.spec = spec;
  }

  public SystemSpec spec() {
    return spec;
  }

  public Facts facts() {
    return spec.facts();
  }

  public Optional<Figure> fact(String key) {
    return spec.facts().get(key);
  }

  /** Databases that take writes (role primary or no role). */
  public List<Component> primaries() {
    List<Component> out = new ArrayList<>();
    for (Component c : spec.components(ComponentKind.DATABASE)) {
      if (!c.isReplica()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Read replicas of {@code primary}: listed components plus its {@code replicas} count. */
  public double replicaCount(Component primary) {
    double listed = 0;
    for (Component c : spec.components(ComponentKind.DATABASE)) {
      if (c.setting("replica_of").filter(primary.name()::equals).isPresent()) {
        listed += spec.instances(c);
      }
    }
    return listed + spec.facts().value(primary.fact("replicas"), 0);
  }

  /** The read share for a database: measured on it, else the workload's declared one. */
  public Optional<Figure> readRatio(Component db) {
    // a measured mix of rows (the PostgreSQL collector's row_read_ratio) beats a declared guess
    return fact(db.fact("read_ratio"))
        .or(() -> fact(db.fact("row_read_ratio")))
        .or(() -> fact("workload.read_ratio"));
  }

  /**
   * App and worker components that use {@code db} (explicitly, or implicitly when it is the only
   * primary).
   */
  public List<Component> clientsOf(Component db) {
    List<Component> out = new ArrayList<>();
    boolean only = primaries().size() == 1 && primaries().get(0).name().equals(db.name());
    for (Component c : spec.components()) {
      if (c.kind() != ComponentKind.APP && c.kind() != ComponentKind.WORKER) {
        continue;
      }
      if (c.uses().contains(db.name()) || (only && c.uses().stream().noneMatch(this::isDatabase))) {
        out.add(c);
      }
    }
    return out;
  }

  private boolean isDatabase(String name) {
    return spec.component(name).map(c -> c.kind() == ComponentKind.DATABASE).orElse(false);
  }

  /**
   * The request rate to plan from: measured ({@code observations.rps}) beats declared ({@code
   * workload.peak_rps}).
   */
  public Optional<Figure> peakRps() {
    return fact("rps").or(() -> fact("workload.peak_rps"));
  }

  /** The highest measured value of {@code metric} across components of {@code kind}. */
  public Optional<Figure> max(ComponentKind kind, String metric) {
    return spec.components(kind).stream()
        .map(c -> fact(c.fact(metric)))
        .flatMap(Optional::stream)
        .max(Comparator.comparingDouble(Figure::value));
  }

  /** The p95 latency target: the SLO if the system file sets one, else M1's 500 ms. */
  public Figure p95Target() {
    return fact("slo.latency_p95")
        .orElse(
            new Figure(
                M1_P95_TARGET,
                Dimension.DURATION,
                new Provenance.Assumed(
                    "M1",
                    "p95 target 500 ms when no SLO is set (M5's golden-signal target is 300 ms)")));
  }

  /** Distinct continents or regions users are in. */
  public Set<String> userRegions() {
    return new LinkedHashSet<>(spec.userRegions());
  }

  /** Distinct regions the components run in. */
  public Set<String> serverRegions() {
    Set<String> out = new LinkedHashSet<>();
    spec.components().forEach(c -> c.setting("region").ifPresent(out::add));
    return out;
  }

  /** Distinct services among app components ({@code service}, or the component name). */
  public Set<String> services() {
    Set<String> out = new LinkedHashSet<>();
    for (Component c : spec.components(ComponentKind.APP)) {
      out.add(c.setting("service").orElse(c.name()));
    }
    return out;
  }

  /**
   * The app component taken as the tier that serves every request: the first one listed. (With
   * several services each takes its own share; headroom does not yet split the load between them.)
   */
  public Optional<Component> frontApp() {
    return spec.components(ComponentKind.APP).stream().findFirst();
  }

  /** The highest CPU measured on a database that takes writes (replicas excluded). */
  public Optional<Figure> primaryCpu() {
    return primaries().stream()
        .map(db -> fact(db.fact("cpu")))
        .flatMap(Optional::stream)
        .max(Comparator.comparingDouble(Figure::value));
  }

  /**
   * C2: the connections a database works on at once, cores x 2 + effective spindles (declared, or 2
   * for hdd and 1 otherwise: 8 cores on SSD give 17). Empty without the database's vCPUs.
   */
  public Optional<Figure> c2PoolSize(Component db) {
    Optional<Figure> vcpu = fact(db.fact("vcpu"));
    if (vcpu.isEmpty()) {
      return Optional.empty();
    }
    String storage = db.setting("storage").orElse("ssd");
    Figure spindles =
        fact(db.fact("spindles"))
            .orElse(
                new Figure(
                    storage.equals("hdd") ? 2 : 1,
                    Dimension.COUNT,
                    new Provenance.Assumed(
                        "C2",
                        storage.equals("hdd")
                            ? "2 effective spindles for hdd"
                            : "1 effective spindle for " + storage + " (8 cores on SSD give 17)")));
    return Optional.of(
        new Figure(
            vcpu.get().value() * 2 + spindles.value(),
            Dimension.COUNT,
            new Provenance.Derived(
                "cores x 2 + effective spindles (C2)",
                List.of(
                    db.fact("vcpu") + " = " + vcpu.get().formatted(),
                    "spindles = " + spindles.withKind()))));
  }

  public boolean has(ComponentKind kind) {
    return !spec.components(kind).isEmpty();
  }

  /**
   * How many times the peak exceeds the average: measured ({@code observations.peak_to_average}),
   * else declared peak / average rate; empty when neither is known.
   */
  public Optional<Figure> peakToAverage() {
    Optional<Figure> ratio = fact("peak_to_average");
    if (ratio.isPresent()) {
      return ratio;
    }
    Optional<Figure> peak = fact("workload.peak_rps");
    Optional<Figure> avg = fact("workload.average_rps").filter(a -> a.value() > 0);
    if (peak.isEmpty() || avg.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Figure(
            peak.get().value() / avg.get().value(),
            Dimension.MULTIPLIER,
            new Provenance.Derived(
                "peak_rps / average_rps",
                List.of(
                    "peak = " + peak.get().formatted(), "average = " + avg.get().formatted()))));
  }
}
