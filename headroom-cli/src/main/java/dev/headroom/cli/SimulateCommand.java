package dev.headroom.cli;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.system.Failure;
import dev.headroom.analysis.sim.system.ModelSimulation;
import dev.headroom.analysis.sim.system.Spike;
import dev.headroom.analysis.sim.system.SystemSimulation;
import dev.headroom.analysis.sim.system.SystemSimulationResult;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.chart.SvgChart;
import dev.headroom.report.sim.SimCharts;
import dev.headroom.report.sim.SimRenderer;
import dev.headroom.report.sim.SimReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom simulate SYSTEM_FILE}: the capacity model run request by request ({@link
 * ModelSimulation}), with failures and spikes injected, printed by {@link SimRenderer}.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate the system request by request at a load multiple: utilisation, queues, latency"
          + " percentiles with confidence intervals, errors and timeouts, over time; failures and"
          + " spikes can be injected. See docs/simulate.md.",
      "Exit codes: 0 done; 2 bad usage or a system the simulator cannot run."
    },
    footerHeading = "%nExample:%n",
    footer = "  headroom simulate system.yaml --load 3x --duration 1h --fail web@10min")
final class SimulateCommand implements Callable<Integer> {

  private static final Pattern FAIL =
      Pattern.compile("([^@#]+)(?:#(\\d+))?@([^.]+)(?:\\.\\.(.+))?");
  private static final Pattern SPIKE = Pattern.compile("([^@]+)@([^+]+)\\+(.+)");

  @Spec CommandSpec spec;

  @Mixin FormatOption output;

  @Parameters(
      paramLabel = "SYSTEM_FILE",
      description = "The system file (YAML or JSON), or - for standard input.")
  Path file;

  @Option(
      names = "--load",
      paramLabel = "MULTIPLE",
      converter = Converters.LoadMultipleConverter.class,
      description =
          "Simulate at this multiple of today's load with today's components, such as 3x."
              + " Default: the growth target (C1).")
  Double load;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "10min",
      converter = Converters.PositiveDurationConverter.class,
      description =
          "Observed simulated time per replication, such as 1h. Default: ${DEFAULT-VALUE}.")
  double duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "1min",
      converter = Converters.DurationConverter.class,
      description =
          "Simulated time discarded at the start of each replication, such as 5min."
              + " Default: ${DEFAULT-VALUE}.")
  double warmup;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Independent replications (at least 2, for the intervals), such as 20."
              + " Default: ${DEFAULT-VALUE}.")
  int replications;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "The master seed: the same seed gives the same output, such as 7.")
  long seed;

  @Option(
      names = "--fail",
      paramLabel = "NAME[#i]@TIME[..TIME]",
      description =
          "Kill app instance i (default 0) of component NAME, or read replica i of replica"
              + " component NAME, at TIME (from the start of the run), optionally recovering,"
              + " such as web@10min or db-replica#1@5min..15min. Repeatable.")
  List<String> failures = new ArrayList<>();

  @Option(
      names = "--spike",
      paramLabel = "MULTIPLE@TIME+DURATION",
      description =
          "Multiply the arrival rate by MULTIPLE from TIME for DURATION, such as 5x@20min+2min."
              + " Repeatable.")
  List<String> spikes = new ArrayList<>();

  @Option(
      names = "--plot",
      paramLabel = "PREFIX",
      description =
          "Also write two SVG charts: PREFIX-latency.svg (p95 and mean latency over time with the"
              + " SLO and the injected windows shaded) and PREFIX-utilisation.svg (each component"
              + " over time with the target utilisation), such as --plot out/run writes"
              + " out/run-latency.svg and out/run-utilisation.svg.")
  String plot;

  @Mixin ProgressOption progressOption;

  @Mixin EvidenceOption evidence;

  @Override
  public Integer call() {
    if (replications < 2) {
      throw new ParameterException(
          spec.commandLine(),
          "--replications: found " + replications + "; allowed at least 2, such as 10");
    }
    boolean stdin = StandardInput.isDash(file);
    SystemSpec system =
        stdin
            ? SystemFileReader.read(StandardInput.stream(), StandardInput.NAME)
            : SystemFileReader.read(file);
    Path dir = stdin ? StandardInput.baseDirectory() : file.toAbsolutePath().getParent();
    CapacityModel model =
        Advisor.advise(system, dir, CapacityModel.today(), evidence.paths).model();
    Figure multiple =
        load == null
            ? model.targetMultiple()
            : new Figure(
                load, Dimension.MULTIPLIER, new Provenance.Declared("--load on the command line"));
    ModelSimulation sim = ModelSimulation.of(model, multiple);
    List<Failure> fails = new ArrayList<>();
    for (String f : failures) {
      fails.add(failure(f, system));
    }
    List<Spike> spikeList = new ArrayList<>();
    for (String s : spikes) {
      spikeList.add(spike(s));
    }
    List<String> injected = new ArrayList<>();
    failures.forEach(f -> injected.add("failure " + f));
    spikes.forEach(s -> injected.add("spike " + s));
    SystemSimulationResult result;
    try {
      sim = sim.with(fails, spikeList);
      result =
          SystemSimulation.run(
              sim.system(),
              new RunPlan(warmup, duration, replications, seed),
              progressOption.progress(spec));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "cannot simulate: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new ParameterException(
          spec.commandLine(),
          "cannot simulate at --load " + multiple.formatted() + ": " + e.getMessage(),
          e);
    }
    SimReport report = new SimReport(system.name(), multiple, sim, injected, result);
    if (plot != null) {
      SvgFiles.write(
          Path.of(plot + "-latency.svg"),
          SvgChart.render(SimCharts.latency(report, model.view().p95Target())),
          "--plot");
      SvgFiles.write(
          Path.of(plot + "-utilisation.svg"),
          SvgChart.render(SimCharts.utilisation(report, model.settings().targetUtilization())),
          "--plot");
    }
    spec.commandLine().getOut().print(SimRenderer.render(report, output.format));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private Failure failure(String text, SystemSpec system) {
    Matcher m = FAIL.matcher(text.strip());
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--fail: found \""
              + text
              + "\"; allowed NAME[#i]@TIME[..TIME], such as web@10min or db-replica#1@5min..15min");
    }
    String name = m.group(1).strip();
    int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    double at = duration("--fail", m.group(3));
    double recover = m.group(4) == null ? Double.POSITIVE_INFINITY : duration("--fail", m.group(4));
    Component c =
        system
            .component(name)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "--fail: no component \"" + name + "\"; allowed " + targets(system)));
    Failure.Target target;
    if (c.kind() == ComponentKind.APP && system.components(ComponentKind.APP).get(0).equals(c)) {
      target = Failure.Target.APP_INSTANCE;
    } else if (c.kind() == ComponentKind.DATABASE && c.setting("replica_of").isPresent()) {
      target = Failure.Target.REPLICA;
    } else {
      throw new ParameterException(
          spec.commandLine(),
          "--fail: \""
              + name
              + "\" is not simulated as something that can die; allowed "
              + targets(system));
    }
    try {
      return new Failure(target, index, at, recover);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--fail: " + e.getMessage(), e);
    }
  }

  private static String targets(SystemSpec system) {
    List<String> out = new ArrayList<>();
    system.components(ComponentKind.APP).stream()
        .findFirst()
        .ifPresent(c -> out.add(c.name() + " (app)"));
    for (Component c : system.components(ComponentKind.DATABASE)) {
      if (c.setting("replica_of").isPresent()) {
        out.add(c.name() + " (replica)");
      }
    }
    return out.isEmpty() ? "nothing in this system" : String.join(" or ", out);
  }

  private Spike spike(String text) {
    Matcher m = SPIKE.matcher(text.strip());
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--spike: found \"" + text + "\"; allowed MULTIPLE@TIME+DURATION, such as 5x@20min+2min");
    }
    double multiple;
    try {
      multiple = new Converters.LoadMultipleConverter().convert(m.group(1));
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--spike multiple: " + e.getMessage(), e);
    }
    return new Spike(duration("--spike", m.group(2)), positive("--spike", m.group(3)), multiple);
  }

  private double duration(String option, String text) {
    try {
      return new Converters.DurationConverter().convert(text.strip());
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), option + " time: " + e.getMessage(), e);
    }
  }

  private double positive(String option, String text) {
    try {
      return new Converters.PositiveDurationConverter().convert(text.strip());
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), option + " duration: " + e.getMessage(), e);
    }
  }
}
