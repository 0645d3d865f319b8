package dev.headroom.cli;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.Severity;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Quantity;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      converter = Converters.OutputFormatConverter.class,
      completionCandidates = Converters.OutputFormats.class)
  OutputFormat format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = Converters.SeverityConverter.class,
      description =
          "Exit with 1 when a finding is at or above this severity: info, warning or critical (for CI"
              + " gates).")
  Severity failOn;

  @Option(
      names = "--load",
      paramLabel = "MULTIPLE",
      defaultValue = "1x",
      converter = LoadMultipleConverter.class,
      description =
          "Assess the system at this multiple of today's load with the components it has now"
              + " (3x, 0.5x; default ${DEFAULT-VALUE}): rates and utilisations grow with it, what"
              + " no law predicts (latency, errors) is not evaluated.")
  Figure load;

  /** {@code --load 3x}: a positive, finite multiple (a bare number is read as a multiple). */
  static final class LoadMultipleConverter implements ITypeConverter<Figure> {
    @Override
    public Figure convert(String value) {
      String v = value.strip();
      try {
        Quantity q = Units.parse(v.matches("[0-9.eE+-]+") ? v + "x" : v, Dimension.MULTIPLIER);
        if (!(q.value() > 0) || !Double.isFinite(q.value()) || q.value() > 1e6) {
          throw new TypeConversionException(
              "--load must be a multiple above 0 and at most 1000000x, got \"" + value + "\"");
        }
        return new Figure(
            q.value(), Dimension.MULTIPLIER, new Provenance.Declared("--load " + value));
      } catch (UnitException e) {
        throw new TypeConversionException(
            "--load takes a multiple of today's load such as 3x or 0.5x, got \"" + value + "\"");
      }
    }
  }

  @Override
  public Integer call() {
    Path dir = file.toAbsolutePath().getParent();
    Advice advice = Advisor.advise(SystemFileReader.read(file), dir, load);
    spec.commandLine().getOut().print(AdviceRenderer.of(format).render(advice));
    spec.commandLine().getOut().flush();
    if (failOn != null
        && advice.worstSeverity().filter(s -> s.compareTo(failOn) >= 0).isPresent()) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }
}
