package dev.headroom.cli;

import dev.headroom.analysis.compare.Comparison;
import dev.headroom.analysis.compare.Gate;
import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.report.compare.CompareRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom compare BASELINE NEW}: did this release get slower? The difference of throughput
 * and of each percentile, with an interval and whether it is significant; exit 1 when a {@code
 * --fail-on} gate breaks, for CI.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two load-test runs: throughput and percentiles, new against baseline, with"
          + " intervals. Exit 1 when a --fail-on gate breaks. See docs/fit.md."
    })
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "FILE",
      description = "BASELINE and NEW result files (or use --baseline and --new).")
  List<Path> pair = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A baseline result file, such as old/run.json; repeatable, instead of BASELINE.")
  List<Path> baseline = new ArrayList<>();

  @Option(
      names = "--new",
      paramLabel = "FILE",
      description = "A new run's result file, such as new/run.json; repeatable, instead of NEW.")
  List<Path> candidate = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "GATE",
      converter = Converters.GateConverter.class,
      description =
          "Exit 1 when a significant change passes this threshold, such as p95+10% (p95 rose by"
              + " more than 10 %) or throughput-5%; repeatable.")
  List<Gate> failOn = new ArrayList<>();

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    List<Path> base = baseline;
    List<Path> next = candidate;
    if (!pair.isEmpty()) {
      if (pair.size() != 2 || !baseline.isEmpty() || !candidate.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "found "
                + pair.size()
                + " file(s) and "
                + (baseline.size() + candidate.size())
                + " --baseline/--new option(s); allowed either BASELINE NEW, or --baseline FILE..."
                + " --new FILE...");
      }
      base = List.of(pair.get(0));
      next = List.of(pair.get(1));
    } else if (baseline.isEmpty() || candidate.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "found no "
              + (baseline.isEmpty() ? "baseline" : "new run")
              + "; allowed BASELINE NEW, such as old.json new.json, or --baseline FILE... --new"
              + " FILE...");
    }
    Comparison c =
        Comparison.of(
            curve(base), names(base), curve(next), names(next), failOn, Comparison.DEFAULT_SEED);
    PrintWriter out = spec.commandLine().getOut();
    out.print(CompareRenderer.render(c, output.format));
    out.flush();
    return c.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static LoadTestCurve curve(List<Path> files) {
    List<LoadTest> tests = LoadTestFiles.readAll(files, null, ReadOptions.DEFAULTS);
    List<String> names = tests.stream().map(LoadTest::source).toList();
    return LoadTestCurve.of(tests, names);
  }

  private static String names(List<Path> files) {
    return String.join(", ", files.stream().map(Path::toString).toList());
  }
}
