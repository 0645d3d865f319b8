package dev.headroom.ingest.trace;

/**
 * The trace formats headroom reads, told apart by content (FORMATS.md §7): a JSON array is Zipkin
 * v2; an object with {@code resourceSpans} is OTLP JSON; an object with {@code data} is the Jaeger
 * query API's answer.
 */
public enum TraceFormat {
  /** OpenTelemetry protocol, JSON encoding, one batch per file or one per line. */
  OTLP_JSON("OTLP JSON"),
  /** Jaeger query API ({@code /api/traces}) and UI download. */
  JAEGER_JSON("Jaeger JSON"),
  /** Zipkin v2 API ({@code /api/v2/spans}, {@code /api/v2/trace/{id}}). */
  ZIPKIN_V2("Zipkin v2 JSON");

  private final String title;

  TraceFormat(String title) {
    this.title = title;
  }

  /** "OTLP JSON", for reports. */
  public String title() {
    return title;
  }
}
