package dev.headroom.analysis.trace;

import dev.headroom.ingest.trace.TraceFormat;
import dev.headroom.ingest.trace.TraceInput;
import dev.headroom.ingest.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hand-built request with an N+1 loop, written in each trace format, so that every reader is
 * held to the same answer. The request ({@code GET /authors/7/books}, 100 ms) runs:
 *
 * <ul>
 *   <li>{@code SELECT * FROM author WHERE id = 7} at 1-3 ms;
 *   <li>{@code SELECT * FROM book WHERE author_id = 7 AND n = i} twelve times, 4 ms each, one after
 *       the other from 5 ms, 6 ms apart (the last ends at 75 ms);
 *   <li>a Redis GET at 80-82 ms;
 *   <li>an HTTP call to an outside payments API at 85-95 ms.
 * </ul>
 *
 * So: 13 database calls taking 50 ms (share 0.5), 2 ms of cache, 10 ms external, 38 ms own code,
 * and one N+1 suspect of 12 runs.
 */
public final class TraceFixtures {

  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final long T0_MICROS = 1_764_633_600_000_000L; // 2025-12-02T00:00:00Z
  static final int LOOP = 12;

  private TraceFixtures() {}

  /** A call of the request: id, name, start and end in ms from the request's start, and kind. */
  record Call(String id, String name, double fromMs, double toMs, String what, String detail) {}

  static List<Call> calls() {
    List<Call> c = new ArrayList<>();
    c.add(
        new Call(
            "00000000000000a1",
            "SELECT shop.author",
            1,
            3,
            "sql",
            "SELECT * FROM author WHERE id = 7"));
    for (int i = 0; i < LOOP; i++) {
      double from = 5 + 6 * i;
      c.add(
          new Call(
              String.format(Locale.ROOT, "00000000000000b%x", i),
              "SELECT shop.book",
              from,
              from + 4,
              "sql",
              "SELECT * FROM book WHERE author_id = 7 AND n = " + i));
    }
    c.add(new Call("00000000000000c1", "GET", 80, 82, "redis", "GET author:7"));
    c.add(
        new Call(
            "00000000000000d1", "POST", 85, 95, "http", "https://payments.example.com/v1/quote"));
    return c;
  }

  public static TraceInput read(TraceFormat format) {
    String json =
        switch (format) {
          case OTLP_JSON -> otlp();
          case JAEGER_JSON -> jaeger();
          case ZIPKIN_V2 -> zipkin();
        };
    return TraceReader.read(
        "n-plus-one." + format.name().toLowerCase(Locale.ROOT) + ".json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static long micros(double ms) {
    return T0_MICROS + Math.round(ms * 1000);
  }

  static String otlp() {
    StringBuilder spans = new StringBuilder();
    spans.append(otlpSpan("0000000000000001", "", "GET /authors/7/books", 2, 0, 100, ""));
    for (Call c : calls()) {
      String attrs =
          switch (c.what()) {
            case "sql" -> attr("db.system", "postgresql") + "," + attr("db.statement", c.detail());
            case "redis" -> attr("db.system", "redis") + "," + attr("db.statement", c.detail());
            default -> attr("http.request.method", "POST") + "," + attr("url.full", c.detail());
          };
      spans
          .append(',')
          .append(otlpSpan(c.id(), "0000000000000001", c.name(), 3, c.fromMs(), c.toMs(), attrs));
    }
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        + attr("service.name", "shop")
        + "]},\"scopeSpans\":[{\"scope\":{\"name\":\"test\"},\"spans\":["
        + spans
        + "]}]}]}";
  }

  private static String otlpSpan(
      String id, String parent, String name, int kind, double fromMs, double toMs, String attrs) {
    return "{\"traceId\":\""
        + TRACE
        + "\",\"spanId\":\""
        + id
        + "\",\"parentSpanId\":\""
        + parent
        + "\",\"name\":\""
        + name
        + "\",\"kind\":"
        + kind
        + ",\"startTimeUnixNano\":\""
        + micros(fromMs) * 1000
        + "\",\"endTimeUnixNano\":\""
        + micros(toMs) * 1000
        + "\",\"attributes\":["
        + attrs
        + "],\"status\":{}}";
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  static String jaeger() {
    StringBuilder spans = new StringBuilder();
    spans.append(
        jaegerSpan(
            "0000000000000001", null, "GET /authors/7/books", 0, 100, tag("span.kind", "server")));
    for (Call c : calls()) {
      String tags =
          tag("span.kind", "client")
              + ","
              + switch (c.what()) {
                case "sql" ->
                    tag("db.system", "postgresql") + "," + tag("db.statement", c.detail());
                case "redis" -> tag("db.system", "redis") + "," + tag("db.statement", c.detail());
                default -> tag("http.method", "POST") + "," + tag("http.url", c.detail());
              };
      spans
          .append(',')
          .append(jaegerSpan(c.id(), "0000000000000001", c.name(), c.fromMs(), c.toMs(), tags));
    }
    return "{\"data\":[{\"traceID\":\""
        + TRACE
        + "\",\"spans\":["
        + spans
        + "],\"processes\":{\"p1\":{\"serviceName\":\"shop\",\"tags\":[]}},\"warnings\":null}],"
        + "\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}";
  }

  private static String jaegerSpan(
      String id, String parent, String name, double fromMs, double toMs, String tags) {
    String refs =
        parent == null
            ? "[]"
            : "[{\"refType\":\"CHILD_OF\",\"traceID\":\""
                + TRACE
                + "\",\"spanID\":\""
                + parent
                + "\"}]";
    return "{\"traceID\":\""
        + TRACE
        + "\",\"spanID\":\""
        + id
        + "\",\"operationName\":\""
        + name
        + "\",\"references\":"
        + refs
        + ",\"startTime\":"
        + micros(fromMs)
        + ",\"duration\":"
        + (micros(toMs) - micros(fromMs))
        + ",\"tags\":["
        + tags
        + "],\"logs\":[],\"processID\":\"p1\",\"warnings\":null}";
  }

  private static String tag(String key, String value) {
    return "{\"key\":\"" + key + "\",\"type\":\"string\",\"value\":\"" + value + "\"}";
  }

  static String zipkin() {
    StringBuilder spans = new StringBuilder();
    spans.append(
        zipkinSpan("0000000000000001", null, "SERVER", "GET /authors/7/books", 0, 100, "", "{}"));
    for (Call c : calls()) {
      String remote;
      String tags;
      switch (c.what()) {
        case "sql" -> {
          remote = "app_db";
          tags = "{\"sql.query\":\"" + c.detail() + "\"}";
        }
        case "redis" -> {
          remote = "redis";
          tags = "{}";
        }
        default -> {
          remote = "payments";
          tags = "{\"http.method\":\"POST\",\"http.url\":\"" + c.detail() + "\"}";
        }
      }
      spans
          .append(',')
          .append(
              zipkinSpan(
                  c.id(),
                  "0000000000000001",
                  "CLIENT",
                  c.name(),
                  c.fromMs(),
                  c.toMs(),
                  remote,
                  tags));
    }
    return "[" + spans + "]";
  }

  private static String zipkinSpan(
      String id,
      String parent,
      String kind,
      String name,
      double fromMs,
      double toMs,
      String remote,
      String tags) {
    return "{\"traceId\":\""
        + TRACE
        + "\","
        + (parent == null ? "" : "\"parentId\":\"" + parent + "\",")
        + "\"id\":\""
        + id
        + "\",\"kind\":\""
        + kind
        + "\",\"name\":\""
        + name
        + "\",\"timestamp\":"
        + micros(fromMs)
        + ",\"duration\":"
        + (micros(toMs) - micros(fromMs))
        + ",\"localEndpoint\":{\"serviceName\":\"shop\"},"
        + (remote.isEmpty() ? "" : "\"remoteEndpoint\":{\"serviceName\":\"" + remote + "\"},")
        + "\"tags\":"
        + tags
        + "}";
  }
}
