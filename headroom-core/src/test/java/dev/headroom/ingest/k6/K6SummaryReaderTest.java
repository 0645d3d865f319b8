package dev.headroom.ingest.k6;

import static dev.headroom.ingest.k6.K6Fixtures.resource;
import static dev.headroom.ingest.k6.K6Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K6SummaryReaderTest {

  @TempDir Path dir;

  @Test
  void read_legacyExportReproducesPublishedFacts() {
    LoadTest t =
        new K6SummaryReader().read(resource("k6-summary-export.json"), ReadOptions.DEFAULTS);
    assertThat(t.format()).isEqualTo(LoadTestFormat.K6_SUMMARY);
    Step s = t.steps().get(0);
    assertThat(t.steps()).hasSize(1);
    // README: http_reqs count 295 at rate 28.5328/s; http_req_failed passes 11 = failures
    assertThat(s.requests()).isEqualTo(295);
    assertThat(s.errors()).isEqualTo(11);
    assertThat(s.throughput()).isCloseTo(28.5328, within(0.00005));
    // the export lacks the duration: count / rate = 295 / 28.53282183683005 = 10.33897 s, which
    // is the handleSummary testRunDurationMs of the same run
    assertThat(s.durationSeconds()).isCloseTo(10.338970386, within(1e-6));
    assertThat(t.warnings())
        .anyMatch(w -> w.startsWith("test duration 10.339 s derived from http_reqs count / rate"));
    // README: avg 53.53407747, med 49.252882, p(90) 108.9989912, p(95) 117.5021332, p(99)
    // 122.86742782, max 127.813759
    assertThat(s.latency().meanMs()).isCloseTo(53.53407747, within(1e-8));
    assertThat(s.latency().p50Ms()).isEqualTo(49.252882);
    assertThat(s.latency().p90Ms()).isEqualTo(108.9989912);
    assertThat(s.latency().p95Ms()).isEqualTo(117.5021332);
    assertThat(s.latency().p99Ms()).isEqualTo(122.86742782);
    assertThat(s.latency().maxMs()).isEqualTo(127.813759);
    assertThat(s.latency().method()).contains("linear interpolation");
    // vus max 8 (ramping-vus 1 -> 8 -> 0)
    assertThat(s.concurrency()).isEqualTo(8.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GAUGE);
    assertThat(t.warnings()).anyMatch(w -> w.contains("peak of the vus gauge"));
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("VUs varied from 2 to 8"));
    // thresholds["p(95)<50"] = true means FAILED; rate<0.05 = false means passed
    assertThat(t.warnings()).contains("k6 threshold failed: http_req_duration p(95)<50");
    assertThat(t.warnings()).noneMatch(w -> w.contains("rate<0.05"));
    assertThat(t.loadModel()).isEqualTo(LoadModel.UNKNOWN);
    assertThat(t.warnings())
        .anyMatch(w -> w.startsWith("load model unknown") && w.contains("coordinated omission"));
  }

  @Test
  void read_handleSummaryReproducesPublishedFacts() {
    LoadTest t =
        new K6HandleSummaryReader().read(resource("k6-handlesummary.json"), ReadOptions.DEFAULTS);
    assertThat(t.format()).isEqualTo(LoadTestFormat.K6_HANDLE_SUMMARY);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(295);
    assertThat(s.errors()).isEqualTo(11);
    // README: state.testRunDurationMs = 10338.970386 and 295 / 10.338970386 s = 28.5328/s
    assertThat(s.durationSeconds()).isCloseTo(10.338970386, within(1e-9));
    assertThat(s.throughput()).isCloseTo(295 / 10.338970386, within(1e-9));
    assertThat(s.latency().p95Ms()).isEqualTo(117.5021332);
    assertThat(s.latency().p50Ms()).isEqualTo(49.252882);
    assertThat(s.concurrency()).isEqualTo(8.0);
    assertThat(t.warnings()).noneMatch(w -> w.startsWith("test duration"));
    // {"p(95)<50": {"ok": false}} failed; {"rate<0.05": {"ok": true}} passed
    assertThat(t.warnings()).contains("k6 threshold failed: http_req_duration p(95)<50");
    assertThat(t.warnings()).noneMatch(w -> w.contains("rate<0.05"));
  }

  @Test
  void read_thirdPartyHandleSummary() {
    LoadTest t =
        new K6HandleSummaryReader()
            .read(resource("k6-handlesummary-k6reporter-testdata.json"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    // README: http_reqs 878; http_req_failed {passes 349, fails 529}: 349 requests failed; p(95)
    // 30.0256841
    assertThat(s.requests()).isEqualTo(878);
    assertThat(s.errors()).isEqualTo(349);
    assertThat(s.latency().p95Ms()).isEqualTo(30.0256841);
    assertThat(s.latency().p99Ms()).isNotNull();
    assertThat(s.durationSeconds()).isCloseTo(24.425289882, within(1e-9));
    assertThat(s.concurrency()).isEqualTo(20.0);
  }

  @Test
  void read_givenConcurrencyWinsOverTheGauge() {
    LoadTest t =
        new K6SummaryReader().read(resource("k6-summary-export.json"), new ReadOptions(5.0));
    assertThat(t.steps().get(0).concurrency()).isEqualTo(5.0);
    assertThat(t.steps().get(0).concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
  }

  @Test
  void read_withoutVusUsesVusMaxThenLittlesLaw() {
    Path maxOnly =
        write(
            dir,
            "vusmax.json",
            """
            {"metrics": {"http_reqs": {"count": 100, "rate": 10},
                         "http_req_duration": {"avg": 200, "med": 150, "p(90)": 300, "p(95)": 350, "max": 400, "min": 1},
                         "vus_max": {"value": 4, "min": 4, "max": 4}}}
            """);
    Step s = new K6SummaryReader().read(maxOnly, ReadOptions.DEFAULTS).steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GAUGE);

    Path none =
        write(
            dir,
            "none.json",
            """
            {"metrics": {"http_reqs": {"count": 100, "rate": 10},
                         "http_req_duration": {"avg": 200, "med": 150, "p(90)": 300, "p(95)": 350, "max": 400, "min": 1}}}
            """);
    LoadTest t = new K6SummaryReader().read(none, ReadOptions.DEFAULTS);
    s = t.steps().get(0);
    // Little's law: N = X·R = 10/s · 0.2 s = 2
    assertThat(s.concurrency()).isCloseTo(2.0, within(1e-12));
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.errors()).isZero();
    assertThat(s.latency().p99Ms()).isNull();
    assertThat(t.warnings()).anyMatch(w -> w.contains("no http_req_failed metric"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("Little's law"));
  }

  @Test
  void read_marksOpenModelWhenIterationsWereDropped() {
    Path f =
        write(
            dir,
            "open.json",
            """
            {"metrics": {"http_reqs": {"count": 100, "rate": 10}, "dropped_iterations": {"count": 3, "rate": 0.3},
                         "vus": {"value": 1, "min": 1, "max": 6}}}
            """);
    LoadTest t = new K6SummaryReader().read(f, ReadOptions.DEFAULTS);
    assertThat(t.loadModel()).isEqualTo(LoadModel.OPEN);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("load model open"));
  }

  @Test
  void read_rejectsSummaryWithoutHttpReqs() {
    Path f =
        write(dir, "nohttp.json", "{\"metrics\": {\"iterations\": {\"count\": 3, \"rate\": 1}}}");
    assertThatThrownBy(() -> new K6SummaryReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            f
                + ": metrics.http_reqs: found no http_reqs metric; allowed a summary of a run that"
                + " made HTTP requests (k6 counts them in http_reqs)");
  }

  @Test
  void read_rejectsNonNumberNamingTheKey() {
    Path f =
        write(
            dir, "nan.json", "{\"metrics\": {\"http_reqs\": {\"count\": \"many\", \"rate\": 1}}}");
    assertThatThrownBy(() -> new K6SummaryReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage(f + ": metrics.http_reqs.count: found \"many\"; allowed a number >= 0");
  }

  @Test
  void read_rejectsTruncatedJsonWithLine() {
    Path f = write(dir, "cut.json", "{\n  \"metrics\": {\n    \"http_reqs\": {\"count\": 3,\n");
    assertThatThrownBy(() -> new K6HandleSummaryReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":4:")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void read_rejectsEmptyFile() {
    Path f = write(dir, "empty.json", "");
    assertThatThrownBy(() -> new K6SummaryReader().read(f, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ": ")
        .hasMessageContaining("empty");
  }

  @Test
  void accepts_eachSummaryShapeOnlyByItsOwnReader() {
    LoadTestReader.Head legacy = LoadTestReader.head(resource("k6-summary-export.json"));
    LoadTestReader.Head nested = LoadTestReader.head(resource("k6-handlesummary.json"));
    LoadTestReader.Head reporter =
        LoadTestReader.head(resource("k6-handlesummary-k6reporter-testdata.json"));
    assertThat(new K6SummaryReader().accepts(legacy)).isTrue();
    assertThat(new K6SummaryReader().accepts(nested)).isFalse();
    assertThat(new K6SummaryReader().accepts(reporter)).isFalse();
    assertThat(new K6HandleSummaryReader().accepts(nested)).isTrue();
    assertThat(new K6HandleSummaryReader().accepts(reporter)).isTrue();
    assertThat(new K6HandleSummaryReader().accepts(legacy)).isFalse();
  }
}
