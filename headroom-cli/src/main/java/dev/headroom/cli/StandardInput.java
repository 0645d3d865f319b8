package dev.headroom.cli;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * {@code -} as a file argument means standard input, as in most Unix tools, so a system file or a
 * model can be piped in ({@code kubectl … | yq … | headroom advise -}). Messages name it {@value
 * #NAME}.
 */
final class StandardInput {

  /** How messages name standard input in place of a file. */
  static final String NAME = "<stdin>";

  private StandardInput() {}

  /** Whether the argument was {@code -}. */
  static boolean isDash(Path argument) {
    return argument.toString().equals("-");
  }

  /**
   * The process's standard input, read at call time (tests replace it with {@link System#setIn}).
   */
  static InputStream stream() {
    return System.in;
  }

  /**
   * The directory relative paths inside a document from standard input resolve against: the working
   * directory, since there is no file to be next to.
   */
  static Path baseDirectory() {
    return Path.of("").toAbsolutePath();
  }
}
