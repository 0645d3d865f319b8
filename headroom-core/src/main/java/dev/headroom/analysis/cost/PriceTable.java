package dev.headroom.analysis.cost;

import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Provenance;
import dev.headroom.model.Quantity;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly prices headroom uses when a component declares no {@code cost}. The defaults are the seed
 * documents' own figures ($2, $3: a 4 vCPU / 16 GiB node at $30, 16 vCPU / 64 GiB at $150, 32 vCPU
 * / 128 GiB at $500, 64 vCPU / 256 GiB at $800), undated in the sources and used here as of
 * 2026-11: illustrations, not quotes. Every price can be overridden under {@code prices:} in the
 * system file; services the seeds do not price (load balancer, CDN, queue, pooler) have no default
 * and are reported as not priced until given.
 */
public final class PriceTable {

  /** When these defaults were adopted; shown next to every default price. */
  public static final String DEFAULTS_AS_OF = "2026-11";

  /** A machine size with its monthly price. */
  public record Node(String key, double vcpu, double memoryGib, Figure price) {}

  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("small_node", "a 4 vCPU / 16 GiB machine");
    KEYS.put("medium_node", "a 16 vCPU / 64 GiB machine");
    KEYS.put("large_node", "a 32 vCPU / 128 GiB machine");
    KEYS.put("xlarge_node", "a 64 vCPU / 256 GiB machine");
    KEYS.put("cache_memory_gib", "one GiB of managed cache memory");
    KEYS.put("load_balancer", "a managed load balancer");
    KEYS.put("cdn", "a CDN at your traffic");
    KEYS.put("queue", "a managed message queue");
    KEYS.put("pooler", "a connection pooler (PgBouncer/ProxySQL) host");
  }

  private final Map<String, Figure> prices = new LinkedHashMap<>();

  private PriceTable() {}

  /** The defaults with the system file's {@code prices:} applied. */
  public static PriceTable of(SystemSpec spec) {
    PriceTable t = defaults();
    List<InputProblem> problems = new ArrayList<>();
    for (SystemSpec.Override o : spec.overrides("prices")) {
      if (!KEYS.containsKey(o.key())) {
        problems.add(
            new InputProblem(
                o.location().file(),
                o.location().line(),
                o.location().column(),
                "prices." + o.key(),
                "the price \"" + o.key() + "\"",
                "one of " + String.join(", ", KEYS.keySet()),
                Units.Suggest.closest(o.key(), KEYS.keySet()).orElse(null)));
        continue;
      }
      try {
        Quantity q = Units.parseBounded(o.text(), Dimension.MONTHLY_COST);
        t.prices.put(
            o.key(),
            new Figure(
                q.value(),
                Dimension.MONTHLY_COST,
                new Provenance.Declared(o.location() + " prices." + o.key())));
      } catch (UnitException e) {
        problems.add(
            new InputProblem(
                o.location().file(),
                o.location().line(),
                o.location().column(),
                "prices." + o.key(),
                e.found(),
                e.allowed(),
                e.suggestion()));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return t;
  }

  /** The seed-derived defaults. */
  public static PriceTable defaults() {
    PriceTable t = new PriceTable();
    t.prices.put("small_node", seed(30, "$2", "4 vCPU / 16 GiB at 30 USD/month (ten for 300)"));
    t.prices.put(
        "medium_node", seed(150, "$3", "16 vCPU / 64 GiB at 150 USD/month (four for 600)"));
    t.prices.put("large_node", seed(500, "$2", "32 vCPU / 128 GiB at 500 USD/month"));
    t.prices.put("xlarge_node", seed(800, "$3", "64 vCPU / 256 GiB at 800 USD/month"));
    t.prices.put(
        "cache_memory_gib",
        new Figure(
            30.0 / 16.0,
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "small_node price / 16 GiB",
                List.of("small_node = 30 USD/month (seed $2, as of " + DEFAULTS_AS_OF + ")"))));
    return t;
  }

  private static Figure seed(double usd, String knowledge, String note) {
    return new Figure(
        usd,
        Dimension.MONTHLY_COST,
        new Provenance.Assumed(
            knowledge,
            "seed price " + note + ", adopted " + DEFAULTS_AS_OF + "; override under prices:"));
  }

  public Optional<Figure> price(String key) {
    return Optional.ofNullable(prices.get(key));
  }

  /** Machine sizes from small to large. */
  public List<Node> nodes() {
    return List.of(
        new Node("small_node", 4, 16, prices.get("small_node")),
        new Node("medium_node", 16, 64, prices.get("medium_node")),
        new Node("large_node", 32, 128, prices.get("large_node")),
        new Node("xlarge_node", 64, 256, prices.get("xlarge_node")));
  }

  /** Every key with what it prices, for documentation. */
  public static Map<String, String> keys() {
    return java.util.Collections.unmodifiableMap(KEYS);
  }

  /**
   * A copy with every price multiplied by {@code factor} (used to test that costs scale with
   * prices).
   */
  public PriceTable scaled(double factor) {
    PriceTable t = new PriceTable();
    prices.forEach(
        (k, v) -> t.prices.put(k, new Figure(v.value() * factor, v.dimension(), v.provenance())));
    return t;
  }
}
