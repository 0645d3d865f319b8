package dev.headroom.analysis.queueing;

import java.util.Locale;

/** Which time a sizing target bounds: the whole response time, or only the wait before service. */
public enum LatencyMetric {
  /** W = Wq + S, what a client sees. */
  RESPONSE_TIME,
  /** Wq, the time spent queued for a free server (a connection pool's acquire time). */
  WAITING_TIME;

  /** The {@code p}-quantile of this time in {@code queue}, seconds. */
  public double percentile(MarkovianQueue queue, double p) {
    return this == RESPONSE_TIME ? queue.responseTimePercentile(p) : queue.waitingTimePercentile(p);
  }

  /** Lower-case words for reports: "response time", "waiting time". */
  public String words() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
