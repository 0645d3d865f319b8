package dev.headroom.cli;

import dev.headroom.analysis.queueing.ArrivalSizing;
import dev.headroom.analysis.queueing.ClosedNetwork;
import dev.headroom.analysis.queueing.LatencyMetric;
import dev.headroom.analysis.queueing.LittlesLaw;
import dev.headroom.analysis.queueing.MG1;
import dev.headroom.analysis.queueing.MM1;
import dev.headroom.analysis.queueing.MMc;
import dev.headroom.analysis.queueing.Mva;
import dev.headroom.analysis.queueing.QueueInputException;
import dev.headroom.analysis.queueing.ServerSizing;
import dev.headroom.analysis.queueing.Sizing;
import dev.headroom.ingest.queueing.NetworkModelReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.InputProblem;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.queueing.QueueRenderer;
import dev.headroom.report.queueing.QueueReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom queue}: queueing models that size things. Thin over {@code
 * dev.headroom.analysis.queueing}: each subcommand parses quantities with their units, calls one
 * model and prints it with {@link QueueRenderer}. Unusable numbers (negative, unstable, a target
 * nothing can meet) exit 2 with the model's message.
 */
@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    description = {
      "Queueing models that size things: Little's law, M/M/1, M/M/c (Erlang C), M/G/1, closed"
          + " networks by MVA, and the servers or arrival rate that keep a percentile under a"
          + " target.",
      "Open models assume Poisson arrivals, FCFS, an unbounded queue and steady state; M/M/*"
          + " also exponential service. See docs/queue.md."
    },
    subcommands = {
      QueueCommand.Little.class,
      QueueCommand.Mm1.class,
      QueueCommand.Mmc.class,
      QueueCommand.Mg1.class,
      QueueCommand.Size.class,
      QueueCommand.MvaCommand.class
    })
public final class QueueCommand {

  /** Percentiles printed when none is asked for. */
  static final List<Double> DEFAULT_PERCENTILES = List.of(0.5, 0.9, 0.95, 0.99);

  private QueueCommand() {}

  /** What every subcommand shares: the output format and the way it prints and fails. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--format",
        defaultValue = "text",
        paramLabel = "FORMAT",
        converter = Converters.OutputFormatConverter.class,
        description =
            "Output: text, markdown or json (seconds and per-second rates). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /** Builds the report; model refusals become usage errors (exit 2). */
    abstract QueueReport report();

    @Override
    public final Integer call() {
      QueueReport report;
      try {
        report = report();
      } catch (QueueInputException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(QueueRenderer.render(report, format));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "little",
      mixinStandardHelpOptions = true,
      description = {
        "Little's law L = λ·W: give any two of --population, --arrival and --time; the third is"
            + " computed."
      },
      footerHeading = "%nExample:%n",
      footer = "  headroom queue little --arrival 1200/s --time 40ms")
  static final class Little extends Base {
    @Option(
        names = {"--population", "-L"},
        paramLabel = "L",
        converter = NumberConverter.class,
        description = "Mean number in the system (requests in flight, busy threads).")
    Double population;

    @Option(
        names = {"--arrival", "--throughput"},
        paramLabel = "RATE",
        converter = RateConverter.class,
        description = "Arrival rate λ, such as 1200/s, 240/h, 50/min.")
    Double arrival;

    @Option(
        names = {"--time", "--response-time"},
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Mean time in the system W, such as 40ms.")
    Double time;

    @Override
    QueueReport report() {
      int given = (population != null ? 1 : 0) + (arrival != null ? 1 : 0) + (time != null ? 1 : 0);
      if (given != 2) {
        throw new ParameterException(
            spec.commandLine(),
            "give exactly two of --population, --arrival and --time (found " + given + ")");
      }
      if (population == null) {
        return new QueueReport.Little(
            LittlesLaw.fromRateAndTime(arrival, time), QueueReport.Term.POPULATION);
      }
      if (arrival == null) {
        return new QueueReport.Little(
            LittlesLaw.fromPopulationAndTime(population, time), QueueReport.Term.ARRIVAL_RATE);
      }
      return new QueueReport.Little(
          LittlesLaw.fromPopulationAndRate(population, arrival), QueueReport.Term.TIME_IN_SYSTEM);
    }
  }

  /** Options of every open queue. */
  abstract static class OpenBase extends Base {
    @Option(
        names = "--arrival",
        required = true,
        paramLabel = "RATE",
        converter = RateConverter.class,
        description = "Arrival rate λ, such as 4/s, 240/h, 1200 rps.")
    double arrival;

    @Option(
        names = "--service",
        required = true,
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Mean service time S, such as 200ms, 15s.")
    double service;
  }

  /** Open queues whose percentiles are known. */
  abstract static class MarkovianBase extends OpenBase {
    @Option(
        names = {"--percentile", "-p"},
        split = ",",
        paramLabel = "P",
        converter = PercentileConverter.class,
        description = "Percentiles to print, such as 95 or 50,99,99.9. Default: 50,90,95,99.")
    List<Double> percentiles;

    List<Double> percentiles() {
      return percentiles == null || percentiles.isEmpty() ? DEFAULT_PERCENTILES : percentiles;
    }
  }

  @Command(
      name = "mm1",
      mixinStandardHelpOptions = true,
      description = {
        "M/M/1: one server, exponential service.",
      },
      footerHeading = "%nExample:%n",
      footer = "  headroom queue mm1 --arrival 4/s --service 200ms")
  static final class Mm1 extends MarkovianBase {
    @Override
    QueueReport report() {
      return new QueueReport.Open(MM1.of(arrival, service), percentiles());
    }
  }

  @Command(
      name = "mmc",
      mixinStandardHelpOptions = true,
      description = {
        "M/M/c: c servers sharing one queue (Erlang C).",
      },
      footerHeading = "%nExample:%n",
      footer = "  headroom queue mmc --arrival 240/h --service 15s --servers 2 -p 95")
  static final class Mmc extends MarkovianBase {
    @Option(
        names = {"--servers", "-c"},
        required = true,
        paramLabel = "C",
        description = "Number of servers (threads, connections, agents), at least 1.")
    int servers;

    @Override
    QueueReport report() {
      return new QueueReport.Open(MMc.of(arrival, service, servers), percentiles());
    }
  }

  @Command(
      name = "mg1",
      mixinStandardHelpOptions = true,
      description = {
        "M/G/1: one server, any service-time distribution (Pollaczek–Khinchine); means only.",
      },
      footerHeading = "%nExample:%n",
      footer = "  headroom queue mg1 --arrival 4/s --service 200ms --service-cv 1.5")
  static final class Mg1 extends OpenBase {
    @Option(
        names = "--service-cv",
        paramLabel = "CV",
        converter = NumberConverter.class,
        description =
            "Coefficient of variation of the service time σ/S (1 = exponential, 0 = constant)."
                + " Default 1.")
    Double cv;

    @Option(
        names = "--service-sd",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Standard deviation of the service time, instead of --service-cv.")
    Double sd;

    @Override
    QueueReport report() {
      if (cv != null && sd != null) {
        throw new ParameterException(
            spec.commandLine(), "give --service-cv or --service-sd, not both");
      }
      // with S = 0 the ratio is meaningless, and MG1 refuses S = 0 by name
      double c = sd != null ? (service > 0 ? sd / service : 0.0) : cv != null ? cv : 1.0;
      return new QueueReport.Open(MG1.of(arrival, service, c), List.of());
    }
  }

  @Command(
      name = "size",
      mixinStandardHelpOptions = true,
      description = {
        "Sizing in reverse with M/M/c. With --arrival: the fewest servers keeping a percentile"
            + " under the target. With --servers: the largest arrival rate they sustain.",
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  headroom queue size --arrival 1200/s --service 40ms --target-p99 200ms",
        "  headroom queue size --servers 60 --service 40ms --target 150ms -p 95",
        "  headroom queue size --arrival 1200/s --service 40ms --of waiting \\",
        "      --target-p99 5ms"
      })
  static final class Size extends Base {
    @Option(
        names = "--arrival",
        paramLabel = "RATE",
        converter = RateConverter.class,
        description = "Arrival rate λ: find the fewest servers.")
    Double arrival;

    @Option(
        names = {"--servers", "-c"},
        paramLabel = "C",
        description = "Number of servers: find the largest arrival rate.")
    Integer servers;

    @Option(
        names = "--service",
        required = true,
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Mean service time S (exponential).")
    double service;

    @Option(
        names = "--target",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Bound on the percentile (with --percentile, default 95).")
    Double target;

    @Option(
        names = "--target-p95",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Shorthand for --target D --percentile 95.")
    Double targetP95;

    @Option(
        names = "--target-p99",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Shorthand for --target D --percentile 99.")
    Double targetP99;

    @Option(
        names = {"--percentile", "-p"},
        paramLabel = "P",
        converter = PercentileConverter.class,
        description = "Which percentile --target bounds, such as 95 or 99.9. Default 95.")
    Double percentile;

    @Option(
        names = "--of",
        paramLabel = "TIME",
        defaultValue = "response",
        converter = MetricConverter.class,
        description =
            "response (waiting plus service, the default) or waiting (time queued for a server,"
                + " such as a pool's acquire time).")
    LatencyMetric metric;

    @Override
    QueueReport report() {
      int targets =
          (target != null ? 1 : 0) + (targetP95 != null ? 1 : 0) + (targetP99 != null ? 1 : 0);
      if (targets != 1) {
        throw new ParameterException(
            spec.commandLine(), "give one of --target, --target-p95 and --target-p99");
      }
      if ((arrival == null) == (servers == null)) {
        throw new ParameterException(
            spec.commandLine(),
            "give --arrival (to find the fewest servers) or --servers (to find the largest arrival"
                + " rate), not both");
      }
      if ((targetP95 != null || targetP99 != null) && percentile != null) {
        throw new ParameterException(
            spec.commandLine(),
            "--percentile goes with --target, not with --target-p95 or --target-p99");
      }
      double p =
          targetP95 != null
              ? 0.95
              : targetP99 != null ? 0.99 : percentile != null ? percentile : 0.95;
      double t = targetP95 != null ? targetP95 : targetP99 != null ? targetP99 : target;
      if (arrival != null) {
        ServerSizing s = Sizing.serversFor(arrival, service, p, t, metric);
        return new QueueReport.Servers(s);
      }
      if (servers < 1) {
        throw new ParameterException(
            spec.commandLine(), "--servers must be at least 1, found " + servers);
      }
      ArrivalSizing a = Sizing.maxArrivalRate(service, servers, p, t, metric);
      return new QueueReport.MaxRate(a);
    }
  }

  @Command(
      name = "mva",
      mixinStandardHelpOptions = true,
      description = {
        "Solve a closed network (YAML: classes and stations) by exact MVA, or approximately by"
            + " Bard–Schweitzer.",
      },
      footerHeading = "%nExample:%n",
      footer = "  headroom queue mva examples/queueing/jain-central-server.yaml")
  static final class MvaCommand extends Base {
    @Parameters(
        index = "0",
        paramLabel = "MODEL.yaml",
        description = "The network, or - for standard input; see docs/queue.md.")
    Path model;

    @Option(
        names = "--approximate",
        description = "Use Bard–Schweitzer (fast for large populations) instead of exact MVA.")
    boolean approximate;

    @Option(
        names = "--tolerance",
        paramLabel = "Q",
        converter = NumberConverter.class,
        description = "Bard–Schweitzer stopping tolerance on queue lengths. Default 1e-10.")
    Double tolerance;

    @Override
    QueueReport report() {
      if (tolerance != null && !approximate) {
        throw new ParameterException(spec.commandLine(), "--tolerance goes with --approximate");
      }
      boolean stdin = StandardInput.isDash(model);
      ClosedNetwork network =
          stdin
              ? NetworkModelReader.read(StandardInput.stream(), StandardInput.NAME)
              : NetworkModelReader.read(model);
      if (approximate) {
        return new QueueReport.Network(
            Mva.bardSchweitzer(network, tolerance == null ? Mva.DEFAULT_TOLERANCE : tolerance));
      }
      try {
        return new QueueReport.Network(Mva.exact(network));
      } catch (QueueInputException e) {
        // too many states for exact MVA is a property of the model file: say which file
        throw new BadInputException(
            new InputProblem(
                stdin ? StandardInput.NAME : model.toString(),
                0,
                0,
                "classes",
                "a network too large for exact MVA (" + e.getMessage() + ")",
                "smaller populations, or --approximate for Bard–Schweitzer",
                null));
      }
    }
  }

  // ---- converters: quantities with units, refused with what is allowed ----

  static final class RateConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return nonNegative(quantity(value, Dimension.RATE), value, "a rate ≥ 0");
    }
  }

  static final class DurationConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return nonNegative(quantity(value, Dimension.DURATION), value, "a duration ≥ 0");
    }
  }

  static final class NumberConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        double v = Double.parseDouble(value.strip());
        if (Double.isFinite(v) && v >= 0) {
          return v;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new CommandLine.TypeConversionException(
          "found \"" + value + "\"; allowed a number ≥ 0 such as 1.5");
    }
  }

  /** 95, p95, 95% and 99.9 all mean a percentile; fractions below 1 are refused as ambiguous. */
  static final class PercentileConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String s = value.strip().toLowerCase(Locale.ROOT);
      if (s.startsWith("p")) {
        s = s.substring(1);
      }
      if (s.endsWith("%")) {
        s = s.substring(0, s.length() - 1);
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "found \"" + value + "\"; allowed a percentile such as 95, p99 or 99.9");
      }
      if (v > 0 && v < 1) {
        throw new CommandLine.TypeConversionException(
            "found \""
                + value
                + "\" (a fraction?); allowed a percentile between 1 and 100, such as 95; did you"
                + " mean \""
                + Units.format(v * 100, 6)
                + "\"?");
      }
      if (!(v >= 1 && v < 100)) {
        throw new CommandLine.TypeConversionException(
            "found \""
                + value
                + "\"; allowed a percentile at least 1 and below 100, such as 95 or 99.9");
      }
      return v / 100.0;
    }
  }

  static final class MetricConverter implements CommandLine.ITypeConverter<LatencyMetric> {
    @Override
    public LatencyMetric convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "response", "response-time" -> LatencyMetric.RESPONSE_TIME;
        case "waiting", "waiting-time", "wait" -> LatencyMetric.WAITING_TIME;
        default ->
            throw new CommandLine.TypeConversionException(
                "found \""
                    + value
                    + "\"; allowed response or waiting"
                    + Units.Suggest.closest(value, List.of("response", "waiting"))
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(""));
      };
    }
  }

  private static double quantity(String value, Dimension dimension) {
    try {
      return Units.parse(value, dimension).value();
    } catch (UnitException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static double nonNegative(double v, String text, String allowed) {
    if (v < 0) {
      throw new CommandLine.TypeConversionException(
          "found \"" + text + "\" (negative); allowed " + allowed);
    }
    return v;
  }
}
