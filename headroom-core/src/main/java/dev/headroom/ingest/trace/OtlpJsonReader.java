package dev.headroom.ingest.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonToken;

/**
 * OTLP JSON (opentelemetry-proto {@code docs/specification.md}, "JSON Protobuf Encoding"):
 *
 * <pre>
 * {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": …}}]},
 *                     "scopeSpans": [{"scope": {…}, "spans": [span, …]}]}]}
 * span: {traceId, spanId, parentSpanId, name, kind, startTimeUnixNano, endTimeUnixNano,
 *        attributes: [{key, value: {stringValue | intValue | doubleValue | boolValue | …}}], …}
 * </pre>
 *
 * <ul>
 *   <li>Times are nanoseconds since the epoch, written as decimal strings (64-bit integers);
 *       numbers are accepted too.
 *   <li>{@code kind} is an integer (1 INTERNAL, 2 SERVER, 3 CLIENT, 4 PRODUCER, 5 CONSUMER); the
 *       enum's name ({@code SPAN_KIND_SERVER}) is accepted too.
 *   <li>Ids are hex in OTLP JSON; base64 (the generic protobuf mapping) is accepted.
 *   <li>Before OTLP 0.15 the scope level was called {@code instrumentationLibrarySpans}; both are
 *       read.
 *   <li>A missing or empty {@code parentSpanId} makes a root. Unknown fields are skipped.
 *   <li>The collector's file exporter writes one batch per line: the caller reads root values until
 *       the end of the file.
 * </ul>
 */
final class OtlpJsonReader {

  private OtlpJsonReader() {}

  /** Reads the value of {@code resourceSpans}; the current token is its first. */
  static void resourceSpans(SpanStream s) {
    if (!s.expect(JsonToken.START_ARRAY, "resourceSpans", "an array of resource spans")) {
      return;
    }
    while (s.p.nextToken() != JsonToken.END_ARRAY && !s.full()) {
      if (s.expect(JsonToken.START_OBJECT, "resourceSpans[]", "a resource-spans object")) {
        resource(s);
      }
    }
  }

  private static void resource(SpanStream s) {
    String service = "";
    List<SpanDraft> drafts = new ArrayList<>();
    String field;
    while ((field = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      switch (field) {
        case "resource" -> {
          if (s.expect(JsonToken.START_OBJECT, "resource", "an object")) {
            String f;
            while ((f = s.p.nextName()) != null) {
              s.p.nextToken();
              if (f.equals("attributes")) {
                SpanDraft holder = new SpanDraft(s.here());
                Optional<String> name = attributes(s, holder, "service.name");
                if (name.isPresent()) {
                  service = name.get();
                }
              } else {
                s.p.skipChildren();
              }
            }
          }
        }
        case "scopeSpans", "instrumentationLibrarySpans" -> {
          if (s.expect(JsonToken.START_ARRAY, field, "an array of scope spans")) {
            while (s.p.nextToken() != JsonToken.END_ARRAY) {
              if (s.expect(JsonToken.START_OBJECT, field + "[]", "a scope-spans object")) {
                scope(s, drafts);
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
    for (SpanDraft d : drafts) {
      d.service = service;
      s.emit(d);
    }
  }

  private static void scope(SpanStream s, List<SpanDraft> drafts) {
    String field;
    while ((field = s.p.nextName()) != null) {
      s.p.nextToken();
      if (field.equals("spans")) {
        if (s.expect(JsonToken.START_ARRAY, "spans", "an array of spans")) {
          while (s.p.nextToken() != JsonToken.END_ARRAY) {
            if (s.expect(JsonToken.START_OBJECT, "spans[]", "a span object")) {
              drafts.add(span(s));
            }
          }
        }
      } else {
        s.p.skipChildren();
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
        case "spanId" -> d.spanId = s.id("spanId").orElse(null);
        case "parentSpanId" -> d.parentId = s.id("parentSpanId").orElse("");
        case "name" -> d.name = s.scalar("name", "a string").orElse("");
        case "kind" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            Optional<SpanKind> k = SpanKind.ofOtlpNumber(s.p.getLongValue());
            if (k.isPresent()) {
              d.kind = k.get();
            } else {
              s.problem("kind", s.p.getText(), "0 to 5 (1 INTERNAL, 2 SERVER, 3 CLIENT, …)");
            }
          } else {
            Optional<String> name = s.scalar("kind", "an integer from 0 to 5");
            if (name.isPresent()) {
              Optional<SpanKind> k = SpanKind.ofName(name.get());
              if (k.isPresent()) {
                d.kind = k.get();
              } else {
                s.problem(
                    "kind", "\"" + name.get() + "\"", "0 to 5, or SPAN_KIND_SERVER and the like");
              }
            }
          }
          d.kindSeen = true;
        }
        case "startTimeUnixNano" -> d.startNanos = s.nanos("startTimeUnixNano", 1);
        case "endTimeUnixNano" -> d.endNanos = s.nanos("endTimeUnixNano", 1);
        case "attributes" -> attributes(s, d, null);
        default -> {
          if (t != null) {
            s.p.skipChildren();
          }
        }
      }
    }
    return d;
  }

  /**
   * Reads an attribute list into {@code d}'s tags; answers the value of {@code wanted} when it is
   * there (the resource's {@code service.name}).
   */
  private static Optional<String> attributes(SpanStream s, SpanDraft d, String wanted) {
    Optional<String> found = Optional.empty();
    if (!s.expect(JsonToken.START_ARRAY, "attributes", "an array of {key, value}")) {
      return found;
    }
    while (s.p.nextToken() != JsonToken.END_ARRAY) {
      if (!s.expect(JsonToken.START_OBJECT, "attributes[]", "an object {key, value}")) {
        continue;
      }
      String key = null;
      String value = null;
      String field;
      while ((field = s.p.nextName()) != null) {
        JsonToken t = s.p.nextToken();
        if (field.equals("key") && t == JsonToken.VALUE_STRING) {
          key = s.p.getString();
        } else if (field.equals("value") && t == JsonToken.START_OBJECT) {
          value = anyValue(s);
        } else {
          s.p.skipChildren();
        }
      }
      if (key != null && value != null) {
        d.tag(key, value);
        if (key.equals(wanted)) {
          found = Optional.of(value);
        }
      }
    }
    return found;
  }

  /** An {@code AnyValue}: scalars as text; arrays and key-value lists are skipped (null). */
  private static String anyValue(SpanStream s) {
    String value = null;
    String field;
    while ((field = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
        switch (field) {
          case "stringValue", "intValue", "doubleValue", "boolValue" -> value = s.p.getText();
          default -> {
            // bytesValue and future scalar kinds say nothing about layers
          }
        }
      } else {
        s.p.skipChildren();
      }
    }
    return value;
  }
}
