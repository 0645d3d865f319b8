package dev.headroom.ingest.k6;

import static dev.headroom.ingest.k6.K6Fixtures.interpolated;
import static dev.headroom.ingest.k6.K6Fixtures.resource;
import static dev.headroom.ingest.k6.K6Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K6JsonReaderTest {

  private static final String POINTS = "k6-points.ndjson.gz";

  @TempDir Path dir;

  private static String plain(String resource) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(resource(resource)))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void read_reproducesPublishedFactsAndK6Percentiles() {
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t = new K6JsonReader().read(resource(POINTS), ReadOptions.DEFAULTS, tap);
    double[] ms = tap.sortedMs();
    // README: 295 http_req_duration points; http_req_failed points with value 1 add up to 11
    assertThat(ms).hasSize(295);
    assertThat(tap.failures()).isEqualTo(11);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(295);
    assertThat(t.steps().stream().mapToLong(Step::errors).sum()).isEqualTo(11);
    // interpolated percentiles of the raw points reproduce the summary (values kept to 1 µs)
    assertThat(interpolated(ms, 0.50)).isCloseTo(49.252882, within(0.0005));
    assertThat(interpolated(ms, 0.90)).isCloseTo(108.9989912, within(0.0005));
    assertThat(interpolated(ms, 0.95)).isCloseTo(117.5021332, within(0.0005));
    assertThat(interpolated(ms, 0.99)).isCloseTo(122.86742782, within(0.0005));
    assertThat(ms[ms.length - 1]).isCloseTo(127.813759, within(0.0005));
    assertThat(Arrays.stream(ms).average().orElseThrow()).isCloseTo(53.53407747, within(0.0005));
    assertThat(t.skipped().count()).isZero();
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("http_req_failed points count"));
  }

  @Test
  void read_assignsEachRequestTheVusInForceWhenItEnded() {
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t = new K6JsonReader().read(resource(POINTS), ReadOptions.DEFAULTS, tap);
    // README: vus has 10 points; the gauge reads 2,4,6,7,8,8,8,8,6,2
    assertThat(t.steps()).extracting(Step::concurrency).containsExactly(2.0, 4.0, 6.0, 7.0, 8.0);
    assertThat(t.steps())
        .allSatisfy(s -> assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GAUGE));
    // the first second's requests precede the first vus point (05:26:36.049) and take its value
    assertThat(t.warnings())
        .anyMatch(w -> w.matches("\\d+ requests ended before the first vus point .*\\(2 VUs\\)"));
    for (Step s : t.steps()) {
      double[] exact =
          tap.requests.stream()
              .filter(r -> r.vus() == s.concurrency())
              .mapToDouble(r -> r.latencyMicros() / 1000.0)
              .sorted()
              .toArray();
      assertThat(s.requests()).isEqualTo(exact.length);
      assertThat(s.latency().meanMs())
          .isCloseTo(Arrays.stream(exact).average().orElseThrow(), within(1e-9));
      // HdrHistogram: rank round(p·n), 3 significant digits
      int rank = Math.max(1, (int) Math.round(0.95 * exact.length));
      int ceil = Math.max(1, (int) Math.ceil(0.95 * exact.length));
      assertThat(s.latency().p95Ms())
          .isBetween(
              exact[Math.min(rank, ceil) - 1] * 0.999,
              exact[Math.max(rank, ceil) - 1] * 1.001 + 0.001);
    }
    assertThat(t.loadModel()).isEqualTo(LoadModel.UNKNOWN);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("load model unknown"));
  }

  @Test
  void read_ignoresGivenConcurrencyWhenTheFileHasTheVusGauge() {
    LoadTest t = new K6JsonReader().read(resource(POINTS), new ReadOptions(3.0));
    assertThat(t.steps()).extracting(Step::concurrency).containsExactly(2.0, 4.0, 6.0, 7.0, 8.0);
    assertThat(t.warnings()).contains("--concurrency ignored: the file has vus gauge points");
  }

  @Test
  void read_fallsBackToTheStatusTagWithoutExpectedResponse() throws IOException {
    // README: status tags 284 x 200 and 11 x 500; k6's default expected statuses are 200-399
    String stripped = plain(POINTS).replaceAll("\"expected_response\":\"(true|false)\",?", "");
    assertThat(stripped).doesNotContain("\"expected_response\":\"");
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t =
        new K6JsonReader().read(write(dir, "status.ndjson", stripped), ReadOptions.DEFAULTS, tap);
    assertThat(tap.requests).hasSize(295);
    assertThat(tap.failures()).isEqualTo(11);
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("http_req_failed points count"));
  }

  @Test
  void read_warnsWhenTagsDisagreeWithHttpReqFailed() throws IOException {
    String allOk =
        plain(POINTS).replace("\"expected_response\":\"false\"", "\"expected_response\":\"true\"");
    LoadTest t =
        new K6JsonReader().read(write(dir, "disagree.ndjson", allOk), ReadOptions.DEFAULTS);
    assertThat(t.warnings())
        .contains("http_req_failed points count 11 failures but the request tags give 0");
  }

  @Test
  void read_plainAndGzipGiveTheSameResult() throws IOException {
    Path plain = write(dir, "points.ndjson", plain(POINTS));
    assertThat(new K6JsonReader().read(plain, ReadOptions.DEFAULTS).steps())
        .isEqualTo(new K6JsonReader().read(resource(POINTS), ReadOptions.DEFAULTS).steps());
  }

  @Test
  void read_doesNotDependOnKeyOrderOrLineOrder() throws IOException {
    String[] lines = plain(POINTS).split("\n");
    StringBuilder sb = new StringBuilder();
    // older k6 wrote "type" first and a "tainted" field; move keys around and shuffle the lines
    java.util.List<String> shuffled = new java.util.ArrayList<>(Arrays.asList(lines));
    java.util.Collections.shuffle(shuffled, new Random(11));
    for (String l : shuffled) {
      if (l.startsWith("{\"metric\":") && l.contains("\"type\":\"Point\"")) {
        int data = l.indexOf(",\"type\":\"Point\",");
        String metric = l.substring(1, data);
        String rest = l.substring(data + ",\"type\":\"Point\",".length(), l.length() - 1);
        l = "{\"type\":\"Point\"," + rest + ",\"tainted\":null," + metric + "}";
      }
      sb.append(l).append('\n');
    }
    Path f = write(dir, "reordered.ndjson", sb.toString());
    assertThat(new K6JsonReader().read(f, ReadOptions.DEFAULTS).steps())
        .isEqualTo(new K6JsonReader().read(resource(POINTS), ReadOptions.DEFAULTS).steps());
  }

  @Test
  void read_skipsAndReportsUnreadableLines() {
    Path f =
        write(
            dir,
            "bad.ndjson",
            String.join(
                "\n",
                "{\"type\":\"Metric\",\"data\":{\"name\":\"http_req_duration\",\"type\":\"trend\"},\"metric\":\"http_req_duration\"}",
                "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-23T05:26:35.5Z\",\"value\":12.5,\"tags\":{\"status\":\"200\"}}}",
                "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"yesterday\",\"value\":12.5,\"tags\":{}}}",
                "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-23T05:26:36Z\",\"value\":\"fast\"}}",
                "not json at all",
                "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-23T06:26:36.25+01:00\",\"value\":7.5,\"tags\":{\"expected_response\":\"false\",\"status\":\"200\"}}}",
                "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2026-11-23T05:26:37Z\",\"val"));
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t = new K6JsonReader().read(f, ReadOptions.DEFAULTS, tap);
    assertThat(tap.requests).hasSize(2);
    // the +01:00 offset is the same instant as 05:26:36.25Z; expected_response wins over status
    assertThat(tap.requests.get(1).endMicros() - tap.requests.get(0).endMicros())
        .isEqualTo(750_000);
    assertThat(tap.requests.get(1).ok()).isFalse();
    assertThat(t.skipped().count()).isEqualTo(4);
    assertThat(t.skipped().examples()).hasSize(4);
    assertThat(t.skipped().examples().get(0))
        .startsWith("line 3: data.time ")
        .contains("yesterday");
    assertThat(t.skipped().examples().get(1))
        .isEqualTo("line 4: a Point without metric, data.time and a numeric data.value");
    assertThat(t.skipped().examples().get(2)).startsWith("line 5: malformed JSON at column ");
    assertThat(t.skipped().examples().get(3)).startsWith("line 7: malformed JSON");
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("no vus gauge points"));
    assertThat(t.steps().get(0).concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
  }

  @Test
  void read_rejectsFileWithoutUsableRequests() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(3).nextBytes(garbage);
    Path f = Files.write(dir.resolve("garbage.ndjson"), garbage);
    assertThatThrownBy(() -> new K6JsonReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":")
        .hasMessageContaining("no usable http_req_duration sample")
        .hasMessageContaining("line 1: ");
  }

  @Test
  void read_rejectsEmptyFile() {
    Path f = write(dir, "empty.ndjson", "");
    assertThatThrownBy(() -> new K6JsonReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f + ": found an empty file; allowed k6 --out json output: one JSON object per line");
  }

  @Test
  void read_rejectsTruncatedGzipNamingFileAndLine() throws IOException {
    byte[] gz = Files.readAllBytes(resource(POINTS));
    Path f = Files.write(dir.resolve("cut.ndjson.gz"), Arrays.copyOf(gz, gz.length * 3 / 4));
    assertThatThrownBy(() -> new K6JsonReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching(
            "(?s)"
                + java.util.regex.Pattern.quote(f.toString())
                + ":\\d+: found a truncated or corrupt compressed stream after line [1-9]\\d* .*");
  }

  @Test
  void accepts_ndjsonOnly() {
    assertThat(new K6JsonReader().accepts(LoadTestReader.head(resource(POINTS)))).isTrue();
    assertThat(new K6JsonReader().accepts(LoadTestReader.head(resource("k6-summary-export.json"))))
        .isFalse();
    assertThat(new K6JsonReader().accepts(LoadTestReader.head(resource("k6-handlesummary.json"))))
        .isFalse();
    assertThat(new K6JsonReader().accepts(LoadTestReader.head(resource("k6-points.csv.gz"))))
        .isFalse();
  }
}
