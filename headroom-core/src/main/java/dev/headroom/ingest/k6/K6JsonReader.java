package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The per-sample output of {@code k6 run --out json=file} (or {@code file.gz}, gzip-compressed; the
 * compression is recognised by its magic bytes), newline-delimited JSON written by {@code
 * grafana/k6: internal/output/json}; checked against k6 v0.49.0.
 *
 * <p><b>Layout.</b> One JSON object per line, keys in any order (older versions put {@code type}
 * first and add {@code tainted}):
 *
 * <ul>
 *   <li>{@code {"type":"Metric","data":{"name","type","contains","thresholds","submetrics"},
 *       "metric":name}}, once per metric, before its first point;
 *   <li>{@code {"type":"Point","metric":name,"data":{"time":RFC3339Nano,"value":float,
 *       "tags":{…}}}} for every sample.
 * </ul>
 *
 * <p><b>Fields used and units.</b> {@code http_req_duration} points: {@code value} in
 * <b>milliseconds</b> (sending + waiting + receiving), {@code time} the request's <b>end</b>; the
 * tag {@code expected_response} (else {@code status}) says whether it failed, as {@code
 * http_req_failed} does. {@code vus} gauge points (about one a second): active VUs from their time
 * on, the concurrency N of X(N). A {@code dropped_iterations} metric marks an arrival-rate (open)
 * executor. Other metrics are read and ignored.
 *
 * <p><b>Reading.</b> Two passes over the file, each in constant memory: the first collects the
 * {@code vus} points into a timeline (they are interleaved with, and may trail, the requests they
 * cover); the second tokenises every line with Jackson's streaming parser and records each request
 * at the VU count in force when it ended. A line that is not a JSON object, lacks a field or holds
 * a bad time is skipped, counted and reported with its line number; a truncated gzip stream is an
 * error.
 */
public final class K6JsonReader extends LoadTestReader {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  @Override
  public LoadTestFormat format() {
    return LoadTestFormat.K6_JSON;
  }

  @Override
  public boolean accepts(Head head) {
    return K6Heads.isNdjson(head.text());
  }

  @Override
  public LoadTest read(Path file, ReadOptions options) {
    return read(file, options, null);
  }

  LoadTest read(Path file, ReadOptions options, RequestSink tap) {
    K6Requests requests = new K6Requests(file, tap);
    long line = 0;
    try (BufferedReader in = openText(file)) {
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.contains("\"vus\"")) {
          Line l = parse(text);
          if (l.error == null && l.isPoint() && "vus".equals(l.metric) && l.complete()) {
            requests.vus(l.timeMicros, l.value);
          }
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    if (line == 0) {
      throw problem(file, 0, "an empty file", "k6 --out json output: one JSON object per line");
    }
    line = 0;
    try (BufferedReader in = openText(file)) {
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        Line l = parse(text);
        if (l.error != null) {
          requests.skip(line, l.error);
        } else if ("Metric".equals(l.type)) {
          if ("dropped_iterations".equals(l.name) || "dropped_iterations".equals(l.metric)) {
            requests.droppedIterations();
          }
        } else if (!l.isPoint()) {
          requests.skip(
              line,
              "type "
                  + (l.type == null ? "missing" : '"' + l.type + '"')
                  + "; allowed Metric or Point");
        } else if (l.metric == null || !l.complete()) {
          requests.skip(line, "a Point without metric, data.time and a numeric data.value");
        } else if ("http_req_duration".equals(l.metric)) {
          if (!(l.value >= 0) || Double.isInfinite(l.value)) {
            requests.skip(
                line, "http_req_duration value " + l.value + "; allowed a duration in ms >= 0");
          } else {
            requests.request(
                l.timeMicros, l.value, K6Requests.outcome(l.expectedResponse, l.status));
            requests.url(l.url);
          }
        } else if ("http_req_failed".equals(l.metric)) {
          requests.failedPoint(l.value);
        } else if ("dropped_iterations".equals(l.metric)) {
          requests.droppedIterations();
        }
      }
    } catch (IOException e) {
      throw ioProblem(file, line, e);
    }
    return requests.finish(format(), "k6 (--out json)", options, line);
  }

  /** The fields of one line this reader needs; {@code error} says why the line is unusable. */
  private static final class Line {
    String type;
    String metric;
    String name;
    String time;
    long timeMicros;
    double value = Double.NaN;
    String expectedResponse;
    String status;
    String url;
    String error;

    boolean isPoint() {
      return "Point".equals(type);
    }

    boolean complete() {
      return time != null && !Double.isNaN(value);
    }
  }

  static Line parse(String text) {
    Line l = new Line();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        l.error = "not a JSON object";
        return l;
      }
      String field;
      while ((field = p.nextName()) != null) {
        JsonToken t = p.nextToken();
        switch (field) {
          case "type" -> l.type = t == JsonToken.VALUE_STRING ? p.getString() : null;
          case "metric" -> l.metric = t == JsonToken.VALUE_STRING ? p.getString() : null;
          case "data" -> {
            if (t == JsonToken.START_OBJECT) {
              data(p, l);
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        l.error = "more than one JSON value on the line";
        return l;
      }
      if (l.time != null) {
        l.timeMicros = K6Time.rfc3339Micros(l.time);
      }
    } catch (JacksonException e) {
      l.error =
          "malformed JSON at column "
              + e.getLocation().getColumnNr()
              + " ("
              + e.getOriginalMessage()
              + ")";
    } catch (DateTimeException e) {
      l.error =
          "data.time "
              + e.getMessage()
              + "; allowed an RFC 3339 time such as 2026-11-23T05:26:35.063401038Z";
    }
    return l;
  }

  private static void data(JsonParser p, Line l) {
    String field;
    while ((field = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (field) {
        case "time" -> l.time = t == JsonToken.VALUE_STRING ? p.getString() : null;
        case "value" -> l.value = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
        case "name" -> l.name = t == JsonToken.VALUE_STRING ? p.getString() : null;
        case "tags" -> {
          if (t == JsonToken.START_OBJECT) {
            String tag;
            while ((tag = p.nextName()) != null) {
              JsonToken v = p.nextToken();
              if ("expected_response".equals(tag)) {
                l.expectedResponse = v.isScalarValue() ? p.getText() : null;
              } else if ("status".equals(tag)) {
                l.status = v.isScalarValue() ? p.getText() : null;
              } else if ("url".equals(tag)) {
                l.url = v.isScalarValue() ? p.getText() : null;
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }
}
