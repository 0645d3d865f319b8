package dev.headroom.ingest.loadtest;

import dev.headroom.ingest.ab.AbCsvReader;
import dev.headroom.ingest.ab.AbTextReader;
import dev.headroom.ingest.ab.AbTsvReader;
import dev.headroom.ingest.csv.PlainCsvReader;
import dev.headroom.ingest.gatling.GatlingLogReader;
import dev.headroom.ingest.gatling.GatlingStatsReader;
import dev.headroom.ingest.hdrhistogram.HgrmReader;
import dev.headroom.ingest.hdrhistogram.HlogReader;
import dev.headroom.ingest.hey.HeyCsvReader;
import dev.headroom.ingest.hey.HeyTextReader;
import dev.headroom.ingest.jmeter.JMeterCsvReader;
import dev.headroom.ingest.jmeter.JMeterXmlReader;
import dev.headroom.ingest.k6.K6CsvReader;
import dev.headroom.ingest.k6.K6HandleSummaryReader;
import dev.headroom.ingest.k6.K6JsonReader;
import dev.headroom.ingest.k6.K6SummaryReader;
import dev.headroom.ingest.locust.LocustHistoryReader;
import dev.headroom.ingest.locust.LocustStatsReader;
import dev.headroom.ingest.wrk.WrkReader;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every load-test format headroom reads, in detection order: the first whose reader accepts a
 * file's head wins, so more specific formats come before more general ones. A new format is a new
 * package with a {@link LoadTestReader} and one constant here.
 */
public enum LoadTestFormat {
  GATLING_LOG(
      "gatling-log", "Gatling simulation.log (text 2.0-3.12, binary 3.13+)", GatlingLogReader::new),
  GATLING_STATS(
      "gatling-stats",
      "Gatling report js/stats.json or js/global_stats.json",
      GatlingStatsReader::new),
  HLOG("hlog", "HdrHistogram interval log (.hlog)", HlogReader::new),
  HGRM("hgrm", "HdrHistogram percentile distribution (.hgrm, classic or CSV)", HgrmReader::new),
  WRK("wrk", "wrk / wrk2 text report", WrkReader::new),
  HEY("hey", "hey text report", HeyTextReader::new),
  HEY_CSV("hey-csv", "hey -o csv per-request results", HeyCsvReader::new),
  AB("ab", "ApacheBench text report", AbTextReader::new),
  AB_TSV("ab-tsv", "ApacheBench -g per-request TSV", AbTsvReader::new),
  AB_CSV("ab-csv", "ApacheBench -e percentile CSV", AbCsvReader::new),
  LOCUST_STATS("locust-stats", "Locust _stats.csv", LocustStatsReader::new),
  LOCUST_HISTORY("locust-history", "Locust _stats_history.csv", LocustHistoryReader::new),
  K6_SUMMARY(
      "k6-summary", "k6 --summary-export JSON (legacy end-of-test summary)", K6SummaryReader::new),
  K6_HANDLE_SUMMARY("k6-handle-summary", "k6 handleSummary() JSON", K6HandleSummaryReader::new),
  K6_JSON("k6-json", "k6 --out json NDJSON (plain or gzip)", K6JsonReader::new),
  K6_CSV("k6-csv", "k6 --out csv (plain or gzip)", K6CsvReader::new),
  JMETER_CSV("jmeter-csv", "Apache JMeter JTL CSV", JMeterCsvReader::new),
  JMETER_XML("jmeter-xml", "Apache JMeter JTL XML", JMeterXmlReader::new),
  PLAIN_CSV("csv", "plain CSV (concurrency,throughput[,latency])", PlainCsvReader::new);

  private final String id;
  private final String displayName;
  private final Supplier<LoadTestReader> reader;

  LoadTestFormat(String id, String displayName, Supplier<LoadTestReader> reader) {
    this.id = id;
    this.displayName = displayName;
    this.reader = reader;
  }

  /** The name used on the command line ({@code --input-format k6-json}). */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public LoadTestReader newReader() {
    return reader.get();
  }

  /** The format with this command-line id, case-insensitively. */
  public static LoadTestFormat byId(String id) {
    for (LoadTestFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format " + id);
  }
}
