package dev.headroom.cli;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.mysql.MyCnf;
import dev.headroom.collect.mysql.MysqlCollector;
import dev.headroom.collect.postgres.PostgresCollector;
import dev.headroom.collect.redis.RedisCollector;
import dev.headroom.ingest.evidence.EvidenceFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom collect URL -o FILE}: measured evidence from a running server, read-only. The
 * scheme picks the collector; the file is written only when the collection completed.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    subcommands = {
      CollectPrometheusCommand.class,
      CollectTracesCommand.class,
      CollectLogCommand.class
    },
    description = {
      "Collect measured evidence from a running server, read-only, into an evidence file for"
          + " `headroom advise --evidence` (docs/evidence.md; each collector in docs/collectors.md).",
      "  redis://[user@]host:port              INFO and CONFIG GET; password from REDISCLI_AUTH"
          + " or the URL",
      "  postgres://user@host:port/database    statistics views; password from PGPASSWORD,"
          + " ~/.pgpass or the URL",
      "  mysql://user@host:port (or mariadb://)  global status, performance_schema, process list,"
          + " replica status; password from the URL, MYSQL_PWD or ~/.my.cnf [client]; TLS (--tls)",
      "  prometheus URL --service NAME         a PromQL engine (Prometheus, VictoriaMetrics, Thanos,"
          + " Mimir): golden signals, series for forecasts, Kubernetes right-sizing; see collect"
          + " prometheus --help",
      "  traces FILE...                        trace files (OTLP, Jaeger, Zipkin): where the time"
          + " goes, N+1 loops; see collect traces --help",
      "  log FILE...                           access logs (headroom collect log --help)",
      "Counters are read twice --window apart and turned into rates. Credentials never appear"
          + " in output, files or errors.",
      "Exit codes: 0 written; 2 bad usage, or the server could not be read (nothing written)."
    })
final class CollectCommand implements Callable<Integer> {

  private static final List<String> REDIS = List.of("redis");
  private static final List<String> POSTGRES = List.of("postgres", "postgresql");
  private static final List<String> MYSQL = List.of("mysql", "mariadb");
  private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]*");

  @Spec CommandSpec spec;

  // not required by picocli: a parent's required arguments would be demanded before its
  // subcommands (collect prometheus|traces|log …) too; call() asks for them instead
  @Parameters(
      arity = "0..1",
      paramLabel = "URL",
      description =
          "What to collect from, such as redis://127.0.0.1:6379 or postgres://monitor@db:5432/shop.")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "The evidence file to write (JSON), such as evidence/cache.json.")
  Path output;

  @Option(
      names = "--component",
      paramLabel = "NAME",
      description =
          "The system file's component this evidence is about, such as cache. Default: none named;"
              + " advise gives it to the first component of the matching kind.")
  String component = "";

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Converters.WindowConverter.class,
      description =
          "How far apart the two reads of the counters are, such as 60s or 5min (default ${DEFAULT-VALUE}).")
  double windowSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = Converters.TimeoutConverter.class,
      description =
          "The most to wait for the connection and for each reply, such as 5s or 500ms (default ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--tls",
      paramLabel = "MODE",
      defaultValue = "verify",
      description =
          "MySQL/MariaDB only: verify (TLS, certificate checked; default), trust (TLS, any"
              + " certificate), prefer (TLS when offered) or off, such as trust for a server's"
              + " self-signed certificate.")
  String tls;

  /** Where passwords come from besides the URL; a field so tests can hand one in. */
  java.util.function.Function<String, String> environment = System::getenv;

  /** The MySQL option file read for [client] password=; a field so tests can point elsewhere. */
  Path myCnf = MyCnf.defaultPath();

  @Override
  public Integer call() {
    if (url == null || output == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing required "
              + (url == null
                  ? "parameter: 'URL' (or a subcommand: prometheus, traces, log)"
                  : "option: '--output=FILE'"));
    }
    if (!component.isEmpty() && !COMPONENT.matcher(component).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--component: found \""
              + component
              + "\"; allowed a component name from the system file"
              + " (lower case letters, digits, - and _), such as cache");
    }
    Duration window = Duration.ofMillis(Math.round(windowSeconds * 1000));
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
    MysqlCollector.Tls tlsMode =
        switch (tls) {
          case "verify" -> MysqlCollector.Tls.VERIFY;
          case "trust" -> MysqlCollector.Tls.TRUST;
          case "prefer" -> MysqlCollector.Tls.PREFER;
          case "off" -> MysqlCollector.Tls.OFF;
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--tls: found \"" + tls + "\"; allowed verify, trust, prefer or off");
        };
    Target target;
    try {
      if (REDIS.contains(scheme)) {
        target =
            Target.parse(url, REDIS, RedisCollector.DEFAULT_PORT)
                .withPasswordIfAbsent(Optional.ofNullable(environment.apply("REDISCLI_AUTH")));
      } else if (POSTGRES.contains(scheme)) {
        target =
            Target.parse(url, POSTGRES, PostgresCollector.DEFAULT_PORT)
                .withPasswordIfAbsent(Optional.ofNullable(environment.apply("PGPASSWORD")));
      } else if (MYSQL.contains(scheme)) {
        target =
            Target.parse(url, MYSQL, MysqlCollector.DEFAULT_PORT)
                .withPasswordIfAbsent(Optional.ofNullable(environment.apply("MYSQL_PWD")));
        if (target.password().isEmpty()) {
          target = target.withPasswordIfAbsent(MyCnf.password(myCnf));
        }
      } else {
        throw new IllegalArgumentException(
            "found the scheme \""
                + scheme
                + "\"; allowed redis://, postgres:// or mysql:// (or mariadb://), or a"
                + " subcommand: prometheus, traces");
      }
    } catch (IllegalArgumentException e) {
      // the parser's messages never hold the password; the URL itself is not repeated
      throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage()); // names ~/.my.cnf only
    }
    PrintWriter err = spec.commandLine().getErr();
    EvidenceFile evidence;
    try {
      err.println(
          "headroom: collecting from "
              + target.redacted()
              + " over "
              + window.toMillis() / 1000.0
              + " s …");
      err.flush();
      if (REDIS.contains(scheme)) {
        try (RedisCollector c = RedisCollector.connect(target, timeout, Clock.systemUTC())) {
          evidence = c.collect(window, component);
        }
      } else if (MYSQL.contains(scheme)) {
        try (MysqlCollector c =
            MysqlCollector.connect(target, timeout, Clock.systemUTC(), tlsMode)) {
          evidence = c.collect(window, component);
        }
      } else {
        try (PostgresCollector c = PostgresCollector.connect(target, timeout, Clock.systemUTC())) {
          evidence = c.collect(window, component);
        }
      }
    } catch (CollectionException e) {
      err.println("headroom: " + e.getMessage());
      err.println("headroom: nothing written to " + output);
      return ExitCodes.BAD_INPUT;
    }
    if (!EvidenceOutput.write(evidence, output, err)) {
      return ExitCodes.BAD_INPUT;
    }
    spec.commandLine().getOut().println(EvidenceOutput.summary(evidence, output));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
