package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * One thing that breaks on the way to a row's load.
 *
 * @param kind what breaks
 * @param component the component it breaks on ("" for the system as a whole)
 * @param multiple the exact (continuous) multiple of today's load at which it first breaks on the
 *     system the earlier rows leave; what the uncertainty engine samples
 * @param figure the figure that shows it, at the row's multiple, before the row's remedies
 * @param threshold the limit the figure passes
 * @param open whether it is still broken after the row's remedies (nothing in the model fixes it)
 * @param carried whether it was already open at the row before (not new at this row)
 * @param note what the figure means, in a few words
 * @param date the date the load reaches {@code multiple} (today when it is below 1x); null when the
 *     growth rate is unknown
 * @param range the sampled range of {@code multiple}; null until the uncertainty engine fills it
 */
public record Breakpoint(
    BreakKind kind,
    String component,
    Figure multiple,
    Figure figure,
    Figure threshold,
    boolean open,
    boolean carried,
    String note,
    java.time.LocalDate date,
    UncertaintyRange range) {
  public Breakpoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(multiple, "multiple");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(threshold, "threshold");
    component = component == null ? "" : component;
    note = note == null ? "" : note;
    if (multiple.value() < 0) {
      throw new IllegalArgumentException("a break multiple is not negative, got " + multiple);
    }
  }

  /** The same break, still open after the row's remedies. */
  Breakpoint stillOpen() {
    return new Breakpoint(
        kind, component, multiple, figure, threshold, true, carried, note, date, range);
  }

  /** The same break, marked as carried over from the row before. */
  Breakpoint carriedOver() {
    return new Breakpoint(
        kind, component, multiple, figure, threshold, open, true, note, date, range);
  }

  /** The same break, dated. */
  Breakpoint dated(java.time.LocalDate d) {
    return new Breakpoint(
        kind, component, multiple, figure, threshold, open, carried, note, d, range);
  }

  /** Whether {@code other} is the same break (kind and component). */
  boolean sameAs(Breakpoint other) {
    return kind == other.kind && component.equals(other.component);
  }

  /** The same break with its sampled range. */
  public Breakpoint withRange(UncertaintyRange r) {
    return new Breakpoint(
        kind, component, multiple, figure, threshold, open, carried, note, date, r);
  }
}
