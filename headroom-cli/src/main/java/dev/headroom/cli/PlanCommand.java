package dev.headroom.cli;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.advice.EvidenceBundle;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.uncertainty.Sampler;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.plan.roadmap.RoadmapChecks;
import dev.headroom.plan.roadmap.RoadmapUncertainty;
import dev.headroom.plan.roadmap.Roadmapper;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.TextWriter;
import dev.headroom.report.roadmap.RoadmapChart;
import dev.headroom.report.roadmap.RoadmapRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom plan SYSTEM_FILE}: the growth roadmap from today's load to a target. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "The growth roadmap: what breaks first at each load step from today to the target, when, the"
          + " remedy, the alternatives and the monthly cost.",
      "Exit codes: 0 done; 2 bad usage or input."
    })
final class PlanCommand implements Callable<Integer> {

  /** Where the command reads today's date when the system file states none: the wall clock. */
  private static final Clock CLOCK = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SYSTEM_FILE",
      description = "The system file (YAML or JSON), or - for standard input.")
  Path file;

  @Option(
      names = "--to",
      paramLabel = "TARGET",
      converter = Converters.PlanTargetConverter.class,
      description =
          "Walk to this multiple of today's load or this many active users, such as 1000x or"
              + " 2M-users."
              + " Default: the growth target (growth x safety margin, C1).")
  Converters.PlanTarget to;

  @Option(
      names = "--horizon",
      paramLabel = "DURATION",
      converter = Converters.HorizonConverter.class,
      description =
          "Walk to the load reached after this time at the stated growth, such as 24months."
              + " Needs workload.growth; not with --to.")
  Double horizon;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description =
          "The date the roadmap starts from when the observations window states none, such as"
              + " 2026-12-01."
              + " Default: today's date.")
  String today;

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
      names = "--width",
      paramLabel = "COLUMNS",
      description =
          "Wrap text output at this many columns (at least 40), such as 80. Default: the terminal's"
              + " width (COLUMNS) when writing to a terminal, else 100.")
  Integer width;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description =
          "The seed of the draws and of the simulation checks: the same seed gives the same"
              + " output, such as 7."
              + " Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description =
          "Also write the roadmap's chart (capacity and monthly cost against load and date, with"
              + " the first breaks and the growth target marked) to this SVG file, such as"
              + " roadmap.svg.")
  Path plot;

  @Option(
      names = "--simulate",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Confirm each row that applies a remedy, and the growth target, by a short seeded"
              + " simulation of the system the row leaves (p95 against the SLO, CPU against the"
              + " utilisation law); --no-simulate for the analytic walk alone. Default: on.")
  boolean simulate;

  @Option(
      names = "--draws",
      paramLabel = "N",
      defaultValue = "" + Sampler.DEFAULT_DRAWS,
      description =
          "Sample the system file's ranges and load-test fits this many times and give each first"
              + " break an 80% range, such as --draws 5000; 0 turns sampling off."
              + " At least "
              + Sampler.DEFAULT_DRAWS
              + " (issue 8). Default: ${DEFAULT-VALUE}.")
  int draws;

  @Mixin ProgressOption progressOption;

  @Mixin EvidenceOption evidence;

  @Override
  public Integer call() {
    if (draws != 0 && (draws < Sampler.DEFAULT_DRAWS || draws > Sampler.MAX_DRAWS)) {
      throw new ParameterException(
          spec.commandLine(),
          "--draws: found "
              + draws
              + "; allowed 0 (no sampling) or "
              + Sampler.DEFAULT_DRAWS
              + " to "
              + Sampler.MAX_DRAWS
              + " (fewer draws do not pin an 80% interval's ends)");
    }
    if (to != null && horizon != null) {
      throw new ParameterException(
          spec.commandLine(), "--to and --horizon both set the end of the roadmap: give one");
    }
    LocalDate fallback = fallbackToday();
    int columns = textWidth();
    boolean stdin = StandardInput.isDash(file);
    SystemSpec system =
        stdin
            ? SystemFileReader.read(StandardInput.stream(), StandardInput.NAME)
            : SystemFileReader.read(file);
    Path dir = stdin ? StandardInput.baseDirectory() : file.toAbsolutePath().getParent();
    Advice advice = Advisor.advise(system, dir, CapacityModel.today(), evidence.paths);
    Figure last = end(advice.model());
    Roadmap roadmap =
        simulate
            ? RoadmapChecks.of(advice, last, fallback, seed)
            : Roadmapper.of(advice, last, fallback);
    if (draws > 0) {
      roadmap =
          new RoadmapUncertainty(
                  seed,
                  draws,
                  Runtime.getRuntime().availableProcessors(),
                  progressOption.progress(spec))
              .apply(roadmap, system, EvidenceBundle.assemble(system, dir, evidence.paths), advice);
    }
    if (plot != null) {
      SvgFiles.write(plot, RoadmapChart.render(roadmap), "--plot");
    }
    spec.commandLine().getOut().print(RoadmapRenderer.of(format, columns).render(roadmap));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The last multiple: --to, --horizon, or null for the growth target. */
  private Figure end(CapacityModel model) {
    try {
      if (to != null && to.users()) {
        return Roadmapper.multipleForUsers(
            model.view(),
            new Figure(
                to.value(), Dimension.COUNT, new Provenance.Declared("--to on the command line")));
      }
      if (to != null) {
        return new Figure(
            to.value(), Dimension.MULTIPLIER, new Provenance.Declared("--to on the command line"));
      }
      if (horizon != null) {
        return Roadmapper.multipleForHorizon(
            model,
            new Figure(
                horizon,
                Dimension.DURATION,
                new Provenance.Declared("--horizon on the command line")));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          (to != null ? "--to " + to.text() : "--horizon") + ": " + e.getMessage());
    }
    return null;
  }

  private LocalDate fallbackToday() {
    if (today == null) {
      return LocalDate.now(CLOCK);
    }
    try {
      return LocalDate.parse(today.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--today: found \"" + today.strip() + "\"; allowed an ISO date such as 2026-12-01");
    }
  }

  private int textWidth() {
    if (width == null) {
      return AdviseCommand.terminalWidth(System.console() != null, System.getenv("COLUMNS"));
    }
    if (width < TextWriter.MIN_WIDTH) {
      throw new ParameterException(
          spec.commandLine(),
          "--width must be at least " + TextWriter.MIN_WIDTH + " columns, got " + width);
    }
    return width;
  }
}
