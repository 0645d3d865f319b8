package dev.headroom.analysis.uncertainty;

import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Range;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The draws of one {@link Sampler} run: for each ranged key, one value per draw (kept as primitive
 * arrays, so a thousand draws of a dozen ranges are a hundred kilobytes), and each draw as a system
 * on demand ({@link #system(int)}): the base system with the key's figure replaced by the draw,
 * whose provenance names the range, the distribution, the draw and the seed.
 */
public final class Draws {

  private final SystemSpec base;
  private final long seed;
  private final int count;
  private final Map<String, double[]> values;
  private final Map<String, Described> described;

  Draws(SystemSpec base, long seed, int count, Map<String, double[]> values) {
    this.base = Objects.requireNonNull(base, "base");
    this.seed = seed;
    this.count = count;
    Map<String, double[]> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v.length != count) {
            throw new IllegalArgumentException(
                k + ": " + v.length + " values for " + count + " draws");
          }
          copy.put(k, v);
        });
    this.values = Collections.unmodifiableMap(copy);
    Map<String, Described> d = new LinkedHashMap<>();
    copy.keySet().forEach(k -> d.put(k, describe(k, base.ranges().get(k), seed)));
    this.described = d;
  }

  /** The system drawn from, with every ranged figure at its midpoint. */
  public SystemSpec base() {
    return base;
  }

  public long seed() {
    return seed;
  }

  /** How many draws there are. */
  public int count() {
    return count;
  }

  /** The ranged keys, in file order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * The value of {@code key} in draw {@code draw} (0-based), in the key's canonical unit: the drawn
   * value for a ranged key, the system's own figure for any other, {@code fallback} when the system
   * has no such figure.
   */
  public double value(String key, int draw, double fallback) {
    checkIndex(draw);
    double[] v = values.get(key);
    return v != null ? v[draw] : base.facts().value(key, fallback);
  }

  /** Every draw of {@code key} (a copy), or empty when the key is not ranged. */
  public double[] values(String key) {
    double[] v = values.get(key);
    return v == null ? new double[0] : v.clone();
  }

  /**
   * Draw {@code draw} (0-based) as a system: the base with every ranged figure replaced by its
   * drawn value. Built on each call (a copy of the fact map), so the caller keeps only what it
   * needs.
   */
  public SystemSpec system(int draw) {
    checkIndex(draw);
    if (values.isEmpty()) {
      return base;
    }
    Map<String, Figure> drawn = new LinkedHashMap<>();
    String ordinal = "draw " + (draw + 1) + " of " + count;
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      Described d = described.get(e.getKey());
      drawn.put(
          e.getKey(),
          new Figure(
              e.getValue()[draw],
              d.range().dimension(),
              new Provenance.Derived(ordinal + d.formula(), d.inputs())));
    }
    return base.withFacts(drawn);
  }

  /** What every draw of one key says of its source, built once rather than once per draw. */
  private record Described(Range range, String formula, List<String> inputs) {}

  private static Described describe(String key, Range r, long seed) {
    return new Described(
        r,
        ", uniform over " + r.text() + " (seed " + seed + ")",
        List.of(
            key
                + " = "
                + r.text()
                + " at "
                + r.location()
                + " ("
                + Units.format(r.low(), r.dimension())
                + " to "
                + Units.format(r.high(), r.dimension())
                + ")"));
  }

  /** All draws as systems, in draw order. */
  public List<SystemSpec> systems() {
    List<SystemSpec> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(system(i));
    }
    return out;
  }

  private void checkIndex(int draw) {
    if (draw < 0 || draw >= count) {
      throw new IndexOutOfBoundsException("draw " + draw + " of " + count + " (0-based)");
    }
  }
}
