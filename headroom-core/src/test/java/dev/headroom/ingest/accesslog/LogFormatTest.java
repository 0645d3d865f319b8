package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Compiling nginx log_format strings and reading lines with them. */
class LogFormatTest {

  private static LineValues parse(LogFormat f, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    LineValues v = new LineValues();
    v.reset(b);
    assertThat(f.parse(b, 0, b.length, v)).as(v.error).isTrue();
    return v;
  }

  @Test
  void quotedPiecesAndEscapeJson_areJoinedAsNginxDoes() {
    LogFormat f =
        LogFormat.compile(
            "escape=json '{\"t\":\"$time_iso8601\",' '\"s\":$status,\"rt\":$request_time}'");
    LineValues v = parse(f, "{\"t\":\"2026-11-23T05:26:35+00:00\",\"s\":502,\"rt\":1.250}");
    assertThat(v.status).isEqualTo(502);
    assertThat(v.requestMicros).isEqualTo(1_250_000);
    assertThat(f.hasRequestTime()).isTrue();
  }

  @Test
  void anEscapedQuoteInsideAValue_doesNotEndIt() {
    LogFormat f = LogFormat.compile("[$time_local] \"$request\" $status \"$http_user_agent\"");
    LineValues v =
        parse(f, "[23/Nov/2026:05:26:35 +0000] \"GET /a\\\"b HTTP/1.1\" 200 \"x \\\"y\\\" z\"");
    assertThat(v.status).isEqualTo(200);
    assertThat(new String(v.buf, v.agentStart, v.agentEnd - v.agentStart, StandardCharsets.UTF_8))
        .isEqualTo("x \\\"y\\\" z");
  }

  @Test
  void unknownVariables_areMatchedAndIgnored_bracedNamesToo() {
    LogFormat f = LogFormat.compile("${time_local}|$status|$ssl_protocol|$request_time");
    LineValues v = parse(f, "23/Nov/2026:05:26:35 +0000|404|TLSv1.3|-");
    assertThat(v.status).isEqualTo(404);
    assertThat(v.requestMicros).isEqualTo(-1);
  }

  @Test
  void adjacentVariables_areRefusedNamingTheColumn() {
    assertThatThrownBy(() -> LogFormat.compile("$status$body_bytes_sent"))
        .hasMessageStartingWith("column 8: found $status directly followed by $body_bytes_sent");
  }

  @Test
  void aLineOfAnotherShape_saysWhereAndWhatWasExpected() {
    LogFormat f = LogFormat.compile("[$time_local] $status $request_time");
    byte[] b = "[23/Nov/2026:05:26:35 +0000] 200 12".getBytes(StandardCharsets.UTF_8);
    LineValues v = new LineValues();
    v.reset(b);
    assertThat(f.parse(b, 0, b.length, v)).isFalse();
    assertThat(v.error).isEqualTo("$request_time as seconds like 0.012, or -");
    assertThat(v.errorColumn).isEqualTo(34);
  }

  @Test
  void everyPreset_compiles() {
    for (LogPreset p : LogPreset.values()) {
      assertThat(AccessLogReader.parser(p.id()).describe()).isEqualTo(p.id());
    }
  }
}
