package dev.headroom.ingest.loadtest;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * What a load-test file says about the run around its numbers, where its format records it: the
 * target the load was sent to and when the run started. Files combined into one curve are checked
 * against each other with it, since steps from different targets or days do not belong to one
 * throughput curve.
 *
 * @param target the host (and port) the load went to, lower case, as the file names it; null when
 *     the format does not record it (hey's text report, HdrHistogram logs, summaries)
 * @param start when the run (or its first recorded request) started; null when not recorded
 */
public record RunContext(String target, Instant start) {

  /** A file that records neither. */
  public static final RunContext UNKNOWN = new RunContext(null, null);

  public RunContext {
    if (target != null && target.isBlank()) {
      target = null;
    }
  }

  /**
   * The host and port of {@code url} (the part a different server changes; paths differ between the
   * endpoints of one test), or the text itself, stripped, when it is not a URL with a host. Null
   * for null.
   */
  public static String targetOf(String url) {
    if (url == null || url.isBlank() || "null".equals(url)) {
      return null;
    }
    String u = url.strip();
    try {
      URI uri = new URI(u);
      if (uri.getHost() != null) {
        return uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      }
    } catch (java.net.URISyntaxException e) {
      // not a URL: compared as written
    }
    return u.toLowerCase(Locale.ROOT);
  }
}
