package dev.headroom.analysis.uncertainty;

import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draws of one {@link CapacitySampler} run: per drawn component, its per-instance capacity in
 * each draw; and, for the roadmap, the evidence's capacities as draw {@code i} sees them ({@link
 * #capacities(int)}, to wrap as {@code new EvidenceBundle(draws.capacities(i))}).
 */
public final class CapacityDraws {

  private final Map<String, MeasuredCapacity> base;
  private final long seed;
  private final int count;
  private final Map<String, double[]> perInstance;
  private final Map<String, Integer> rejected;
  private final Map<String, String> notDrawn;
  private final String formula;
  private final Map<String, List<String>> inputs = new LinkedHashMap<>();

  CapacityDraws(
      Map<String, MeasuredCapacity> base,
      long seed,
      int count,
      Map<String, double[]> perInstance,
      Map<String, Integer> rejected,
      Map<String, String> notDrawn) {
    this.base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
    this.seed = seed;
    this.count = count;
    this.perInstance = Collections.unmodifiableMap(new LinkedHashMap<>(perInstance));
    this.rejected = Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
    this.notDrawn = Collections.unmodifiableMap(new LinkedHashMap<>(notDrawn));
    this.formula =
        " of the USL fit's coefficients (multivariate normal from its covariance, non-physical"
            + " draws rejected; seed "
            + seed
            + "): the capacity scaled by the drawn model's capacity over the fitted one's";
    this.perInstance.keySet().forEach(name -> inputs.put(name, inputs(base.get(name))));
  }

  public int count() {
    return count;
  }

  /** The components whose capacity is drawn, by name. */
  public Set<String> drawn() {
    return perInstance.keySet();
  }

  /**
   * Per drawn component, the draws of its fit's coefficients that were rejected as non-physical (or
   * with no capacity within the target) before {@link #count()} were accepted.
   */
  public Map<String, Integer> rejected() {
    return rejected;
  }

  /** Components with evidence whose capacity is not drawn, with the reason. */
  public Map<String, String> notDrawn() {
    return notDrawn;
  }

  /** Every draw of {@code component}'s per-instance capacity (a copy), or empty when not drawn. */
  public double[] perInstance(String component) {
    double[] v = perInstance.get(component);
    return v == null ? new double[0] : v.clone();
  }

  /**
   * The evidence's capacities in draw {@code draw} (0-based): each drawn component's per-instance
   * figure replaced by its draw, with provenance naming the fit, the draw and the seed; the others
   * as they are.
   */
  public Map<String, MeasuredCapacity> capacities(int draw) {
    if (draw < 0 || draw >= count) {
      throw new IndexOutOfBoundsException("draw " + draw + " of " + count + " (0-based)");
    }
    Map<String, MeasuredCapacity> out = new LinkedHashMap<>(base);
    String ordinal = "draw " + (draw + 1) + " of " + count;
    perInstance.forEach(
        (name, values) -> {
          MeasuredCapacity m = base.get(name);
          Figure drawn =
              new Figure(
                  values[draw],
                  Dimension.RATE,
                  new Provenance.Derived(ordinal + formula, inputs.get(name)));
          out.put(
              name,
              new MeasuredCapacity(
                  m.component(), drawn, m.usl(), m.queue(), m.items(), m.warnings()));
        });
    return out;
  }

  /** The inputs every draw of a component names, built once rather than once per draw. */
  private static List<String> inputs(MeasuredCapacity m) {
    return List.of(
        "fitted capacity " + m.perInstance().withKind(),
        "sigma = "
            + Units.format(m.usl().sigma(), 4)
            + ", kappa = "
            + Units.format(m.usl().kappa(), 4)
            + ", lambda = "
            + Units.format(m.usl().lambda(), 6));
  }
}
