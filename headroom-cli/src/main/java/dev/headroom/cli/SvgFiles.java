package dev.headroom.cli;

import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a chart the user asked for with a {@code --plot} option, or says why it cannot. */
final class SvgFiles {

  private SvgFiles() {}

  /**
   * Writes {@code svg} to {@code file}; a path that cannot be written is bad input naming the
   * option (exit code 2), not a stack trace.
   */
  static void write(Path file, String svg, String option) {
    try {
      Files.writeString(file, svg, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              option,
              "a file that cannot be written (" + e.getMessage() + ")",
              "a writable path for the SVG chart",
              null),
          e);
    }
  }
}
