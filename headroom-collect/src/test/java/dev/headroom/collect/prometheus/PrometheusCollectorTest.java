package dev.headroom.collect.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.analysis.rightsizing.ContainerUsage;
import dev.headroom.analysis.rightsizing.Recommendation;
import dev.headroom.analysis.rightsizing.RightSizer;
import dev.headroom.analysis.rightsizing.RightSizingPolicy;
import dev.headroom.collect.CollectionException;
import dev.headroom.collect.Target;
import dev.headroom.collect.testing.Binaries;
import dev.headroom.collect.testing.LocalPromEngine;
import dev.headroom.collect.testing.LocalRedis;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Series;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collector against real Prometheus and VictoriaMetrics processes holding two weeks of known
 * history ({@link History}); every figure is checked against its closed form and against a direct
 * query of the engine.
 */
class PrometheusCollectorTest {

  static final String TOKEN = "tok-7f3a9c1e-never-printed";
  static final Duration RANGE = Duration.ofDays(History.DAYS);
  static final Duration STEP = Duration.ofMinutes(5);

  @TempDir static Path dir;
  static History history;
  static LocalPromEngine prometheus;
  static LocalPromEngine victoria;
  static Process nodeExporter;

  @BeforeAll
  static void start() throws Exception {
    history = new History(Instant.now());
    Path ne =
        Binaries.find(
            "prometheus-node-exporter",
            List.of("/usr/bin/prometheus-node-exporter"),
            "prometheus-node-exporter");
    int nePort = LocalRedis.freePort();
    nodeExporter =
        new ProcessBuilder(ne.toString(), "--web.listen-address=127.0.0.1:" + nePort)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("node-exporter.log").toFile())
            .start();
    prometheus =
        LocalPromEngine.prometheus(
            Files.createDirectories(dir.resolve("prom")),
            history.openMetrics(),
            List.of("127.0.0.1:" + nePort));
    victoria =
        LocalPromEngine.victoriaMetrics(Files.createDirectories(dir.resolve("vm")), List.of());
    victoria.importPrometheusText(history.prometheusText());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (victoria != null) {
      victoria.close();
    }
    if (nodeExporter != null) {
      nodeExporter.destroy();
      nodeExporter.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static Stream<String> engines() {
    return Stream.of("prometheus", "victoria-metrics");
  }

  static LocalPromEngine engine(String name) {
    return name.equals("prometheus") ? prometheus : victoria;
  }

  static Mapping webNode() {
    return new Mapping(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of(
            "app", new Mapping.ComponentSelector("web", "job=\"node\""),
            "database", new Mapping.ComponentSelector("db", "instance=\"web-1:9100\"")),
        "");
  }

  static PrometheusCollector.Result collect(String url, Mapping mapping) {
    Target t = Target.parse(url, List.of("http", "https"), PrometheusCollector.DEFAULT_PORT);
    PromQlClient client =
        new PromQlClient(t, Optional.of(new Target.Secret(TOKEN)), Duration.ofSeconds(30));
    Clock clock = Clock.fixed(Instant.ofEpochSecond(history.end), ZoneOffset.UTC);
    return new PrometheusCollector(client, clock, mapping, RightSizingPolicy.defaults())
        .collect("checkout", RANGE, STEP, "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void clientLibraryHistogram_isDetectedWithItsJobAndCodeLabels(String name) throws Exception {
    Target t = Target.parse(engine(name).url(), List.of("http"), 9090);
    PrometheusCollector.Result r =
        new PrometheusCollector(
                new PromQlClient(t, Optional.empty(), Duration.ofSeconds(30)),
                Clock.fixed(Instant.ofEpochSecond(history.end), ZoneOffset.UTC),
                webNode(),
                RightSizingPolicy.defaults())
            .collect("inventory", RANGE, STEP, "");
    EvidenceFile e = r.evidence();
    assertThat(obs(e, "rps").value()).isCloseTo(History.OTHER_RPS, within(1e-6));
    assertThat(obs(e, "error_rate").value())
        .isCloseTo(History.OTHER_ERRORS / History.OTHER_RPS, within(1e-9));
    assertThat(obs(e, "latency_p95").value())
        .isCloseTo(History.quantile(0.95, History.NORMAL), within(1e-9));
    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("http_request_duration_seconds selected by job=\"inventory\"")
                    .contains("status in code"));
  }

  @Test
  void anUnknownService_isNotEvaluatedSayingWhatToExpose() {
    Target t = Target.parse(victoria.url(), List.of("http"), 9090);
    EvidenceFile e =
        new PrometheusCollector(
                new PromQlClient(t, Optional.empty(), Duration.ofSeconds(30)),
                Clock.fixed(Instant.ofEpochSecond(history.end), ZoneOffset.UTC),
                webNode(),
                RightSizingPolicy.defaults())
            .collect("nosuch", RANGE, STEP, "")
            .evidence();
    assertThat(e.observations()).noneMatch(o -> o.key().equals("rps"));
    assertThat(e.unseen())
        .anySatisfy(
            u -> {
              assertThat(u.key()).isEqualTo("rps");
              assertThat(u.needs()).contains("http_server_requests_seconds_bucket/_count");
            });
    // CPU and memory do not depend on the service: still measured
    assertThat(obs(e, "app.cpu").value()).isCloseTo(0.8, within(1e-9));
  }

  static Observation obs(EvidenceFile e, String key) {
    return e.observations().stream()
        .filter(o -> o.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(key + " not in " + e.observations() + " / " + e.unseen()));
  }

  static Series series(EvidenceFile e, String key) {
    return e.series().stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("series " + key + " not in " + e.series()));
  }

  static double direct(LocalPromEngine engine, String promql, long at) throws Exception {
    String body =
        engine.get(
            "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time="
                + at);
    JsonNode r = JsonMapper.builder().build().readTree(body).path("data").path("result");
    return Double.parseDouble(r.path(0).path("value").path(1).asString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void goldenSignals_matchTheClosedFormsOfTheHistory(String name) throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(engine(name).url())) {
      EvidenceFile e = collect(proxy.url(), webNode()).evidence();

      assertThat(obs(e, "rps").value()).isCloseTo(History.PEAK_RPS, within(1e-6));
      assertThat(obs(e, "error_rate").value()).isCloseTo(History.ERROR_SHARE, within(1e-9));
      assertThat(obs(e, "latency_p50").value())
          .isCloseTo(History.quantile(0.50, History.PEAK), within(1e-9));
      assertThat(obs(e, "latency_p95").value())
          .isCloseTo(History.quantile(0.95, History.PEAK), within(1e-9));
      assertThat(obs(e, "latency_p99").value())
          .isCloseTo(History.quantile(0.99, History.PEAK), within(1e-9));
      assertThat(obs(e, "app.cpu").value()).isCloseTo(0.8, within(1e-9));
      assertThat(obs(e, "app.cpu").component()).isEqualTo("web");
      assertThat(obs(e, "app.memory_used").value()).isCloseTo(0.75, within(1e-9));
      assertThat(obs(e, "database.cpu").component()).isEqualTo("db");
      assertThat(obs(e, "rps").how())
          .contains("max_over_time")
          .contains("http_server_requests_seconds_count");

      // only GETs, only to the four read-only paths, each carrying the token
      assertThat(proxy.requests).isNotEmpty();
      assertThat(proxy.requests)
          .allSatisfy(
              r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(PromQlClient.PATHS).contains(r.path());
                assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
              });
      Path out = dir.resolve(name + "-evidence.json");
      EvidenceWriter.write(e, out);
      assertThat(Files.readString(out)).doesNotContain(TOKEN);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void series_coverTheRangeAtTheStepAndMatchADirectRangeQuery(String name) throws Exception {
    EvidenceFile e = collect(engine(name).url(), webNode()).evidence();
    Series rps = series(e, "rps");
    assertThat(rps.step()).isEqualTo(STEP);
    assertThat(rps.size()).isEqualTo((int) (RANGE.toSeconds() / STEP.toSeconds()) + 1);
    assertThat(rps.start()).isEqualTo(Instant.ofEpochSecond(history.start));
    // a point 30 minutes into an hour sees only that hour's constant rate
    for (int i = 6; i < rps.size(); i += 12 * 7) {
      long t = rps.time(i).getEpochSecond();
      if (t % 3600 == 1800) {
        assertThat(rps.value(i))
            .as("rps at %s", rps.time(i))
            .isCloseTo(history.rps(t), within(1e-6));
      }
    }
    long probe = history.start + 3 * 86400 + 9 * 3600 + 1800;
    int idx = (int) ((probe - history.start) / STEP.toSeconds());
    assertThat(rps.value(idx)).isCloseTo(history.rps(probe), within(1e-6));
    assertThat(rps.value(idx))
        .isCloseTo(
            direct(
                engine(name),
                "sum(rate(http_server_requests_seconds_count{application=\"checkout\"}[5m]))",
                probe),
            within(1e-9));
    for (String key :
        List.of("error_rate", "latency_p95", "app.cpu", "app.memory_used", "database.cpu")) {
      Series s = series(e, key);
      assertThat(s.size()).isEqualTo(rps.size());
    }
    assertThat(series(e, "error_rate").value(idx)).isCloseTo(History.ERROR_SHARE, within(1e-9));
    assertThat(series(e, "latency_p95").value(idx))
        .isCloseTo(History.quantile(0.95, History.NORMAL), within(1e-9));
    assertThat(series(e, "app.cpu").value(idx))
        .isCloseTo(1 - history.nodeIdle(probe), within(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void rightSizing_catchesTheOneSampleMemorySpikeAndFlagsRequestsAndTheHpa(String name)
      throws Exception {
    PrometheusCollector.Result r = collect(engine(name).url(), webNode());
    assertThat(r.containers()).hasSize(1);
    ContainerUsage u = r.containers().get(0);
    assertThat(u.namespace()).isEqualTo("shop");
    assertThat(u.container()).isEqualTo("checkout");
    assertThat(u.workload()).isEqualTo("checkout");
    assertThat(u.replicas()).isEqualTo(2);
    // busy hours (22-23 h, 8.3% of the time) run at 0.5 cores: the p95 and p99 lie there
    assertThat(u.cpuRequestPercentile().value()).isCloseTo(0.5, within(0.01));
    assertThat(u.cpuLimitPercentile().value()).isCloseTo(0.5, within(0.01));
    assertThat(u.peakCpuTotal().value()).isCloseTo(1.2, within(1e-6));
    // the 900 MiB spike lasted one 2-minute sample; a 5-minute subquery never sees it
    assertThat(u.memoryPeak().value()).isEqualTo(History.SPIKE_MEMORY);
    double coarse =
        direct(
            engine(name),
            "max(max_over_time(container_memory_working_set_bytes{container=\"checkout\"}[14d:5m]))",
            history.end);
    assertThat(coarse).isEqualTo(History.POD_MEMORY);
    assertThat(u.cpuRequest().orElseThrow().value()).isEqualTo(1.0);
    assertThat(u.memoryLimit().orElseThrow().value()).isEqualTo(512 * History.MIB);
    assertThat(u.autoscaler().orElseThrow().maxReplicas()).isEqualTo(2);
    assertThat(u.autoscaler().orElseThrow().targetUtilisation().orElseThrow().value())
        .isCloseTo(0.7, within(1e-12));

    Recommendation rec = RightSizer.recommend(u, RightSizingPolicy.defaults(), Optional.empty());
    assertThat(rec.cpu()).isEqualTo(Recommendation.Verdict.OVER);
    assertThat(rec.memoryVerdict()).isEqualTo(Recommendation.Verdict.UNDER);
    assertThat(rec.memory().value()).isCloseTo(History.SPIKE_MEMORY * 1.15, within(1.0));
    // ⌈1.2 cores / (0.5 cores × 70%)⌉ = 4 > max 2
    assertThat(rec.replicasAtPeak().orElseThrow().value()).isEqualTo(4.0);
    assertThat(rec.hpaMaxTooLow()).isTrue();
  }

  @Test
  void liveNodeExporter_scrapedEverySecond_givesTheDatabaseCpuADirectQueryGives() throws Exception {
    String live = "job=\"live0\"";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String body =
          prometheus.get(
              "/api/v1/query?query="
                  + URLEncoder.encode(
                      "count_over_time(node_cpu_seconds_total{job=\"live0\",cpu=\"0\",mode=\"idle\"}[1m])",
                      StandardCharsets.UTF_8));
      if (body.contains("\"value\"") && !body.contains("\"1\"]") && !body.contains("\"2\"]")) {
        break;
      }
      assertThat(System.nanoTime()).as("node_exporter scraped within 60 s").isLessThan(deadline);
      Thread.sleep(500);
    }
    Mapping m =
        new Mapping(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Map.of("database", new Mapping.ComponentSelector("db", live)),
            "");
    Target t = Target.parse(prometheus.url(), List.of("http"), 9090);
    Instant now = Instant.now();
    PrometheusCollector.Result r =
        new PrometheusCollector(
                new PromQlClient(t, Optional.empty(), Duration.ofSeconds(10)),
                Clock.fixed(now, ZoneOffset.UTC),
                m,
                RightSizingPolicy.defaults())
            .collect("checkout", Duration.ofSeconds(20), Duration.ofSeconds(1), "");
    Observation cpu = obs(r.evidence(), "database.cpu");
    assertThat(cpu.value()).isBetween(0.0, 1.0);
    String q =
        "max_over_time((1 - avg(rate(node_cpu_seconds_total{mode=\"idle\","
            + live
            + "}[5m])))[20s:1s])";
    assertThat(cpu.value()).isCloseTo(direct(prometheus, q, now.getEpochSecond()), within(1e-9));
    assertThat(series(r.evidence(), "database.cpu").size()).isEqualTo(21);
  }

  @Test
  void engineError_isShownWithItsTypeAndMessage() {
    Target t = Target.parse(victoria.url(), List.of("http"), 9090);
    Mapping m =
        new Mapping(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of("rps", "sum(rate(x[5m])"),
            Map.of(),
            "");
    assertThatThrownBy(
            () ->
                new PrometheusCollector(
                        new PromQlClient(t, Optional.empty(), Duration.ofSeconds(10)),
                        Clock.fixed(Instant.ofEpochSecond(history.end), ZoneOffset.UTC),
                        m,
                        RightSizingPolicy.defaults())
                    .collect("checkout", RANGE, STEP, ""))
        .isInstanceOf(CollectionException.class)
        .hasMessageContaining("http://127.0.0.1:" + victoria.port())
        .hasMessageContaining("the engine answered")
        .hasMessageContaining("sum(rate(x[5m])");
  }

  @Test
  void unreachableEngine_failsClearly() throws IOException {
    int port = LocalRedis.freePort();
    Target t = Target.parse("http://127.0.0.1:" + port, List.of("http"), 9090);
    assertThatThrownBy(
            () ->
                new PromQlClient(t, Optional.of(new Target.Secret(TOKEN)), Duration.ofSeconds(2))
                    .metricNames())
        .isInstanceOf(CollectionException.class)
        .hasMessageContaining("cannot connect")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void engineThatNeverAnswers_failsWithTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Target t =
          Target.parse(
              "http://monitor:pa55word@127.0.0.1:" + silent.getLocalPort(), List.of("http"), 9090);
      assertThatThrownBy(
              () -> new PromQlClient(t, Optional.empty(), Duration.ofMillis(500)).metricNames())
          .isInstanceOf(CollectionException.class)
          .hasMessageContaining("no answer within 500 ms")
          .hasMessageNotContaining("pa55word");
    }
  }

  @Test
  void engineKilledMidCollection_failsClearly(@TempDir Path own) throws Exception {
    LocalPromEngine doomed = LocalPromEngine.victoriaMetrics(own, List.of());
    try (RecordingProxy proxy =
        new RecordingProxy(
            doomed.url(),
            5,
            () -> {
              try {
                doomed.kill();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })) {
      doomed.importPrometheusText(
          "http_server_requests_seconds_count{application=\"checkout\",status=\"200\"} 1 "
              + history.end * 1000
              + "\n");
      assertThatThrownBy(() -> collect(proxy.url(), Mapping.none()))
          .isInstanceOf(CollectionException.class)
          .hasMessageContaining("went away")
          .hasMessageNotContaining(TOKEN);
    } finally {
      doomed.close();
    }
  }
}
