package dev.headroom.model;

import java.util.List;
import java.util.Objects;

/**
 * Where a figure comes from. Every number in every report carries one, so a reader can always ask
 * "where does 17 come from?" and find the answer in the report itself.
 *
 * <ul>
 *   <li>{@link Measured}: read from a measurement (a file, a collector, or a value the user pasted
 *       under {@code observations}), with the window it covers when known.
 *   <li>{@link Declared}: part of the system's description (instance counts, vCPUs, prices the user
 *       set); configuration, not measurement.
 *   <li>{@link Derived}: computed by a named formula from named inputs.
 *   <li>{@link Assumed}: a default, with the knowledge id (see {@code docs/knowledge.md}) that
 *       justifies it.
 * </ul>
 */
public sealed interface Provenance {

  /** {@code measured}, {@code declared}, {@code derived} or {@code assumed}. */
  String kind();

  /** One line for humans. */
  String describe();

  record Measured(String source, String window) implements Provenance {
    public Measured {
      Objects.requireNonNull(source, "source");
      window = window == null ? "" : window;
    }

    @Override
    public String kind() {
      return "measured";
    }

    @Override
    public String describe() {
      return "measured: " + source + (window.isEmpty() ? "" : " (" + window + ")");
    }
  }

  record Declared(String source) implements Provenance {
    public Declared {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "declared";
    }

    @Override
    public String describe() {
      return "declared: " + source;
    }
  }

  record Derived(String formula, List<String> inputs) implements Provenance {
    public Derived {
      Objects.requireNonNull(formula, "formula");
      inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
      return "derived";
    }

    @Override
    public String describe() {
      return "derived: " + formula + (inputs.isEmpty() ? "" : " with " + String.join(", ", inputs));
    }
  }

  record Assumed(String knowledgeId, String note) implements Provenance {
    public Assumed {
      Objects.requireNonNull(knowledgeId, "knowledgeId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "assumed";
    }

    @Override
    public String describe() {
      return "assumed: " + note + " [" + knowledgeId + "]";
    }
  }
}
