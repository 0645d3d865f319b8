package dev.headroom.ingest.wrk;

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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkReaderTest {

  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(WrkReaderTest.class.getResource("/formats/" + name).toURI());
  }

  private static final String WRK_HEAD =
      "Running 5s test @ http://127.0.0.1:8080/api/items\n"
          + "  2 threads and 16 connections\n"
          + "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n";

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void read_wrkLatencyFixture_reproducesPrintedFacts() throws Exception {
    LoadTest t = new WrkReader().read(fixture("wrk-latency.txt"), ReadOptions.DEFAULTS);
    assertThat(t.producer()).isEqualTo("wrk");
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
    assertThat(t.steps()).hasSize(1);
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(16.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.CONFIGURED);
    assertThat(s.requests()).isEqualTo(1539);
    assertThat(s.errors()).isZero();
    assertThat(s.durationSeconds()).isCloseTo(5.01, within(1e-9));
    assertThat(s.throughput()).isCloseTo(307.33, within(1e-9));
    assertThat(s.latency().p50Ms()).isCloseTo(47.96, within(1e-9));
    assertThat(s.latency().p90Ms()).isCloseTo(60.08, within(1e-9));
    assertThat(s.latency().p99Ms()).isCloseTo(922.91, within(1e-9));
    assertThat(s.latency().p95Ms()).isNull();
    // "1.03s" on the same line as "83.38ms": mixed units
    assertThat(s.latency().maxMs()).isCloseTo(1030.0, within(1e-9));
    assertThat(s.latency().meanMs()).isCloseTo(83.38, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("coordinated omission"));
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("--timeout") && w.contains("(0 in this run)"));
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void parse_wrkLatencyFixture_keepsP75AndBinarySizes() throws Exception {
    WrkReport r = WrkReader.parse(fixture("wrk-latency.txt"));
    assertThat(r.threads()).isEqualTo(2);
    assertThat(r.percentilesMs()).containsKeys(50.0, 75.0, 90.0, 99.0).hasSize(4);
    assertThat(r.percentilesMs().get(75.0)).isCloseTo(51.98, within(1e-9));
    assertThat(r.latency().stdev()).isCloseTo(150.25, within(1e-9));
    assertThat(r.requestsPerThread().avg()).isCloseTo(154.26, within(1e-9));
    // KB is 1024 bytes in wrk
    assertThat(r.bytesRead()).isCloseTo(279.54 * 1024, within(1e-6));
    assertThat(r.transferBytesPerSecond()).isCloseTo(55.82 * 1024, within(1e-6));
    assertThat(r.wrk2()).isFalse();
  }

  @Test
  void read_wrkNon2xxFixture_countsEveryResponseAsError() throws Exception {
    LoadTest t = new WrkReader().read(fixture("wrk-errors-latency.txt"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.requests()).isEqualTo(248);
    assertThat(s.errors()).isEqualTo(248);
    assertThat(s.durationSeconds()).isCloseTo(3.09, within(1e-9));
    assertThat(s.throughput()).isCloseTo(80.38, within(1e-9));
    assertThat(s.latency().maxMs()).isCloseTo(195.91, within(1e-9));
    assertThat(s.latency().p50Ms()).isCloseTo(44.24, within(1e-9));
  }

  @Test
  void read_wrk2Fixture_excludesCalibrationPeriod() throws Exception {
    LoadTest t = new WrkReader().read(fixture("wrk2-latency.txt"), ReadOptions.DEFAULTS);
    assertThat(t.producer()).isEqualTo("wrk2");
    assertThat(t.loadModel()).isEqualTo(LoadModel.OPEN);
    Step s = t.steps().get(0);
    // 1501 requests were made, but only 497 are in the histogram after calibration
    assertThat(s.requests()).isEqualTo(497);
    assertThat(s.concurrency()).isEqualTo(8.0);
    // 15.01 s − (10 s + 5 ms × 4 connections per thread)
    assertThat(s.durationSeconds()).isCloseTo(4.99, within(1e-9));
    assertThat(s.throughput()).isCloseTo(100.01, within(1e-9));
    assertThat(s.latency().meanMs()).isCloseTo(35.001, within(1e-9));
    assertThat(s.latency().maxMs()).isCloseTo(71.680, within(1e-9));
    assertThat(s.latency().p50Ms()).isCloseTo(45.28, within(1e-9));
    assertThat(s.latency().p90Ms()).isCloseTo(54.33, within(1e-9));
    assertThat(s.latency().p99Ms()).isCloseTo(67.78, within(1e-9));
    // wrk2 prints no 95% line; the spectrum row 0.950000 gives it
    assertThat(s.latency().p95Ms()).isCloseTo(57.279, within(1e-9));
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("calibration") && w.contains("1501") && w.contains("497"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("open-loop"));
    assertThat(t.warnings()).noneMatch(w -> w.contains("closed-loop"));
  }

  @Test
  void parse_wrk2Fixture_readsTailPercentilesAndSpectrum() throws Exception {
    WrkReport r = WrkReader.parse(fixture("wrk2-latency.txt"));
    assertThat(r.wrk2()).isTrue();
    assertThat(r.calibrationLines()).isEqualTo(2);
    assertThat(r.completed()).isEqualTo(1501);
    assertThat(r.percentilesMs()).containsKeys(50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 99.999, 100.0);
    assertThat(r.percentilesMs().get(99.9)).isCloseTo(71.74, within(1e-9));
    assertThat(r.spectrumMs().get(75.0)).isCloseTo(48.319, within(1e-9));
    assertThat(r.spectrumMs().get(0.0)).isNotNull();
    assertThat(r.histogram().totalCount()).isEqualTo(497);
    assertThat(r.uncorrectedPercentilesMs()).isEmpty();
  }

  @Test
  void parse_wrk2UncorrectedFixture_keepsBothHistogramsApart() throws Exception {
    WrkReport r = WrkReader.parse(fixture("wrk2-latency-u.txt"));
    assertThat(r.percentilesMs().get(50.0)).isCloseTo(45.12, within(1e-9));
    assertThat(r.uncorrectedPercentilesMs().get(50.0)).isCloseTo(44.61, within(1e-9));
    assertThat(r.histogram().meanMs()).isCloseTo(33.487, within(1e-9));
    assertThat(r.uncorrectedHistogram().meanMs()).isCloseTo(32.947, within(1e-9));
    assertThat(r.spectrumMs().get(95.0)).isCloseTo(57.055, within(1e-9));
    LoadTest t = new WrkReader().read(fixture("wrk2-latency-u.txt"), ReadOptions.DEFAULTS);
    // the step uses the corrected histogram
    assertThat(t.steps().get(0).latency().p50Ms()).isCloseTo(45.12, within(1e-9));
    assertThat(t.steps().get(0).latency().p95Ms()).isCloseTo(57.055, within(1e-9));
  }

  @Test
  void accepts_wrkAndWrk2Reports() throws Exception {
    WrkReader reader = new WrkReader();
    for (String name : new String[] {"wrk-latency.txt", "wrk2-latency.txt", "wrk2-latency-u.txt"}) {
      assertThat(reader.accepts(LoadTestReader.head(fixture(name)))).as(name).isTrue();
    }
    assertThat(reader.accepts(LoadTestReader.head(fixture("ab-c4.txt")))).isFalse();
  }

  @Test
  void read_allUnitsOfTime_convertToMilliseconds() throws Exception {
    Path p =
        write(
            "units.txt",
            WRK_HEAD
                + "    Latency   512.00us    2.00m    1.50h    90.00%\n"
                + "    Req/Sec     1.23k     0.50M   2.00k    80.00%\n"
                + "  10 requests in 1.00m, 1.20MB read\n"
                + "  Socket errors: connect 1, read 2, write 3, timeout 4\n"
                + "Requests/sec:      0.17\n"
                + "Transfer/sec:     20.48KB\n");
    WrkReport r = WrkReader.parse(p);
    assertThat(r.latency().avg()).isCloseTo(0.512, within(1e-12));
    assertThat(r.latency().stdev()).isCloseTo(120_000.0, within(1e-9));
    assertThat(r.latency().max()).isCloseTo(5_400_000.0, within(1e-6));
    assertThat(r.requestsPerThread().avg()).isCloseTo(1230.0, within(1e-9));
    assertThat(r.requestsPerThread().stdev()).isCloseTo(500_000.0, within(1e-6));
    assertThat(r.runtimeSeconds()).isCloseTo(60.0, within(1e-9));
    assertThat(r.bytesRead()).isCloseTo(1.2 * 1024 * 1024, within(1e-6));
    LoadTest t = new WrkReader().read(p, ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    // socket errors are connection events: neither requests nor errors, only a warning
    assertThat(s.requests()).isEqualTo(10);
    assertThat(s.errors()).isZero();
    assertThat(t.warnings()).anyMatch(w -> w.contains("(4 in this run)"));
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("socket errors (connect 1, read 2, write 3, timeout 4)"));
  }

  @Test
  void read_serverThatNeverAnswers_givesAStepWithoutLatency() throws Exception {
    // a real run against a socket that accepts and never answers: wrk prints "-nan%" and 0 requests
    LoadTest t = new WrkReader().read(fixture("wrk-timeouts-latency.txt"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.requests()).isZero();
    assertThat(s.errors()).isZero();
    assertThat(s.durationSeconds()).isCloseTo(3.05, within(1e-9));
    assertThat(s.throughput()).isZero();
    assertThat(s.latency()).isNull();
    assertThat(t.warnings()).anyMatch(w -> w.contains("no response"));
    assertThat(WrkReader.parse(fixture("wrk-timeouts-latency.txt")).latency().withinStdevPercent())
        .isNaN();
  }

  @Test
  void read_timeoutsOnly_areAWarningNotErrors() throws Exception {
    Path p =
        write(
            "timeouts.txt",
            WRK_HEAD
                + "    Latency     1.20s    0.00us   1.20s    100.00%\n"
                + "  2 requests in 3.00s, 1.00KB read\n"
                + "  Socket errors: connect 0, read 0, write 0, timeout 9\n"
                + "Requests/sec:      0.67\n");
    LoadTest t = new WrkReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).requests()).isEqualTo(2);
    assertThat(t.steps().get(0).errors()).isZero();
    assertThat(t.warnings()).anyMatch(w -> w.contains("timeout 9); they count connection events"));
  }

  @Test
  void read_socketErrorsOfARealRun_areNotRequests() throws Exception {
    // real wrk 4.1 against a local server that answered 21 requests and exited: wrk printed
    // "20 requests" and 101863 write errors, which were once read as 101883 requests, all errors
    LoadTest t =
        new WrkReader().read(fixture("wrk-socket-errors-21-requests.txt"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(20);
    assertThat(s.errors()).isZero();
    assertThat(s.throughput()).isCloseTo(9.77, within(1e-9));
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("socket errors (connect 0, read 5, write 101863, timeout 0)"));
  }

  @Test
  void read_blankLineAndEchoedCommand_areDetectedAndSkipped() throws Exception {
    // a console session copied with its prompt line, as real wrk printed it after "$ wrk ..."
    Path f = fixture("wrk-echoed-command.txt");
    assertThat(new WrkReader().accepts(LoadTestReader.head(f))).isTrue();
    LoadTest t = new WrkReader().read(f, ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).requests()).isEqualTo(3297);
    assertThat(t.steps().get(0).concurrency()).isEqualTo(8.0);
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void accepts_proseBeforeTheReport_isNotWrk() throws Exception {
    Path p = write("notes.txt", "Results of Tuesday\n" + WRK_HEAD);
    assertThat(new WrkReader().accepts(LoadTestReader.head(p))).isFalse();
  }

  @Test
  void read_countTooLargeForALong_isBadInputAtItsColumn() throws Exception {
    Path p =
        write(
            "huge.txt",
            WRK_HEAD
                + "  99999999999999999999 requests in 3.00s, 1.00KB read\n"
                + "Requests/sec:      0.67\n");
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("huge.txt:4:3")
        .hasMessageContaining("99999999999999999999");
  }

  @Test
  void read_unknownUnit_namesFileLineAndColumn() throws Exception {
    Path p =
        write(
            "bad-unit.txt",
            WRK_HEAD
                + "    Latency    12xs  150.25ms   1.03s    94.17%\n"
                + "  1 requests in 1.00s, 1.00KB read\nRequests/sec: 1.00\n");
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad-unit.txt:4:16")
        .hasMessageContaining("\"12xs\"")
        .hasMessageContaining("47.96ms");
  }

  @Test
  void read_unknownUnitInDistribution_isAnError() throws Exception {
    Path p =
        write(
            "bad-pct.txt",
            WRK_HEAD
                + "  Latency Distribution\n     50%   47.96ms\n     75%   51.98qs\n"
                + "  1 requests in 1.00s, 1.00KB read\nRequests/sec: 1.00\n");
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad-pct.txt:6:")
        .hasMessageContaining("51.98qs");
  }

  @Test
  void read_truncatedReport_saysWhatIsMissing() throws Exception {
    String full = Files.readString(fixture("wrk-latency.txt"));
    Path p = write("truncated.txt", full.substring(0, full.indexOf("  1539 requests")));
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("truncated.txt:10")
        .hasMessageContaining("requests in")
        .hasMessageContaining("truncated");
  }

  @Test
  void read_truncatedWrk2Spectrum_isReported() throws Exception {
    String full = Files.readString(fixture("wrk2-latency.txt"));
    Path p = write("truncated2.txt", full.substring(0, full.indexOf("#[Mean")));
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("truncated2.txt")
        .hasMessageContaining("truncated");
  }

  @Test
  void read_emptyFile_isAnError() throws Exception {
    Path p = write("empty.txt", "");
    assertThatThrownBy(() -> new WrkReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty.txt")
        .hasMessageContaining("empty file");
  }

  @Test
  void read_luaDoneOutput_isCountedAsSkipped() throws Exception {
    String full = Files.readString(fixture("wrk-latency.txt"));
    Path p = write("lua.txt", full + "{\"p50\": 47960}\nlatency done\n");
    LoadTest t = new WrkReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples().get(0)).startsWith("line 14:");
    assertThat(t.steps().get(0).requests()).isEqualTo(1539);
  }
}
