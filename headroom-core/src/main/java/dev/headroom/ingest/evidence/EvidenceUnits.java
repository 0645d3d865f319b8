package dev.headroom.ingest.evidence;

import dev.headroom.model.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units an evidence file may state for each dimension, with the factor to the dimension's
 * canonical unit. The first unit of each dimension is the one the writer uses, the same name the
 * JSON reports give the canonical unit. Units are plain symbols here (not "850 rps" text as in
 * system files) because evidence is written by programs.
 */
public final class EvidenceUnits {

  private static final Map<Dimension, Map<String, Double>> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put(Dimension.RATIO, ordered("ratio", 1.0, "%", 0.01));
    UNITS.put(Dimension.DURATION, ordered("s", 1.0, "ms", 1e-3, "us", 1e-6));
    UNITS.put(
        Dimension.DATA_SIZE,
        ordered("B", 1.0, "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024));
    UNITS.put(Dimension.RATE, ordered("1/s", 1.0, "/s", 1.0, "/min", 1 / 60.0));
    UNITS.put(Dimension.COUNT, ordered("count", 1.0));
    UNITS.put(Dimension.NUMBER, ordered("number", 1.0));
    UNITS.put(Dimension.MULTIPLIER, ordered("x", 1.0));
    UNITS.put(Dimension.GROWTH_RATE, ordered("ratio/month", 1.0, "/month", 1.0));
    UNITS.put(Dimension.MONTHLY_COST, ordered("USD/month", 1.0));
  }

  private EvidenceUnits() {}

  private static Map<String, Double> ordered(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return m;
  }

  /** The unit the writer states for {@code d}. */
  public static String canonical(Dimension d) {
    return UNITS.get(d).keySet().iterator().next();
  }

  /** The units allowed for {@code d}, canonical first. */
  public static List<String> allowed(Dimension d) {
    return List.copyOf(UNITS.get(d).keySet());
  }

  /**
   * The factor from {@code unit} to {@code d}'s canonical unit, if {@code unit} measures {@code d}.
   */
  public static Optional<Double> factor(Dimension d, String unit) {
    return Optional.ofNullable(UNITS.get(d).get(unit));
  }
}
