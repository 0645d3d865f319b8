package dev.headroom.cli;

import dev.headroom.analysis.trace.TraceAnalysis;
import dev.headroom.analysis.trace.TraceAnalyzer;
import dev.headroom.analysis.trace.TraceEvidence;
import dev.headroom.analysis.trace.TraceSettings;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.trace.TraceInput;
import dev.headroom.ingest.trace.TraceReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.report.trace.TraceRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom collect traces FILE... -o FILE}: where requests spend their time and N+1
 * suspects, from trace files (OTLP JSON, Jaeger JSON, Zipkin v2), as an evidence file plus a
 * report.
 */
@Command(
    name = "traces",
    mixinStandardHelpOptions = true,
    description = {
      "Read trace files (OTLP JSON, Jaeger query-API JSON, Zipkin v2 JSON; detected by content),"
          + " attribute each request's time to database, cache, external calls and own code (D1),"
          + " look for N+1 query loops (M2), print the report and write the evidence file for"
          + " `headroom advise --evidence` (docs/collectors.md, Traces).",
      "Exit codes: 0 written; 2 bad usage or a bad trace file (nothing written)."
    })
final class CollectTracesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Trace files, such as traces.otlp.json or jaeger-export.json.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The evidence file to write (JSON), such as evidence/traces.json.")
  Path output;

  @Option(
      names = "--n-plus-one",
      paramLabel = "N",
      defaultValue = "" + TraceSettings.N_PLUS_ONE_MIN_M2,
      description =
          "Runs of one statement in one request, one after the other, that make an N+1 suspect"
              + " (default ${DEFAULT-VALUE}, INVENTORY M2), such as 5.")
  int nPlusOne;

  @Mixin FormatOption format;

  @Override
  public Integer call() {
    if (nPlusOne < 2) {
      throw new ParameterException(
          spec.commandLine(),
          "--n-plus-one: found " + nPlusOne + "; allowed a whole number of 2 or more, such as 10");
    }
    TraceInput input = TraceReader.read(files);
    if (input.spans().isEmpty()) {
      throw new BadInputException(
          new InputProblem(
              files.get(0).toString(),
              0,
              0,
              "",
              "no complete span in " + files.size() + " file(s)",
              "trace files with at least one span that has a start and a duration",
              null));
    }
    TraceAnalysis analysis = TraceAnalyzer.analyze(input, new TraceSettings(nPlusOne));
    EvidenceFile evidence = TraceEvidence.of(analysis);
    PrintWriter err = spec.commandLine().getErr();
    if (!EvidenceOutput.write(evidence, output, err)) {
      return ExitCodes.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(TraceRenderer.render(analysis, format.format));
    out.flush();
    err.println("headroom: " + EvidenceOutput.summary(evidence, output));
    err.flush();
    return ExitCodes.OK;
  }
}
