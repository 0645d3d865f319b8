package dev.headroom.ingest.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.accesslog.AccessLogSummary.RouteRow;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on the real nginx and Apache logs of the shared lab, against figures recomputed here
 * from the text with a regular expression (independent of the byte parser), plus inline files for
 * JSON logs, custom formats, rotation, gzip, bad lines and bots.
 */
class AccessLogReaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/accesslog");
  private static final Pattern TIMED =
      Pattern.compile(
          "^\\S+ - \\S+ \\[[^]]+] \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) (\\d+) .* rt=([0-9.]+) .*$");

  @TempDir Path tmp;

  private final AccessLogReader reader = new AccessLogReader(AccessLogSettings.DEFAULTS);

  private AccessLogSummary read(Path... files) {
    return reader.read(List.of(files), Optional.empty());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void nginxCombined_isDetectedAndCountsStatusesWithoutLatency() {
    AccessLogSummary s = read(FIXTURES.resolve("nginx-access-combined.log"));
    assertThat(s.format()).isEqualTo("combined");
    assertThat(s.detected()).isTrue();
    assertThat(s.lines()).isEqualTo(295);
    assertThat(s.requests()).isEqualTo(295);
    assertThat(s.statuses()).containsEntry(200, 284L).containsEntry(500, 11L).hasSize(2);
    assertThat(s.errorRatio()).isCloseTo(11 / 295.0, within(1e-12));
    assertThat(s.latency()).isEmpty();
    assertThat(s.badLines()).isZero();
  }

  @Test
  void nginxTimed_givesNearestRankPercentilesOfRequestTimeWithinHdrPrecision() throws IOException {
    Path file = FIXTURES.resolve("nginx-access-timed.log");
    AccessLogSummary s = read(file);
    assertThat(s.format()).isEqualTo(LogPreset.COMBINED_TIMED.id());
    List<Double> times = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = TIMED.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      times.add(Double.parseDouble(m.group(5)));
    }
    Collections.sort(times);
    var p = s.latency().orElseThrow();
    assertThat(p.count()).isEqualTo(295);
    // HdrHistogram at 3 significant digits reports the top of a bucket: within 0.1% above
    assertThat(p.p50())
        .isCloseTo(nearestRank(times, 0.50), within(nearestRank(times, 0.50) * 1e-3 + 1e-9));
    assertThat(p.p95())
        .isCloseTo(nearestRank(times, 0.95), within(nearestRank(times, 0.95) * 1e-3 + 1e-9));
    assertThat(p.p99())
        .isCloseTo(nearestRank(times, 0.99), within(nearestRank(times, 0.99) * 1e-3 + 1e-9));
    // FORMATS.md §6: "nginx p95 is 0.117 s"
    assertThat(p.p95()).isCloseTo(0.117, within(0.0005));
  }

  @Test
  void nginxTimed_routesDropTheQueryAndCarryTheirOwnErrorRatio() {
    AccessLogSummary s = read(FIXTURES.resolve("nginx-access-timed.log"));
    assertThat(s.routes())
        .extracting(RouteRow::route)
        .containsExactly("GET /api/items", "GET /api/slow", "GET /api/error");
    RouteRow error = s.routes().get(2);
    assertThat(error.requests()).isEqualTo(11);
    assertThat(error.errorRatio()).isEqualTo(1.0);
    assertThat(s.routes().get(0).requests()).isEqualTo(142);
  }

  @Test
  void peaks_matchPerSecondCountsOfTheFile() throws IOException {
    Path file = FIXTURES.resolve("nginx-access-combined.log");
    java.util.Map<String, Integer> perSecond = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
      perSecond.merge(t, 1, Integer::sum);
    }
    int max = Collections.max(perSecond.values());
    AccessLogSummary s = read(file);
    assertThat(s.peakSecond().requests()).isEqualTo(max);
    assertThat(s.spanSeconds()).isEqualTo(perSecond.size());
    assertThat(s.meanRps()).isCloseTo(295.0 / perSecond.size(), within(1e-9));
  }

  @Test
  void apacheCombined_countsStaticBytesByExtension() throws IOException {
    Path file = FIXTURES.resolve("apache-access-combined.log");
    AccessLogSummary s = read(file);
    assertThat(s.requests()).isEqualTo(251);
    assertThat(s.statuses()).containsEntry(200, 221L).containsEntry(404, 30L);
    assertThat(s.clientErrorRatio()).isCloseTo(30 / 251.0, within(1e-12));
    assertThat(s.typeSource()).isEqualTo(AccessLogSummary.TypeSource.EXTENSION);
    long txt = 0;
    long all = 0;
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(" ");
      long bytes = f[9].equals("-") ? 0 : Long.parseLong(f[9]);
      all += bytes;
      txt += f[6].endsWith(".txt") ? bytes : 0;
    }
    assertThat(s.totalBytes()).isEqualTo(all);
    long txtBytes = txt;
    // text/plain is not counted static (an API may answer in it); .txt bytes are all text/plain
    assertThat(s.contentTypes())
        .anySatisfy(
            t -> {
              assertThat(t.type()).isEqualTo("text/plain");
              assertThat(t.bytes()).isEqualTo(txtBytes);
              assertThat(t.isStatic()).isFalse();
            });
  }

  @Test
  void jsonLines_areReadByKeyInAnyOrder() throws IOException {
    Path p =
        write(
            "access.json",
            "{\"time\":\"2026-11-23T05:26:35+00:00\",\"status\":200,\"request\":\"GET /a/1 HTTP/1.1\","
                + "\"body_bytes_sent\":100,\"request_time\":0.010,\"http_user_agent\":\"k6\","
                + "\"sent_http_content_type\":\"application/json\"}\n"
                + "{\"request_time\":\"0.030\",\"status\":\"503\",\"msec\":1795411596.500,"
                + "\"request\":\"GET /a/2?x=1 HTTP/1.1\",\"body_bytes_sent\":\"50\","
                + "\"sent_http_content_type\":\"image/png\",\"upstream_response_time\":\"0.01, 0.02\"}\n");
    AccessLogSummary s = read(p);
    assertThat(s.format()).isEqualTo("json");
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.routes()).extracting(RouteRow::route).containsExactly("GET /a/:id");
    assertThat(s.errorRatio()).isEqualTo(0.5);
    assertThat(s.latency().orElseThrow().max()).isCloseTo(0.030, within(0.00004));
    assertThat(s.typeSource()).isEqualTo(AccessLogSummary.TypeSource.HEADER);
    assertThat(s.staticShare()).isCloseTo(50 / 150.0, within(1e-12));
    assertThat(s.first()).isEqualTo(Instant.parse("2026-11-23T05:26:35Z"));
    assertThat(s.last()).isEqualTo(Instant.parse("2026-11-23T05:26:37Z"));
  }

  @Test
  void customLogFormat_withMsecAndContentType_isCompiledAndRead() throws IOException {
    String format =
        "$msec $status \"$request\" $body_bytes_sent $request_time \"$sent_http_content_type\""
            + " \"$upstream_response_time\"";
    Path p =
        write(
            "custom.log",
            "1795411595.120 200 \"GET /static/app.css HTTP/2.0\" 1000 0.002 \"text/css\" \"-\"\n"
                + "1795411595.980 200 \"POST /api/orders HTTP/2.0\" 300 0.250"
                + " \"application/json; charset=utf-8\" \"0.240, 0.005\"\n");
    AccessLogSummary s = reader.read(List.of(p), Optional.of(format));
    assertThat(s.detected()).isFalse();
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.peakSecond().requests()).isEqualTo(2);
    assertThat(s.staticShare()).isCloseTo(1000 / 1300.0, within(1e-12));
    assertThat(s.contentTypes())
        .extracting(AccessLogSummary.TypeRow::type)
        .containsExactly("text/css", "application/json");
    assertThat(s.latency().orElseThrow().p99()).isCloseTo(0.250, within(0.00025));
  }

  @Test
  void apacheMicroseconds_areReadAsMicroseconds() throws IOException {
    Path p =
        write(
            "apache-d.log",
            "10.0.0.1 - - [23/Nov/2026:05:30:48 +0000] \"GET /x HTTP/1.1\" 200 6 \"-\" \"hey/0.0.1\" 1500\n");
    AccessLogSummary s = read(p);
    assertThat(s.format()).isEqualTo(LogPreset.APACHE_COMBINED_D.id());
    assertThat(s.latency().orElseThrow().p50()).isCloseTo(0.0015, within(0.0000015));
  }

  @Test
  void rotatedAndGzippedFiles_giveTheSameFiguresAsTheWholeLog() throws IOException {
    Path whole = FIXTURES.resolve("nginx-access-timed.log");
    List<String> lines = Files.readAllLines(whole);
    Path newest = write("access.log", String.join("\n", lines.subList(200, 295)) + "\n");
    Path middle = write("access.log.1", String.join("\n", lines.subList(100, 200)) + "\n");
    Path oldest = tmp.resolve("access.log.2.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(oldest))) {
      out.write((String.join("\n", lines.subList(0, 100)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    AccessLogSummary parts = read(newest, middle, oldest);
    AccessLogSummary one = read(whole);
    assertThat(parts.files())
        .containsExactly(oldest.toString(), middle.toString(), newest.toString());
    assertThat(parts.requests()).isEqualTo(one.requests());
    assertThat(parts.peakSecond()).isEqualTo(one.peakSecond());
    assertThat(parts.latency()).isEqualTo(one.latency());
    assertThat(parts.routes()).isEqualTo(one.routes());
    assertThat(parts.first()).isEqualTo(one.first());
    assertThat(parts.last()).isEqualTo(one.last());
  }

  @Test
  void badLines_areCountedAndTheFirstReportedWithFileLineAndColumn() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append("1.2.3.4 - - [23/Nov/2026:05:26:35 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"x\"\n");
    }
    sb.append("1.2.3.4 - - [23/Nov/2026:05:26:35 +0000] \"GET / HTTP/1.1\" 2x0 5 \"-\" \"x\"\n");
    Path p = write("one-bad.log", sb.toString());
    AccessLogSummary s = reader.read(List.of(p), Optional.of("combined"));
    assertThat(s.badLines()).isEqualTo(1);
    assertThat(s.requests()).isEqualTo(300);
    assertThat(s.badExamples())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.line()).isEqualTo(301);
              assertThat(b.column()).isEqualTo(59);
              assertThat(b.message())
                  .isEqualTo(p + ":301:59: expected $status as a three-digit status");
            });
  }

  @Test
  void tooManyBadLines_isAnErrorQuotingTheFirstOnes() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      sb.append("1.2.3.4 - - [23/Nov/2026:05:26:35 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"x\"\n");
      sb.append("garbage line ").append(i).append('\n');
    }
    Path p = write("junk.log", sb.toString());
    assertThatThrownBy(() -> reader.read(List.of(p), Optional.of("combined")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("50 of 100 lines that do not match the format combined")
        .hasMessageContaining(
            p
                + ":2:1: found a line that does not match: expected $remote_addr followed by \" - \";"
                + " allowed lines in the format combined")
        .hasMessageContaining("at most 1.0% of the lines");
  }

  @Test
  void aLineLongerThanTheLimit_isAClearErrorNotAnOutOfMemory() throws IOException {
    Path p = tmp.resolve("no-newline.log");
    byte[] junk = new byte[300_000];
    java.util.Arrays.fill(junk, (byte) 'a');
    Files.write(p, junk);
    AccessLogReader small = new AccessLogReader(AccessLogSettings.DEFAULTS.withMaxLineBytes(4096));
    assertThatThrownBy(() -> small.read(List.of(p), Optional.of("combined")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            p
                + ":1: found a line longer than 4096 bytes (no line end within them);"
                + " allowed lines up to 4096 bytes; an access log has one request per line (raise the"
                + " limit with --max-line-bytes)");
  }

  @Test
  void aLastLineWithoutNewline_isRead() throws IOException {
    Path p =
        write(
            "tail.log",
            "1.2.3.4 - - [23/Nov/2026:05:26:35 +0000] \"GET / HTTP/1.1\" 200 5\r\n"
                + "1.2.3.4 - - [23/Nov/2026:05:26:36 +0000] \"GET / HTTP/1.1\" 404 5");
    AccessLogSummary s = read(p);
    assertThat(s.format()).isEqualTo("common");
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.clientErrors()).isEqualTo(1);
  }

  @Test
  void bots_areLeftOutOfTheFiguresAndTheirShareReported() throws IOException {
    String human =
        "1.2.3.4 - - [23/Nov/2026:05:26:35 +0000] \"GET /p HTTP/1.1\" 500 10 \"-\""
            + " \"Mozilla/5.0 (X11; Linux x86_64)\"\n";
    String google =
        "66.249.66.1 - - [23/Nov/2026:05:26:35 +0000] \"GET /p HTTP/1.1\" 200 99 \"-\""
            + " \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"\n";
    String fb =
        "1.1.1.1 - - [23/Nov/2026:05:26:35 +0000] \"GET /p HTTP/1.1\" 200 99 \"-\""
            + " \"facebookexternalhit/1.1\"\n";
    AccessLogSummary s = read(write("bots.log", human + google + fb + human));
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.botRequests()).isEqualTo(2);
    assertThat(s.botShare()).isEqualTo(0.5);
    assertThat(s.errorRatio()).isEqualTo(1.0);
    assertThat(s.totalBytes()).isEqualTo(20);
  }

  @Test
  void anUnknownFormat_isAnErrorNamingThePresetsAndTheOption() throws IOException {
    Path p = write("odd.log", "hello world\n");
    assertThatThrownBy(() -> read(p))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            p + ":1: found lines in none of the known formats [json, combined-timed")
        .hasMessageContaining("--log-format");
  }

  @Test
  void aFormatWithoutTime_isRefusedWithWhatItNeeds() {
    assertThatThrownBy(() -> AccessLogReader.checkFormat("$status $request_time"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "found a format without a time ($time_local, $time_iso8601 or $msec); allowed a"
                + " log_format with a time and $status, since rates and error ratios need them");
  }

  private static double nearestRank(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
