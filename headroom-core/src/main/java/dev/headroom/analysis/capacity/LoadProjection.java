package dev.headroom.analysis.capacity;

import dev.headroom.analysis.NotEvaluated;
import dev.headroom.model.Component;
import dev.headroom.model.Facts;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system at k times today's load, with the components it has now: what {@code headroom advise
 * --load 3x} assesses. Rates grow with the load; utilisations too, by the utilisation law (U = X·S
 * at the same service time); connections in use too, by Little's law at the same time per request
 * (an optimistic reading: latency rises near saturation and holds connections longer). What no
 * proportional law predicts (latencies, error rates, replica lag, availability) is dropped and
 * reported as not evaluated at that load, never carried over as if it still held.
 *
 * <p>A utilisation above 100% is demand beyond what the tier has: the tier saturates there.
 */
public final class LoadProjection {

  /** Grow with the load (rates, and utilisation by U = X·S). */
  private static final Set<Metric> PROPORTIONAL =
      Set.of(
          Metric.RPS,
          Metric.CPU,
          Metric.IOWAIT,
          Metric.QUERIES_PER_SECOND,
          Metric.CONNECTIONS_IN_USE,
          Metric.POOL_IN_USE,
          Metric.EVICTIONS,
          Metric.QUEUE_DEPTH);

  /** Not predicted by a proportional law: dropped at another load. */
  private static final Set<Metric> UNKNOWN_AT_LOAD =
      Set.of(
          Metric.LATENCY_P50,
          Metric.LATENCY_P95,
          Metric.LATENCY_P99,
          Metric.LATENCY_P95_REMOTE,
          Metric.ERROR_RATE,
          Metric.AVAILABILITY,
          Metric.POOL_WAIT,
          Metric.REPLICA_LAG,
          Metric.SLOWEST_QUERY,
          Metric.TIMEOUT_RATE,
          Metric.RATE_LIMITED,
          Metric.EXTERNAL_LATENCY_P95,
          Metric.DISK_LATENCY);

  /** Declared load that grows with it. */
  private static final List<String> WORKLOAD =
      List.of(
          "workload.peak_rps",
          "workload.average_rps",
          "workload.active_users",
          "workload.job_rate");

  /**
   * The projected system and what could not be carried to the new load.
   *
   * @param spec the system at the multiple, its projected figures derived with their inputs
   * @param notEvaluated the measurements dropped, each with what would predict it
   */
  public record Result(SystemSpec spec, List<NotEvaluated> notEvaluated) {
    public Result {
      notEvaluated = List.copyOf(notEvaluated);
    }
  }

  private LoadProjection() {}

  /** {@code spec} at {@code multiple} × today's load; 1x returns it unchanged. */
  public static Result at(SystemSpec spec, Figure multiple) {
    if (!(multiple.value() > 0) || !Double.isFinite(multiple.value())) {
      throw new IllegalArgumentException("a load multiple is positive, got " + multiple.value());
    }
    if (multiple.value() == 1) {
      return new Result(spec, List.of());
    }
    Map<String, Figure> facts = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, Figure> e : spec.facts().asMap().entrySet()) {
      String key = e.getKey();
      Metric metric = metricOf(spec, key);
      if (metric != null && UNKNOWN_AT_LOAD.contains(metric)) {
        dropped.add(key);
        continue;
      }
      boolean grows = (metric != null && PROPORTIONAL.contains(metric)) || WORKLOAD.contains(key);
      facts.put(key, grows ? scaled(e.getValue(), key, multiple, metric) : e.getValue());
    }
    List<NotEvaluated> missing = new ArrayList<>();
    if (!dropped.isEmpty()) {
      missing.add(
          new NotEvaluated(
              "C5.resolve",
              "measurements at " + multiple.formatted() + " today's load",
              dropped,
              List.of(
                  "latency, errors, lag and availability do not scale in proportion to load:"
                      + " give the tier a load-test fit (capacity: { from: … }) or run a load"
                      + " test at that rate")));
    }
    SystemSpec projected =
        new SystemSpec(
            spec.name(),
            spec.description(),
            spec.source(),
            spec.components(),
            new Facts(facts, new LinkedHashSet<>(dropped)),
            spec.userRegions(),
            spec.dataResidency(),
            spec.observationsWindow(),
            spec.overrides(),
            spec.evidence(),
            spec.observationsAt());
    return new Result(projected, missing);
  }

  private static Metric metricOf(SystemSpec spec, String key) {
    int dot = key.indexOf('.');
    if (dot > 0) {
      String owner = key.substring(0, dot);
      for (Component c : spec.components()) {
        if (c.name().equals(owner)) {
          return Metric.forKind(c.kind(), key.substring(dot + 1)).orElse(null);
        }
      }
      return null;
    }
    return Metric.system(key).orElse(null);
  }

  private static Figure scaled(Figure f, String key, Figure multiple, Metric metric) {
    String law =
        metric == Metric.CPU || metric == Metric.IOWAIT
            ? "utilisation law U = X·S at the same service time; above 100% the tier saturates"
            : metric == Metric.CONNECTIONS_IN_USE || metric == Metric.POOL_IN_USE
                ? "Little's law at the same time per request (optimistic near saturation)"
                : "in proportion to the load";
    return new Figure(
        f.value() * multiple.value(),
        f.dimension(),
        new Provenance.Derived(
            "today's value x load multiple (" + law + ")",
            List.of(
                key + " = " + f.withKind(),
                "multiple = " + Units.format(multiple.value(), 4) + "x")));
  }
}
