package dev.headroom.cli;

import dev.headroom.analysis.rightsizing.Prices;
import dev.headroom.analysis.rightsizing.RightSizer;
import dev.headroom.analysis.rightsizing.RightSizingPolicy;
import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.prometheus.Mapping;
import dev.headroom.collect.prometheus.PromQlClient;
import dev.headroom.collect.prometheus.PrometheusCollector;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import dev.headroom.report.rightsizing.CollectionRenderer;
import dev.headroom.report.rightsizing.CollectionReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code headroom collect prometheus URL --service NAME -o FILE}: a service's golden signals and
 * series, and its Kubernetes containers' right-sizing, from any PromQL engine, read-only. Prints
 * the report; writes the evidence only when the collection completed.
 */
@Command(
    name = "prometheus",
    mixinStandardHelpOptions = true,
    description = {
      "Collect a service's golden signals (rate, errors, p50/p95/p99, CPU, memory) with their"
          + " series, and right-size its Kubernetes containers, from Prometheus or any PromQL"
          + " engine (VictoriaMetrics, Thanos, Mimir, Cortex); read-only (docs/evidence.md).",
      "Only GET /api/v1/query, /api/v1/query_range, /api/v1/status/buildinfo and"
          + " /api/v1/label/__name__/values are sent. Token from PROMETHEUS_TOKEN, or user and"
          + " password in the URL; never printed.",
      "Exit codes: 0 written; 2 bad usage, or the engine could not be read (nothing written)."
    })
final class CollectPrometheusCommand implements Callable<Integer> {

  private static final List<String> SCHEMES = List.of("http", "https");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_.:/-]{1,200}");

  /** The longest range asked of an engine: a year, beyond most retention. */
  static final Duration MAX_RANGE = Duration.ofDays(366);

  @Spec CommandSpec spec;

  @Mixin FormatOption output;

  @Parameters(
      paramLabel = "URL",
      description =
          "The engine's HTTP API base, such as http://prometheus:9090 or"
              + " https://mimir.example/prometheus.")
  String url;

  @Option(
      names = "--service",
      required = true,
      paramLabel = "NAME",
      description =
          "The service's label value, such as checkout (application, service, job or app).")
  String service;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The evidence file to write (JSON), such as evidence/app.json.")
  Path outputFile;

  @Option(
      names = "--range",
      paramLabel = "DURATION",
      defaultValue = "28d",
      converter = RangeConverter.class,
      description = "How far back to read, such as 28d or 7d (default ${DEFAULT-VALUE}).")
  Duration range;

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = RangeConverter.class,
      description = "The series' step, such as 5m or 1h (default ${DEFAULT-VALUE}).")
  Duration step;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "A YAML or JSON mapping file overriding metric names and queries"
              + " (docs/collectors.md), such as prometheus-mapping.yaml.")
  Path mapping;

  @Option(
      names = "--component",
      paramLabel = "NAME",
      description = "The system file's app component this evidence is about, such as web.")
  String component = "";

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = Converters.TimeoutConverter.class,
      description =
          "The most to wait for the connection and for each query, such as 10s or 30s (default"
              + " ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--cpu-price",
      paramLabel = "COST",
      converter = CostConverter.class,
      description =
          "What one requested vCPU costs a month, such as 20 USD/month: right-sizing"
              + " then shows savings.")
  Double cpuPrice;

  @Option(
      names = "--memory-price",
      paramLabel = "COST",
      converter = CostConverter.class,
      description = "What one requested GiB of memory costs a month, such as 3 USD/month.")
  Double memoryPrice;

  /** Where the token comes from; a field so tests can hand one in. */
  Function<String, String> environment = System::getenv;

  /** The clock the range ends at; a field so tests can fix it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    if (!component.isEmpty() && !NAME.matcher(component).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--component: found \""
              + component
              + "\"; allowed a component name from the system file"
              + " (lower case letters, digits, - and _), such as web");
    }
    if (!SERVICE.matcher(service).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--service: found \""
              + service
              + "\"; allowed a label value of letters, digits and"
              + " _ . : / -, such as checkout");
    }
    if (step.compareTo(range) > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--step: found "
              + step.toSeconds()
              + " s, longer than --range ("
              + range.toSeconds()
              + " s); allowed a step of at most the range, such as --range 28d --step 5m");
    }
    if ((cpuPrice == null) != (memoryPrice == null)) {
      throw new ParameterException(
          spec.commandLine(),
          (cpuPrice == null ? "--memory-price" : "--cpu-price")
              + ": found one price; allowed both --cpu-price and --memory-price, or neither");
    }
    Target target;
    try {
      target = Target.parse(url, SCHEMES, PrometheusCollector.DEFAULT_PORT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage());
    }
    Mapping map = mapping == null ? Mapping.none() : Mapping.read(mapping);
    Optional<Target.Secret> token =
        Optional.ofNullable(environment.apply("PROMETHEUS_TOKEN"))
            .filter(t -> !t.isEmpty())
            .map(Target.Secret::new);
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    RightSizingPolicy policy = RightSizingPolicy.defaults();
    PrintWriter err = spec.commandLine().getErr();
    PrometheusCollector.Result result;
    try {
      err.println(
          "headroom: collecting "
              + service
              + " from "
              + target.redacted()
              + " over "
              + (range.toSeconds() % 86400 == 0
                  ? range.toDays() + "d"
                  : Units.formatDuration(range.toSeconds()))
              + " …");
      err.flush();
      result =
          new PrometheusCollector(new PromQlClient(target, token, timeout), clock, map, policy)
              .collect(service, range, step, component);
    } catch (CollectionException e) {
      err.println("headroom: " + e.getMessage());
      err.println("headroom: nothing written to " + outputFile);
      return ExitCodes.BAD_INPUT;
    }
    Optional<Prices> prices =
        cpuPrice == null
            ? Optional.empty()
            : Optional.of(
                new Prices(
                    new Figure(
                        cpuPrice, Dimension.MONTHLY_COST, new Provenance.Declared("--cpu-price")),
                    new Figure(
                        memoryPrice,
                        Dimension.MONTHLY_COST,
                        new Provenance.Declared("--memory-price"))));
    if (!EvidenceOutput.write(result.evidence(), outputFile, err)) {
      return ExitCodes.BAD_INPUT;
    }
    CollectionReport report =
        new CollectionReport(
            service,
            result.evidence(),
            RightSizer.recommend(result.containers(), policy, prices),
            policy,
            result.notes(),
            prices.isEmpty()
                ? "No savings shown: give --cpu-price and --memory-price (per vCPU and GiB a month)."
                : "");
    PrintWriter out = spec.commandLine().getOut();
    out.print(CollectionRenderer.render(report, output.format));
    out.flush();
    err.println("headroom: " + EvidenceOutput.summary(result.evidence(), outputFile));
    err.flush();
    return ExitCodes.OK;
  }

  /**
   * A range or step: a PromQL duration ({@code 28d}, {@code 5m}, {@code 1w}) or any duration
   * headroom reads ({@code 5min}, {@code 2h}); whole seconds, at least 1 s, at most {@link
   * #MAX_RANGE}.
   */
  static final class RangeConverter implements ITypeConverter<Duration> {
    private static final Pattern PROMQL = Pattern.compile("([0-9]+)(s|m|h|d|w)");
    private static final String ALLOWED = "a duration of 1s to 366d, such as 28d, 5m or 1h";

    @Override
    public Duration convert(String value) {
      String v = value.strip();
      double seconds;
      Matcher m = PROMQL.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        seconds =
            n
                * switch (m.group(2)) {
                  case "s" -> 1;
                  case "m" -> 60;
                  case "h" -> 3600;
                  case "d" -> 86400;
                  default -> 7 * 86400;
                };
      } else {
        try {
          seconds = Units.parse(v, Dimension.DURATION).value();
        } catch (UnitException e) {
          throw new TypeConversionException("found " + e.found() + "; allowed " + ALLOWED);
        }
      }
      if (!(seconds >= 1) || seconds > MAX_RANGE.toSeconds()) {
        throw new TypeConversionException("found \"" + v + "\"; allowed " + ALLOWED);
      }
      return Duration.ofSeconds(Math.round(seconds));
    }
  }

  /** A monthly price: {@code 20 USD/month} or {@code 0.03 USD/hour}. */
  static final class CostConverter extends Converters.QuantityConverter {
    CostConverter() {
      super(Dimension.MONTHLY_COST, "a monthly cost", true, "1000000 USD/month", "20 USD/month");
    }
  }
}
