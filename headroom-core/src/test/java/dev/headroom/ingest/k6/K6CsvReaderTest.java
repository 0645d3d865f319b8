package dev.headroom.ingest.k6;

import static dev.headroom.ingest.k6.K6Fixtures.interpolated;
import static dev.headroom.ingest.k6.K6Fixtures.resource;
import static dev.headroom.ingest.k6.K6Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On CSV files written by a real k6 v0.49.0 (see src/test/resources/k6/README.md). */
class K6CsvReaderTest {

  private static final String CSV = "k6-points.csv.gz";
  private static final String HEADER =
      "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n";

  @TempDir Path dir;

  @Test
  void read_reproducesTheRunsSummary() {
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t = new K6CsvReader().read(resource(CSV), ReadOptions.DEFAULTS, tap);
    double[] ms = tap.sortedMs();
    // the same run's --summary-export: http_reqs 299, http_req_failed passes 11,
    // med 43.899702, p(90) 106.6602746, p(95) 113.5840946, p(99) 120.66808304, max 124.66932
    assertThat(ms).hasSize(299);
    assertThat(tap.failures()).isEqualTo(11);
    assertThat(interpolated(ms, 0.50)).isCloseTo(43.899702, within(0.0005));
    assertThat(interpolated(ms, 0.90)).isCloseTo(106.6602746, within(0.0005));
    assertThat(interpolated(ms, 0.95)).isCloseTo(113.5840946, within(0.0005));
    assertThat(interpolated(ms, 0.99)).isCloseTo(120.66808304, within(0.0005));
    assertThat(ms[ms.length - 1]).isCloseTo(124.66932, within(0.0005));
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(299);
    assertThat(t.steps().stream().mapToLong(Step::errors).sum()).isEqualTo(11);
    assertThat(t.skipped().count()).isZero();
    // vus rows at seconds 249..258 read 2,4,6,7,8,8,8,8,5,1; requests end in seconds 248..257
    // (6,16,24,32,42,40,41,45,35,18 of them), those of 248 taking the first point's 2
    assertThat(t.steps())
        .extracting(Step::concurrency)
        .containsExactly(2.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(t.steps()).extracting(Step::requests).containsExactly(22L, 24L, 18L, 32L, 42L, 161L);
    assertThat(t.steps())
        .allSatisfy(s -> assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GAUGE));
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("time stamps are whole unix seconds"));
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("http_req_failed points count"));
  }

  @Test
  void read_agreesWithTheNdjsonOfTheSameRun() {
    K6Fixtures.Tap csv = new K6Fixtures.Tap();
    K6Fixtures.Tap json = new K6Fixtures.Tap();
    new K6CsvReader().read(resource(CSV), ReadOptions.DEFAULTS, csv);
    new K6JsonReader().read(resource("k6-csv-run-points.ndjson.gz"), ReadOptions.DEFAULTS, json);
    assertThat(csv.sortedMs()).containsExactly(json.sortedMs());
    assertThat(csv.failures()).isEqualTo(json.failures());
    // CSV seconds are the NDJSON times truncated
    long[] csvEnds =
        csv.requests.stream().mapToLong(K6Fixtures.Request::endMicros).sorted().toArray();
    long[] jsonEnds =
        json.requests.stream()
            .mapToLong(r -> r.endMicros() / 1_000_000 * 1_000_000)
            .sorted()
            .toArray();
    assertThat(csvEnds).containsExactly(jsonEnds);
  }

  @Test
  void read_millisecondTimeStamps() {
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t =
        new K6CsvReader().read(resource("k6-unixmilli-points.csv.gz"), ReadOptions.DEFAULTS, tap);
    assertThat(tap.sortedMs()).hasSize(299);
    assertThat(tap.failures()).isEqualTo(11);
    assertThat(interpolated(tap.sortedMs(), 0.95)).isCloseTo(116.6976601, within(0.0005));
    assertThat(Arrays.stream(tap.sortedMs()).average().orElseThrow())
        .isCloseTo(50.55018338, within(0.0005));
    assertThat(tap.requests).allSatisfy(r -> assertThat(r.endMicros() % 1000).isZero());
    assertThat(tap.requests.stream().filter(r -> r.endMicros() % 1_000_000 != 0).count())
        .isPositive();
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("time stamps are whole unix seconds"));
  }

  @Test
  void read_findsOutcomeInExtraTagsAndAcceptsRfc3339() {
    Path f =
        write(
            dir,
            "custom.csv",
            "metric_name,timestamp,metric_value,status,extra_tags,metadata\n"
                + "vus,2026-11-23T05:00:00Z,3.000000,,,\n"
                + "http_req_duration,2026-11-23T05:00:00.5Z,10.000000,200,expected_response=false&name=a,\n"
                + "http_req_duration,2026-11-23T05:00:01.5Z,20.000000,503,,\n"
                + "http_req_duration,2026-11-23T05:00:02.5Z,30.000000,204,\"k=a,b&expected_response=true\",\n");
    K6Fixtures.Tap tap = new K6Fixtures.Tap();
    LoadTest t = new K6CsvReader().read(f, ReadOptions.DEFAULTS, tap);
    assertThat(tap.requests).extracting(K6Fixtures.Request::ok).containsExactly(false, false, true);
    assertThat(tap.requests).allSatisfy(r -> assertThat(r.vus()).isEqualTo(3.0));
    assertThat(t.steps()).singleElement().satisfies(s -> assertThat(s.errors()).isEqualTo(2));
  }

  @Test
  void read_columnsInAnyOrder() {
    Path f =
        write(
            dir,
            "reordered.csv",
            "timestamp,metric_value,metric_name,expected_response\n"
                + "1795416249,4.000000,vus,\n"
                + "1795416249,12.000000,http_req_duration,true\n"
                + "1795416250,6.000000,vus,\n"
                + "1795416250,14.000000,http_req_duration,false\n");
    LoadTest t = new K6CsvReader().read(f, ReadOptions.DEFAULTS);
    assertThat(t.steps()).extracting(Step::concurrency).containsExactly(4.0, 6.0);
    assertThat(t.steps()).extracting(Step::errors).containsExactly(0L, 1L);
  }

  @Test
  void read_skipsAndReportsRowWithNonNumber() {
    Path f =
        write(
            dir,
            "bad.csv",
            HEADER
                + "http_req_duration,1795416248,4.926819,,,,true,::browse,GET,items,HTTP/1.1,ramp,,200,,,items,,\n"
                + "http_req_duration,1795416248,fast,,,,true,::browse,GET,items,HTTP/1.1,ramp,,200,,,items,,\n"
                + "http_req_duration,noon,4.0,,,,true,::browse,GET,items,HTTP/1.1,ramp,,200,,,items,,\n"
                + "http_req_duration\n"
                + "http_req_duration,1795416249,5.5,,,,false,,GET,error,HTTP/1.1,ramp,,500,,,error,,\n");
    LoadTest t = new K6CsvReader().read(f, ReadOptions.DEFAULTS);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(2);
    assertThat(t.steps().stream().mapToLong(Step::errors).sum()).isEqualTo(1);
    assertThat(t.skipped().examples())
        .containsExactly(
            "line 3: column 30 (metric_value): found \"fast\"; allowed a number",
            "line 4: column 19 (timestamp): found \"noon\"; allowed unix time or RFC 3339",
            "line 5: 1 fields where the header names 19");
  }

  @Test
  void read_rejectsWrongHeader() {
    Path f = write(dir, "nohdr.csv", "metric_name,timestamp,value\nhttp_req_duration,1,2\n");
    assertThatThrownBy(() -> new K6CsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f
                + ":1: found a header \"metric_name,timestamp,value\" without metric_value; allowed"
                + " a k6 CSV header metric_name,timestamp,metric_value,<tags>,extra_tags,metadata");
  }

  @Test
  void read_rejectsEmptyAndGarbageFiles() throws IOException {
    Path empty = write(dir, "empty.csv", "");
    assertThatThrownBy(() -> new K6CsvReader().read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(empty + ":1: found an empty file");
    byte[] garbage = new byte[2048];
    new Random(5).nextBytes(garbage);
    garbage[0] = 'x';
    garbage[1] = '\n';
    Path binary = Files.write(dir.resolve("garbage.csv"), garbage);
    assertThatThrownBy(() -> new K6CsvReader().read(binary, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(binary + ":1: found a header \"x\" without metric_name");
  }

  @Test
  void read_rejectsTruncatedGzip() throws IOException {
    byte[] gz = Files.readAllBytes(resource(CSV));
    Path f = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(gz, gz.length * 3 / 4));
    assertThatThrownBy(() -> new K6CsvReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching(
            "(?s)"
                + java.util.regex.Pattern.quote(f.toString())
                + ":\\d+: found a truncated or corrupt compressed stream after line [1-9]\\d* .*");
  }

  @Test
  void accepts_k6CsvOnly() {
    assertThat(new K6CsvReader().accepts(LoadTestReader.head(resource(CSV)))).isTrue();
    assertThat(
            new K6CsvReader().accepts(LoadTestReader.head(resource("k6-unixmilli-points.csv.gz"))))
        .isTrue();
    assertThat(new K6CsvReader().accepts(LoadTestReader.head(resource("k6-points.ndjson.gz"))))
        .isFalse();
  }
}
