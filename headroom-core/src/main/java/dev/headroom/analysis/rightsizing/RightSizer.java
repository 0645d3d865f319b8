package dev.headroom.analysis.rightsizing;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns measured container usage into requests and limits (ADVISOR-CHECKS section 6):
 *
 * <ul>
 *   <li>CPU request = the busiest pod's usage at the policy percentile (krr: p95), at least VPA's
 *       25 millicores. No CPU limit: a limit throttles the bursts above the request even when the
 *       node has idle cores, which is the latency the p99 column shows.
 *   <li>Memory request = limit = the busiest pod's working-set peak (at the scrape resolution, so
 *       short spikes count) × (1 + buffer), at least VPA's 250 MB. Memory is not compressible: a
 *       container over its limit is killed, so the limit must hold the peak.
 *   <li>Flags: a current value more than the tolerance above (over-provisioned) or below
 *       (under-provisioned) the recommendation; for memory, under-provisioned is judged on the
 *       limit (the OOM line) when there is one.
 *   <li>HPA: replicas needed at the peak = ⌈peak CPU of all pods / (CPU request × target
 *       utilisation)⌉ (the HPA's own formula, desired = ⌈current × usage / target⌉); flagged when
 *       above the HPA's maximum.
 *   <li>Monthly saving = (current − recommended request) × price × replicas, for CPU and memory.
 * </ul>
 */
public final class RightSizer {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private RightSizer() {}

  /** One recommendation per container, in the order given. */
  public static List<Recommendation> recommend(
      List<ContainerUsage> usages, RightSizingPolicy policy, Optional<Prices> prices) {
    List<Recommendation> out = new ArrayList<>();
    for (ContainerUsage u : usages) {
      out.add(recommend(u, policy, prices));
    }
    return out;
  }

  /** The recommendation for one container. */
  public static Recommendation recommend(
      ContainerUsage u, RightSizingPolicy policy, Optional<Prices> prices) {
    String pct = percent(policy.cpuPercentile());
    double cpu = Math.max(policy.minCpuCores(), u.cpuRequestPercentile().value());
    Figure cpuRequest =
        new Figure(
            cpu,
            Dimension.NUMBER,
            new Provenance.Derived(
                "CPU request = max(p" + pct + " usage, minimum) (krr; ADVISOR-CHECKS §6)",
                List.of(
                    "p" + pct + " usage " + cores(u.cpuRequestPercentile().value()),
                    "minimum " + cores(policy.minCpuCores()) + " (VPA)")));
    double peak = u.memoryPeak().value();
    double mem = Math.max(policy.minMemoryBytes(), peak * (1 + policy.memoryBuffer()));
    Figure memory =
        new Figure(
            mem,
            Dimension.DATA_SIZE,
            new Provenance.Derived(
                "memory request = limit = max(peak × (1 + buffer), minimum) (VPA margin;"
                    + " ADVISOR-CHECKS §6)",
                List.of(
                    "peak "
                        + Units.formatBytes(peak)
                        + (u.resolution().isEmpty() ? "" : " (" + u.resolution() + ")"),
                    "buffer " + percent(policy.memoryBuffer()) + "%",
                    "minimum " + Units.formatBytes(policy.minMemoryBytes()) + " (VPA)")));
    List<String> notes = new ArrayList<>();
    Recommendation.Verdict cpuVerdict =
        verdict(u.cpuRequest().map(Figure::value), cpu, policy.tolerance());
    if (cpuVerdict == Recommendation.Verdict.OVER || cpuVerdict == Recommendation.Verdict.UNDER) {
      notes.add(
          "CPU "
              + cpuVerdict.words()
              + ": request "
              + cores(u.cpuRequest().orElseThrow().value())
              + " against p"
              + pct
              + " usage "
              + cores(u.cpuRequestPercentile().value())
              + "; set "
              + cores(cpu));
    } else if (cpuVerdict == Recommendation.Verdict.UNSET) {
      notes.add("CPU request not set: the scheduler places the pod blind; set " + cores(cpu));
    }
    if (u.cpuLimit().isPresent() && u.cpuLimit().get().value() < u.cpuLimitPercentile().value()) {
      notes.add(
          "CPU limit "
              + cores(u.cpuLimit().get().value())
              + " is below p"
              + percent(policy.cpuLimitPercentile())
              + " usage "
              + cores(u.cpuLimitPercentile().value())
              + ": the container is throttled in its bursts; remove the limit");
    }
    Recommendation.Verdict memOver =
        verdict(u.memoryRequest().map(Figure::value), mem, policy.tolerance());
    Recommendation.Verdict memUnder =
        verdict(u.memoryLimit().or(u::memoryRequest).map(Figure::value), mem, policy.tolerance());
    Recommendation.Verdict memVerdict =
        memUnder == Recommendation.Verdict.UNDER
            ? Recommendation.Verdict.UNDER
            : memOver == Recommendation.Verdict.OVER ? Recommendation.Verdict.OVER : memOver;
    if (memVerdict == Recommendation.Verdict.UNDER) {
      double line = u.memoryLimit().or(u::memoryRequest).orElseThrow().value();
      notes.add(
          "memory under-provisioned: "
              + (u.memoryLimit().isPresent() ? "limit " : "request ")
              + Units.formatBytes(line)
              + " against a peak of "
              + Units.formatBytes(peak)
              + (peak >= line ? " (at or over it: OOM kills)" : "")
              + "; set "
              + Units.formatBytes(mem));
    } else if (memVerdict == Recommendation.Verdict.OVER) {
      notes.add(
          "memory over-provisioned: request "
              + Units.formatBytes(u.memoryRequest().orElseThrow().value())
              + " against a peak of "
              + Units.formatBytes(peak)
              + "; set "
              + Units.formatBytes(mem));
    } else if (memVerdict == Recommendation.Verdict.UNSET) {
      notes.add("memory request not set; set request = limit = " + Units.formatBytes(mem));
    }
    Optional<Figure> saving = saving(u, cpu, mem, prices);
    Optional<Figure> needed = Optional.empty();
    boolean tooLow = false;
    if (u.autoscaler().isPresent()) {
      ContainerUsage.Autoscaler hpa = u.autoscaler().get();
      Figure target =
          hpa.targetUtilisation()
              .orElse(
                  new Figure(
                      policy.hpaTargetUtilisation(),
                      Dimension.RATIO,
                      new Provenance.Assumed("P13", "autoscaling target CPU 70%")));
      double n = Math.ceil(u.peakCpuTotal().value() / (cpu * target.value()) - 1e-9);
      needed =
          Optional.of(
              new Figure(
                  n,
                  Dimension.COUNT,
                  new Provenance.Derived(
                      "replicas at peak = ⌈peak CPU of all pods / (CPU request × target)⌉",
                      List.of(
                          "peak CPU " + cores(u.peakCpuTotal().value()),
                          "CPU request " + cores(cpu),
                          "target " + target.withProvenance()))));
      if (n > hpa.maxReplicas()) {
        tooLow = true;
        notes.add(
            "HPA "
                + hpa.name()
                + " max "
                + hpa.maxReplicas()
                + " is below the "
                + Units.format(n, 6)
                + " replicas the peak needs ("
                + cores(u.peakCpuTotal().value())
                + " / ("
                + cores(cpu)
                + " × "
                + target.formatted()
                + ")); raise maxReplicas to at least "
                + Units.format(n, 6));
      }
    }
    return new Recommendation(
        u, cpuRequest, memory, cpuVerdict, memVerdict, saving, needed, tooLow, notes);
  }

  private static Optional<Figure> saving(
      ContainerUsage u, double cpu, double mem, Optional<Prices> prices) {
    if (prices.isEmpty() || (u.cpuRequest().isEmpty() && u.memoryRequest().isEmpty())) {
      return Optional.empty();
    }
    Prices p = prices.get();
    double total = 0;
    List<String> inputs = new ArrayList<>();
    if (u.cpuRequest().isPresent()) {
      double d = u.cpuRequest().get().value() - cpu;
      total += d * p.perCpuMonth().value();
      inputs.add(
          "CPU "
              + cores(u.cpuRequest().get().value())
              + " → "
              + cores(cpu)
              + " at "
              + p.perCpuMonth().withKind()
              + " per vCPU");
    }
    if (u.memoryRequest().isPresent()) {
      double d = u.memoryRequest().get().value() - mem;
      total += d / GIB * p.perGibMonth().value();
      inputs.add(
          "memory "
              + Units.formatBytes(u.memoryRequest().get().value())
              + " → "
              + Units.formatBytes(mem)
              + " at "
              + p.perGibMonth().withKind()
              + " per GiB");
    }
    total *= u.replicas();
    inputs.add(u.replicas() + " replicas");
    return Optional.of(
        new Figure(
            total,
            Dimension.MONTHLY_COST,
            new Provenance.Derived(
                "saving = Σ (current − recommended request) × price × replicas", inputs)));
  }

  private static Recommendation.Verdict verdict(Optional<Double> current, double rec, double tol) {
    if (current.isEmpty() || current.get() <= 0) {
      return Recommendation.Verdict.UNSET;
    }
    double c = current.get();
    if (c > rec * (1 + tol)) {
      return Recommendation.Verdict.OVER;
    }
    if (c < rec / (1 + tol)) {
      return Recommendation.Verdict.UNDER;
    }
    return Recommendation.Verdict.FITS;
  }

  /** {@code 250m} or {@code 1.5} cores, the way Kubernetes writes CPU. */
  public static String cores(double cores) {
    if (cores < 1) {
      return Units.format(cores * 1000, 3) + "m";
    }
    return Units.format(cores, 4);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%s", Units.format(fraction * 100, 4));
  }
}
