package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The growth roadmap of a system from today's load to {@code to}.
 *
 * @param system the system's name
 * @param today the date the walk starts from
 * @param todaySource where that date comes from (the observations window, or the clock)
 * @param monthlyGrowth the growth rate the dates follow; null when the system states none
 * @param to the last multiple walked
 * @param target the growth target (C1: growth factor × safety margin), always a row
 * @param steps the rows, from 1x up
 * @param firstBreaks for each kind that breaks, the first break point of that kind
 * @param notes the assumptions and limits a reader needs
 */
public record Roadmap(
    String system,
    LocalDate today,
    String todaySource,
    Figure monthlyGrowth,
    Figure to,
    Figure target,
    List<RoadmapStep> steps,
    List<Breakpoint> firstBreaks,
    List<String> notes) {
  public Roadmap {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(todaySource, "todaySource");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(target, "target");
    steps = List.copyOf(steps);
    firstBreaks = List.copyOf(firstBreaks);
    notes = List.copyOf(notes);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a roadmap has at least today's row");
    }
  }

  /** The first break of {@code kind}, if the walk meets one. */
  public Optional<Breakpoint> firstBreak(BreakKind kind) {
    return firstBreaks.stream().filter(b -> b.kind() == kind).findFirst();
  }

  /** The growth target's row. */
  public RoadmapStep targetStep() {
    return steps.stream().filter(RoadmapStep::growthTarget).findFirst().orElseThrow();
  }
}
