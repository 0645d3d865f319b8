package dev.headroom.report.accesslog;

import dev.headroom.ingest.accesslog.AccessLogSummary;
import dev.headroom.ingest.accesslog.AccessLogSummary.Peak;
import dev.headroom.ingest.accesslog.AccessLogSummary.Percentiles;
import dev.headroom.ingest.accesslog.AccessLogSummary.RouteRow;
import dev.headroom.ingest.accesslog.AccessLogSummary.TypeRow;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Block.Align;
import dev.headroom.report.doc.Block.Column;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.Text;
import dev.headroom.report.doc.TextWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an {@link AccessLogSummary}: the summary figures, each measured from the log over its
 * span, then the per-route table (requests, 5xx and 4xx ratios, p50/p95/p99), the status mix and
 * bytes by content type. Never computes beyond shares of the summary's own counts.
 */
public final class AccessLogReport {

  private AccessLogReport() {}

  /** The report in {@code format}; every line ends with a newline. */
  public static String render(AccessLogSummary s, OutputFormat format) {
    return switch (format) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(document(s));
      case JSON -> json(s);
    };
  }

  static Document document(AccessLogSummary s) {
    Provenance measured = new Provenance.Measured(String.join(", ", s.files()), span(s));
    List<Block.Quantity> q = new ArrayList<>();
    q.add(quantity("format", (s.detected() ? "detected: " : "") + s.format()));
    q.add(quantity("lines read", Long.toString(s.lines())));
    q.add(quantity("requests counted", Long.toString(s.requests())));
    q.add(
        quantity(
            "bots left out",
            s.botRequests()
                + " ("
                + Units.format(s.botShare(), Dimension.RATIO)
                + " of requests)"));
    if (s.badLines() > 0) {
      q.add(quantity("lines not matching", Long.toString(s.badLines())));
    }
    if (s.lateLines() > 0) {
      q.add(quantity("lines too late for the peaks", Long.toString(s.lateLines())));
    }
    q.add(
        fig(
            "peak per second",
            s.peakSecond().rate(),
            Dimension.RATE,
            measured,
            at(s.peakSecond())));
    q.add(
        fig(
            "peak per minute",
            s.peakMinute().rate(),
            Dimension.RATE,
            measured,
            at(s.peakMinute())));
    q.add(fig("mean rate", s.meanRps(), Dimension.RATE, measured, ""));
    s.peakFiveMinutes()
        .ifPresent(
            p ->
                q.add(
                    fig(
                        "peak to average (5 min)",
                        p.rate() / s.meanRps(),
                        Dimension.MULTIPLIER,
                        measured,
                        at(p))));
    q.add(fig("error ratio (5xx)", s.errorRatio(), Dimension.RATIO, measured, ""));
    q.add(fig("4xx ratio", s.clientErrorRatio(), Dimension.RATIO, measured, ""));
    s.latency()
        .ifPresent(
            p -> {
              q.add(fig("p50", p.p50(), Dimension.DURATION, measured, ""));
              q.add(fig("p95", p.p95(), Dimension.DURATION, measured, ""));
              q.add(fig("p99", p.p99(), Dimension.DURATION, measured, ""));
            });
    if (s.totalBytes() > 0) {
      q.add(
          fig(
              "static share of bytes",
              s.staticShare(),
              Dimension.RATIO,
              measured,
              "types from " + s.typeSource().name().toLowerCase(java.util.Locale.ROOT)));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(2, Text.of("Summary"), List.of(new Block.Quantities(q))));
    blocks.add(new Block.Section(2, Text.of("Routes"), routeBlocks(s)));
    List<List<Text>> statusRows = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : s.statuses().entrySet()) {
      statusRows.add(
          List.of(
              Text.of(Integer.toString(e.getKey())),
              Text.of(Long.toString(e.getValue())),
              Text.of(share(e.getValue(), s.requests()))));
    }
    blocks.add(
        new Block.Section(
            2,
            Text.of("Status mix"),
            List.of(
                new Block.Table(
                    List.of(Column.left("status"), right("requests"), right("share")),
                    statusRows))));
    List<List<Text>> typeRows = new ArrayList<>();
    for (TypeRow t : s.contentTypes()) {
      typeRows.add(
          List.of(
              Text.of(t.type()),
              Text.of(t.isStatic() ? "static" : "dynamic"),
              Text.of(Long.toString(t.requests())),
              Text.of(Units.formatBytes(t.bytes())),
              Text.of(share(t.bytes(), s.totalBytes()))));
    }
    blocks.add(
        new Block.Section(
            2,
            Text.of("Bytes by content type (from " + source(s) + ")"),
            List.of(
                new Block.Table(
                    List.of(
                        Column.left("type"),
                        Column.left("kind"),
                        right("requests"),
                        right("bytes"),
                        right("share")),
                    typeRows))));
    if (!s.badExamples().isEmpty()) {
      blocks.add(
          new Block.Notes(
              s.badExamples().stream().map(b -> Text.of("not matching: " + b.message())).toList()));
    }
    return new Document(Text.of("Access log: " + String.join(", ", s.files())), blocks);
  }

  private static List<Block> routeBlocks(AccessLogSummary s) {
    List<List<Text>> rows = new ArrayList<>();
    for (RouteRow r : s.routes()) {
      Optional<Percentiles> p = r.latency();
      rows.add(
          List.of(
              Text.of(r.route()),
              Text.of(Long.toString(r.requests())),
              Text.of(Units.format(r.errorRatio(), Dimension.RATIO)),
              Text.of(Units.format(r.clientErrorRatio(), Dimension.RATIO)),
              Text.of(p.map(x -> Units.formatDuration(x.p50())).orElse("-")),
              Text.of(p.map(x -> Units.formatDuration(x.p95())).orElse("-")),
              Text.of(p.map(x -> Units.formatDuration(x.p99())).orElse("-"))));
    }
    List<Block> out = new ArrayList<>();
    out.add(
        new Block.Table(
            List.of(
                Column.left("route"),
                right("requests"),
                right("5xx"),
                right("4xx"),
                right("p50"),
                right("p95"),
                right("p99")),
            rows));
    if (s.latency().isEmpty()) {
      out.add(
          new Block.Notes(
              List.of(
                  Text.of(
                      "No request time in this log: add $request_time to the nginx log_format"
                          + " (Apache: %D) for percentiles."))));
    }
    return out;
  }

  private static String source(AccessLogSummary s) {
    return switch (s.typeSource()) {
      case HEADER -> "$sent_http_content_type";
      case EXTENSION -> "the path's extension";
      case MIXED -> "the header where logged, else the extension";
      case NONE -> "no response with bytes";
    };
  }

  private static String span(AccessLogSummary s) {
    return s.first() + " to " + s.last() + " (" + Units.format(s.spanSeconds(), 6) + " s)";
  }

  private static String at(Peak p) {
    return "from " + p.start();
  }

  private static Column right(String header) {
    return new Column(header, Align.RIGHT);
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "-" : Units.format((double) part / whole, Dimension.RATIO);
  }

  private static Block.Quantity quantity(String name, String value) {
    return new Block.Quantity(Text.of(name), Text.of(value));
  }

  private static Block.Quantity fig(
      String name, double value, Dimension d, Provenance p, String note) {
    Figure f = new Figure(value, d, p);
    return note.isEmpty()
        ? new Block.Quantity(Text.of(name), Text.of(f))
        : new Block.Quantity(Text.of(name), Text.of(f, " " + note));
  }

  static String json(AccessLogSummary s) {
    ObjectNode root = Json.document();
    ArrayNode files = root.putArray("files");
    s.files().forEach(files::add);
    root.put("format", s.format());
    root.put("formatDetected", s.detected());
    root.put("lines", s.lines());
    root.put("requests", s.requests());
    root.put("botRequests", s.botRequests());
    root.put("badLines", s.badLines());
    root.put("lateLines", s.lateLines());
    root.put("start", s.first().toString());
    root.put("end", s.last().toString());
    root.put("spanSeconds", Json.number(s.spanSeconds()));
    root.set("peakSecond", peak(s.peakSecond()));
    root.set("peakMinute", peak(s.peakMinute()));
    s.peakFiveMinutes()
        .ifPresentOrElse(
            p -> root.set("peakFiveMinutes", peak(p)), () -> root.putNull("peakFiveMinutes"));
    root.put("meanRps", Json.number(s.meanRps()));
    root.put("errorRatio", Json.number(s.errorRatio()));
    root.put("clientErrorRatio", Json.number(s.clientErrorRatio()));
    s.latency()
        .ifPresentOrElse(
            p -> root.set("latencySeconds", percentiles(p)), () -> root.putNull("latencySeconds"));
    ObjectNode st = root.putObject("statuses");
    s.statuses().forEach((k, v) -> st.put(Integer.toString(k), v));
    ArrayNode routes = root.putArray("routes");
    for (RouteRow r : s.routes()) {
      ObjectNode n = routes.addObject();
      n.put("route", r.route());
      n.put("requests", r.requests());
      n.put("serverErrors", r.serverErrors());
      n.put("clientErrors", r.clientErrors());
      n.put("bytes", r.bytes());
      r.latency()
          .ifPresentOrElse(
              p -> n.set("latencySeconds", percentiles(p)), () -> n.putNull("latencySeconds"));
    }
    root.put("contentTypeSource", s.typeSource().name().toLowerCase(java.util.Locale.ROOT));
    root.put("staticBytes", s.staticBytes());
    root.put("totalBytes", s.totalBytes());
    root.put("staticShare", Json.number(s.staticShare()));
    ArrayNode types = root.putArray("contentTypes");
    for (TypeRow t : s.contentTypes()) {
      ObjectNode n = types.addObject();
      n.put("type", t.type());
      n.put("static", t.isStatic());
      n.put("requests", t.requests());
      n.put("bytes", t.bytes());
    }
    ArrayNode bad = root.putArray("badLineExamples");
    s.badExamples().forEach(b -> bad.add(b.message()));
    return Json.write(root);
  }

  private static ObjectNode peak(Peak p) {
    ObjectNode n = Json.object();
    n.put("start", p.start().toString());
    n.put("requests", p.requests());
    n.put("seconds", Json.number(p.seconds()));
    n.put("rate", Json.number(p.rate()));
    return n;
  }

  private static ObjectNode percentiles(Percentiles p) {
    ObjectNode n = Json.object();
    n.put("count", p.count());
    n.put("p50", Json.number(p.p50()));
    n.put("p95", Json.number(p.p95()));
    n.put("p99", Json.number(p.p99()));
    n.put("max", Json.number(p.max()));
    return n;
  }
}
