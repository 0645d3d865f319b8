package dev.headroom.analysis.rightsizing;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import java.util.Objects;
import java.util.Optional;

/**
 * What was measured of one container (across the pods that run it) over a range, and what it is
 * given. CPU figures are in cores ({@link Dimension#NUMBER}), memory in bytes.
 *
 * @param workload the Deployment (or other owner) the pods belong to, as far as it is known
 * @param replicas pods running the container at the end of the range
 * @param cpuRequestPercentile the busiest pod's CPU usage at the policy's request percentile
 * @param cpuLimitPercentile the busiest pod's CPU usage at the policy's limit percentile
 * @param memoryPeak the busiest pod's working-set peak, at the scrape resolution
 * @param peakCpuTotal the highest CPU usage of all its pods together over the range
 * @param resolution how the memory peak was sampled ("raw samples every 15 s")
 */
public record ContainerUsage(
    String namespace,
    String workload,
    String container,
    int replicas,
    Figure cpuRequestPercentile,
    Figure cpuLimitPercentile,
    Figure memoryPeak,
    Figure peakCpuTotal,
    Optional<Figure> cpuRequest,
    Optional<Figure> cpuLimit,
    Optional<Figure> memoryRequest,
    Optional<Figure> memoryLimit,
    Optional<Autoscaler> autoscaler,
    String resolution) {

  /**
   * A HorizontalPodAutoscaler's bounds.
   *
   * @param targetUtilisation its CPU target as a share of the request, when it reports one
   */
  public record Autoscaler(
      String name,
      int minReplicas,
      int maxReplicas,
      int currentReplicas,
      Optional<Figure> targetUtilisation) {
    public Autoscaler {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(targetUtilisation, "targetUtilisation");
      if (minReplicas < 0 || maxReplicas < minReplicas || currentReplicas < 0) {
        throw new IllegalArgumentException(
            name
                + ": HPA replicas are 0 <= min <= max and current >= 0, got "
                + minReplicas
                + ", "
                + maxReplicas
                + ", "
                + currentReplicas);
      }
    }
  }

  public ContainerUsage {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(cpuRequestPercentile, "cpuRequestPercentile");
    Objects.requireNonNull(cpuLimitPercentile, "cpuLimitPercentile");
    Objects.requireNonNull(memoryPeak, "memoryPeak");
    Objects.requireNonNull(peakCpuTotal, "peakCpuTotal");
    Objects.requireNonNull(cpuRequest, "cpuRequest");
    Objects.requireNonNull(cpuLimit, "cpuLimit");
    Objects.requireNonNull(memoryRequest, "memoryRequest");
    Objects.requireNonNull(memoryLimit, "memoryLimit");
    Objects.requireNonNull(autoscaler, "autoscaler");
    resolution = resolution == null ? "" : resolution;
    if (replicas < 0) {
      throw new IllegalArgumentException(container + ": replicas >= 0, got " + replicas);
    }
    for (Figure f :
        new Figure[] {cpuRequestPercentile, cpuLimitPercentile, memoryPeak, peakCpuTotal}) {
      if (f.value() < 0) {
        throw new IllegalArgumentException(container + ": usage is >= 0, got " + f.value());
      }
    }
  }

  /** {@code shop/checkout/app}: namespace, workload and container. */
  public String id() {
    return namespace + "/" + workload + "/" + container;
  }
}
