package dev.headroom.ingest.hey;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeyReadersTest {

  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(HeyReadersTest.class.getResource("/formats/" + name).toURI());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readText_c4Fixture_convertsSecondsAndEstimatesConcurrency() throws Exception {
    LoadTest t = new HeyTextReader().read(fixture("hey-c4.txt"), ReadOptions.DEFAULTS);
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(247);
    assertThat(s.errors()).isZero();
    assertThat(s.durationSeconds()).isCloseTo(3.05, within(1e-9));
    assertThat(s.throughput()).isCloseTo(80.983, within(1e-9));
    assertThat(s.latency().meanMs()).isCloseTo(48.8, within(1e-9));
    assertThat(s.latency().maxMs()).isCloseTo(80.0, within(1e-9));
    assertThat(s.latency().p50Ms()).isCloseTo(48.0, within(1e-9));
    assertThat(s.latency().p90Ms()).isCloseTo(56.1, within(1e-9));
    assertThat(s.latency().p95Ms()).isCloseTo(63.9, within(1e-9));
    assertThat(s.latency().p99Ms()).isCloseTo(76.2, within(1e-9));
    // hey does not print -c: Little's law N = X·R = 80.983/s × 0.0488 s
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency()).isCloseTo(80.983 * 0.0488, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("Little's law"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("coordinated omission"));
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void readText_givenConcurrency_isUsedAndSaid() throws Exception {
    LoadTest t = new HeyTextReader().read(fixture("hey-c16.txt"), new ReadOptions(16.0));
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(16.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(s.requests()).isEqualTo(892);
    assertThat(s.throughput()).isCloseTo(293.593, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("given concurrency 16"));
  }

  @Test
  void readText_missingPercentilePrintedAsZero_isLeftEmpty() throws Exception {
    // with 61 results hey 0.1.4 printed "0% in 0.0000 secs" where p99 belongs
    LoadTest t = new HeyTextReader().read(fixture("hey-c1.txt"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(61);
    assertThat(s.latency().p95Ms()).isCloseTo(64.0, within(1e-9));
    assertThat(s.latency().p99Ms()).isNull();
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("0% in 0.0000 secs") && w.contains("line 33"));
  }

  @Test
  void readText_connectionRefused_countsErrorsAndNeedsConcurrency() throws Exception {
    Path refused = fixture("hey-refused.txt");
    assertThatThrownBy(() -> new HeyTextReader().read(refused, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("hey-refused.txt")
        .hasMessageContaining("--concurrency");
    Step s = new HeyTextReader().read(refused, new ReadOptions(2.0)).steps().get(0);
    assertThat(s.requests()).isEqualTo(10374);
    assertThat(s.errors()).isEqualTo(10374);
    assertThat(s.latency()).isNull();
    assertThat(s.throughput()).isCloseTo(10292.5914, within(1e-9));
  }

  @Test
  void readText_statusOutside2xx3xx_countsAsErrors() throws Exception {
    String text =
        Files.readString(fixture("hey-c4.txt"))
            .replace(
                "  [200]\t247 responses",
                "  [200]\t200 responses\n  [302]\t7 responses\n  [500]\t40 responses");
    Step s =
        new HeyTextReader().read(write("status.txt", text), ReadOptions.DEFAULTS).steps().get(0);
    assertThat(s.requests()).isEqualTo(247);
    assertThat(s.errors()).isEqualTo(40);
  }

  @Test
  void readText_unknownUnit_namesFileLineAndColumn() throws Exception {
    String text =
        Files.readString(fixture("hey-c4.txt")).replace("Average:\t0.0488 secs", "Average:\t12xs");
    Path p = write("bad.txt", text);
    assertThatThrownBy(() -> new HeyTextReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.txt:6:")
        .hasMessageContaining("\"12xs\"")
        .hasMessageContaining("secs");
  }

  @Test
  void readText_truncatedBeforeStatusCodes_isReported() throws Exception {
    String text = Files.readString(fixture("hey-c4.txt"));
    Path p = write("cut.txt", text.substring(0, text.indexOf("Details")));
    assertThatThrownBy(() -> new HeyTextReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cut.txt")
        .hasMessageContaining("Status code distribution")
        .hasMessageContaining("truncated");
  }

  @ParameterizedTest
  @CsvSource({
    // file, rows, mean ms, max ms, n / (last end − first start), Little's-law N = X·R
    // (recomputed independently from the CSV: ends = offset + response-time, starts = offset)
    "hey-c1.csv, 62, 48.5516, 60.1, 20.591, 0.99973",
    "hey-c4.csv, 253, 47.4498, 68.2, 84.210, 3.99571",
    "hey-c16.csv, 1003, 48.0893, 84.5, 327.649, 15.75655"
  })
  void readCsv_fixtures_reproduceIndependentFacts(
      String name, long rows, double meanMs, double maxMs, double x, double littleN)
      throws Exception {
    LoadTest t = new HeyCsvReader().read(fixture(name), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(rows);
    assertThat(s.errors()).isZero();
    assertThat(s.latency().meanMs()).isCloseTo(meanMs, within(1e-3));
    // HdrHistogram with 3 significant digits: within 0.1 %
    assertThat(s.latency().maxMs()).isCloseTo(maxMs, within(maxMs * 1e-3));
    assertThat(s.throughput()).isCloseTo(x, within(1e-3));
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency()).isCloseTo(littleN, within(1e-3));
    // Little's law holds for the step by construction: N = X·R
    assertThat(s.concurrency())
        .isCloseTo(s.throughput() * s.latency().meanMs() / 1000.0, within(1e-9));
    assertThat(t.warnings()).anyMatch(w -> w.contains("Little's law"));
  }

  @Test
  void readCsv_givenConcurrency_isUsed() throws Exception {
    LoadTest t = new HeyCsvReader().read(fixture("hey-c4.csv"), new ReadOptions(4.0));
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(s.latency().p50Ms()).isCloseTo(47.9, within(0.05));
  }

  @Test
  void readCsv_badRows_areSkippedCountedAndNamed() throws Exception {
    Path p =
        write(
            "rows.csv",
            HeyCsvReader.HEADER
                + "\n"
                + "0.0450,0.0001,0.0000,0.0000,0.0448,0.0001,200,0.0100\n"
                + "0.0460,0.0001,0.0000,0.0000,0.0458,0.0001,500,0.0600\n"
                + "12xs,0.0001,0.0000,0.0000,0.0458,0.0001,200,0.1000\n"
                + "0.0470,0.0001,0.0000\n");
    LoadTest t = new HeyCsvReader().read(p, new ReadOptions(1.0));
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples()).anyMatch(e -> e.startsWith("line 4:") && e.contains("12xs"));
    assertThat(t.skipped().examples())
        .anyMatch(e -> e.startsWith("line 5:") && e.contains("3 fields"));
  }

  @Test
  void readCsv_headerOnlyOrEmpty_isAnError() throws Exception {
    Path header = write("header.csv", HeyCsvReader.HEADER + "\n");
    assertThatThrownBy(() -> new HeyCsvReader().read(header, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("header.csv")
        .hasMessageContaining("no rows");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> new HeyCsvReader().read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty.csv")
        .hasMessageContaining("empty file");
  }

  @Test
  void accepts_onlyItsOwnLayout() throws Exception {
    assertThat(new HeyTextReader().accepts(LoadTestReader.head(fixture("hey-c4.txt")))).isTrue();
    assertThat(new HeyTextReader().accepts(LoadTestReader.head(fixture("hey-refused.txt"))))
        .isTrue();
    assertThat(new HeyTextReader().accepts(LoadTestReader.head(fixture("hey-c4.csv")))).isFalse();
    assertThat(new HeyCsvReader().accepts(LoadTestReader.head(fixture("hey-c4.csv")))).isTrue();
    assertThat(new HeyCsvReader().accepts(LoadTestReader.head(fixture("hey-c4.txt")))).isFalse();
  }
}
