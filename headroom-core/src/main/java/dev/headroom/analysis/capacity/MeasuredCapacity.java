package dev.headroom.analysis.capacity;

import dev.headroom.analysis.queueing.MMc;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.model.Figure;
import java.util.List;
import java.util.Objects;

/**
 * What a model says one instance of a component can take: from a Universal Scalability Law fit of
 * its load tests ({@code capacity: { from: … }}) or from an M/M/c queue of its workers ({@code
 * capacity: { service_time: …, workers: … }}). It replaces the sources' placeholder (C5.resolve).
 *
 * @param perInstance the most one instance takes within the p95 target (the capacity model plans at
 *     the target utilisation of it)
 * @param usl the fitted model, or null
 * @param queue the M/M/c queue at {@code perInstance}, or null
 * @param items figures the capacity section shows (the model's coefficients, peak, utilisation)
 */
public record MeasuredCapacity(
    String component,
    Figure perInstance,
    UslModel usl,
    MMc queue,
    List<CapacityItem> items,
    List<String> warnings) {
  public MeasuredCapacity {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(perInstance, "perInstance");
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
  }
}
