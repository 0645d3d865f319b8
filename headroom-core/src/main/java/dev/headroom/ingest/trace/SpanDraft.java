package dev.headroom.ingest.trace;

import dev.headroom.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * A span while its fields arrive in whatever order the producer wrote them; the service often comes
 * after the spans (OTLP's {@code resource}, Jaeger's {@code processes}), so it is set last.
 */
final class SpanDraft {
  String traceId;
  String spanId;
  String parentId = "";
  String name = "";
  SpanKind kind = SpanKind.UNSPECIFIED;
  boolean kindSeen;
  Long startNanos;
  Long endNanos;
  Long durationNanos;
  String service = "";
  String remoteService = "";
  String processId = "";
  boolean shared;
  final Map<String, String> tags = new HashMap<>();
  final SourceLocation location;

  SpanDraft(SourceLocation location) {
    this.location = location;
  }

  /** A tag the analysis reads is kept; {@code span.kind} (Jaeger) sets the kind. */
  void tag(String key, String value) {
    if (key == null || value == null) {
      return;
    }
    if (key.equals("span.kind") && !kindSeen) {
      SpanKind.ofName(value).ifPresent(k -> kind = k);
    } else if (Span.KEPT_TAGS.contains(key)) {
      tags.put(key, value);
    }
  }
}
