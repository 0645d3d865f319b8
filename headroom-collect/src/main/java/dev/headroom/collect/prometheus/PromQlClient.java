package dev.headroom.collect.prometheus;

import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read-only client of the Prometheus HTTP API
 * (prometheus.io/docs/prometheus/latest/querying/api), which VictoriaMetrics, Thanos, Mimir and
 * Cortex also speak. It sends only GET requests, and only to {@link #PATHS}: the class has no way
 * to build any other request, which is what makes the collector read-only by construction. Every
 * request has the connect timeout and a whole-request timeout; a bearer token or the URL's user and
 * password travel in the {@code Authorization} header and appear in no message.
 */
public final class PromQlClient {

  /** The only paths this client requests, below the engine's base URL. */
  public static final List<String> PATHS =
      List.of(
          "/api/v1/query",
          "/api/v1/query_range",
          "/api/v1/status/buildinfo",
          "/api/v1/label/__name__/values");

  /** One sample of an instant vector. */
  public record Sample(Map<String, String> labels, double value) {
    public Sample {
      labels = Map.copyOf(labels);
    }
  }

  /**
   * One series of a range query: {@code values[i]} at {@code times[i]} (seconds since the epoch),
   * only where the engine had a value.
   */
  public record Range(Map<String, String> labels, double[] times, double[] values) {
    public Range {
      labels = Map.copyOf(labels);
      times = times.clone();
      values = values.clone();
      if (times.length != values.length) {
        throw new IllegalArgumentException("times and values differ in length");
      }
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Target target;
  private final URI base;
  private final Optional<String> authorization;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param target the engine; {@code database} holds a path prefix (Thanos or Mimir behind {@code
   *     /prometheus}), user and password basic authentication
   * @param bearerToken a token for {@code Authorization: Bearer} (wins over basic authentication)
   * @param timeout for the connect and for each whole request
   */
  public PromQlClient(Target target, Optional<Target.Secret> bearerToken, Duration timeout) {
    this.target = Objects.requireNonNull(target, "target");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    String prefix = target.database().isEmpty() ? "" : "/" + target.database();
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    this.base = URI.create(target.scheme() + "://" + host + ":" + target.port() + prefix);
    if (bearerToken.isPresent()
        && bearerToken.get().value().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      // a header with a line break would be refused with the value in the message: say so without
      // it
      throw new CollectionException(
          "PROMETHEUS_TOKEN holds a control character (a line break?); allowed a token on one line");
    }
    if (bearerToken.isPresent() && !bearerToken.get().isEmpty()) {
      this.authorization = Optional.of("Bearer " + bearerToken.get().value());
    } else if (!target.user().isEmpty() || !target.password().isEmpty()) {
      String pair = target.user() + ":" + target.password().value();
      this.authorization =
          Optional.of(
              "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      this.authorization = Optional.empty();
    }
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The engine's name and version from {@code /api/v1/status/buildinfo}, when it offers one. */
  public Optional<String> buildInfo() {
    JsonNode data;
    try {
      data = get("/api/v1/status/buildinfo", Map.of(), "buildinfo");
    } catch (EngineError e) {
      // VictoriaMetrics and some gateways have no buildinfo: optional by the API's own words
      return Optional.empty();
    }
    String version = data.path("version").asString("");
    return version.isEmpty() ? Optional.empty() : Optional.of(version);
  }

  /** Every metric name the engine holds ({@code /api/v1/label/__name__/values}). */
  public Set<String> metricNames() {
    JsonNode data = orFail(() -> get("/api/v1/label/__name__/values", Map.of(), "metric names"));
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode n : data) {
      names.add(n.asString(""));
    }
    return names;
  }

  /** An instant query evaluated at {@code at}. */
  public List<Sample> instant(String promql, Instant at) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", promql);
    params.put("time", seconds(at));
    JsonNode data = orFail(() -> get("/api/v1/query", params, promql));
    String type = data.path("resultType").asString("");
    List<Sample> out = new ArrayList<>();
    if (type.equals("scalar")) {
      double v = number(data.path("result").path(1), promql);
      if (!Double.isNaN(v)) {
        out.add(new Sample(Map.of(), v));
      }
      return out;
    }
    if (!type.equals("vector")) {
      throw new CollectionException(
          target.redacted() + ": the query " + promql + " gave a " + type + ", not a vector");
    }
    for (JsonNode r : data.path("result")) {
      double v = number(r.path("value").path(1), promql);
      if (!Double.isNaN(v)) {
        out.add(new Sample(labels(r.path("metric")), v));
      }
    }
    return out;
  }

  /** A range query from {@code start} to {@code end} at {@code step}. */
  public List<Range> range(String promql, Instant start, Instant end, Duration step) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", promql);
    params.put("start", seconds(start));
    params.put("end", seconds(end));
    params.put("step", Long.toString(Math.max(1, step.toSeconds())));
    JsonNode data = orFail(() -> get("/api/v1/query_range", params, promql));
    List<Range> out = new ArrayList<>();
    for (JsonNode r : data.path("result")) {
      List<double[]> points = new ArrayList<>();
      for (JsonNode p : r.path("values")) {
        double v = number(p.path(1), promql);
        if (!Double.isNaN(v)) {
          points.add(new double[] {p.path(0).asDouble(), v});
        }
      }
      double[] t = new double[points.size()];
      double[] v = new double[points.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = points.get(i)[0];
        v[i] = points.get(i)[1];
      }
      out.add(new Range(labels(r.path("metric")), t, v));
    }
    return out;
  }

  /** What the engine said when it refused a request: its errorType and error. */
  static final class EngineError extends Exception {
    private static final long serialVersionUID = 1L;

    EngineError(String message) {
      super(message);
    }
  }

  @FunctionalInterface
  private interface Call {
    JsonNode run() throws EngineError;
  }

  private JsonNode orFail(Call call) {
    try {
      return call.run();
    } catch (EngineError e) {
      throw new CollectionException(target.redacted() + ": " + e.getMessage());
    }
  }

  private JsonNode get(String path, Map<String, String> params, String what) throws EngineError {
    if (!PATHS.contains(path)) {
      throw new IllegalStateException("not a read-only path: " + path);
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      query.append(query.length() == 0 ? "?" : "&");
      query
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + path + query))
            .GET()
            .timeout(timeout)
            .header("Accept", "application/json");
    authorization.ifPresent(a -> req.header("Authorization", a));
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new CollectionException(
          target.redacted()
              + ": no answer within "
              + timeout.toMillis()
              + " ms (asking for "
              + what
              + "); check the URL, the network, or raise --timeout");
    } catch (ConnectException e) {
      throw new CollectionException(
          target.redacted() + ": cannot connect (connection refused); check the URL and the port");
    } catch (IOException e) {
      throw new CollectionException(
          target.redacted()
              + ": the engine went away during the request for "
              + what
              + " ("
              + e.getClass().getSimpleName()
              + "); check that it is running and collect again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectionException(target.redacted() + ": interrupted");
    }
    int status = resp.statusCode();
    if (status == 401 || status == 403) {
      throw new CollectionException(
          target.redacted()
              + ": the engine refused the credentials (HTTP "
              + status
              + "); check PROMETHEUS_TOKEN or the URL's user and password");
    }
    JsonNode body;
    try {
      body = JSON.readTree(resp.body());
    } catch (JacksonException e) {
      // an engine or gateway without this endpoint (buildinfo is optional) answers HTML or text
      throw new EngineError(
          "HTTP "
              + status
              + " with an answer that is not JSON for "
              + path
              + "; is this a Prometheus API URL?");
    }
    if (body == null || !body.isObject()) {
      throw new EngineError("HTTP " + status + " without a JSON object for " + path);
    }
    if (!"success".equals(body.path("status").asString(""))) {
      throw new EngineError(
          "the engine answered "
              + body.path("errorType").asString("an error")
              + ": "
              + body.path("error").asString("(no message)")
              + " (HTTP "
              + status
              + ", for "
              + what
              + ")");
    }
    return body.path("data");
  }

  private double number(JsonNode n, String promql) {
    String s = n.asString("");
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan", "+inf", "-inf", "inf" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new CollectionException(
              target.redacted() + ": the query " + promql + " gave \"" + s + "\", not a number");
        }
      }
    }
  }

  private static Map<String, String> labels(JsonNode metric) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : metric.properties()) {
      out.put(e.getKey(), e.getValue().asString(""));
    }
    return out;
  }

  private static String seconds(Instant t) {
    return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
  }

  /** The base URL without credentials, for messages. */
  public String redacted() {
    return target.redacted();
  }
}
