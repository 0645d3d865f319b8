package dev.headroom.advice;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.analysis.Severity;
import dev.headroom.analysis.bottleneck.Bottlenecks;
import dev.headroom.analysis.capacity.Capacity;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.cost.CostReport;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.analysis.health.Health;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.StageAssessment;
import dev.headroom.model.Figure;
import dev.headroom.model.SystemSpec;
import dev.headroom.plan.Plan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code headroom advise} answers, as one immutable value: where the system stands
 * (stage, health), what limits it (bottlenecks, findings), what to do and not do (plan), how far it
 * goes (capacity), at what cost, and what could not be evaluated for lack of data.
 *
 * @param model the capacity model every section read, of the system as described (at the load asked
 *     for)
 * @param planned the same model after the plan's steps (the capacity section is sized on it)
 * @param load the multiple of today's load assessed (1x unless {@code --load} asked for another)
 * @param forecasts the dated forecast of every measured series, in evidence order
 */
public record Advice(
    SystemSpec system,
    StageAssessment stage,
    Health health,
    Bottlenecks bottlenecks,
    List<Finding> findings,
    Plan plan,
    Capacity capacity,
    CostReport cost,
    List<NotEvaluated> notEvaluated,
    CapacityModel model,
    CapacityModel planned,
    Figure load,
    List<Forecast> forecasts) {

  public Advice {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(bottlenecks, "bottlenecks");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(load, "load");
    findings = List.copyOf(findings);
    notEvaluated = List.copyOf(notEvaluated);
    forecasts = List.copyOf(forecasts);
  }

  /** The most severe finding, if any. */
  public Optional<Severity> worstSeverity() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo);
  }
}
