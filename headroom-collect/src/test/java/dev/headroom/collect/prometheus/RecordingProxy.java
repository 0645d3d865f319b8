package dev.headroom.collect.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the collector and an engine and records every request's method, path and
 * Authorization header: the proof that only GETs to the allowed paths were sent. With {@code
 * killAfter}, it runs {@code kill} when that many requests have passed (the engine dies
 * mid-collection) and stops listening.
 */
final class RecordingProxy implements AutoCloseable {

  record Request(String method, String path, String query, String authorization) {}

  private final HttpServer server;
  private final String upstream;
  private final HttpClient http = HttpClient.newHttpClient();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  RecordingProxy(String upstream, int killAfter, Runnable kill) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          URI u = ex.getRequestURI();
          requests.add(
              new Request(
                  ex.getRequestMethod(),
                  u.getRawPath(),
                  u.getRawQuery(),
                  ex.getRequestHeaders().getFirst("Authorization")));
          if (killAfter > 0 && count.incrementAndGet() > killAfter) {
            kill.run();
          }
          forward(ex, u);
        });
    server.start();
  }

  RecordingProxy(String upstream) throws IOException {
    this(upstream, 0, () -> {});
  }

  private void forward(HttpExchange ex, URI u) throws IOException {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          upstream
                              + u.getRawPath()
                              + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())))
                  .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
    } catch (IOException | InterruptedException e) {
      // the engine is gone: drop the connection without an answer, as a dead server would
      ex.close();
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
