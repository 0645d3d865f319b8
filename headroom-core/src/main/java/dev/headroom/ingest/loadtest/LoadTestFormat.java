package dev.headroom.ingest.loadtest;

import dev.headroom.ingest.csv.PlainCsvReader;
import dev.headroom.ingest.jmeter.JMeterCsvReader;
import dev.headroom.ingest.jmeter.JMeterXmlReader;
import dev.headroom.ingest.k6.K6CsvReader;
import dev.headroom.ingest.k6.K6HandleSummaryReader;
import dev.headroom.ingest.k6.K6JsonReader;
import dev.headroom.ingest.k6.K6SummaryReader;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every load-test format headroom reads, in detection order: the first whose reader accepts a
 * file's head wins, so more specific formats come before more general ones. A new format is a new
 * package with a {@link LoadTestReader} and one constant here.
 */
public enum LoadTestFormat {
  K6_SUMMARY("k6-summary", "k6 --summary-export JSON (legacy end-of-test summary)", K6SummaryReader::new),
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

  /** The name used on the command line ({@code --format k6-json}). */
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
