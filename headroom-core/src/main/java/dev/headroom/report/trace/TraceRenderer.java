package dev.headroom.report.trace;

import dev.headroom.analysis.trace.Distribution;
import dev.headroom.analysis.trace.RepeatedQuery;
import dev.headroom.analysis.trace.TimeLayer;
import dev.headroom.analysis.trace.TraceAnalysis;
import dev.headroom.ingest.trace.TraceInput;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import dev.headroom.report.Json;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.Text;
import dev.headroom.report.doc.TextWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link TraceAnalysis} as text, Markdown or JSON; every line ends with a newline. */
public final class TraceRenderer {

  /** N+1 suspects listed in a report; the evidence file counts them all. */
  static final int MAX_SUSPECTS = 10;

  private TraceRenderer() {}

  public static String render(TraceAnalysis a, OutputFormat format) {
    Objects.requireNonNull(a, "analysis");
    return switch (format) {
      case TEXT, MARKDOWN -> DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(document(a));
      case JSON -> json(a);
    };
  }

  /** "1 request", "2 requests". */
  private static String requests(long n) {
    return n + (n == 1 ? " request" : " requests");
  }

  private static Provenance measured(TraceAnalysis a, String how) {
    // the files and the window are listed under Input; each figure names how it was computed
    return new Provenance.Measured(
        "the traces listed under Input, " + requests(a.requests().size()), how);
  }

  static Document document(TraceAnalysis a) {
    List<Block> blocks = new ArrayList<>();
    int n = a.requests().size();
    List<Block.Quantity> input = new ArrayList<>();
    for (TraceInput.FileRead f : a.files()) {
      input.add(
          new Block.Quantity(
              Text.of(Text.code(f.name())),
              Text.of(f.format().title() + ", " + f.spans() + " spans")));
    }
    input.add(
        new Block.Quantity(Text.of("traces"), Text.of(Integer.toString(a.quality().traces()))));
    input.add(new Block.Quantity(Text.of("requests (root spans)"), Text.of(Integer.toString(n))));
    input.add(
        new Block.Quantity(Text.of("window"), Text.of(a.windowStart() + " to " + a.windowEnd())));
    Distribution d = a.durationNanos();
    if (d.count() > 0) {
      Provenance p = measured(a, "root span durations, nearest-rank percentiles");
      input.add(
          new Block.Quantity(
              Text.of("request duration p50 / p95"),
              Text.of(
                  new Figure(d.p50() / 1e9, Dimension.DURATION, p),
                  " / ",
                  new Figure(d.p95() / 1e9, Dimension.DURATION, p))));
    }
    blocks.add(new Block.Section(2, Text.of("Input"), List.of(new Block.Quantities(input))));

    List<List<Text>> rows = new ArrayList<>();
    for (TimeLayer l : TimeLayer.values()) {
      Distribution s = a.shares().get(l);
      Provenance p =
          measured(
              a,
              l == TimeLayer.OWN_CODE
                  ? "1 - (union of all call spans) / root duration per request"
                  : "(union of " + l.id() + " spans) / root duration per request");
      rows.add(
          List.of(
              Text.of(l.id()),
              Text.of(new Figure(s.mean(), Dimension.RATIO, p)),
              Text.of(new Figure(s.p95(), Dimension.RATIO, p)),
              Text.of(l == TimeLayer.OWN_CODE ? "" : Long.toString(a.calls().get(l)))));
    }
    blocks.add(
        new Block.Section(
            2,
            Text.of("Where the time goes (D1)"),
            List.of(
                new Block.Paragraph(
                    Text.of(
                        "Share of each request's time by layer, over "
                            + requests(a.shares().get(TimeLayer.OWN_CODE).count())
                            + " that took time. Calls that overlap count once;"
                            + " layers running at the same time each count it.")),
                new Block.Table(
                    List.of(
                        Block.Column.left("layer"),
                        new Block.Column("mean share", Block.Align.RIGHT),
                        new Block.Column("p95 share", Block.Align.RIGHT),
                        new Block.Column("calls", Block.Align.RIGHT)),
                    rows))));

    Distribution q = a.queriesPerRequest();
    Provenance qp = measured(a, "database spans per root span");
    List<Block> queries = new ArrayList<>();
    queries.add(
        new Block.Quantities(
            List.of(
                new Block.Quantity(
                    Text.of("mean"), Text.of(new Figure(q.mean(), Dimension.NUMBER, qp))),
                new Block.Quantity(
                    Text.of("p50 / p95 / max"),
                    Text.of(
                        new Figure(q.p50(), Dimension.NUMBER, qp),
                        " / ",
                        new Figure(q.p95(), Dimension.NUMBER, qp),
                        " / ",
                        new Figure(q.max(), Dimension.NUMBER, qp))))));
    if (a.suspects().isEmpty()) {
      queries.add(
          new Block.Paragraph(
              Text.of(
                  "No N+1 suspects: no request runs one statement "
                      + a.settings().nPlusOneMin()
                      + " times or more, one run after the other.")));
    } else {
      List<List<Text>> srows = new ArrayList<>();
      for (RepeatedQuery r : a.suspects().subList(0, Math.min(MAX_SUSPECTS, a.suspects().size()))) {
        srows.add(
            List.of(
                Text.of(Integer.toString(r.count())),
                Text.of(Text.code(r.statement()), r.byStatement() ? "" : " (span name)"),
                Text.of(Text.code(r.traceId())),
                Text.of(r.request()),
                Text.of(Units.formatDuration(r.totalNanos() / 1e9))));
      }
      queries.add(
          new Block.Paragraph(
              Text.of(
                  Long.toString(a.requestsWithSuspects()),
                  " of " + n + " requests run one statement at least ",
                  Integer.toString(a.settings().nPlusOneMin()),
                  " times one after the other (N+1 suspects, M2): fetch the rows in one query"
                      + " (a join or IN list) instead of one per item.")));
      queries.add(
          new Block.Table(
              List.of(
                  new Block.Column("runs", Block.Align.RIGHT),
                  Block.Column.left("statement"),
                  Block.Column.left("trace"),
                  Block.Column.left("request"),
                  new Block.Column("time", Block.Align.RIGHT)),
              srows));
    }
    if (a.parallelRepeats() > 0) {
      queries.add(
          new Block.Notes(
              List.of(
                  Text.of(
                      a.parallelRepeats()
                          + " statement(s) repeated as often but overlapping (batched or"
                          + " concurrent), not counted as N+1."))));
    }
    blocks.add(new Block.Section(2, Text.of("Queries per request (M2)"), queries));

    Distribution rtt = a.networkRttNanos();
    if (rtt.count() > 0) {
      Provenance rp = measured(a, "client span duration minus its server span's, nearest-rank p95");
      blocks.add(
          new Block.Section(
              2,
              Text.of("Calls between own services"),
              List.of(
                  new Block.Quantities(
                      List.of(
                          new Block.Quantity(
                              Text.of("network and queueing p95 over " + rtt.count() + " calls"),
                              Text.of(new Figure(rtt.p95() / 1e9, Dimension.DURATION, rp))))))));
    }

    blocks.add(new Block.Section(2, Text.of("What did not fit"), List.of(quality(a))));
    return new Document(Text.of("Traces: where the time goes"), blocks);
  }

  private static Block quality(TraceAnalysis a) {
    TraceAnalysis.Quality q = a.quality();
    List<Text> notes = new ArrayList<>();
    if (q.incomplete() > 0) {
      notes.add(Text.of(q.incomplete() + " span(s) without a start or a duration, left out."));
    }
    if (q.duplicates() > 0) {
      notes.add(
          Text.of(q.duplicates() + " span(s) read twice (same trace, id and side), kept once."));
    }
    if (q.rootlessTraces() > 0) {
      notes.add(
          Text.of(
              q.rootlessTraces()
                  + " trace(s) without a root span: their top-most spans were taken as the"
                  + " requests."));
    }
    if (q.orphans() > 0) {
      notes.add(Text.of(q.orphans() + " span(s) whose parent is not in the input (orphans)."));
    }
    if (q.skewed() > 0) {
      notes.add(
          Text.of(
              q.skewed()
                  + " span(s) started before their parent (clock skew, up to "
                  + Units.formatDuration(q.maxSkewNanos() / 1e9)
                  + "): moved with their children to the parent's start."));
    }
    if (q.clamped() > 0) {
      notes.add(Text.of(q.clamped() + " span(s) ended after their parent: cut at its end."));
    }
    if (q.cyclic() > 0) {
      notes.add(Text.of(q.cyclic() + " span(s) whose parents form a loop, left out."));
    }
    if (notes.isEmpty()) {
      return new Block.Paragraph(Text.of("Every span fitted its trace."));
    }
    return new Block.Notes(notes);
  }

  static String json(TraceAnalysis a) {
    ObjectNode root = Json.document();
    ArrayNode files = root.putArray("files");
    for (TraceInput.FileRead f : a.files()) {
      ObjectNode n = files.addObject();
      n.put("name", f.name());
      n.put("format", f.format().name().toLowerCase(java.util.Locale.ROOT));
      n.put("spans", f.spans());
      n.put("incomplete", f.incomplete());
    }
    ObjectNode w = root.putObject("window");
    w.put("start", a.windowStart().toString());
    w.put("end", a.windowEnd().toString());
    root.put("traces", a.quality().traces());
    root.put("requests", a.requests().size());
    ObjectNode layers = root.putObject("layers");
    for (TimeLayer l : TimeLayer.values()) {
      ObjectNode n = layers.putObject(l.name().toLowerCase(java.util.Locale.ROOT));
      distribution(n.putObject("share"), a.shares().get(l), 1);
      if (l != TimeLayer.OWN_CODE) {
        n.put("calls", a.calls().get(l));
      }
    }
    distribution(root.putObject("queriesPerRequest"), a.queriesPerRequest(), 1);
    distribution(root.putObject("requestSeconds"), a.durationNanos(), 1e-9);
    ObjectNode n1 = root.putObject("nPlusOne");
    n1.put("level", a.settings().nPlusOneMin());
    n1.put("requestsWithSuspects", a.requestsWithSuspects());
    n1.put("parallelRepeats", a.parallelRepeats());
    ArrayNode sus = n1.putArray("suspects");
    for (RepeatedQuery r : a.suspects()) {
      ObjectNode s = sus.addObject();
      s.put("traceId", r.traceId());
      s.put("request", r.request());
      s.put(r.byStatement() ? "statement" : "spanName", r.statement());
      s.put("count", r.count());
      s.put("seconds", Json.number(r.totalNanos() / 1e9));
    }
    if (a.networkRttNanos().count() > 0) {
      distribution(root.putObject("networkRttSeconds"), a.networkRttNanos(), 1e-9);
    }
    TraceAnalysis.Quality q = a.quality();
    ObjectNode qn = root.putObject("quality");
    qn.put("spans", q.spans());
    qn.put("incomplete", q.incomplete());
    qn.put("duplicates", q.duplicates());
    qn.put("orphans", q.orphans());
    qn.put("rootlessTraces", q.rootlessTraces());
    qn.put("cyclic", q.cyclic());
    qn.put("skewed", q.skewed());
    qn.put("maxSkewSeconds", Json.number(q.maxSkewNanos() / 1e9));
    qn.put("clamped", q.clamped());
    return Json.write(root);
  }

  private static void distribution(ObjectNode n, Distribution d, double scale) {
    n.put("count", d.count());
    n.put("mean", Json.number(d.mean() * scale));
    n.put("p50", Json.number(d.p50() * scale));
    n.put("p95", Json.number(d.p95() * scale));
    n.put("max", Json.number(d.max() * scale));
  }
}
