package dev.headroom.advice;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.Thresholds;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import java.util.List;
import java.util.Optional;

/**
 * The threshold a forecast holds a series against: the level at which the rule that reads the same
 * metric on the same kind of component raises its finding, read from the same {@link Thresholds},
 * so a forecast's date and a finding agree on what "too high" means (and an override in the system
 * file moves both). A metric no rule bounds has no limit: its forecast is growth only.
 */
final class ForecastLimits {

  private ForecastLimits() {}

  static Optional<Forecast.Limit> of(MeasuredSeries s, SystemView view, Thresholds thresholds) {
    ComponentKind kind = s.series().kind();
    Metric metric = s.series().metric();
    if (kind == null) {
      return Optional.empty();
    }
    return switch (metric) {
      case CPU ->
          switch (kind) {
            case DATABASE -> rule(thresholds, "HR-DB-001", "warning");
            case APP, WORKER -> rule(thresholds, "HR-APP-001", "warning");
            default -> Optional.empty();
          };
      case MEMORY ->
          switch (kind) {
            case APP, WORKER -> rule(thresholds, "HR-APP-002", "warning");
            case CACHE -> rule(thresholds, "HR-CACHE-002", "memory");
            default -> Optional.empty();
          };
      case CONNECTIONS_IN_USE -> connections(s, view, thresholds);
      default -> Optional.empty();
    };
  }

  private static Optional<Forecast.Limit> rule(Thresholds t, String rule, String name) {
    return Optional.of(new Forecast.Limit(t.get(rule, name), rule + " " + name));
  }

  /** HR-DB-002 holds connections in use against a share of max_connections (M4). */
  private static Optional<Forecast.Limit> connections(
      MeasuredSeries s, SystemView view, Thresholds t) {
    Optional<Component> db = view.spec().component(s.component());
    if (db.isEmpty()) {
      return Optional.empty();
    }
    Optional<Figure> max = view.fact(db.get().fact("max_connections"));
    if (max.isEmpty()) {
      return Optional.empty();
    }
    Figure share = t.get("HR-DB-002", "warning");
    return Optional.of(
        new Forecast.Limit(
            new Figure(
                share.value() * max.get().value(),
                Dimension.COUNT,
                new Provenance.Derived(
                    "HR-DB-002 warning share × max_connections",
                    List.of(share.withProvenance(), max.get().withProvenance()))),
            "HR-DB-002 warning"));
  }
}
