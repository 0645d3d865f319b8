package dev.headroom.advice;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.SystemSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything measured outside the system file, read and assembled before analysis starts: the
 * components' load tests and queue models ({@code capacity:} blocks) and evidence files (the system
 * file's {@code evidence:} list and {@code advise --evidence}). Analysis never reads a file; it is
 * handed this.
 *
 * @param capacities modelled per-instance capacity by component name
 * @param files evidence files, in the order they were named (see {@link MeasuredEvidence} for how
 *     they are merged)
 */
public record EvidenceBundle(Map<String, MeasuredCapacity> capacities, List<EvidenceFile> files) {

  public EvidenceBundle {
    capacities = Map.copyOf(capacities);
    files = List.copyOf(files);
  }

  /** Capacity evidence only. */
  public EvidenceBundle(Map<String, MeasuredCapacity> capacities) {
    this(capacities, List.of());
  }

  /** No evidence beyond the system file. */
  public static EvidenceBundle none() {
    return new EvidenceBundle(Map.of(), List.of());
  }

  /**
   * Reads the evidence {@code spec} names, with relative paths resolved against {@code baseDir}.
   *
   * @throws BadInputException for unreadable or unusable evidence, with positions
   */
  public static EvidenceBundle assemble(SystemSpec spec, Path baseDir) {
    return assemble(spec, baseDir, List.of());
  }

  /**
   * Reads the evidence {@code spec} names and the evidence files or directories in {@code extra}
   * (the command line's {@code --evidence}, read after the system file's own).
   */
  public static EvidenceBundle assemble(SystemSpec spec, Path baseDir, List<Path> extra) {
    Path base = baseDir.toAbsolutePath();
    List<InputProblem> problems = new ArrayList<>();
    List<EvidenceFile> files = new ArrayList<>();
    for (SystemSpec.EvidencePath p : spec.evidence()) {
      Path resolved = base.resolve(p.path());
      if (!resolved.toFile().exists()) {
        problems.add(
            new InputProblem(
                spec.source(),
                p.location().line(),
                p.location().column(),
                "evidence",
                "\"" + p.path() + "\", which does not exist (looked for " + resolved + ")",
                "an evidence file (*.json) or a directory of them, relative to the system file",
                null));
        continue;
      }
      read(resolved, files, problems);
    }
    for (Path p : extra) {
      read(p, files, problems);
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new EvidenceBundle(CapacityEvidence.load(new SystemView(spec), base), files);
  }

  private static void read(Path p, List<EvidenceFile> out, List<InputProblem> problems) {
    try {
      out.addAll(EvidenceReader.readAll(p));
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
  }
}
