package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.nio.file.Path;

/**
 * The legacy k6 end-of-test summary written by {@code k6 run --summary-export=file.json} (k6 v0.26
 * and later; checked against k6 v0.49.0). It is {@code oldJSONSummary()} of the handleSummary data
 * ({@code grafana/k6: internal/js/summary-wrapper.js}).
 *
 * <p><b>Layout.</b> {@code {root_group, metrics}}; {@code options} and {@code state} are deleted,
 * so <b>the test duration is missing</b>. Each metric is flattened to its values:
 *
 * <ul>
 *   <li>Trend (all times in <b>milliseconds</b>, floats): {@code avg, min, med, max, p(90), p(95)}
 *       and whatever {@code summaryTrendStats} added ({@code p(99)}, {@code count}).
 *   <li>Counter: {@code count, rate} (per second). Gauge: {@code value, min, max}.
 *   <li>Rate: {@code passes, fails, value} (the fraction, renamed from {@code rate}).
 *   <li>{@code thresholds}: {@code {"<expr>": bool}} where <b>true means the threshold FAILED</b>.
 * </ul>
 *
 * <p><b>What is read.</b> One step for the whole run: requests = {@code http_reqs.count}; failures
 * = {@code http_req_failed.passes} (a Rate of failed requests, so its passes are failures);
 * duration = count / rate, since the file lacks it; throughput = {@code http_reqs.rate}; latency =
 * {@code http_req_duration} as k6 computed it (linear interpolation between closest ranks, which
 * {@link dev.headroom.ingest.loadtest.LatencySummary#method()} says); concurrency = {@code
 * --concurrency} if given, else the peak {@code vus}, else {@code vus_max.max}, else Little's law N
 * = X·R, and a warning says which. Failed thresholds become warnings.
 */
public final class K6SummaryReader extends LoadTestReader {

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.K6_SUMMARY;
  }

  @Override
  public boolean accepts(Head head) {
    return K6Heads.isLegacySummary(head.text());
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return K6Summary.read(file, options, format(), false, open(file));
  }
}
