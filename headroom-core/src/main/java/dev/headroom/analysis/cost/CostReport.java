package dev.headroom.analysis.cost;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.model.Figure;
import java.util.List;

/**
 * The cost section: the monthly cost now (null when any component cannot be priced, and then the
 * sum of the priced part, a lower bound, when some are priced) with one line per component, the
 * typical band for the stage ($1), vertical against horizontal for the app tier at the growth
 * target ($2, $4, D5) with the choice, and availability against cost ($3).
 */
public record CostReport(
    Figure now,
    Figure pricedPart,
    List<CostLine> components,
    String stageBand,
    Figure neededVcpu,
    List<Scenario> verticalVsHorizontal,
    String choice,
    List<Scenario> availabilityVsCost,
    List<NotEvaluated> notEvaluated) {
  public CostReport {
    components = List.copyOf(components);
    stageBand = stageBand == null ? "" : stageBand;
    verticalVsHorizontal = List.copyOf(verticalVsHorizontal);
    choice = choice == null ? "" : choice;
    availabilityVsCost = List.copyOf(availabilityVsCost);
    notEvaluated = List.copyOf(notEvaluated);
  }
}
