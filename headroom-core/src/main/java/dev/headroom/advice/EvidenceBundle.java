package dev.headroom.advice;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.model.BadInputException;
import dev.headroom.model.SystemSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything measured outside the system file, read and assembled before analysis starts: today the
 * components' load tests and queue models ({@code capacity:} blocks), next the collectors' evidence
 * files. Analysis never reads a file; it is handed this.
 *
 * @param capacities modelled per-instance capacity by component name
 */
public record EvidenceBundle(Map<String, MeasuredCapacity> capacities) {

  public EvidenceBundle {
    capacities = Map.copyOf(capacities);
  }

  /** No evidence beyond the system file. */
  public static EvidenceBundle none() {
    return new EvidenceBundle(Map.of());
  }

  /**
   * Reads the evidence {@code spec} names, with relative paths resolved against {@code baseDir}.
   *
   * @throws BadInputException for unreadable or unusable evidence, with positions
   */
  public static EvidenceBundle assemble(SystemSpec spec, Path baseDir) {
    return new EvidenceBundle(
        CapacityEvidence.load(new SystemView(spec), baseDir.toAbsolutePath()));
  }
}
