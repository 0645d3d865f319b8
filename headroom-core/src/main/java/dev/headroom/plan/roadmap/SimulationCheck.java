package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A simulation of a roadmap row's system at its load: the p95 latency with its confidence interval
 * and whether it meets the SLO. Filled by the simulator; the analytic walk leaves it null.
 */
public record SimulationCheck(
    Figure p95, Figure p95Low, Figure p95High, boolean meetsSlo, String note) {
  public SimulationCheck {
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p95Low, "p95Low");
    Objects.requireNonNull(p95High, "p95High");
    note = note == null ? "" : note;
  }
}
