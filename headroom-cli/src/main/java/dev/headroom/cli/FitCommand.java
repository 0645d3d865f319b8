package dev.headroom.cli;

import dev.headroom.analysis.run.Slo;
import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.ingest.loadtest.LatencyUnit;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import dev.headroom.report.fit.FitPlot;
import dev.headroom.report.fit.FitRenderer;
import dev.headroom.report.fit.FitReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom fit}: reads load-test results (one file per concurrency step, or one file with
 * every step), fits the Universal Scalability Law and prints the coefficients, the peak, the steps
 * and any predictions asked for.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the Universal Scalability Law X(N) = λN / (1 + σ(N−1) + κN(N−1)) to load-test results.",
      "Several files (one per concurrency step) make one curve. See docs/fit.md."
    })
final class FitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Load-test result files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--input-format",
      paramLabel = "ID",
      converter = FormatConverter.class,
      description =
          "Format of the input files, such as jmeter-csv or k6-json (default: detected from the"
              + " content). One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatIds.class)
  LoadTestFormat inputFormat;

  @Option(
      names = "--concurrency",
      paramLabel = "[FILE=]N",
      converter = Converters.ConcurrencyAssignmentConverter.class,
      description =
          "Concurrency of the runs (virtual users or requests in flight), a number above 0 such as"
              + " 50, for inputs that do not record it (hey, HdrHistogram logs); FILE=N gives it"
              + " for one input, such as run-a.txt=8 (repeatable, one per file).")
  List<Converters.ConcurrencyAssignment> concurrency = new ArrayList<>();

  @Mixin FormatOption output;

  @Option(
      names = "--latency-unit",
      paramLabel = "UNIT",
      converter = Converters.LatencyUnitConverter.class,
      description =
          "Unit of the values in HdrHistogram logs and .hgrm files, such as us (ns, us, ms, s),"
              + " overriding the one detected from the producer.")
  LatencyUnit latencyUnit;

  @Option(
      names = "--tag",
      paramLabel = "NAME",
      converter = Converters.TagConverter.class,
      description =
          "The tag of an HdrHistogram log's lines to read, such as READ (default: untagged"
              + " lines).")
  String tag;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description = "Also write an SVG plot of the fit to this file, such as fit.svg.")
  Path plot;

  @Option(
      names = "--at",
      paramLabel = "N",
      converter = Converters.ConcurrencyConverter.class,
      description =
          "Predict throughput and latency at this concurrency, a number above 0 such as 48"
              + " (repeatable).")
  List<Double> at = new ArrayList<>();

  @Option(
      names = "--throughput",
      paramLabel = "RATE",
      converter = Converters.PositiveRateConverter.class,
      description =
          "Find the concurrency and latency that deliver this throughput, a rate such as 1200/s,"
              + " 72000/min or 1200 (per second when bare); repeatable.")
  List<Double> throughput = new ArrayList<>();

  @Option(
      names = "--slo",
      paramLabel = "PCT=LIMIT",
      converter = Converters.SloConverter.class,
      description =
          "A latency objective such as p95=300ms or p99=1s (p50, p90, p95, p99); repeatable. On a"
              + " curve: the highest throughput that meets it, measured and from the model; on a"
              + " run too small for a curve: judged on each step.")
  List<Slo> slos = new ArrayList<>();

  @Override
  public Integer call() {
    Map<Path, Double> concurrencyByFile = concurrencyByFile();
    List<LoadTest> tests =
        LoadTestFiles.readAll(
            files, inputFormat, f -> new ReadOptions(concurrencyByFile.get(f), latencyUnit, tag));
    FitReport report = FitReport.of(tests, at, throughput, slos);
    if (plot != null && report.model() == null) {
      throw new BadInputException(
          new InputProblem(
              plot.toString(),
              0,
              0,
              "--plot",
              report.reason(),
              "--plot with results from at least " + UslFitter.MIN_POINTS + " concurrency levels",
              null));
    }
    if (plot != null) {
      try {
        Files.writeString(plot, FitPlot.render(report), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadInputException(
            new InputProblem(
                plot.toString(),
                0,
                0,
                "--plot",
                "a file that cannot be written (" + e.getMessage() + ")",
                "a writable path for the SVG plot",
                null),
            e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(FitRenderer.render(report, output.format));
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The concurrency each input is read with: {@code --concurrency N} for every input, {@code
   * --concurrency FILE=N} for the one named (by the path as given, or by its file name when that is
   * unique among the inputs), the per-file value winning. A name that is not an input, or names one
   * ambiguously, or a file or the default given twice, is a usage error naming the option.
   */
  private Map<Path, Double> concurrencyByFile() {
    Map<Path, Double> out = new HashMap<>();
    Double all = null;
    Map<Path, String> given = new HashMap<>();
    for (Converters.ConcurrencyAssignment a : concurrency) {
      if (a.file() == null) {
        if (all != null) {
          throw usage(
              "found --concurrency without a file twice ("
                  + Units.format(all, 6)
                  + " and "
                  + Units.format(a.concurrency(), 6)
                  + "); allowed one N for every input, and FILE=N for single inputs");
        }
        all = a.concurrency();
        continue;
      }
      Path input = inputNamed(a.file());
      if (given.containsKey(input)) {
        throw usage(
            "found --concurrency for "
                + input
                + " twice ("
                + given.get(input)
                + " and "
                + a.file()
                + "="
                + Units.format(a.concurrency(), 6)
                + "); allowed one per file");
      }
      given.put(input, a.file() + "=" + Units.format(a.concurrency(), 6));
      out.put(input, a.concurrency());
    }
    for (Path f : files) {
      if (!out.containsKey(f) && all != null) {
        out.put(f, all);
      }
    }
    return out;
  }

  /** The input {@code name} refers to: as given on the command line, or by a unique file name. */
  private Path inputNamed(String name) {
    for (Path f : files) {
      if (f.toString().equals(name) || f.equals(Path.of(name).normalize())) {
        return f;
      }
    }
    List<Path> byName = new ArrayList<>();
    for (Path f : files) {
      if (f.getFileName() != null && f.getFileName().toString().equals(name)) {
        byName.add(f);
      }
    }
    if (byName.size() == 1) {
      return byName.get(0);
    }
    String inputs = String.join(", ", files.stream().map(Path::toString).toList());
    if (byName.size() > 1) {
      throw usage(
          "found --concurrency "
              + name
              + "=…, and "
              + byName.size()
              + " inputs have that file name; allowed a file as given among the inputs ("
              + inputs
              + ")");
    }
    throw usage(
        "found --concurrency for \""
            + name
            + "\", which is not among the inputs; allowed one of "
            + inputs
            + " (FILE=N), or N alone for every input");
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** Load-test format ids for help and completion. */
  static final class FormatIds extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatIds() {
      for (LoadTestFormat f : LoadTestFormat.values()) {
        add(f.id());
      }
    }
  }

  /** {@code --input-format ID} through the format registry, with a did-you-mean. */
  static final class FormatConverter implements CommandLine.ITypeConverter<LoadTestFormat> {
    @Override
    public LoadTestFormat convert(String value) {
      try {
        return LoadTestFormat.byId(value);
      } catch (IllegalArgumentException e) {
        String hint =
            Units.Suggest.closest(value, new FormatIds())
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("");
        throw new CommandLine.TypeConversionException(
            "unknown input format \"" + value + "\"; allowed: " + LoadTestFiles.formatIds() + hint);
      }
    }
  }
}
