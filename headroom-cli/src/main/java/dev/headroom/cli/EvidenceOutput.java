package dev.headroom.cli;

import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How every {@code collect} command ends: the evidence file written whole (or an exit 2 saying
 * why), and one line saying what it holds.
 */
final class EvidenceOutput {

  private EvidenceOutput() {}

  /**
   * Writes {@code evidence} to {@code file}; false, with the reason on {@code err}, if it failed.
   */
  static boolean write(EvidenceFile evidence, Path file, PrintWriter err) {
    try {
      EvidenceWriter.write(evidence, file);
      return true;
    } catch (UncheckedIOException e) {
      err.println("headroom: " + e.getMessage());
      return false;
    }
  }

  /** "wrote FILE: 6 observations[, 3 series][, 1 not seen (listed in the file)]". */
  static String summary(EvidenceFile evidence, Path file) {
    return "wrote "
        + file
        + ": "
        + evidence.observations().size()
        + " observations"
        + (evidence.series().isEmpty() ? "" : ", " + evidence.series().size() + " series")
        + (evidence.unseen().isEmpty()
            ? ""
            : ", " + evidence.unseen().size() + " not seen (listed in the file)");
  }
}
