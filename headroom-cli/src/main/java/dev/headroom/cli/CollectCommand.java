package dev.headroom.cli;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.postgres.PostgresCollector;
import dev.headroom.collect.redis.RedisCollector;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
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
    subcommands = {CollectLogCommand.class},
    description = {
      "Collect measured evidence from a running server, read-only, into an evidence file for"
          + " `headroom advise --evidence` (docs/evidence.md).",
      "  redis://[user@]host:port              INFO and CONFIG GET; password from REDISCLI_AUTH"
          + " or the URL",
      "  postgres://user@host:port/database    statistics views; password from PGPASSWORD,"
          + " ~/.pgpass or the URL",
      "  log FILE...                           access logs (headroom collect log --help)",
      "Counters are read twice --window apart and turned into rates. Credentials never appear"
          + " in output, files or errors.",
      "Exit codes: 0 written; 2 bad usage, or the server could not be read (nothing written)."
    })
final class CollectCommand implements Callable<Integer> {

  private static final List<String> REDIS = List.of("redis");
  private static final List<String> POSTGRES = List.of("postgres", "postgresql");
  private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]*");

  @Spec CommandSpec spec;

  // optional to picocli so that `collect log …` reaches its subcommand; call() requires it
  @Parameters(
      paramLabel = "URL",
      arity = "0..1",
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

  /** Where passwords come from besides the URL; a field so tests can hand one in. */
  java.util.function.Function<String, String> environment = System::getenv;

  @Override
  public Integer call() {
    if (url == null || output == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing required "
              + (url == null ? "parameter: 'URL'" : "option: '--output=FILE'")
              + " (or collect log FILE... for access logs)");
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
      } else {
        throw new IllegalArgumentException(
            "found the scheme \""
                + scheme
                + "\"; allowed redis:// or postgres:// (MySQL, Prometheus,"
                + " logs and traces are not collected yet)");
      }
    } catch (IllegalArgumentException e) {
      // the parser's messages never hold the password; the URL itself is not repeated
      throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage());
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
    try {
      EvidenceWriter.write(evidence, output);
    } catch (UncheckedIOException e) {
      err.println("headroom: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + output
                + ": "
                + evidence.observations().size()
                + " observations"
                + (evidence.unseen().isEmpty()
                    ? ""
                    : ", " + evidence.unseen().size() + " not seen (listed in the file)"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
