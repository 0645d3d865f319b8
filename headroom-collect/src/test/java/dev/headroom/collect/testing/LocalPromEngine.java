package dev.headroom.collect.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PromQL engine on 127.0.0.1 at a free port with its data in a temporary directory:
 * Prometheus (history backfilled with promtool before it starts, live targets scraped every second)
 * or VictoriaMetrics (history imported over its own import API, the test's setup on the test's own
 * server). A missing binary fails the test: CI installs the Debian packages.
 */
public final class LocalPromEngine implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalPromEngine(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Prometheus with {@code openMetrics} (an OpenMetrics text ending in {@code # EOF}, timestamps in
   * seconds) backfilled, scraping {@code targets} (host:port) every second.
   */
  public static LocalPromEngine prometheus(Path dir, String openMetrics, List<String> targets)
      throws Exception {
    Path prom = Binaries.find("prometheus", List.of("/usr/bin/prometheus"), "prometheus");
    Path promtool = Binaries.find("promtool", List.of("/usr/bin/promtool"), "prometheus");
    Path data = Files.createDirectories(dir.resolve("data"));
    if (!openMetrics.isEmpty()) {
      Path om = dir.resolve("history.om");
      Files.writeString(om, openMetrics);
      Path out = dir.resolve("promtool.log");
      Process p =
          new ProcessBuilder(
                  promtool.toString(),
                  "tsdb",
                  "create-blocks-from",
                  "openmetrics",
                  "--max-block-duration=168h",
                  om.toString(),
                  data.toString())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("promtool backfill failed: " + Files.readString(out));
      }
      Files.delete(om);
    }
    StringBuilder cfg =
        new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
    cfg.append("scrape_configs:\n");
    for (int i = 0; i < targets.size(); i++) {
      cfg.append("  - job_name: live")
          .append(i)
          .append("\n    static_configs:\n      - targets: ['")
          .append(targets.get(i))
          .append("']\n");
    }
    if (targets.isEmpty()) {
      cfg.append("  []\n");
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config, cfg.toString().replace("scrape_configs:\n  []", "scrape_configs: []"));
    int port = LocalRedis.freePort();
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(
                prom.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=100y")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalPromEngine e = new LocalPromEngine(p, port, log);
    e.await("/-/ready");
    return e;
  }

  /** VictoriaMetrics, optionally scraping {@code targets} every second. */
  public static LocalPromEngine victoriaMetrics(Path dir, List<String> targets) throws Exception {
    Path vm =
        Binaries.find("victoria-metrics", List.of("/usr/bin/victoria-metrics"), "victoria-metrics");
    Path data = Files.createDirectories(dir.resolve("vmdata"));
    int port = LocalRedis.freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                vm.toString(),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + data,
                "-retentionPeriod=100y",
                "-search.latencyOffset=0s"));
    if (!targets.isEmpty()) {
      StringBuilder cfg = new StringBuilder("scrape_configs:\n");
      for (int i = 0; i < targets.size(); i++) {
        cfg.append("  - job_name: live")
            .append(i)
            .append("\n    scrape_interval: 1s\n    static_configs:\n      - targets: ['")
            .append(targets.get(i))
            .append("']\n");
      }
      Path config = dir.resolve("scrape.yml");
      Files.writeString(config, cfg.toString());
      cmd.add("-promscrape.config=" + config);
    }
    Path log = dir.resolve("victoria-metrics.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalPromEngine e = new LocalPromEngine(p, port, log);
    e.await("/health");
    return e;
  }

  /**
   * The test's own setup write on its own VictoriaMetrics: Prometheus text lines with timestamps in
   * milliseconds, then a flush so queries see them.
   */
  public void importPrometheusText(String text) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url() + "/api/v1/import/prometheus"))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("import failed: HTTP " + r.statusCode() + " " + r.body());
    }
    http.send(
        HttpRequest.newBuilder(URI.create(url() + "/internal/force_flush")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A direct GET of the engine's API, for the test's independent reads. */
  public String get(String pathAndQuery) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void await(String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("the engine did not become ready: " + Files.readString(log));
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Kills the engine (for the "engine gone mid-collection" test). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
