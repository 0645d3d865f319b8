package dev.headroom.analysis.rightsizing;

import dev.headroom.model.Figure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one container should be given, why, and how far it is from what it has.
 *
 * @param cpuRequest recommended CPU request in cores; no CPU limit is recommended (see {@link
 *     RightSizer})
 * @param memory recommended memory request and limit (equal) in bytes
 * @param monthlySaving what the change saves a month across the replicas (negative: it costs more);
 *     absent without a price or a current request
 * @param replicasAtPeak the replicas the measured peak needs at the recommended request and the HPA
 *     target; absent without an HPA
 * @param notes one line per flag, in words, with the numbers behind it
 */
public record Recommendation(
    ContainerUsage usage,
    Figure cpuRequest,
    Figure memory,
    Verdict cpu,
    Verdict memoryVerdict,
    Optional<Figure> monthlySaving,
    Optional<Figure> replicasAtPeak,
    boolean hpaMaxTooLow,
    List<String> notes) {

  /** How a current value compares with the recommendation. */
  public enum Verdict {
    /** More than the tolerance above the recommendation: money spent on nothing. */
    OVER("over-provisioned"),
    /** More than the tolerance below it: throttling (CPU) or OOM kills (memory) at the peak. */
    UNDER("under-provisioned"),
    /** Within the tolerance. */
    FITS("fits"),
    /** Nothing set: the scheduler cannot place the pod by it. */
    UNSET("not set");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public Recommendation {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(cpuRequest, "cpuRequest");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memoryVerdict, "memoryVerdict");
    Objects.requireNonNull(monthlySaving, "monthlySaving");
    Objects.requireNonNull(replicasAtPeak, "replicasAtPeak");
    notes = List.copyOf(notes);
  }
}
