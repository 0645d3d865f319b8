package dev.headroom.cli;

import dev.headroom.ingest.accesslog.AccessLogEvidence;
import dev.headroom.ingest.accesslog.AccessLogReader;
import dev.headroom.ingest.accesslog.AccessLogSettings;
import dev.headroom.ingest.accesslog.AccessLogSummary;
import dev.headroom.ingest.accesslog.LogPreset;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.report.accesslog.AccessLogReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom collect log FILE... -o FILE}: evidence from nginx/Apache access logs (peak rates,
 * latency percentiles, error ratio, static share), and a report with the per-route table. The
 * evidence file is written only when every file was read.
 */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "Read web-server access logs (plain or .gz; rotated sets are read oldest first) into an"
          + " evidence file for `headroom advise --evidence`, and print a report with the"
          + " per-route table (docs/collectors.md, docs/formats.md).",
      "Exit codes: 0 written; 2 bad usage, or a log that cannot be read (nothing written)."
    })
final class CollectLogCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Access logs, such as /var/log/nginx/access.log access.log.1 access.log.2.gz.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The evidence file to write (JSON), such as evidence/web.json.")
  Path output;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "A preset (${COMPLETION-CANDIDATES}) or the server's nginx log_format string, such as"
              + " '$remote_addr [$time_local] \"$request\" $status $body_bytes_sent $request_time'."
              + " Default: detected from the first lines.",
      completionCandidates = Presets.class)
  String logFormat;

  @Option(
      names = "--route-depth",
      paramLabel = "N",
      description =
          "Path segments kept in a route, such as 2 for /api/items/*; deeper ones become *"
              + " (default: "
              + AccessLogSettings.DEFAULT_ROUTE_DEPTH
              + ").")
  Integer routeDepth;

  @Option(
      names = "--routes",
      paramLabel = "N",
      description =
          "Routes listed by request count, such as 50; the rest are summed as other (default: "
              + AccessLogSettings.DEFAULT_TOP_ROUTES
              + ").")
  Integer topRoutes;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "N",
      description =
          "The longest line accepted, in bytes, such as 1048576 (default: "
              + AccessLogSettings.DEFAULT_MAX_LINE_BYTES
              + ").")
  Integer maxLineBytes;

  @Mixin FormatOption format;

  /** The clock that stamps the evidence; a field so tests can fix it. */
  Clock clock = Clock.systemUTC();

  /** Preset ids for help and completion. */
  static final class Presets implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return LogPreset.ids().iterator();
    }
  }

  @Override
  public Integer call() {
    AccessLogSettings settings = AccessLogSettings.DEFAULTS;
    try {
      if (routeDepth != null) {
        settings = settings.withRouteDepth(routeDepth);
      }
      if (topRoutes != null) {
        settings = settings.withTopRoutes(topRoutes);
      }
      if (maxLineBytes != null) {
        settings = settings.withMaxLineBytes(maxLineBytes);
      }
    } catch (IllegalArgumentException e) {
      String option =
          e.getMessage().startsWith("routeDepth")
              ? "--route-depth"
              : e.getMessage().startsWith("maxLineBytes") ? "--max-line-bytes" : "--routes";
      throw new ParameterException(
          spec.commandLine(),
          option + ": " + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
    }
    if (logFormat != null) {
      try {
        AccessLogReader.checkFormat(logFormat);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--log-format: " + e.getMessage());
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    AccessLogSummary summary =
        new AccessLogReader(settings).read(files, Optional.ofNullable(logFormat));
    EvidenceFile evidence = AccessLogEvidence.of(summary, clock.instant());
    if (!EvidenceOutput.write(evidence, output, err)) {
      return ExitCodes.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(AccessLogReport.render(summary, format.format));
    if (format.format != dev.headroom.report.OutputFormat.JSON) {
      out.println(EvidenceOutput.summary(evidence, output));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
