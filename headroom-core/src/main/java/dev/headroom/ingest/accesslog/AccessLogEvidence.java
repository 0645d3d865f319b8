package dev.headroom.ingest.accesslog;

import dev.headroom.ingest.accesslog.AccessLogSummary.Peak;
import dev.headroom.ingest.accesslog.AccessLogSummary.Percentiles;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AccessLogSummary} as evidence (docs/evidence.md): system-wide keys, the log's span as
 * every observation's window, and a "how" that says what was computed. What the log cannot show
 * becomes a {@code not_evaluated} entry with what to add to the log format.
 */
public final class AccessLogEvidence {

  /** The collector name in the evidence file. */
  public static final String COLLECTOR = "headroom access-log reader";

  /**
   * The shortest log that gives a peak-to-average ratio: two full five-minute windows (a ratio of
   * one window to itself says nothing).
   */
  static final int MIN_FIVE_MINUTE_WINDOWS = 2;

  private AccessLogEvidence() {}

  public static EvidenceFile of(AccessLogSummary s, Instant collectedAt) {
    ObservationWindow window = new ObservationWindow(s.first(), s.last());
    String where = String.join(", ", s.files());
    SourceLocation loc = new SourceLocation(where, 0, 0);
    String bots =
        s.botRequests() == 0
            ? ""
            : "; " + s.botRequests() + " bot requests (" + pct(s.botShare()) + ") left out";
    List<Observation> obs = new ArrayList<>();
    Peak minute = s.peakMinute();
    String rpsHow =
        minute.seconds() == 60
            ? "busiest full minute from "
                + minute.start().truncatedTo(ChronoUnit.SECONDS)
                + ": "
                + minute.requests()
                + " requests / 60 s (busiest second: "
                + s.peakSecond().requests()
                + " at "
                + s.peakSecond().start()
                + ")"
            : "the log covers no full minute: "
                + minute.requests()
                + " requests / "
                + Units.format(minute.seconds(), 6)
                + " s (busiest second: "
                + s.peakSecond().requests()
                + " at "
                + s.peakSecond().start()
                + ")";
    obs.add(obs(Metric.RPS, minute.rate(), window, rpsHow + bots, loc));
    Optional<Percentiles> lat = s.latency();
    List<Unseen> unseen = new ArrayList<>();
    if (lat.isPresent()) {
      Percentiles p = lat.get();
      String how =
          "of the request time ($request_time or %D) of "
              + p.count()
              + " requests, HdrHistogram at 3 significant digits"
              + bots;
      obs.add(obs(Metric.LATENCY_P50, p.p50(), window, "p50 " + how, loc));
      obs.add(obs(Metric.LATENCY_P95, p.p95(), window, "p95 " + how, loc));
      obs.add(obs(Metric.LATENCY_P99, p.p99(), window, "p99 " + how, loc));
    } else {
      String needs =
          "the log has no request time: add $request_time to the nginx log_format (Apache: %D),"
              + " e.g. the combined-timed preset";
      for (Metric m : List.of(Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99)) {
        unseen.add(new Unseen(m.key(), needs));
      }
    }
    obs.add(
        obs(
            Metric.ERROR_RATE,
            s.errorRatio(),
            window,
            s.serverErrors()
                + " responses 5xx / "
                + s.requests()
                + " requests (4xx apart: "
                + s.clientErrors()
                + ", "
                + pct(s.clientErrorRatio())
                + ")"
                + bots,
            loc));
    Optional<Peak> five = s.peakFiveMinutes();
    if (five.isPresent()) {
      obs.add(
          obs(
              Metric.PEAK_TO_AVERAGE,
              five.get().rate() / s.meanRps(),
              window,
              "busiest full 5 minutes ("
                  + Units.format(five.get().rate(), 4)
                  + "/s from "
                  + five.get().start()
                  + ") / mean over the log ("
                  + Units.format(s.meanRps(), 4)
                  + "/s over "
                  + Units.format(s.spanSeconds(), 6)
                  + " s; a day or more of log gives the daily ratio)",
              loc));
    } else {
      unseen.add(
          new Unseen(
              Metric.PEAK_TO_AVERAGE.key(),
              "a log spanning at least "
                  + MIN_FIVE_MINUTE_WINDOWS * 5
                  + " minutes (this one spans "
                  + Units.format(s.spanSeconds(), 6)
                  + " s); a full day gives the daily ratio"));
    }
    if (s.totalBytes() > 0) {
      obs.add(
          obs(
              Metric.STATIC_BANDWIDTH_SHARE,
              s.staticShare(),
              window,
              s.staticBytes()
                  + " static bytes / "
                  + s.totalBytes()
                  + " body bytes, types from "
                  + switch (s.typeSource()) {
                    case HEADER -> "$sent_http_content_type";
                    case EXTENSION -> "the path's extension (the log has no content type)";
                    case MIXED -> "$sent_http_content_type where logged, else the extension";
                    case NONE -> "nothing";
                  },
              loc));
    } else {
      unseen.add(
          new Unseen(
              Metric.STATIC_BANDWIDTH_SHARE.key(),
              "a log with body sizes ($body_bytes_sent) of responses with bytes"));
    }
    return new EvidenceFile(where, COLLECTOR, collectedAt, where, obs, List.of(), unseen);
  }

  private static Observation obs(
      Metric m, double value, ObservationWindow w, String how, SourceLocation loc) {
    return new Observation(m, null, "", value, w, how, loc);
  }

  private static String pct(double ratio) {
    return Units.format(ratio * 100, 3) + "%";
  }
}
