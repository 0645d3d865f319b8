package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Route normalisation: ids become :id, the query goes, depth is bounded. */
class RoutesTest {

  private static String route(String request, int depth) {
    byte[] b = request.getBytes(StandardCharsets.UTF_8);
    LineValues v = new LineValues();
    v.reset(b);
    LogFormat.assign(Field.REQUEST, v, b, 0, b.length);
    Routes r = new Routes(depth, 1024);
    int n = r.route(v);
    return new String(r.bytes(), 0, n, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET /api/items/42?x=1 HTTP/1.1|4|GET /api/items/:id",
        "GET /api/orders/3f2b8c4e-1d2a-4b7f-9a0e-5c6d7e8f9a0b HTTP/1.1|4|GET /api/orders/:id",
        "GET /blob/deadbeef01 HTTP/1.1|4|GET /blob/:id",
        "GET /blob/deadbeef HTTP/1.1|4|GET /blob/deadbeef",
        "GET /a/b/c/d/e/f HTTP/1.1|3|GET /a/b/c/*",
        "POST / HTTP/2.0|4|POST /",
        "GET http://example.com/x/7 HTTP/1.1|4|GET /x/:id",
        "GET /x#frag HTTP/1.1|4|GET /x",
        "-|4|(malformed request)",
        "\\x16\\x03\\x01 HTTP/1.1|4|(malformed request)",
        "GET /items/12/ HTTP/1.1|4|GET /items/:id/",
      })
  void requests_becomeRoutes(String request, int depth, String route) {
    assertThat(route(request, depth)).isEqualTo(route);
  }
}
