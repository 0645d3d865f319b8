package dev.headroom.analysis;

import dev.headroom.model.BadInputException;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Provenance;
import dev.headroom.model.Quantity;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds in force for one assessment: every owner's defaults (rules, calculators), with the
 * system file's overrides applied. Unknown owners or names and values in the wrong unit are
 * reported together as bad input, with their positions.
 */
public final class Thresholds {

  private final Map<String, Map<String, Figure>> values = new HashMap<>();

  /**
   * Resolves {@code declared} (owner id → its thresholds) against the overrides in {@code spec}.
   *
   * @throws BadInputException for overrides naming an unknown owner or threshold, or a bad value
   */
  public Thresholds(Map<String, List<Threshold>> declared, SystemSpec spec) {
    Map<String, Map<String, Threshold>> byOwner = new LinkedHashMap<>();
    declared.forEach(
        (owner, list) -> {
          Map<String, Threshold> m = new LinkedHashMap<>();
          for (Threshold t : list) {
            m.put(t.name(), t);
            values
                .computeIfAbsent(owner, o -> new HashMap<>())
                .put(
                    t.name(),
                    new Figure(
                        t.defaultValue(),
                        t.dimension(),
                        new Provenance.Assumed(t.knowledge(), t.note())));
          }
          byOwner.put(owner, m);
        });
    List<InputProblem> problems = new ArrayList<>();
    java.util.Set<String> reportedOwners = new java.util.HashSet<>();
    for (SystemSpec.Override o : spec.overrides("thresholds")) {
      Map<String, Threshold> owner = byOwner.get(o.owner());
      if (owner == null || owner.isEmpty()) {
        if (!reportedOwners.add(o.owner())) {
          continue; // one problem per unknown owner, not one per threshold under it
        }
        List<String> owners = new ArrayList<>();
        byOwner.forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                owners.add(k);
              }
            });
        problems.add(
            new InputProblem(
                o.location().file(),
                o.location().line(),
                o.location().column(),
                "thresholds." + o.owner(),
                "\"" + o.owner() + "\", which has no thresholds",
                "a rule id or calculator with thresholds (" + String.join(", ", owners) + ")",
                Units.Suggest.closest(o.owner(), owners).orElse(null)));
        continue;
      }
      Threshold t = owner.get(o.key());
      if (t == null) {
        problems.add(
            new InputProblem(
                o.location().file(),
                o.location().line(),
                o.location().column(),
                "thresholds." + o.owner() + "." + o.key(),
                "the threshold \"" + o.key() + "\"",
                "for " + o.owner() + ": " + String.join(", ", owner.keySet()),
                Units.Suggest.closest(o.key(), owner.keySet()).orElse(null)));
        continue;
      }
      try {
        Quantity q = Units.parseBounded(o.text(), t.dimension());
        Settings.checkRange(o.owner(), t, q.value());
        values
            .get(o.owner())
            .put(
                t.name(),
                new Figure(
                    q.value(),
                    q.dimension(),
                    new Provenance.Declared(
                        o.location()
                            + " thresholds."
                            + o.owner()
                            + "."
                            + o.key()
                            + " (default "
                            + Units.format(t.defaultValue(), t.dimension())
                            + ", "
                            + t.knowledge()
                            + ")")));
      } catch (UnitException e) {
        problems.add(
            new InputProblem(
                o.location().file(),
                o.location().line(),
                o.location().column(),
                "thresholds." + o.owner() + "." + o.key(),
                e.found(),
                e.allowed(),
                e.suggestion()));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
  }

  /** The threshold in force, as a figure with its provenance (default or override). */
  public Figure get(String owner, String name) {
    Map<String, Figure> m = values.get(owner);
    if (m == null || !m.containsKey(name)) {
      throw new IllegalArgumentException("no threshold " + owner + "." + name + " is declared");
    }
    return m.get(name);
  }

  public double value(String owner, String name) {
    return get(owner, name).value();
  }
}
