package dev.headroom.cli;

import dev.headroom.report.OutputFormat;
import picocli.CommandLine.Option;

/**
 * {@code -f/--format}, mixed into every command that prints a result, so the option has one
 * spelling, one converter (with its did-you-mean) and one help text everywhere.
 */
final class FormatOption {

  @Option(
      names = {"-f", "--format"},
      defaultValue = "text",
      paramLabel = "FORMAT",
      converter = Converters.OutputFormatConverter.class,
      completionCandidates = Converters.OutputFormats.class,
      description =
          "Output format: ${COMPLETION-CANDIDATES} (md for short), such as -f json."
              + " Default: ${DEFAULT-VALUE}.")
  OutputFormat format;
}
