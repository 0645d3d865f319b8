package dev.headroom.analysis.trace;

import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.ingest.trace.TraceInput;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evidence file of a trace analysis (docs/collectors.md, "Traces"): system-wide observations
 * over the traces' own window. {@code collected_at} is that window's end, the time the measurements
 * describe, so the same files always give the same evidence. A figure the traces cannot give (no
 * database spans, no calls between the system's own services) is listed as not evaluated with what
 * would give it, never written as a zero.
 */
public final class TraceEvidence {

  /** The collector's name in evidence files. */
  public static final String COLLECTOR = "headroom collect traces";

  private static final String NEEDS_DATABASE_SPANS =
      "traces with database client spans (db.system or db.statement, as the OpenTelemetry"
          + " database-driver instrumentations record them)";

  private TraceEvidence() {}

  /** The source the evidence names: the trace files, comma-separated. */
  public static String source(TraceAnalysis a) {
    return a.files().stream().map(TraceInput.FileRead::name).collect(Collectors.joining(", "));
  }

  public static EvidenceFile of(TraceAnalysis a) {
    String source = source(a);
    ObservationWindow window = new ObservationWindow(a.windowStart(), a.windowEnd());
    SourceLocation at = new SourceLocation(source, 0, 0);
    List<Observation> obs = new ArrayList<>();
    List<Unseen> unseen = new ArrayList<>();
    int requests = a.requests().size();
    long withDatabase = a.requests().stream().filter(r -> r.databaseCalls() > 0).count();
    if (withDatabase == 0) {
      for (Metric m :
          List.of(
              Metric.DATABASE_TIME_SHARE,
              Metric.QUERIES_PER_REQUEST_P95,
              Metric.N_PLUS_ONE_SHARE)) {
        unseen.add(new Unseen(m.key(), NEEDS_DATABASE_SPANS));
      }
    } else {
      Distribution db = a.shares().get(TimeLayer.DATABASE);
      obs.add(
          new Observation(
              Metric.DATABASE_TIME_SHARE,
              null,
              "",
              db.mean(),
              window,
              "mean over "
                  + db.count()
                  + " requests of (union of database spans) / (root span duration); p95 "
                  + Units.format(db.p95() * 100, 3)
                  + "%",
              at));
      Distribution q = a.queriesPerRequest();
      obs.add(
          new Observation(
              Metric.QUERIES_PER_REQUEST_P95,
              null,
              "",
              q.p95(),
              window,
              "database spans per request, nearest-rank p95 over "
                  + q.count()
                  + " requests; mean "
                  + Units.format(q.mean(), 4)
                  + ", max "
                  + Units.format(q.max(), 12),
              at));
      long suspects = a.requestsWithSuspects();
      String worst =
          a.suspects().isEmpty()
              ? ""
              : "; worst: \""
                  + shorten(a.suspects().get(0).statement())
                  + "\" "
                  + a.suspects().get(0).count()
                  + " times in trace "
                  + a.suspects().get(0).traceId();
      obs.add(
          new Observation(
              Metric.N_PLUS_ONE_SHARE,
              null,
              "",
              (double) suspects / requests,
              window,
              suspects
                  + " of "
                  + requests
                  + " requests run one statement at least "
                  + a.settings().nPlusOneMin()
                  + " times, one run after the other"
                  + worst,
              at));
    }
    Distribution rtt = a.networkRttNanos();
    if (rtt.count() > 0) {
      obs.add(
          new Observation(
              Metric.NETWORK_RTT_P95,
              null,
              "",
              rtt.p95() / 1e9,
              window,
              "client span duration minus its server span's, nearest-rank p95 over "
                  + rtt.count()
                  + " calls between the system's own services",
              at));
    } else {
      unseen.add(
          new Unseen(
              Metric.NETWORK_RTT_P95.key(),
              "client spans between the system's own services, with the callee's server spans in"
                  + " the same files"));
    }
    String formats =
        a.files().stream()
            .map(f -> f.format().title())
            .distinct()
            .collect(Collectors.joining(", "));
    return new EvidenceFile(
        source, COLLECTOR + " (" + formats + ")", a.windowEnd(), source, obs, List.of(), unseen);
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
