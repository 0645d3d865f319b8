package dev.headroom.collect.prometheus;

import dev.headroom.ingest.yaml.Node;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mapping file: where a team's metrics differ from the usual names, it says which to use. Every
 * field is optional; what is left out is detected (docs/collectors.md, "Prometheus").
 *
 * <pre>
 * histogram: http_server_requests_seconds   # base name of the request-duration histogram
 * service_label: application                # the label that names the service
 * status_label: status                      # the label holding the HTTP status code
 * rate_window: 5m                           # the window of every rate(); >= 4 scrape intervals
 * queries:                                  # full PromQL per evidence key, evaluated at an instant
 *   rps: sum(rate(my_requests_total{app="checkout"}[5m]))
 * components:                               # which series belong to which system-file component
 *   app: { name: web, selector: 'instance=~"web-.*"' }
 *   database: { name: db, selector: 'instance="db-1:9100"' }
 * kubernetes: 'namespace="shop"'            # which containers to right-size
 * </pre>
 *
 * @param queries evidence key ({@code rps}, {@code latency_p95}, {@code app.cpu}, …) to PromQL
 * @param components {@code app} or {@code database} to the component and its series' selector
 * @param kubernetes label matchers for the containers to right-size; empty for all
 */
public record Mapping(
    Optional<String> histogram,
    Optional<String> serviceLabel,
    Optional<String> statusLabel,
    Optional<String> rateWindow,
    Map<String, String> queries,
    Map<String, ComponentSelector> components,
    String kubernetes) {

  /** A component of the system file and the label matchers that pick its series. */
  public record ComponentSelector(String name, String selector) {
    public ComponentSelector {
      Objects.requireNonNull(name, "name");
      selector = selector == null ? "" : selector;
    }
  }

  /** The evidence keys a query may be given for. */
  public static final List<String> QUERY_KEYS =
      List.of(
          "rps",
          "error_rate",
          "latency_p50",
          "latency_p95",
          "latency_p99",
          "app.cpu",
          "app.memory_used",
          "database.cpu",
          "database.memory_used");

  /** The component kinds a selector may be given for. */
  public static final List<String> COMPONENT_KINDS = List.of("app", "database");

  private static final List<String> TOP =
      List.of(
          "histogram",
          "service_label",
          "status_label",
          "rate_window",
          "queries",
          "components",
          "kubernetes");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*(ms|s|m|h|d|w)");

  /**
   * A selector is label matchers without braces; refusing braces, quotes left open and characters
   * that end a matcher list keeps it from changing the query around it.
   */
  private static final Pattern SELECTOR =
      Pattern.compile(
          "\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*"
              + "(,\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*)*");

  public Mapping {
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(serviceLabel, "serviceLabel");
    Objects.requireNonNull(statusLabel, "statusLabel");
    Objects.requireNonNull(rateWindow, "rateWindow");
    queries = Map.copyOf(queries);
    components = Map.copyOf(components);
    kubernetes = kubernetes == null ? "" : kubernetes;
  }

  /** No overrides: everything detected. */
  public static Mapping none() {
    return new Mapping(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of(),
        "");
  }

  /** Whether {@code s} is label matchers this collector accepts ({@code job="x",env!="dev"}). */
  public static boolean isSelector(String s) {
    return s.isEmpty() || SELECTOR.matcher(s).matches();
  }

  /**
   * Reads and checks a mapping file (YAML or JSON); every problem is reported at once, each at
   * file:line:column with what was found and what is allowed.
   */
  public static Mapping read(Path file) {
    Node root =
        YamlTree.read(
            file, new YamlTree.Kind("a mapping file", "a map such as histogram: my_http_seconds"));
    List<InputProblem> problems = new ArrayList<>();
    if (!(root instanceof Node.MapNode map)) {
      throw new BadInputException(
          problem(root.location(), "", root.describe(), "a map of " + String.join(", ", TOP)));
    }
    Optional<String> histogram = Optional.empty();
    Optional<String> serviceLabel = Optional.empty();
    Optional<String> statusLabel = Optional.empty();
    Optional<String> rateWindow = Optional.empty();
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, ComponentSelector> components = new LinkedHashMap<>();
    String kubernetes = "";
    for (Map.Entry<String, Node> e : map.entries().entrySet()) {
      String key = e.getKey();
      Node v = e.getValue();
      switch (key) {
        case "histogram" ->
            histogram =
                text(v, key, NAME, "a metric name such as http_server_requests_seconds", problems);
        case "service_label" ->
            serviceLabel = text(v, key, LABEL, "a label name such as application", problems);
        case "status_label" ->
            statusLabel = text(v, key, LABEL, "a label name such as status or code", problems);
        case "rate_window" ->
            rateWindow = text(v, key, DURATION, "a PromQL duration such as 5m or 2m", problems);
        case "kubernetes" ->
            kubernetes =
                text(v, key, SELECTOR, "label matchers such as namespace=\"shop\"", problems)
                    .orElse("");
        case "queries" -> {
          if (v instanceof Node.MapNode q) {
            for (Map.Entry<String, Node> qe : q.entries().entrySet()) {
              String k = "queries." + qe.getKey();
              if (!QUERY_KEYS.contains(qe.getKey())) {
                problems.add(
                    problem(
                        q.keys().get(qe.getKey()),
                        k,
                        "the key \"" + qe.getKey() + "\"",
                        "one of " + String.join(", ", QUERY_KEYS)));
                continue;
              }
              Node qv = qe.getValue();
              if (qv instanceof Node.Scalar s && s.kind().equals("string") && !s.text().isBlank()) {
                queries.put(qe.getKey(), s.text().strip());
              } else {
                problems.add(
                    problem(qv.location(), k, qv.describe(), "a PromQL expression as text"));
              }
            }
          } else {
            problems.add(
                problem(v.location(), key, v.describe(), "a map of evidence key to PromQL"));
          }
        }
        case "components" -> {
          if (v instanceof Node.MapNode c) {
            for (Map.Entry<String, Node> ce : c.entries().entrySet()) {
              String k = "components." + ce.getKey();
              if (!COMPONENT_KINDS.contains(ce.getKey())) {
                problems.add(
                    problem(
                        c.keys().get(ce.getKey()),
                        k,
                        "the key \"" + ce.getKey() + "\"",
                        "one of " + String.join(", ", COMPONENT_KINDS)));
                continue;
              }
              component(ce.getValue(), k, problems)
                  .ifPresent(cs -> components.put(ce.getKey(), cs));
            }
          } else {
            problems.add(
                problem(v.location(), key, v.describe(), "a map with app and/or database"));
          }
        }
        default ->
            problems.add(
                problem(
                    map.keys().get(key),
                    key,
                    "the key \"" + key + "\"",
                    "one of " + String.join(", ", TOP)));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new Mapping(
        histogram, serviceLabel, statusLabel, rateWindow, queries, components, kubernetes);
  }

  private static Optional<ComponentSelector> component(
      Node v, String key, List<InputProblem> problems) {
    if (!(v instanceof Node.MapNode m)) {
      problems.add(
          problem(v.location(), key, v.describe(), "a map { name: web, selector: 'job=\"web\"' }"));
      return Optional.empty();
    }
    Optional<String> name = Optional.empty();
    String selector = "";
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String k = key + "." + e.getKey();
      switch (e.getKey()) {
        case "name" ->
            name =
                text(
                    e.getValue(),
                    k,
                    COMPONENT,
                    "a component name from the system file (lower case letters, digits, - and _)",
                    problems);
        case "selector" ->
            selector =
                text(
                        e.getValue(),
                        k,
                        SELECTOR,
                        "label matchers such as instance=\"db-1:9100\"",
                        problems)
                    .orElse("");
        default ->
            problems.add(
                problem(
                    m.keys().get(e.getKey()),
                    k,
                    "the key \"" + e.getKey() + "\"",
                    "name, selector"));
      }
    }
    if (name.isEmpty()) {
      if (!m.entries().containsKey("name")) {
        problems.add(problem(m.location(), key, "no name", "name: the system file's component"));
      }
      return Optional.empty();
    }
    return Optional.of(new ComponentSelector(name.get(), selector));
  }

  private static Optional<String> text(
      Node v, String key, Pattern allowed, String what, List<InputProblem> problems) {
    if (v instanceof Node.Scalar s && !s.kind().equals("null")) {
      String t = s.text().strip();
      if (allowed.matcher(t).matches()) {
        return Optional.of(t);
      }
    }
    problems.add(problem(v.location(), key, v.describe(), what));
    return Optional.empty();
  }

  private static InputProblem problem(SourceLocation at, String key, String found, String allowed) {
    SourceLocation l = at == null ? new SourceLocation("mapping", 0, 0) : at;
    return new InputProblem(l.file(), l.line(), l.column(), key, found, allowed, null);
  }
}
