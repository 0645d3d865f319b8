package dev.headroom.cli;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Severity;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      description = "The system file (YAML or JSON); `headroom init` writes one.")
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

  @Override
  public Integer call() {
    Advice advice = Advisor.advise(file);
    spec.commandLine().getOut().print(AdviceRenderer.of(format).render(advice));
    spec.commandLine().getOut().flush();
    if (failOn != null
        && advice.worstSeverity().filter(s -> s.compareTo(failOn) >= 0).isPresent()) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }
}
