package dev.headroom.plan.roadmap;

import dev.headroom.analysis.stage.Stage;
import dev.headroom.model.Figure;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of the roadmap.
 *
 * @param multiple the load, as a multiple of today's peak
 * @param months months from today until the load reaches it at the stated growth (null when the
 *     growth rate is unknown)
 * @param date the date it is reached (null with {@code months})
 * @param growthTarget whether this row is the growth target (C1)
 * @param stage the growth stage at this load
 * @param appUtilisation the front app's CPU at this load on the system before the row's remedies
 * @param primaryUtilisation the primary's CPU likewise
 * @param breaks what breaks on the way to this load, first first
 * @param remedies what the row applies to the model, in order
 * @param after the front app's and the primary's CPU after the remedies (utilisation law)
 * @param sizes what the model sizes for this load
 * @param costBefore the monthly bill of the system before the row's remedies
 * @param costAfter the monthly bill after them
 * @param simulation a simulation of the row's system; null until the simulator fills it
 */
public record RoadmapStep(
    Figure multiple,
    Figure months,
    LocalDate date,
    boolean growthTarget,
    Stage stage,
    Figure appUtilisation,
    Figure primaryUtilisation,
    List<Breakpoint> breaks,
    List<Remedy> remedies,
    List<Alternative> alternatives,
    List<Warning> warnings,
    Figure appUtilisationAfter,
    Figure primaryUtilisationAfter,
    Sizes sizes,
    MonthlyCost costBefore,
    MonthlyCost costAfter,
    SimulationCheck simulation) {
  public RoadmapStep {
    Objects.requireNonNull(multiple, "multiple");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(sizes, "sizes");
    breaks = List.copyOf(breaks);
    remedies = List.copyOf(remedies);
    alternatives = List.copyOf(alternatives);
    warnings = List.copyOf(warnings);
    if ((months == null) != (date == null)) {
      throw new IllegalArgumentException("a row has both months and a date, or neither");
    }
  }

  /** The same row with a simulation check. */
  public RoadmapStep withSimulation(SimulationCheck check) {
    return new RoadmapStep(
        multiple,
        months,
        date,
        growthTarget,
        stage,
        appUtilisation,
        primaryUtilisation,
        breaks,
        remedies,
        alternatives,
        warnings,
        appUtilisationAfter,
        primaryUtilisationAfter,
        sizes,
        costBefore,
        costAfter,
        check);
  }

  /** The same row with {@code replaced} as its breaks (the uncertainty engine adds ranges). */
  RoadmapStep withBreaks(List<Breakpoint> replaced) {
    return new RoadmapStep(
        multiple,
        months,
        date,
        growthTarget,
        stage,
        appUtilisation,
        primaryUtilisation,
        replaced,
        remedies,
        alternatives,
        warnings,
        appUtilisationAfter,
        primaryUtilisationAfter,
        sizes,
        costBefore,
        costAfter,
        simulation);
  }
}
