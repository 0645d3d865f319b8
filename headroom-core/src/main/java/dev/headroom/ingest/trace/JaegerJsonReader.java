package dev.headroom.ingest.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonToken;

/**
 * Jaeger's query-API JSON ({@code /api/traces}, the UI's "Download JSON"; jaegertracing/jaeger
 * {@code internal/uimodel/model.go}):
 *
 * <pre>
 * {"data": [{"traceID", "spans": [{traceID, spanID, operationName,
 *                                  references: [{refType: CHILD_OF | FOLLOWS_FROM, traceID, spanID}],
 *                                  startTime, duration, tags: [{key, type, value}], processID, …}],
 *            "processes": {"p1": {serviceName, tags}}}], "total", "limit", "offset", "errors"}
 * </pre>
 *
 * <ul>
 *   <li>{@code startTime} (since the epoch) and {@code duration} are microseconds.
 *   <li>The service is {@code processes[processID].serviceName}; the anonymizer's variant embeds a
 *       {@code process} in each span instead, which is read too.
 *   <li>The span kind is the {@code span.kind} tag; the parent is the first {@code CHILD_OF}
 *       reference (else the first reference), or the older {@code parentSpanID} field.
 * </ul>
 */
final class JaegerJsonReader {

  /** Jaeger writes microseconds. */
  private static final long NANOS_PER_MICRO = 1000;

  private JaegerJsonReader() {}

  /** Reads the value of {@code data}; the current token is its first. */
  static void data(SpanStream s) {
    if (!s.expect(JsonToken.START_ARRAY, "data", "an array of traces")) {
      return;
    }
    while (s.p.nextToken() != JsonToken.END_ARRAY && !s.full()) {
      if (s.expect(JsonToken.START_OBJECT, "data[]", "a trace object")) {
        trace(s);
      }
    }
  }

  private static void trace(SpanStream s) {
    List<SpanDraft> drafts = new ArrayList<>();
    Map<String, String> services = new HashMap<>();
    String traceId = null;
    String field;
    while ((field = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      switch (field) {
        case "traceID" -> traceId = s.id("traceID").orElse(null);
        case "spans" -> {
          if (s.expect(JsonToken.START_ARRAY, "spans", "an array of spans")) {
            while (s.p.nextToken() != JsonToken.END_ARRAY) {
              if (s.expect(JsonToken.START_OBJECT, "spans[]", "a span object")) {
                drafts.add(span(s));
              }
            }
          }
        }
        case "processes" -> {
          if (s.expect(JsonToken.START_OBJECT, "processes", "an object of processes")) {
            String id;
            while ((id = s.p.nextName()) != null) {
              s.p.nextToken();
              if (s.expect(JsonToken.START_OBJECT, "processes." + id, "a process object")) {
                services.put(id, serviceName(s));
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
      if (d.traceId == null) {
        d.traceId = traceId; // spans inside a trace may leave their trace id to it
      }
      if (d.service.isEmpty()) {
        d.service = services.getOrDefault(d.processId, "");
      }
      s.emit(d);
    }
  }

  /** The {@code serviceName} of a process object; the current token is its start. */
  private static String serviceName(SpanStream s) {
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

  private static SpanDraft span(SpanStream s) {
    SpanDraft d = new SpanDraft(s.here());
    String parentFromRefs = null;
    boolean childOf = false;
    String field;
    while ((field = s.p.nextName()) != null) {
      JsonToken t = s.p.nextToken();
      switch (field) {
        case "traceID" -> d.traceId = s.id("traceID").orElse(null);
        case "spanID" -> d.spanId = s.id("spanID").orElse(null);
        case "parentSpanID" -> d.parentId = s.id("parentSpanID").orElse("");
        case "operationName" -> d.name = s.scalar("operationName", "a string").orElse("");
        case "startTime" -> d.startNanos = s.nanos("startTime", NANOS_PER_MICRO);
        case "duration" -> d.durationNanos = s.nanos("duration", NANOS_PER_MICRO);
        case "processID" -> d.processId = s.scalar("processID", "a string").orElse("");
        case "process" -> {
          if (s.expect(JsonToken.START_OBJECT, "process", "a process object")) {
            d.service = serviceName(s);
          }
        }
        case "references" -> {
          if (s.expect(JsonToken.START_ARRAY, "references", "an array of references")) {
            while (s.p.nextToken() != JsonToken.END_ARRAY) {
              if (!s.expect(JsonToken.START_OBJECT, "references[]", "a reference object")) {
                continue;
              }
              String refType = "";
              String spanId = null;
              String f;
              while ((f = s.p.nextName()) != null) {
                JsonToken v = s.p.nextToken();
                if (f.equals("refType") && v == JsonToken.VALUE_STRING) {
                  refType = s.p.getString();
                } else if (f.equals("spanID")) {
                  spanId = s.id("references[].spanID").orElse(null);
                } else {
                  s.p.skipChildren();
                }
              }
              // CHILD_OF names the parent; FOLLOWS_FROM only when there is nothing better
              if (spanId != null && !childOf) {
                if (refType.equals("CHILD_OF")) {
                  parentFromRefs = spanId;
                  childOf = true;
                } else if (parentFromRefs == null) {
                  parentFromRefs = spanId;
                }
              }
            }
          }
        }
        case "tags" -> {
          if (s.expect(JsonToken.START_ARRAY, "tags", "an array of {key, type, value}")) {
            while (s.p.nextToken() != JsonToken.END_ARRAY) {
              if (!s.expect(JsonToken.START_OBJECT, "tags[]", "a tag object")) {
                continue;
              }
              String key = null;
              String value = null;
              String f;
              while ((f = s.p.nextName()) != null) {
                JsonToken v = s.p.nextToken();
                if (f.equals("key") && v == JsonToken.VALUE_STRING) {
                  key = s.p.getString();
                } else if (f.equals("value") && v != null && v.isScalarValue()) {
                  value = v == JsonToken.VALUE_NULL ? null : s.p.getText();
                } else {
                  s.p.skipChildren();
                }
              }
              d.tag(key, value);
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
    if (d.parentId.isEmpty() && parentFromRefs != null) {
      d.parentId = parentFromRefs;
    }
    return d;
  }
}
