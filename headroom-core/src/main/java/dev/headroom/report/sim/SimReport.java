package dev.headroom.report.sim;

import dev.headroom.analysis.sim.system.ModelSimulation;
import dev.headroom.analysis.sim.system.SystemSimulationResult;
import dev.headroom.model.Figure;
import java.util.List;
import java.util.Objects;

/**
 * What {@code headroom simulate} prints: the system, the load multiple, the simulation built from
 * the capacity model (parameters with provenance, notes), the injected events as the user wrote
 * them, and the result.
 */
public record SimReport(
    String system,
    Figure load,
    ModelSimulation simulation,
    List<String> injected,
    SystemSimulationResult result) {
  public SimReport {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(result, "result");
    injected = List.copyOf(injected);
  }
}
