package dev.headroom.cli;

import dev.headroom.analysis.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --no-progress}, mixed into every command that runs long enough to show a progress bar
 * (simulation replications, sampling draws), so the option and its help read the same everywhere.
 */
final class ProgressOption {

  @Option(
      names = "--no-progress",
      description =
          "Draw no progress bar. A bar is drawn on stderr only when it is a terminal; setting "
              + ProgressBar.DISABLE_ENV
              + " (to anything) or TERM=dumb also turns it off.")
  boolean noProgress;

  /** The progress sink for {@code spec}'s command: a bar on its stderr, or nothing. */
  Progress progress(CommandSpec spec) {
    return ProgressBar.forTerminal(spec.commandLine().getErr(), noProgress);
  }
}
