package dev.headroom.analysis.rightsizing;

/**
 * How requests and limits are derived from usage. The defaults follow the Kubernetes VPA
 * recommender and krr (ADVISOR-CHECKS section 6) and the autoscaling target of P13; each can be
 * moved, and every recommendation states the rule and its inputs.
 *
 * @param cpuPercentile the usage percentile a CPU request covers (krr: p95; VPA's target is p90)
 * @param cpuLimitPercentile the percentile behind the CPU limit shown beside the request
 * @param memoryBuffer the margin on the memory peak: request = limit = peak × (1 + buffer)
 * @param hpaTargetUtilisation the CPU utilisation (of the request) an HPA scales to, when the HPA
 *     does not report its own target
 * @param tolerance how far a current value may differ from the recommendation (as a fraction of the
 *     recommendation) before it is flagged
 * @param minCpuCores the smallest CPU request recommended
 * @param minMemoryBytes the smallest memory request recommended
 */
public record RightSizingPolicy(
    double cpuPercentile,
    double cpuLimitPercentile,
    double memoryBuffer,
    double hpaTargetUtilisation,
    double tolerance,
    double minCpuCores,
    double minMemoryBytes) {

  /** krr's simple strategy: CPU request at the p95 of usage (ADVISOR-CHECKS section 6). */
  public static final double CPU_PERCENTILE = 0.95;

  /** The tail the CPU limit is read from, when one is wanted (ADVISOR-CHECKS section 6). */
  public static final double CPU_LIMIT_PERCENTILE = 0.99;

  /** VPA's recommendation-margin-fraction 0.15 (ADVISOR-CHECKS section 6). */
  public static final double MEMORY_BUFFER = 0.15;

  /** Autoscaling target CPU 70% (P13). */
  public static final double HPA_TARGET_UTILISATION = 0.70;

  /**
   * A request within 20% of the recommendation is left alone: VPA's own bounds (p50 to p95) are
   * wider than that, and churning requests for less is not worth a rollout.
   */
  public static final double TOLERANCE = 0.20;

  /** VPA's minimum CPU per pod, 25 millicores (ADVISOR-CHECKS section 6). */
  public static final double MIN_CPU_CORES = 0.025;

  /** VPA's minimum memory per pod, 250 MB (ADVISOR-CHECKS section 6). */
  public static final double MIN_MEMORY_BYTES = 250e6;

  public RightSizingPolicy {
    if (!(cpuPercentile > 0 && cpuPercentile < 1)) {
      throw new IllegalArgumentException(
          "the CPU percentile is between 0 and 1, got " + cpuPercentile);
    }
    if (!(cpuLimitPercentile >= cpuPercentile && cpuLimitPercentile < 1)) {
      throw new IllegalArgumentException(
          "the CPU limit percentile is at least the request's and below 1, got "
              + cpuLimitPercentile);
    }
    if (!(memoryBuffer >= 0 && memoryBuffer <= 10)) {
      throw new IllegalArgumentException(
          "the memory buffer is 0 to 10 (0% to 1000%), got " + memoryBuffer);
    }
    if (!(hpaTargetUtilisation > 0 && hpaTargetUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "the HPA target utilisation is above 0 and at most 1, got " + hpaTargetUtilisation);
    }
    if (!(tolerance >= 0 && tolerance < 10)) {
      throw new IllegalArgumentException("the tolerance is 0 to 10, got " + tolerance);
    }
    if (!(minCpuCores >= 0 && Double.isFinite(minCpuCores))
        || !(minMemoryBytes >= 0 && Double.isFinite(minMemoryBytes))) {
      throw new IllegalArgumentException("the minimums are finite and >= 0");
    }
  }

  /** The defaults above. */
  public static RightSizingPolicy defaults() {
    return new RightSizingPolicy(
        CPU_PERCENTILE,
        CPU_LIMIT_PERCENTILE,
        MEMORY_BUFFER,
        HPA_TARGET_UTILISATION,
        TOLERANCE,
        MIN_CPU_CORES,
        MIN_MEMORY_BYTES);
  }

  /** A copy with another memory buffer. */
  public RightSizingPolicy withMemoryBuffer(double buffer) {
    return new RightSizingPolicy(
        cpuPercentile,
        cpuLimitPercentile,
        buffer,
        hpaTargetUtilisation,
        tolerance,
        minCpuCores,
        minMemoryBytes);
  }

  /** A copy with another CPU request percentile (the limit's stays at least as high). */
  public RightSizingPolicy withCpuPercentile(double p) {
    return new RightSizingPolicy(
        p,
        Math.max(p, cpuLimitPercentile),
        memoryBuffer,
        hpaTargetUtilisation,
        tolerance,
        minCpuCores,
        minMemoryBytes);
  }
}
