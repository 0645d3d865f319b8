package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.nio.file.Path;

/**
 * The k6 summary data object that a script's {@code handleSummary(data)} writes with {@code
 * JSON.stringify(data)} (k6 v0.30 and later; checked against k6 v0.49.0 and a third-party file of
 * unrecorded version).
 *
 * <p><b>Layout.</b> {@code {options: {summaryTrendStats, summaryTimeUnit, noColor}, state:
 * {isStdOutTTY, isStdErrTTY, testRunDurationMs}, metrics, root_group}}. Each metric is {@code
 * {type: counter|gauge|rate|trend, contains: default|time|data, values: {…}, thresholds?: {expr:
 * {ok: bool}}}}; {@code values} holds the same keys as the legacy export (Trend times in
 * <b>milliseconds</b>; Rate as {@code rate, passes, fails}). {@code summaryTimeUnit} only changes
 * the text summary, not these values.
 *
 * <p><b>What is read.</b> As in {@link K6SummaryReader}, except that the duration is {@code
 * state.testRunDurationMs} / 1000 (count / rate when absent) and thresholds fail when {@code ok} is
 * false. The k6 v1.5+ machine-readable summary ({@code --new-machine-readable-summary}, metrics as
 * an array under {@code results}) is a different layout and is not read.
 */
public final class K6HandleSummaryReader extends LoadTestReader {

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.K6_HANDLE_SUMMARY;
  }

  @Override
  public boolean accepts(Head head) {
    return K6Heads.isHandleSummary(head.text());
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return K6Summary.read(file, options, format(), true, open(file));
  }
}
