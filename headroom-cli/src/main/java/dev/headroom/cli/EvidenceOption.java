package dev.headroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --evidence PATH}, mixed into every command that builds the capacity model (advise, plan,
 * simulate), so measured figures reach each of them the same way and the sections agree.
 */
final class EvidenceOption {

  @Option(
      names = "--evidence",
      paramLabel = "PATH",
      description =
          "An evidence file (*.json, written by `headroom collect` or your own tooling; see"
              + " docs/evidence.md) or a directory of them, such as --evidence evidence/; repeatable."
              + " Read after the system file's own `evidence:` list; measured figures win over"
              + " declared ones.")
  List<Path> paths = new ArrayList<>();
}
