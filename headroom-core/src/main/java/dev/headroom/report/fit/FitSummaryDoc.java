package dev.headroom.report.fit;

import dev.headroom.analysis.run.Slo;
import dev.headroom.analysis.run.StepSummary;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.Units;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run too small for a curve (fewer than three concurrency levels) as a {@link Document}: each
 * step's counts, rates and percentiles, its objectives, what the operational laws say and what to
 * measure next. Text and Markdown are both written from it, so they say the same things.
 */
final class FitSummaryDoc {

  private FitSummaryDoc() {}

  static Document of(FitReport r) {
    List<Block> blocks = new ArrayList<>();
    String files =
        r.inputs().stream()
            .map(t -> t.source() + " (" + t.format().id() + ")")
            .collect(Collectors.joining(", "));
    blocks.add(new Block.Paragraph(Text.of("Read ", files, ".")));
    blocks.add(new Block.Paragraph(Text.of("No curve: ", r.reason(), ".")));
    for (StepSummary s : r.summaries()) {
      blocks.add(step(s, r.summaries().size() > 1));
    }
    if (!r.warnings().isEmpty()) {
      blocks.add(
          new Block.Section(
              2,
              Text.of("Warnings"),
              List.of(new Block.Notes(r.warnings().stream().map(Text::of).toList()))));
    }
    return new Document(Text.of("Load-test run summary"), blocks);
  }

  private static Block step(StepSummary s, boolean several) {
    Step st = s.step();
    List<Block> blocks = new ArrayList<>();
    List<Block.Quantity> q = new ArrayList<>();
    q.add(qty("concurrency", n(st.concurrency()) + " (" + origin(st.concurrencyOrigin()) + ")"));
    if (s.errorRatio() != null) {
      q.add(qty("requests", Long.toString(st.requests())));
      q.add(
          qty(
              "errors",
              st.errors() + " (" + Units.format(s.errorRatio() * 100, 3) + " % of requests)"));
    }
    if (st.durationSeconds() > 0) {
      q.add(qty("duration", Units.format(st.durationSeconds(), 5) + " s"));
    }
    q.add(qty("throughput X", Units.format(st.throughput(), 6) + "/s"));
    LatencySummary lat = st.latency();
    if (lat != null) {
      latency(q, "mean", lat.meanMs());
      latency(q, "p50", lat.p50Ms());
      latency(q, "p90", lat.p90Ms());
      latency(q, "p95", lat.p95Ms());
      latency(q, "p99", lat.p99Ms());
      latency(q, "max", lat.maxMs());
    }
    blocks.add(new Block.Quantities(q));
    if (!s.sloChecks().isEmpty()) {
      List<Block.Item> items = new ArrayList<>();
      for (Slo.Check c : s.sloChecks()) {
        String target = c.slo().percentile().id() + " ≤ " + Units.format(c.slo().limitMs(), 6);
        items.add(
            new Block.Item(
                c.pass() == null
                    ? Text.of(
                        Text.strong("not judged"),
                        ": ",
                        target,
                        " ms; the input does not report ",
                        c.slo().percentile().id())
                    : Text.of(
                        Text.strong(c.pass() ? "pass" : "FAIL"),
                        ": ",
                        target,
                        " ms, measured ",
                        Units.format(c.measuredMs(), 4),
                        " ms")));
      }
      blocks.add(
          new Block.Section(3, Text.of("Objectives"), List.of(new Block.ItemList(false, items))));
    }
    blocks.add(new Block.Section(3, Text.of("What the laws say"), List.of(laws(s))));
    blocks.add(
        new Block.Section(
            3,
            Text.of("What to measure next"),
            List.of(
                new Block.Paragraph(
                    Text.of(
                        "Run the same test at concurrency ",
                        s.nextLevels().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", ")),
                        " (1, N/4, N/2, N, 2N, 4N) and give all the results to ",
                        Text.code("headroom fit"),
                        ": three levels fit the Universal Scalability Law, six or more give a fit"
                            + " worth trusting; go past the level where throughput stops"
                            + " rising.")))));
    String heading =
        several ? "Step at N = " + n(st.concurrency()) : "The run at N = " + n(st.concurrency());
    return new Block.Section(2, Text.of(heading), blocks);
  }

  private static Block laws(StepSummary s) {
    Step st = s.step();
    List<Block.Item> items = new ArrayList<>();
    if (s.littlesLawConcurrency() == null) {
      items.add(
          new Block.Item(
              Text.of("Little's law N = X·R: not checked, the input has no latency to give R.")));
    } else {
      String r =
          Units.format(s.responseTimeMs(), 4)
              + " ms ("
              + (s.responseTimeIsMean() ? "mean" : "median, as the input has no mean")
              + ")";
      String little =
          "Little's law N = X·R = "
              + Units.format(st.throughput(), 6)
              + "/s × "
              + r
              + " = "
              + Units.format(s.littlesLawConcurrency(), 4)
              + " requests in flight";
      if (s.littlesLawHolds() == null) {
        items.add(new Block.Item(Text.of(little, "; this is the concurrency shown above.")));
      } else if (s.littlesLawHolds()) {
        items.add(
            new Block.Item(
                Text.of(
                    little,
                    ", within N = ",
                    n(st.concurrency()),
                    " (X·R ≤ N holds, allowing ",
                    Units.format(StepSummary.LITTLE_TOLERANCE * 100, 2),
                    " % for measurement resolution).")));
      } else {
        items.add(
            new Block.Item(
                Text.of(
                    little,
                    ", more than N = ",
                    n(st.concurrency()),
                    ": Little's law forbids X·R > N in steady state. The step is not steady (a"
                        + " ramp, a warm-up) or its throughput, latency or concurrency is"
                        + " misread.")));
      }
      if (s.thinkTimeMs() != null) {
        items.add(
            new Block.Item(
                Text.of(
                    "Interactive response time law R = N/X − Z: each virtual user spends Z = ",
                    Units.format(s.thinkTimeMs(), 4),
                    " ms per request outside the system under test (think time, pacing, the"
                        + " load generator's own overhead)"
                        + (s.thinkTimeMs() > s.responseTimeMs()
                            ? "; more than R itself, so the generator, not the system, may set"
                                + " the pace"
                            : "")
                        + ".")));
      }
    }
    if (s.bottleneckDemandBoundMs() != null) {
      items.add(
          new Block.Item(
              Text.of(
                  "Utilisation law U = X·D ≤ 1: at X = ",
                  Units.format(st.throughput(), 6),
                  "/s no single resource (a CPU, a lock, a connection) can need more than 1/X = ",
                  Units.format(s.bottleneckDemandBoundMs(), 4),
                  " ms per request, or it would be busier than 100 %. Measure the busiest"
                      + " resource's utilisation U during the run: D = U/X is its demand, and"
                      + " 1/D is the highest throughput it allows.")));
    }
    return new Block.ItemList(false, items);
  }

  private static void latency(List<Block.Quantity> q, String name, Double ms) {
    if (ms != null) {
      q.add(qty("latency " + name, Units.format(ms, 4) + " ms"));
    }
  }

  private static Block.Quantity qty(String name, String value) {
    return new Block.Quantity(Text.of(name), Text.of(value));
  }

  private static String n(double v) {
    return Units.format(v, 6);
  }

  private static String origin(ConcurrencyOrigin o) {
    return switch (o) {
      case GAUGE -> "the tool's active-user gauge";
      case USER_EVENTS -> "rebuilt from user start and end events";
      case CONFIGURED -> "configured, as printed in the file";
      case GIVEN -> "given with --concurrency";
      case INPUT -> "as the input states it";
      case LITTLES_LAW -> "estimated with Little's law N = X·R: the input records none";
    };
  }
}
