package dev.headroom.ingest.trace;

import tools.jackson.core.JsonToken;

/**
 * Zipkin v2 JSON (openzipkin/zipkin-api {@code zipkin2-api.yaml}): an array of spans
 *
 * <pre>
 * [{traceId, id, parentId?, kind?: CLIENT | SERVER | PRODUCER | CONSUMER, name, timestamp?, duration?,
 *   localEndpoint: {serviceName, ipv4, ipv6, port}, remoteEndpoint: {…}, annotations, tags: {k: v},
 *   shared?, debug?}, …]
 * </pre>
 *
 * <ul>
 *   <li>{@code timestamp} (since the epoch) and {@code duration} are microseconds; either may be
 *       absent for an incomplete span, which is counted and left out.
 *   <li>A span without {@code kind} is local (in-process).
 *   <li>A CLIENT and its SERVER may share one id, the server side marked {@code shared: true}; the
 *       reader keeps the flag, and trace assembly keys such spans by id and side.
 *   <li>A list of traces (an array of span arrays, as the UI downloads) is read too.
 * </ul>
 */
final class ZipkinJsonReader {

  /** Zipkin writes microseconds. */
  private static final long NANOS_PER_MICRO = 1000;

  private ZipkinJsonReader() {}

  /** Reads an array of spans (or of arrays of spans); the current token is its start. */
  static void spans(SpanStream s) {
    while (s.p.nextToken() != JsonToken.END_ARRAY && !s.full()) {
      JsonToken t = s.p.currentToken();
      if (t == JsonToken.START_ARRAY) {
        spans(s);
      } else if (s.expect(JsonToken.START_OBJECT, "[]", "a Zipkin v2 span object")) {
        s.emit(span(s));
      }
    }
  }

  private static SpanDraft span(SpanStream s) {
    SpanDraft d = new SpanDraft(s.here());
    String field;
    while ((field = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      switch (field) {
        case "traceId" -> d.traceId = s.id("traceId").orElse(null);
        case "id" -> d.spanId = s.id("id").orElse(null);
        case "parentId" -> d.parentId = s.id("parentId").orElse("");
        case "name" -> d.name = s.scalar("name", "a string").orElse("");
        case "kind" -> {
          String k = s.scalar("kind", "CLIENT, SERVER, PRODUCER or CONSUMER").orElse("");
          if (!k.isEmpty()) {
            d.kind =
                SpanKind.ofName(k)
                    .filter(x -> x != SpanKind.UNSPECIFIED && x != SpanKind.INTERNAL)
                    .orElseGet(
                        () -> {
                          s.problem(
                              "kind", "\"" + k + "\"", "CLIENT, SERVER, PRODUCER or CONSUMER");
                          return SpanKind.UNSPECIFIED;
                        });
          }
        }
        case "timestamp" -> d.startNanos = s.nanos("timestamp", NANOS_PER_MICRO);
        case "duration" -> d.durationNanos = s.nanos("duration", NANOS_PER_MICRO);
        case "shared" -> d.shared = t == JsonToken.VALUE_TRUE;
        case "localEndpoint" -> d.service = endpointService(s, "localEndpoint");
        case "remoteEndpoint" -> d.remoteService = endpointService(s, "remoteEndpoint");
        case "tags" -> {
          if (s.expect(JsonToken.START_OBJECT, "tags", "an object of string values")) {
            String key;
            while ((key = s.p.nextName()) != null) {
              JsonToken v = s.p.nextToken();
              if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                d.tag(key, s.p.getText());
              } else {
                s.p.skipChildren();
              }
            }
          }
        }
        default -> {
          if (t != null) {
            s.p.skipChildren();
          }
        }
      }
    }
    return d;
  }

  private static String endpointService(SpanStream s, String key) {
    if (!s.expect(JsonToken.START_OBJECT, key, "an endpoint object")) {
      return "";
    }
    String name = "";
    String f;
    while ((f = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      if (f.equals("serviceName") && t == JsonToken.VALUE_STRING) {
        name = s.p.getString();
      } else {
        s.p.skipChildren();
      }
    }
    return name;
  }
}
