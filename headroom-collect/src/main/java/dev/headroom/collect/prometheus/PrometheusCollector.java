package dev.headroom.collect.prometheus;

import dev.headroom.analysis.rightsizing.ContainerUsage;
import dev.headroom.analysis.rightsizing.RightSizingPolicy;
import dev.headroom.collect.CollectionException;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Series;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.Provenance;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.Units;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects a service's golden signals and its containers' usage from a PromQL engine. Every
 * aggregation ({@code sum}, {@code histogram_quantile}, {@code max_over_time}, {@code
 * quantile_over_time}) runs in the engine; what comes back is one number or one aggregated series
 * per question. The queries follow ADVISOR-CHECKS section 6 (RED and USE, the Micrometer and
 * client-library names, node_exporter, cAdvisor and kube-state-metrics).
 */
public final class PrometheusCollector {

  /** What the evidence file names as its producer. */
  public static final String COLLECTOR = "prometheus HTTP API";

  /** The port Prometheus listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 9090;

  /** The window of every rate(): the idiom's 5m (ADVISOR-CHECKS section 6). */
  public static final String RATE_WINDOW = "5m";

  /** The window a latency percentile is read over around the busiest moment: one hour. */
  static final Duration PEAK_HOUR = Duration.ofHours(1);

  /**
   * Prometheus refuses a range query of more than 11,000 points per series; longer ranges are asked
   * for in pieces of at most this many.
   */
  static final int MAX_POINTS_PER_QUERY = 10_000;

  /** Micrometer's name, then the client libraries' (ADVISOR-CHECKS section 6). */
  static final List<String> HISTOGRAMS =
      List.of("http_server_requests_seconds", "http_request_duration_seconds");

  /** Labels that name a service, in the order tried. */
  static final List<String> SERVICE_LABELS = List.of("application", "service", "job", "app");

  /** Labels that hold the HTTP status, in the order tried. */
  static final List<String> STATUS_LABELS = List.of("status", "code");

  private static final String CONTAINERS = "container!=\"\",container!=\"POD\"";

  /** The evidence and what the report shows beside it. */
  public record Result(
      EvidenceFile evidence,
      List<ContainerUsage> containers,
      List<String> notes,
      Optional<String> engineVersion) {
    public Result {
      Objects.requireNonNull(evidence, "evidence");
      containers = List.copyOf(containers);
      notes = List.copyOf(notes);
      Objects.requireNonNull(engineVersion, "engineVersion");
    }
  }

  private final PromQlClient client;
  private final Clock clock;
  private final Mapping mapping;
  private final RightSizingPolicy policy;

  public PrometheusCollector(
      PromQlClient client, Clock clock, Mapping mapping, RightSizingPolicy policy) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Collects over {@code range} ending now, with range queries at {@code step}.
   *
   * @param service the value of the service label ({@code --service})
   * @param component the system file's app component, or empty
   */
  public Result collect(String service, Duration range, Duration step, String component) {
    if (step.toSeconds() < 1 || range.compareTo(step) < 0) {
      throw new IllegalArgumentException("the step is at least 1 s and at most the range");
    }
    long stepS = step.toSeconds();
    Instant end = Instant.ofEpochSecond(clock.instant().getEpochSecond() / stepS * stepS);
    Instant start = end.minus(range);
    Optional<String> version = client.buildInfo();
    Set<String> names = client.metricNames();
    Run run = new Run(service, start, end, step, component, names);
    run.goldenSignals();
    run.resources();
    List<ContainerUsage> containers = run.containers();
    EvidenceFile evidence =
        new EvidenceFile(
            client.redacted(),
            COLLECTOR + version.map(v -> " (engine " + v + ")").orElse(""),
            end,
            client.redacted(),
            run.obs,
            List.of(),
            run.unseen,
            run.series);
    return new Result(evidence, containers, run.notes, version);
  }

  /** One collection's state: what it found so far. */
  private final class Run {
    final String service;
    final Instant start;
    final Instant end;
    final Duration step;
    final String component;
    final Set<String> names;
    final String rangeS;
    final String stepS;
    final String w;
    final List<Observation> obs = new ArrayList<>();
    final List<Unseen> unseen = new ArrayList<>();
    final List<Series> series = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final SourceLocation at;
    final ObservationWindow window;

    Run(
        String service,
        Instant start,
        Instant end,
        Duration step,
        String component,
        Set<String> names) {
      this.service = service;
      this.start = start;
      this.end = end;
      this.step = step;
      this.component = component;
      this.names = names;
      this.rangeS = Duration.between(start, end).toSeconds() + "s";
      this.stepS = step.toSeconds() + "s";
      this.w = mapping.rateWindow().orElse(RATE_WINDOW);
      this.at = new SourceLocation(client.redacted(), 0, 0);
      this.window = new ObservationWindow(start, end);
    }

    // ---- golden signals ----

    void goldenSignals() {
      List<String> candidates =
          mapping.histogram().map(List::of).orElse(HISTOGRAMS).stream()
              .filter(x -> mapping.histogram().isPresent() || names.contains(x + "_count"))
              .toList();
      Optional<String> histogram = Optional.empty();
      String sel = "";
      for (String h : candidates) {
        Optional<String> label =
            mapping
                .serviceLabel()
                .or(
                    () ->
                        SERVICE_LABELS.stream()
                            .filter(l -> has(h + "_count", l + "=\"" + esc(service) + "\""))
                            .findFirst());
        if (label.isPresent()) {
          histogram = Optional.of(h);
          sel = label.get() + "=\"" + esc(service) + "\"";
          break;
        }
      }
      String status = mapping.statusLabel().orElse(STATUS_LABELS.get(0));
      if (histogram.isEmpty() && !candidates.isEmpty()) {
        notes.add(
            "no "
                + String.join(" or ", candidates.stream().map(x -> x + "_count").toList())
                + " series has "
                + mapping.serviceLabel().map(List::of).orElse(SERVICE_LABELS)
                + " = \""
                + service
                + "\"; name the label with service_label in a mapping file");
      } else if (histogram.isPresent()) {
        String h = histogram.get();
        if (mapping.statusLabel().isEmpty()) {
          final String s = sel;
          status =
              STATUS_LABELS.stream()
                  .filter(l -> has(h + "_count", s + "," + l + "!=\"\""))
                  .findFirst()
                  .orElse(STATUS_LABELS.get(0));
        }
        notes.add(
            "requests: "
                + h
                + " selected by "
                + sel
                + ", status in "
                + status
                + ", rate window "
                + w);
      }
      Optional<String> h = histogram;
      String rps =
          query("rps", h.map(x -> "sum(rate(" + x + "_count{" + "SEL" + "}[" + w + "]))"), sel);
      if (rps != null) {
        Instant peakAt = peak(Metric.RPS, null, rps, "the request rate");
        if (peakAt != null) {
          for (Object[] q :
              new Object[][] {
                {Metric.LATENCY_P50, 0.50}, {Metric.LATENCY_P95, 0.95}, {Metric.LATENCY_P99, 0.99}
              }) {
            latency((Metric) q[0], (double) q[1], h, sel, peakAt);
          }
        }
      } else {
        for (Metric m :
            List.of(Metric.RPS, Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99)) {
          unseen.add(new Unseen(m.key(), requestsNeed()));
        }
      }
      errors(h, sel, status);
    }

    private String requestsNeed() {
      return "a request-duration histogram for \""
          + service
          + "\" ("
          + String.join(" or ", HISTOGRAMS.stream().map(x -> x + "_bucket/_count").toList())
          + ", or a query in a mapping file)";
    }

    /** The override for {@code key}, or the default with the service's selector, or null. */
    private String query(String key, Optional<String> def, String sel) {
      String q = mapping.queries().get(key);
      if (q != null) {
        return q;
      }
      return def.map(d -> d.replace("SEL", sel)).orElse(null);
    }

    /**
     * Peak of {@code q} over the range as the observation, and its range query as a series; returns
     * when the peak was, or null when the query has no data.
     */
    private Instant peak(Metric m, ComponentKind kind, String q, String what) {
      Series s = rangeSeries(m, kind, q, what);
      if (s == null) {
        unseen.add(new Unseen(key(m, kind), "data for " + q + " over the range"));
        return null;
      }
      double[] v = s.values();
      int best = -1;
      for (int i = 0; i < v.length; i++) {
        if (!Double.isNaN(v[i]) && (best < 0 || v[i] > v[best])) {
          best = i;
        }
      }
      String peakQ = "max_over_time((" + q + ")[" + rangeS + ":" + stepS + "])";
      double peak = scalar(peakQ, end).orElse(v[best]);
      Optional<Double> now = scalar(q, end);
      add(
          m,
          kind,
          peak,
          window,
          "peak over the range of "
              + q
              + " at "
              + stepS
              + " steps ("
              + peakQ
              + "), highest at "
              + s.time(best)
              + now.map(x -> "; now " + Units.format(x, m.dimension())).orElse(""));
      return s.time(best);
    }

    private void latency(Metric m, double q, Optional<String> h, String sel, Instant peakAt) {
      String override = mapping.queries().get(m.key());
      String instantQ;
      Instant when;
      String how;
      if (override != null) {
        instantQ = override;
        when = peakAt;
        how = override + " at the busiest moment " + peakAt;
      } else {
        String hour = PEAK_HOUR.toSeconds() + "s";
        instantQ =
            "histogram_quantile("
                + q
                + ", sum by (le) (rate("
                + h.orElseThrow()
                + "_bucket{"
                + sel
                + "}["
                + hour
                + "])))";
        when = peakAt.minus(promDuration(w)).plus(PEAK_HOUR);
        how =
            instantQ
                + " at "
                + when
                + ": the hour that starts with the busiest "
                + w
                + " of requests (the rate window ending "
                + peakAt
                + ")";
      }
      Optional<Double> v = scalar(instantQ, when);
      if (v.isEmpty()) {
        unseen.add(
            new Unseen(
                m.key(),
                "_bucket series of the request histogram (Micrometer: percentiles-histogram=true)"));
        return;
      }
      add(m, null, v.get(), new ObservationWindow(when.minus(PEAK_HOUR), when), how);
      if (m == Metric.LATENCY_P95) {
        String seriesQ =
            override != null
                ? override
                : "histogram_quantile(0.95, sum by (le) (rate("
                    + h.orElseThrow()
                    + "_bucket{"
                    + sel
                    + "}["
                    + w
                    + "])))";
        rangeSeries(m, null, seriesQ, "p95 latency");
      }
    }

    private void errors(Optional<String> h, String sel, String status) {
      String override = mapping.queries().get("error_rate");
      if (override != null) {
        String q = "avg_over_time((" + override + ")[" + rangeS + ":" + stepS + "])";
        Optional<Double> v = scalar(q, end);
        if (v.isPresent()) {
          add(Metric.ERROR_RATE, null, v.get(), window, "mean over the range: " + q);
          rangeSeries(Metric.ERROR_RATE, null, override, "the error ratio");
        } else {
          unseen.add(new Unseen(Metric.ERROR_RATE.key(), "data for " + override));
        }
        return;
      }
      if (h.isEmpty()) {
        unseen.add(new Unseen(Metric.ERROR_RATE.key(), requestsNeed()));
        return;
      }
      String c = h.get() + "_count";
      String err = sel + "," + status + "=~\"5..\"";
      String q =
          "(sum(increase("
              + c
              + "{"
              + err
              + "}["
              + rangeS
              + "])) or vector(0)) / sum(increase("
              + c
              + "{"
              + sel
              + "}["
              + rangeS
              + "]))";
      Optional<Double> v = scalar(q, end);
      if (v.isEmpty()) {
        unseen.add(new Unseen(Metric.ERROR_RATE.key(), requestsNeed()));
        return;
      }
      add(
          Metric.ERROR_RATE,
          null,
          v.get(),
          window,
          "5xx share of all requests over the range: " + q);
      rangeSeries(
          Metric.ERROR_RATE,
          null,
          "(sum(rate("
              + c
              + "{"
              + err
              + "}["
              + w
              + "])) or vector(0)) / sum(rate("
              + c
              + "{"
              + sel
              + "}["
              + w
              + "]))",
          "the error ratio");
    }

    // ---- CPU and memory ----

    void resources() {
      Mapping.ComponentSelector app = mapping.components().get("app");
      String appName = app != null ? app.name() : component;
      String appSel = app != null ? app.selector() : "";
      boolean node = names.contains("node_cpu_seconds_total");
      boolean cadvisor = names.contains("container_cpu_usage_seconds_total");
      String cpuQ = null;
      String memQ = null;
      if (node && (app != null || !cadvisor)) {
        cpuQ = nodeCpu(appSel);
        memQ = nodeMemory(appSel);
        notes.add(
            "app CPU and memory: node_exporter"
                + (appSel.isEmpty()
                    ? " on every node the engine scrapes (name the app's with a mapping file)"
                    : " where " + appSel));
      } else if (cadvisor) {
        String sel = appSel.isEmpty() ? "container=\"" + esc(service) + "\"" : appSel;
        cpuQ =
            "sum(rate(container_cpu_usage_seconds_total{"
                + sel
                + "}["
                + w
                + "])) / sum(kube_pod_container_resource_requests{resource=\"cpu\","
                + sel
                + "})";
        memQ =
            "sum(container_memory_working_set_bytes{"
                + sel
                + "}) / sum(kube_pod_container_resource_limits{resource=\"memory\","
                + sel
                + "})";
        notes.add(
            "app CPU and memory: cAdvisor where "
                + sel
                + ", against the CPU requests and memory limits");
      }
      resource(Metric.CPU, ComponentKind.APP, appName, "app.cpu", cpuQ);
      resource(Metric.MEMORY, ComponentKind.APP, appName, "app.memory_used", memQ);
      Mapping.ComponentSelector db = mapping.components().get("database");
      if (db != null || mapping.queries().containsKey("database.cpu")) {
        String dbName = db == null ? "" : db.name();
        String dbSel = db == null ? "" : db.selector();
        resource(
            Metric.CPU,
            ComponentKind.DATABASE,
            dbName,
            "database.cpu",
            node ? nodeCpu(dbSel) : null);
        resource(
            Metric.MEMORY,
            ComponentKind.DATABASE,
            dbName,
            "database.memory_used",
            node ? nodeMemory(dbSel) : null);
      }
    }

    private String nodeCpu(String sel) {
      return "1 - avg(rate(node_cpu_seconds_total{mode=\"idle\""
          + (sel.isEmpty() ? "" : "," + sel)
          + "}["
          + w
          + "]))";
    }

    private String nodeMemory(String sel) {
      return "1 - sum(node_memory_MemAvailable_bytes{"
          + sel
          + "}) / sum(node_memory_MemTotal_bytes{"
          + sel
          + "})";
    }

    private void resource(Metric m, ComponentKind kind, String name, String key, String def) {
      String q = mapping.queries().getOrDefault(key, def);
      if (q == null) {
        unseen.add(
            new Unseen(
                key,
                "node_exporter (node_cpu_seconds_total, node_memory_MemAvailable_bytes) or cAdvisor"
                    + " series in the engine, or a query in a mapping file"));
        return;
      }
      if (peakOn(m, kind, name, q) == null) {
        unseen.add(new Unseen(key, "data for " + q + " over the range"));
      }
    }

    private Instant peakOn(Metric m, ComponentKind kind, String name, String q) {
      Series s = rangeSeries(m, kind, name, q, m.description());
      if (s == null) {
        return null;
      }
      String peakQ = "max_over_time((" + q + ")[" + rangeS + ":" + stepS + "])";
      double[] v = s.values();
      int best = -1;
      for (int i = 0; i < v.length; i++) {
        if (!Double.isNaN(v[i]) && (best < 0 || v[i] > v[best])) {
          best = i;
        }
      }
      double peak = scalar(peakQ, end).orElse(v[best]);
      obs.add(
          new Observation(
              m,
              kind,
              name,
              peak,
              window,
              "peak over the range: " + peakQ + ", highest at " + s.time(best),
              at));
      return s.time(best);
    }

    // ---- Kubernetes ----

    List<ContainerUsage> containers() {
      if (!names.contains("container_cpu_usage_seconds_total")
          || !names.contains("container_memory_working_set_bytes")) {
        notes.add(
            "Kubernetes right-sizing: no cAdvisor series (container_cpu_usage_seconds_total,"
                + " container_memory_working_set_bytes) in the engine");
        return List.of();
      }
      String k =
          mapping.kubernetes().isEmpty() ? CONTAINERS : CONTAINERS + "," + mapping.kubernetes();
      String by = "max by (namespace, container) ";
      String cpuRate = "rate(container_cpu_usage_seconds_total{" + k + "}[" + w + "])";
      String sub = "[" + rangeS + ":" + stepS + "]";
      Map<String, Double> p1 =
          byContainer(
              by + "(quantile_over_time(" + policy.cpuPercentile() + ", " + cpuRate + sub + "))");
      Map<String, Double> p2 =
          byContainer(
              by
                  + "(quantile_over_time("
                  + policy.cpuLimitPercentile()
                  + ", "
                  + cpuRate
                  + sub
                  + "))");
      String memQ =
          by + "(max_over_time(container_memory_working_set_bytes{" + k + "}[" + rangeS + "]))";
      Map<String, Double> mem = byContainer(memQ);
      Map<String, Double> total =
          byContainer("max_over_time(sum by (namespace, container) (" + cpuRate + ")" + sub + ")");
      Map<String, Double> samples =
          byContainer(
              "min by (namespace, container) (count_over_time(container_memory_working_set_bytes{"
                  + k
                  + "}[1h]))");
      Map<String, Double> replicas =
          byContainer(
              "count by (namespace, container) (container_memory_working_set_bytes{" + k + "})");
      String ksm = mapping.kubernetes().isEmpty() ? "" : mapping.kubernetes() + ",";
      Map<String, Double> cpuReq =
          byContainer(by + "(kube_pod_container_resource_requests{" + ksm + "resource=\"cpu\"})");
      Map<String, Double> cpuLim =
          byContainer(by + "(kube_pod_container_resource_limits{" + ksm + "resource=\"cpu\"})");
      Map<String, Double> memReq =
          byContainer(
              by + "(kube_pod_container_resource_requests{" + ksm + "resource=\"memory\"})");
      Map<String, Double> memLim =
          byContainer(by + "(kube_pod_container_resource_limits{" + ksm + "resource=\"memory\"})");
      Map<String, List<String>> pods = new LinkedHashMap<>();
      for (PromQlClient.Sample s :
          client.instant(
              "count by (namespace, pod, container) (container_memory_working_set_bytes{"
                  + k
                  + "})",
              end)) {
        pods.computeIfAbsent(id(s.labels()), x -> new ArrayList<>())
            .add(s.labels().getOrDefault("pod", ""));
      }
      List<Hpa> hpas = autoscalers();
      String source = client.redacted() + ", " + start + " to " + end;
      String win = "range " + Units.formatDuration(Duration.between(start, end).toSeconds());
      List<ContainerUsage> out = new ArrayList<>();
      for (String id : mem.keySet()) {
        if (!p1.containsKey(id) || !total.containsKey(id)) {
          continue;
        }
        String[] parts = id.split("/", 2);
        double perHour = samples.getOrDefault(id, 0.0);
        String resolution =
            perHour > 1
                ? "raw samples, every "
                    + Units.formatDuration(Duration.ofHours(1).toSeconds() / (perHour - 1))
                    + " in the last hour"
                : "raw samples";
        List<String> podNames = pods.getOrDefault(id, List.of());
        Optional<Hpa> hpa =
            hpas.stream()
                .filter(x -> x.namespace.equals(parts[0]))
                .filter(x -> podNames.stream().anyMatch(p -> p.startsWith(x.target + "-")))
                .findFirst();
        String workload = hpa.map(x -> x.target).orElse(workload(podNames, parts[1]));
        out.add(
            new ContainerUsage(
                parts[0],
                workload,
                parts[1],
                (int) Math.round(replicas.getOrDefault(id, 0.0)),
                measured(
                    p1.get(id),
                    Dimension.NUMBER,
                    source,
                    win,
                    "p"
                        + Units.format(policy.cpuPercentile() * 100, 4)
                        + " of "
                        + cpuRate
                        + " at "
                        + stepS),
                measured(
                    p2.getOrDefault(id, p1.get(id)),
                    Dimension.NUMBER,
                    source,
                    win,
                    "p"
                        + Units.format(policy.cpuLimitPercentile() * 100, 4)
                        + " of "
                        + cpuRate
                        + " at "
                        + stepS),
                measured(
                    mem.get(id), Dimension.DATA_SIZE, source, win, memQ + " (" + resolution + ")"),
                measured(total.get(id), Dimension.NUMBER, source, win, "peak of the sum over pods"),
                opt(cpuReq.get(id), Dimension.NUMBER, "kube_pod_container_resource_requests"),
                opt(cpuLim.get(id), Dimension.NUMBER, "kube_pod_container_resource_limits"),
                opt(memReq.get(id), Dimension.DATA_SIZE, "kube_pod_container_resource_requests"),
                opt(memLim.get(id), Dimension.DATA_SIZE, "kube_pod_container_resource_limits"),
                hpa.map(x -> x.scaler),
                resolution));
      }
      return out;
    }

    private Optional<Figure> opt(Double v, Dimension d, String metric) {
      return v == null
          ? Optional.empty()
          : Optional.of(
              new Figure(
                  v, d, new Provenance.Declared(metric + " (kube-state-metrics) at " + end)));
    }

    private Figure measured(double v, Dimension d, String source, String win, String how) {
      return new Figure(v, d, new Provenance.Measured(source + ": " + how, win));
    }

    private Map<String, Double> byContainer(String q) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (PromQlClient.Sample s : client.instant(q, end)) {
        out.put(id(s.labels()), s.value());
      }
      return out;
    }

    private String id(Map<String, String> labels) {
      return labels.getOrDefault("namespace", "") + "/" + labels.getOrDefault("container", "");
    }

    private List<Hpa> autoscalers() {
      if (!names.contains("kube_horizontalpodautoscaler_spec_max_replicas")) {
        return List.of();
      }
      String by = "max by (namespace, horizontalpodautoscaler) ";
      Map<String, Double> max = byHpa(by + "(kube_horizontalpodautoscaler_spec_max_replicas)");
      Map<String, Double> min = byHpa(by + "(kube_horizontalpodautoscaler_spec_min_replicas)");
      Map<String, Double> cur =
          byHpa(by + "(kube_horizontalpodautoscaler_status_current_replicas)");
      Map<String, Double> target =
          byHpa(
              by
                  + "(kube_horizontalpodautoscaler_spec_target_metric{metric_name=\"cpu\",metric_target_type=\"utilization\"})");
      Map<String, String> targets = new LinkedHashMap<>();
      for (PromQlClient.Sample s : client.instant("kube_horizontalpodautoscaler_info", end)) {
        targets.put(
            s.labels().getOrDefault("namespace", "")
                + "/"
                + s.labels().getOrDefault("horizontalpodautoscaler", ""),
            s.labels().getOrDefault("scaletargetref_name", ""));
      }
      List<Hpa> out = new ArrayList<>();
      for (Map.Entry<String, Double> e : max.entrySet()) {
        String[] parts = e.getKey().split("/", 2);
        String ref = targets.getOrDefault(e.getKey(), parts[1]);
        Optional<Figure> t =
            Optional.ofNullable(target.get(e.getKey()))
                .map(
                    v ->
                        new Figure(
                            v / 100.0,
                            Dimension.RATIO,
                            new Provenance.Declared(
                                "kube_horizontalpodautoscaler_spec_target_metric at " + end)));
        int mx = (int) Math.round(e.getValue());
        int mn = (int) Math.round(min.getOrDefault(e.getKey(), 0.0));
        out.add(
            new Hpa(
                parts[0],
                ref.isEmpty() ? parts[1] : ref,
                new ContainerUsage.Autoscaler(
                    parts[1],
                    Math.min(mn, mx),
                    mx,
                    (int) Math.round(cur.getOrDefault(e.getKey(), 0.0)),
                    t)));
      }
      return out;
    }

    private Map<String, Double> byHpa(String q) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (PromQlClient.Sample s : client.instant(q, end)) {
        out.put(
            s.labels().getOrDefault("namespace", "")
                + "/"
                + s.labels().getOrDefault("horizontalpodautoscaler", ""),
            s.value());
      }
      return out;
    }

    // ---- plumbing ----

    private boolean has(String metric, String matchers) {
      return !client.instant("count(" + metric + "{" + matchers + "})", end).isEmpty();
    }

    private Optional<Double> scalar(String q, Instant when) {
      List<PromQlClient.Sample> r = client.instant(q, when);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      if (r.size() > 1) {
        throw new CollectionException(
            client.redacted()
                + ": the query "
                + q
                + " gave "
                + r.size()
                + " series, not one; aggregate it with sum() or max()");
      }
      double v = r.get(0).value();
      return Double.isFinite(v) && v >= 0 ? Optional.of(v) : Optional.empty();
    }

    private Series rangeSeries(Metric m, ComponentKind kind, String q, String what) {
      return rangeSeries(m, kind, kind == null ? "" : component, q, what);
    }

    /** The range query of {@code q} over the range at the step, as a series (NaN for gaps). */
    private Series rangeSeries(Metric m, ComponentKind kind, String name, String q, String what) {
      long stepSec = step.toSeconds();
      int n = (int) (Duration.between(start, end).toSeconds() / stepSec) + 1;
      double[] values = new double[n];
      Arrays.fill(values, Double.NaN);
      boolean any = false;
      for (int from = 0; from < n; from += MAX_POINTS_PER_QUERY) {
        int to = Math.min(n, from + MAX_POINTS_PER_QUERY) - 1;
        List<PromQlClient.Range> r =
            client.range(
                q, start.plusSeconds(from * stepSec), start.plusSeconds(to * stepSec), step);
        if (r.size() > 1) {
          throw new CollectionException(
              client.redacted()
                  + ": the query "
                  + q
                  + " gave "
                  + r.size()
                  + " series, not one; aggregate it with sum() or max()");
        }
        if (r.isEmpty()) {
          continue;
        }
        double[] t = r.get(0).times();
        double[] v = r.get(0).values();
        for (int i = 0; i < t.length; i++) {
          long idx = Math.round((t[i] - start.getEpochSecond()) / stepSec);
          if (idx >= 0 && idx < n && Double.isFinite(v[i]) && v[i] >= 0) {
            values[(int) idx] = v[i];
            any = true;
          }
        }
      }
      if (!any) {
        return null;
      }
      Series s =
          new Series(
              m,
              kind,
              name,
              start,
              step,
              values,
              what + ": range query " + q + " every " + stepS + " (null: no sample)",
              at);
      series.add(s);
      return s;
    }

    private void add(Metric m, ComponentKind kind, double v, ObservationWindow win, String how) {
      obs.add(new Observation(m, kind, kind == null ? "" : component, v, win, how, at));
    }

    private String key(Metric m, ComponentKind kind) {
      return kind == null ? m.key() : kind.id() + "." + m.key();
    }
  }

  /** An HPA, the workload it scales, and its bounds. */
  private record Hpa(String namespace, String target, ContainerUsage.Autoscaler scaler) {}

  /**
   * The Deployment of a pod named {@code checkout-7d9f8b6c5-x2x4q}: the name without its ReplicaSet
   * and pod suffixes; the container's name when pods are not named that way.
   */
  static String workload(List<String> pods, String container) {
    for (String p : pods) {
      String[] parts = p.split("-");
      if (parts.length >= 3) {
        return String.join("-", Arrays.copyOf(parts, parts.length - 2));
      }
    }
    return container;
  }

  /** A PromQL duration such as {@code 5m} or {@code 90s}, of one unit. */
  static Duration promDuration(String d) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h|d|w)").matcher(d);
    if (!m.matches()) {
      throw new IllegalArgumentException("a PromQL duration such as 5m, got " + d);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** Escapes a label value for a PromQL string. */
  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
