package dev.headroom.analysis.cost;

import dev.headroom.analysis.SystemView;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.List;
import java.util.Optional;

/**
 * Prices components: a declared {@code cost} wins; otherwise the smallest machine in the price
 * table with at least the component's vCPUs and memory; caches by their memory. Anything that
 * cannot be priced says what it needs.
 */
public final class CostModel {

  private final SystemView view;
  private final PriceTable prices;

  public CostModel(SystemView view, PriceTable prices) {
    this.view = view;
    this.prices = prices;
  }

  public PriceTable prices() {
    return prices;
  }

  /** The monthly price of one instance of {@code c}, or empty with {@link #needs(Component)}. */
  public Optional<Figure> perInstance(Component c) {
    Optional<Figure> declared = view.fact(c.fact("cost"));
    if (declared.isPresent()) {
      return declared;
    }
    Optional<Figure> vcpu = view.fact(c.fact("vcpu"));
    Optional<Figure> memory = view.fact(c.fact("memory"));
    if (c.kind() == ComponentKind.CACHE && memory.isPresent()) {
      return Optional.of(cacheMemory(memory.get().value()));
    }
    if (vcpu.isPresent() || memory.isPresent()) {
      return Optional.of(
          machine(
              vcpu.map(Figure::value).orElse(0.0),
              memory.map(f -> f.value() / GIB).orElse(0.0),
              c.name()));
    }
    return switch (c.kind()) {
      case LOAD_BALANCER -> prices.price("load_balancer");
      case CDN -> prices.price("cdn");
      case QUEUE -> prices.price("queue");
      default -> Optional.empty();
    };
  }

  /** What is missing to price {@code c}. */
  public String needs(Component c) {
    return switch (c.kind()) {
      case LOAD_BALANCER -> c.name() + ".cost or prices.load_balancer";
      case CDN -> c.name() + ".cost or prices.cdn";
      case QUEUE -> c.name() + ".cost (or vcpu/memory) or prices.queue";
      default -> c.name() + ".cost, or its vcpu and memory";
    };
  }

  /** All instances of {@code c}. */
  public Optional<Figure> monthly(Component c) {
    double n = view.spec().instances(c);
    return perInstance(c)
        .map(
            p ->
                n == 1
                    ? p
                    : new Figure(
                        p.value() * n,
                        Dimension.MONTHLY_COST,
                        new Provenance.Derived(
                            "instances x price per instance",
                            List.of(
                                c.name() + ".instances = " + Units.format(n, 6),
                                "price = " + p.withKind()))));
  }

  /** Bytes in a GiB: the price table is per GiB, memory figures are in bytes. */
  public static final double GIB = 1024.0 * 1024 * 1024;

  /** vCPUs of the largest machine in the price table: beyond it, one machine is not possible. */
  public double largestVcpu() {
    return prices.nodes().stream().mapToDouble(PriceTable.Node::vcpu).max().orElse(0);
  }

  /**
   * The smallest machine with at least {@code vcpu} and {@code memoryGib}; beyond the largest,
   * scaled by vCPU.
   */
  public Figure machine(double vcpu, double memoryGib, String what) {
    for (PriceTable.Node n : prices.nodes()) {
      if (n.vcpu() >= vcpu && n.memoryGib() >= memoryGib) {
        return new Figure(
            n.price().value(),
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "smallest machine in the price table with >= "
                    + Units.format(vcpu, 4)
                    + " vCPU and >= "
                    + Units.format(memoryGib, 4)
                    + " GiB",
                List.of(
                    what
                        + " priced as "
                        + n.key()
                        + " = "
                        + n.price().formatted()
                        + " ("
                        + n.price().provenance().describe()
                        + ")")));
      }
    }
    PriceTable.Node largest = prices.nodes().get(prices.nodes().size() - 1);
    double factor = Math.max(vcpu / largest.vcpu(), memoryGib / largest.memoryGib());
    return new Figure(
        largest.price().value() * factor,
        Dimension.MONTHLY_COST,
        new Provenance.Derived(
            "largest machine's price x size ratio (beyond the price table)",
            List.of(
                largest.key() + " = " + largest.price().formatted(),
                "ratio = " + Units.format(factor, 4))));
  }

  /** Managed cache memory of {@code bytes}. */
  public Figure cacheMemory(double bytes) {
    Figure perGib = prices.price("cache_memory_gib").orElseThrow();
    double gib = bytes / GIB;
    return new Figure(
        gib * perGib.value(),
        Dimension.MONTHLY_COST,
        new Provenance.Derived(
            "GiB x cache_memory_gib",
            List.of(
                Units.format(gib, 4) + " GiB",
                "cache_memory_gib = "
                    + Units.format(perGib.value(), 6)
                    + " USD per GiB per month ("
                    + perGib.provenance().kind()
                    + ")")));
  }
}
