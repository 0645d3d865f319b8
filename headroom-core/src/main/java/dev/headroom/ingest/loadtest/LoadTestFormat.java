package dev.headroom.ingest.loadtest;

import dev.headroom.ingest.csv.PlainCsvReader;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every load-test format headroom reads, in detection order: the first whose reader accepts a
 * file's head wins, so more specific formats come before more general ones. A new format is a new
 * package with a {@link LoadTestReader} and one constant here.
 */
public enum LoadTestFormat {
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
