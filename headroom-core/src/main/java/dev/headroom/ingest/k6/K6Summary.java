package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns either k6 end-of-test summary into one {@link Step}. Both shapes hold the same metrics; the
 * legacy export flattens each to its values ({@code metrics.http_reqs.count}), handleSummary nests
 * them ({@code metrics.http_reqs.values.count}). Summaries are a few kilobytes, so they are read as
 * a tree.
 */
final class K6Summary {

  /** How k6 computes Trend percentiles (grafana/k6: {@code metrics/sink.go}, TrendSink.P). */
  static final String K6_PERCENTILES = "k6 summary (linear interpolation between closest ranks)";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final boolean nested;
  private final JsonNode root;
  private final JsonNode metrics;

  private K6Summary(Path file, boolean nested, JsonNode root) {
    this.file = file;
    this.nested = nested;
    this.root = root;
    this.metrics = root.get("metrics");
  }

  static LoadTest read(
      Path file, ReadOptions options, LoadTestFormat format, boolean nested, InputStream in) {
    JsonNode root;
    try (in) {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              line,
              column,
              "",
              "malformed JSON (" + e.getOriginalMessage() + ")",
              "a k6 end-of-test summary JSON object",
              null),
          e);
    } catch (IOException e) {
      throw new BadInputException(
          new InputProblem(
              file.toString(),
              0,
              0,
              "",
              "an unreadable file (" + e.getMessage() + ")",
              "a readable k6 summary",
              null),
          e);
    }
    if (root == null
        || !root.isObject()
        || root.get("metrics") == null
        || !root.get("metrics").isObject()) {
      throw bad(
          file,
          "metrics",
          root == null || root.isMissingNode() ? "an empty file" : "no \"metrics\" object",
          "a k6 summary JSON object with a \"metrics\" object");
    }
    return new K6Summary(file, nested, root).toLoadTest(options, format);
  }

  private LoadTest toLoadTest(ReadOptions options, LoadTestFormat format) {
    List<String> warnings = new ArrayList<>();
    JsonNode reqs = values("http_reqs");
    if (reqs == null) {
      throw bad(
          file,
          key("http_reqs"),
          "no http_reqs metric",
          "a summary of a run that made HTTP requests (k6 counts them in http_reqs)");
    }
    long requests = Math.round(number(reqs, "http_reqs", "count", true));
    double rate = number(reqs, "http_reqs", "rate", true);
    if (requests <= 0) {
      throw bad(
          file,
          key("http_reqs") + ".count",
          "http_reqs count " + requests,
          "a run with at least one request");
    }

    // http_req_failed is a Rate of failed requests: its "passes" are failures (FORMATS.md §1)
    long errors = 0;
    JsonNode failed = values("http_req_failed");
    if (failed == null) {
      warnings.add(
          "no http_req_failed metric (k6 before v0.31): failed requests unknown, counted as 0");
    } else {
      errors = Math.round(number(failed, "http_req_failed", "passes", true));
      if (errors > requests) {
        throw bad(
            file,
            key("http_req_failed") + ".passes",
            String.valueOf(errors),
            "at most http_reqs.count (" + requests + ")");
      }
    }

    double seconds;
    double durationMs =
        nested ? root.path("state").path("testRunDurationMs").asDouble(Double.NaN) : Double.NaN;
    if (durationMs > 0) {
      seconds = durationMs / 1000.0;
    } else if (rate > 0) {
      // the legacy export drops state.testRunDurationMs; k6's rate is count / duration
      seconds = requests / rate;
      warnings.add(
          String.format(
              Locale.ROOT,
              "test duration %.3f s derived from http_reqs count / rate (%d / %.4f/s): the file"
                  + " does not record it",
              seconds,
              requests,
              rate));
    } else {
      throw bad(file, key("http_reqs") + ".rate", String.valueOf(rate), "a positive request rate");
    }
    double throughput = rate > 0 ? rate : requests / seconds;

    JsonNode duration = values("http_req_duration");
    LatencySummary latency = null;
    if (duration == null) {
      warnings.add("no http_req_duration metric: latency unknown");
    } else {
      latency =
          new LatencySummary(
              optional(duration, "avg"),
              optional(duration, "med"),
              optional(duration, "p(90)"),
              optional(duration, "p(95)"),
              optional(duration, "p(99)"),
              optional(duration, "max"),
              K6_PERCENTILES);
    }

    double concurrency;
    ConcurrencyOrigin origin;
    JsonNode vus = values("vus");
    JsonNode vusMax = values("vus_max");
    if (options != null && options.concurrency() != null) {
      concurrency = options.concurrency();
      origin = ConcurrencyOrigin.GIVEN;
      warnings.add("concurrency taken from --concurrency");
    } else if (vus != null && vus.path("max").asDouble(0) > 0) {
      concurrency = vus.path("max").asDouble();
      origin = ConcurrencyOrigin.GAUGE;
      warnings.add("concurrency is the peak of the vus gauge (vus.max)");
      double min = vus.path("min").asDouble(concurrency);
      if (min < concurrency) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "VUs varied from %s to %s: one step for the whole run averages throughput over the"
                    + " ramp; read the k6 --out json or csv output for throughput per VU level",
                fmt(min),
                fmt(concurrency)));
      }
    } else if (vusMax != null && vusMax.path("max").asDouble(0) > 0) {
      concurrency = vusMax.path("max").asDouble();
      origin = ConcurrencyOrigin.GAUGE;
      warnings.add(
          "concurrency is the number of allocated VUs (vus_max.max); the vus gauge is missing");
    } else if (latency != null && latency.meanMs() != null && latency.meanMs() > 0) {
      // Little's law N = X·R (Little 1961), R the mean response time in seconds
      concurrency = throughput * latency.meanMs() / 1000.0;
      origin = ConcurrencyOrigin.LITTLES_LAW;
      warnings.add("no vus or vus_max gauge: concurrency estimated with Little's law N = X·R");
    } else {
      throw bad(
          file,
          key("vus"),
          "neither a vus gauge nor a mean http_req_duration",
          "a summary with vus or vus_max, or --concurrency");
    }

    warnings.addAll(failedThresholds());
    boolean dropped = values("dropped_iterations") != null;
    warnings.addAll(K6LoadModel.warnings(dropped));
    Step step = new Step(concurrency, origin, requests, errors, seconds, throughput, latency);
    return new LoadTest(
        file.toString(),
        format,
        "k6 (" + (nested ? "handleSummary" : "--summary-export") + ")",
        K6LoadModel.of(dropped),
        List.of(step),
        warnings,
        SkippedRecords.NONE);
  }

  /** The values of metric {@code name}, or null when the summary lacks it. */
  private JsonNode values(String name) {
    JsonNode m = metrics.get(name);
    if (m == null || !m.isObject()) {
      return null;
    }
    JsonNode v = nested ? m.get("values") : m;
    return v != null && v.isObject() ? v : null;
  }

  private String key(String metric) {
    return "metrics." + metric + (nested ? ".values" : "");
  }

  private double number(JsonNode values, String metric, String name, boolean required) {
    JsonNode v = values.get(name);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
      if (!required && v == null) {
        return Double.NaN;
      }
      throw bad(
          file, key(metric) + "." + name, v == null ? "nothing" : v.toString(), "a number >= 0");
    }
    return v.asDouble();
  }

  private Double optional(JsonNode values, String name) {
    JsonNode v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
      throw bad(file, key("http_req_duration") + "." + name, v.toString(), "a duration in ms >= 0");
    }
    return v.asDouble();
  }

  /**
   * Thresholds that failed. Legacy: {@code "thresholds": {"p(95)<50": true}} where true means
   * FAILED (it is {@code !threshold.ok}); handleSummary: {@code {"p(95)<50": {"ok": false}}}.
   */
  private List<String> failedThresholds() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : metrics.properties()) {
      JsonNode thresholds = m.getValue().get("thresholds");
      if (thresholds == null || !thresholds.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> t : thresholds.properties()) {
        boolean failed =
            nested ? !t.getValue().path("ok").asBoolean(true) : t.getValue().asBoolean(false);
        if (failed) {
          out.add("k6 threshold failed: " + m.getKey() + " " + t.getKey());
        }
      }
    }
    return out;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static BadInputException bad(Path file, String key, String found, String allowed) {
    return new BadInputException(
        new InputProblem(file.toString(), 0, 0, key, found, allowed, null));
  }
}
