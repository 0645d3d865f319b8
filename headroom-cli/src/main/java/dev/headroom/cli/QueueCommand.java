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
import dev.headroom.model.InputProblem;
import dev.headroom.report.queueing.QueueRenderer;
import dev.headroom.report.queueing.QueueReport;
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

    @Mixin FormatOption output;

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
      out.print(QueueRenderer.render(report, output.format));
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
        converter = Converters.PopulationConverter.class,
        description = "Mean number in the system (requests in flight, busy threads), such as 48.")
    Double population;

    @Option(
        names = {"--arrival", "--throughput"},
        paramLabel = "RATE",
        converter = Converters.RateConverter.class,
        description = "Arrival rate λ, such as 1200/s, 240/h, 50/min (per second when bare).")
    Double arrival;

    @Option(
        names = {"--time", "--response-time"},
        paramLabel = "DURATION",
        converter = Converters.DurationConverter.class,
        description = "Mean time in the system W, a duration with its unit such as 40ms.")
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
        converter = Converters.RateConverter.class,
        description = "Arrival rate λ, such as 4/s, 240/h, 1200 rps (per second when bare).")
    double arrival;

    @Option(
        names = "--service",
        required = true,
        paramLabel = "DURATION",
        converter = Converters.PositiveDurationConverter.class,
        description = "Mean service time S, above 0 with its unit, such as 200ms, 15s.")
    double service;
  }

  /** Open queues whose percentiles are known. */
  abstract static class MarkovianBase extends OpenBase {
    @Option(
        names = {"--percentile", "-p"},
        split = ",",
        paramLabel = "P",
        converter = Converters.PercentileConverter.class,
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
        converter = Converters.ServersConverter.class,
        description =
            "Number of servers (threads, connections, agents), a whole number at least 1 such as"
                + " 2 or 2K.")
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
        converter = Converters.CvConverter.class,
        description =
            "Coefficient of variation of the service time σ/S, a plain number such as 1.5"
                + " (1 = exponential, 0 = constant). Default 1.")
    Double cv;

    @Option(
        names = "--service-sd",
        paramLabel = "DURATION",
        converter = Converters.DurationConverter.class,
        description =
            "Standard deviation of the service time, instead of --service-cv: a duration such as"
                + " 300ms.")
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
        converter = Converters.RateConverter.class,
        description = "Arrival rate λ, such as 1200/s or 240/h: find the fewest servers.")
    Double arrival;

    @Option(
        names = {"--servers", "-c"},
        paramLabel = "C",
        converter = Converters.ServersConverter.class,
        description =
            "Number of servers, a whole number at least 1 such as 60: find the largest arrival"
                + " rate.")
    Integer servers;

    @Option(
        names = "--service",
        required = true,
        paramLabel = "DURATION",
        converter = Converters.PositiveDurationConverter.class,
        description = "Mean service time S (exponential), above 0 with its unit, such as 40ms.")
    double service;

    @Option(
        names = "--target",
        paramLabel = "DURATION",
        converter = Converters.PositiveDurationConverter.class,
        description =
            "Bound on the percentile (with --percentile, default 95), a duration such as 150ms.")
    Double target;

    @Option(
        names = "--target-p95",
        paramLabel = "DURATION",
        converter = Converters.PositiveDurationConverter.class,
        description = "Shorthand for --target D --percentile 95, such as 200ms.")
    Double targetP95;

    @Option(
        names = "--target-p99",
        paramLabel = "DURATION",
        converter = Converters.PositiveDurationConverter.class,
        description = "Shorthand for --target D --percentile 99, such as 200ms.")
    Double targetP99;

    @Option(
        names = {"--percentile", "-p"},
        paramLabel = "P",
        converter = Converters.PercentileConverter.class,
        description = "Which percentile --target bounds, such as 95 or 99.9. Default 95.")
    Double percentile;

    @Option(
        names = "--of",
        paramLabel = "TIME",
        defaultValue = "response",
        converter = Converters.MetricConverter.class,
        description =
            "Which time --target bounds: response (waiting plus service, the default) or waiting"
                + " (time queued for a server: a pool's acquire time), such as --of waiting.")
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
        converter = Converters.ToleranceConverter.class,
        description =
            "Bard–Schweitzer stopping tolerance on queue lengths, in customers, such as 1e-6."
                + " Default 1e-10.")
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
}
