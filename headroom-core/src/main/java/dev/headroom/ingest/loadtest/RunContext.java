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
   * endpoints of one test), lower case; null when it is not a URL with a host (a k6 {@code url} tag
   * a script renamed, JMeter's {@code null} of a Java Request sampler): a name that is not a host
   * says nothing about the server, so it is not compared.
   */
  public static String targetOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      if (uri.getHost() != null) {
        return uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      }
    } catch (java.net.URISyntaxException e) {
      // not a URL
    }
    return null;
  }
}
