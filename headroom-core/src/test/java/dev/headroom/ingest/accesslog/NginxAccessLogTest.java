package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.accesslog.AccessLogSummary.RouteRow;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx on 127.0.0.1 (a free port, a temporary prefix, in the foreground) with a log_format
 * that has {@code $request_time} and {@code $sent_http_content_type}; the test sends a known mix of
 * requests and reads the log nginx wrote. A missing nginx fails the test.
 */
class NginxAccessLogTest {

  private static final String FORMAT =
      "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
          + " \"$http_referer\" \"$http_user_agent\" $request_time \"$sent_http_content_type\"";
  private static final int CSS_BYTES = 2_000;
  private static final int PNG_BYTES = 5_000;
  private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1)";

  @TempDir Path prefix;
  private Process nginx;
  private int port;

  @BeforeEach
  void startNginx() throws Exception {
    Path binary = nginxBinary();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.createDirectories(prefix.resolve("www/static"));
    Files.createDirectories(prefix.resolve("logs"));
    Files.write(prefix.resolve("www/static/app.css"), new byte[CSS_BYTES]);
    Files.write(prefix.resolve("www/static/logo.png"), new byte[PNG_BYTES]);
    String p = prefix.toAbsolutePath().toString();
    // as root, workers would switch to nobody, who cannot read the temporary prefix
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    String conf =
        user
            + "worker_processes 1;\n"
            + "pid "
            + p
            + "/nginx.pid;\n"
            + "error_log "
            + p
            + "/logs/error.log warn;\n"
            + "events { worker_connections 256; }\n"
            + "http {\n"
            + "  client_body_temp_path "
            + p
            + "/body; proxy_temp_path "
            + p
            + "/proxy; fastcgi_temp_path "
            + p
            + "/fcgi; uwsgi_temp_path "
            + p
            + "/uwsgi; scgi_temp_path "
            + p
            + "/scgi;\n"
            + "  types { text/css css; image/png png; text/html html; }\n"
            + "  log_format timed '"
            + FORMAT
            + "';\n"
            + "  access_log "
            + p
            + "/logs/access.log timed;\n"
            + "  server {\n"
            + "    listen 127.0.0.1:"
            + port
            + ";\n"
            + "    root "
            + p
            + "/www;\n"
            + "    location /api/items/ { default_type application/json; return 200 '{\"ok\":true}'; }\n"
            + "    location = /api/fail { return 503; }\n"
            + "    location = /api/missing { return 404; }\n"
            + "  }\n"
            + "}\n";
    Path confFile = prefix.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    nginx =
        new ProcessBuilder(
                binary.toString(), "-p", p, "-c", confFile.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("nginx.out").toFile())
            .start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        client.send(request("/static/app.css", "probe"), HttpResponse.BodyHandlers.discarding());
        break;
      } catch (IOException e) {
        assertThat(nginx.isAlive())
            .as("nginx exited: " + Files.readString(prefix.resolve("nginx.out")))
            .isTrue();
        assertThat(System.nanoTime()).as("nginx did not answer within 20 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
    // the probe is the log's first line; start from an empty log
    Files.writeString(prefix.resolve("logs/access.log"), "");
  }

  @AfterEach
  void stopNginx() throws InterruptedException {
    if (nginx != null) {
      nginx.destroy();
      if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
        nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Path nginxBinary() {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"));
    for (String d : dirs) {
      Path p = Path.of(d, "nginx");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        "nginx is not installed: this test reads the log of a real nginx; install it with"
            + " `apt-get install -y nginx-light` (.ci/run does)");
  }

  private HttpRequest request(String path, String agent) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("User-Agent", agent)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void aRealNginxLog_givesTheCountsStatusesPeakAndStaticBytesTheTestSent() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      paths.add("/api/items/" + (1000 + i) + "?fields=name");
    }
    for (int i = 0; i < 50; i++) {
      paths.add("/static/app.css");
    }
    for (int i = 0; i < 20; i++) {
      paths.add("/static/logo.png");
      paths.add("/api/fail");
    }
    for (int i = 0; i < 10; i++) {
      paths.add("/api/missing");
    }
    Collections.shuffle(paths, new java.util.Random(7));
    Map<Long, Integer> perSecond = new HashMap<>();
    Map<Integer, Integer> statuses = new HashMap<>();
    for (String path : paths) {
      HttpResponse<Void> r =
          client.send(request(path, "headroom-test/1"), HttpResponse.BodyHandlers.discarding());
      perSecond.merge(System.currentTimeMillis() / 1000, 1, Integer::sum);
      statuses.merge(r.statusCode(), 1, Integer::sum);
    }
    for (int i = 0; i < 5; i++) {
      client.send(request("/api/items/7", BOT), HttpResponse.BodyHandlers.discarding());
    }
    assertThat(statuses).containsEntry(200, 170).containsEntry(503, 20).containsEntry(404, 10);
    Path log = prefix.resolve("logs/access.log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.readAllLines(log).size() < 205 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    AccessLogSummary s =
        new AccessLogReader(AccessLogSettings.DEFAULTS).read(List.of(log), Optional.of(FORMAT));

    assertThat(s.badLines()).isZero();
    assertThat(s.requests()).isEqualTo(200);
    assertThat(s.botRequests()).isEqualTo(5);
    assertThat(s.statuses())
        .containsEntry(200, 170L)
        .containsEntry(503, 20L)
        .containsEntry(404, 10L);
    assertThat(s.errorRatio()).isEqualTo(20 / 200.0);
    assertThat(s.clientErrorRatio()).isEqualTo(10 / 200.0);
    assertThat(s.routes())
        .filteredOn(r -> r.route().equals("GET /api/items/:id"))
        .singleElement()
        .extracting(RouteRow::requests)
        .isEqualTo(100L);
    assertThat(s.typeSource()).isEqualTo(AccessLogSummary.TypeSource.HEADER);
    assertThat(s.staticBytes()).isEqualTo(50L * CSS_BYTES + 20L * PNG_BYTES);
    assertThat(s.latency().orElseThrow().count()).isEqualTo(200);
    assertThat(s.latency().orElseThrow().p99()).isLessThan(5.0);
    // nginx stamps the second a request ended, the test the second it had the answer: the busiest
    // second may straddle a boundary differently, so within 10% (or 3 requests)
    int clientPeak = Collections.max(perSecond.values());
    assertThat((double) s.peakSecond().requests())
        .isCloseTo(clientPeak, within(Math.max(3.0, clientPeak * 0.10)));
  }
}
