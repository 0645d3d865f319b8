package dev.headroom.cli;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import dev.headroom.report.advice.AdviceView;
import dev.headroom.report.doc.TextWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom advise SYSTEM_FILE}: the assessment. */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    description = {
      "Assess a system: stage, health, bottlenecks, recommendations, capacity and cost.",
      "Exit codes: 0 done; 1 a finding at or above --fail-on; 2 bad usage or input."
    })
final class AdviseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SYSTEM_FILE",
      description =
          "The system file (YAML or JSON), or - for standard input; `headroom init` writes one.")
  Path file;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (md for short), such as -f json."
              + " Default: ${DEFAULT-VALUE}.",
      converter = Converters.OutputFormatConverter.class,
      completionCandidates = Converters.OutputFormats.class)
  OutputFormat format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = Converters.SeverityConverter.class,
      description =
          "Exit with 1 when a finding is at or above this severity: info, warning or critical,"
              + " such as --fail-on critical (for CI gates).")
  Severity failOn;

  @Option(
      names = "--load",
      paramLabel = "MULTIPLE",
      defaultValue = "1x",
      converter = Converters.LoadMultipleConverter.class,
      description =
          "Assess the system at this multiple of today's load with the components it has now,"
              + " such as 3x or 0.5x (default ${DEFAULT-VALUE}): rates and utilisations grow with"
              + " it, what no law predicts (latency, errors) is not evaluated.")
  double load;

  @Mixin EvidenceOption evidence;

  @Option(
      names = "--brief",
      description =
          "One screen: the stage, the bottleneck, the first three steps with their monthly cost, and"
              + " the monthly cost now and after them. JSON stays the full report: select from it"
              + " with jq.")
  boolean brief;

  @Option(
      names = "--width",
      paramLabel = "COLUMNS",
      description =
          "Wrap text output at this many columns (at least 40), such as 80. Default: the terminal's width"
              + " (COLUMNS) when writing to a terminal, else 100.")
  Integer width;

  @Override
  public Integer call() {
    boolean stdin = StandardInput.isDash(file);
    SystemSpec system =
        stdin
            ? SystemFileReader.read(StandardInput.stream(), StandardInput.NAME)
            : SystemFileReader.read(file);
    Path dir = stdin ? StandardInput.baseDirectory() : file.toAbsolutePath().getParent();
    Figure multiple =
        new Figure(
            load, Dimension.MULTIPLIER, new Provenance.Declared("--load on the command line"));
    Advice advice = Advisor.advise(system, dir, multiple, evidence.paths);
    AdviceView view = brief ? AdviceView.BRIEF : AdviceView.FULL;
    spec.commandLine().getOut().print(AdviceRenderer.of(format, view, textWidth()).render(advice));
    spec.commandLine().getOut().flush();
    if (failOn != null
        && advice.worstSeverity().filter(s -> s.compareTo(failOn) >= 0).isPresent()) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }

  private int textWidth() {
    if (width == null) {
      return terminalWidth(System.console() != null, System.getenv("COLUMNS"));
    }
    if (width < TextWriter.MIN_WIDTH) {
      throw new ParameterException(
          spec.commandLine(),
          "--width must be at least " + TextWriter.MIN_WIDTH + " columns, got " + width);
    }
    return width;
  }

  /**
   * The terminal's width when writing to one and COLUMNS says it (bin/headroom exports it; Java
   * cannot ask the terminal), no narrower than the text writer can draw; otherwise the default, so
   * output piped to a file is the same on every machine.
   */
  static int terminalWidth(boolean terminal, String columns) {
    if (terminal && columns != null && columns.trim().matches("[0-9]{1,4}")) {
      return Math.max(TextWriter.MIN_WIDTH, Integer.parseInt(columns.trim()));
    }
    return TextWriter.DEFAULT_WIDTH;
  }
}
