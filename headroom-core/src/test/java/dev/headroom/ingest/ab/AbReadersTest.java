package dev.headroom.ingest.ab;

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

class AbReadersTest {

  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(AbReadersTest.class.getResource("/formats/" + name).toURI());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void parseText_c4Fixture_tellsTheTwoTimePerRequestLinesApart() throws Exception {
    AbReport r = AbTextReader.parse(fixture("ab-c4.txt"));
    assertThat(r.concurrency()).isEqualTo(4);
    assertThat(r.timeTakenSeconds()).isCloseTo(2.420, within(1e-9));
    assertThat(r.complete()).isEqualTo(200);
    assertThat(r.failed()).isZero();
    assertThat(r.requestsPerSecond()).isCloseTo(82.64, within(1e-9));
    // first: concurrency × time / requests = 4 × 2.420 / 200 s
    assertThat(r.timePerRequestMs()).isCloseTo(48.402, within(1e-9));
    assertThat(r.timePerRequestMs()).isCloseTo(4 * 2420.0 / 200, within(0.01));
    // second: time / requests
    assertThat(r.timePerRequestAcrossAllMs()).isCloseTo(12.100, within(1e-9));
    assertThat(r.total().mean()).isEqualTo(48.0);
    assertThat(r.total().sd()).isEqualTo(7.0);
    assertThat(r.percentagesMs()).containsKeys(50, 66, 75, 80, 90, 95, 98, 99, 100).hasSize(9);
    assertThat(r.keepAliveRequests()).isNull();
  }

  @Test
  void readText_c4Fixture_givesOneConfiguredStep() throws Exception {
    LoadTest t = new AbTextReader().read(fixture("ab-c4.txt"), ReadOptions.DEFAULTS);
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.CONFIGURED);
    assertThat(s.requests()).isEqualTo(200);
    assertThat(s.errors()).isZero();
    assertThat(s.durationSeconds()).isCloseTo(2.420, within(1e-9));
    assertThat(s.throughput()).isCloseTo(82.64, within(1e-9));
    assertThat(s.latency().meanMs()).isEqualTo(48.0);
    assertThat(s.latency().p50Ms()).isEqualTo(48.0);
    assertThat(s.latency().p90Ms()).isEqualTo(56.0);
    assertThat(s.latency().p95Ms()).isEqualTo(56.0);
    assertThat(s.latency().p99Ms()).isEqualTo(64.0);
    assertThat(s.latency().maxMs()).isEqualTo(64.0);
    assertThat(t.warnings()).anyMatch(w -> w.contains("coordinated omission"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("without -k"));
    assertThat(t.skipped().count()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "ab-c1.txt, 1, 60, 2.809, 21.36, 46.816, 46.816",
    "ab-c16.txt, 16, 600, 1.867, 321.43, 49.777, 3.111"
  })
  void parseText_fixtures_reproducePrintedFacts(
      String name, int c, long n, double t, double x, double first, double across)
      throws Exception {
    AbReport r = AbTextReader.parse(fixture(name));
    assertThat(r.concurrency()).isEqualTo(c);
    assertThat(r.complete()).isEqualTo(n);
    assertThat(r.timeTakenSeconds()).isCloseTo(t, within(1e-9));
    assertThat(r.requestsPerSecond()).isCloseTo(x, within(1e-9));
    assertThat(r.timePerRequestMs()).isCloseTo(first, within(1e-9));
    assertThat(r.timePerRequestAcrossAllMs()).isCloseTo(across, within(1e-9));
    // the second line is 1 / throughput, to ab's rounding
    assertThat(across).isCloseTo(1000.0 / x, within(0.01));
  }

  @Test
  void readText_non2xxFixture_countsErrors() throws Exception {
    Step s = new AbTextReader().read(fixture("ab-errors.txt"), ReadOptions.DEFAULTS).steps().get(0);
    assertThat(s.concurrency()).isEqualTo(2.0);
    assertThat(s.requests()).isEqualTo(40);
    assertThat(s.errors()).isEqualTo(40);
  }

  @Test
  void readText_lengthFailures_areNotErrorsButWarned() throws Exception {
    String text =
        Files.readString(fixture("ab-c4.txt"))
            .replace(
                "Failed requests:        0\n",
                "Failed requests:        5\n   (Connect: 1, Receive: 0, Length: 3, Exceptions: 1)\n");
    LoadTest t = new AbTextReader().read(write("length.txt", text), ReadOptions.DEFAULTS);
    assertThat(t.steps().get(0).errors()).isEqualTo(2);
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("3 responses as failed because their length differed"));
  }

  @Test
  void readText_unknownUnit_namesFileLineAndColumn() throws Exception {
    String text = Files.readString(fixture("ab-c4.txt")).replace("2.420 seconds", "2.420 xs");
    Path p = write("unit.txt", text);
    assertThatThrownBy(() -> new AbTextReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unit.txt:19:25")
        .hasMessageContaining("\"2.420 xs\"")
        .hasMessageContaining("seconds");
  }

  @Test
  void readText_truncated_saysWhatIsMissing() throws Exception {
    String text = Files.readString(fixture("ab-c4.txt"));
    Path p = write("cut.txt", text.substring(0, text.indexOf("Complete requests")));
    assertThatThrownBy(() -> new AbTextReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cut.txt:19")
        .hasMessageContaining("Complete requests")
        .hasMessageContaining("truncated");
  }

  @Test
  void readTsv_withConcurrency_usesLittlesLawForThroughput() throws Exception {
    LoadTest t = new AbTsvReader().read(fixture("ab-c4.tsv"), new ReadOptions(4.0));
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(200);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    // facts.py: mean ttime 47.58 ms, so X = 4 / 0.04758 s
    assertThat(s.latency().meanMs()).isCloseTo(47.58, within(1e-9));
    assertThat(s.throughput()).isCloseTo(4 / 0.04758, within(1e-6));
    assertThat(s.durationSeconds()).isCloseTo(200 / (4 / 0.04758), within(1e-6));
    // HdrHistogram percentiles of whole-ms values, within 0.1 %: nearest-rank p50 48, p90 56, p99
    // 64
    assertThat(s.latency().p50Ms()).isCloseTo(48.0, within(0.05));
    assertThat(s.latency().p90Ms()).isCloseTo(56.0, within(0.06));
    assertThat(s.latency().maxMs()).isCloseTo(64.0, within(0.07));
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("whole seconds") && w.contains("Little's law"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("no status code"));
  }

  @ParameterizedTest
  @CsvSource({"ab-c1, 1", "ab-c4, 4", "ab-c16, 16"})
  void readTsv_withConcurrency_agreesWithTheSameRunsTextReport(String run, double c)
      throws Exception {
    // the -g file and the text report come from one ab run; ramp-up and ramp-down make ab's
    // Requests per second a little lower than N / R̄, by under 5 % here
    double fromTsv =
        new AbTsvReader()
            .read(fixture(run + ".tsv"), new ReadOptions(c))
            .steps()
            .get(0)
            .throughput();
    double fromText = AbTextReader.parse(fixture(run + ".txt")).requestsPerSecond();
    assertThat(fromTsv).isCloseTo(fromText, within(fromText * 0.05));
  }

  @Test
  void readTsv_withoutConcurrency_estimatesFromCoarseTimestampsAndWarns() throws Exception {
    LoadTest t = new AbTsvReader().read(fixture("ab-c4.tsv"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    // ends = seconds + ttime, starts = seconds: the span from the first start to the last end is
    // 2.06 s (facts.py: 2.059 s between ends, plus the first request's 1 ms), so X = 200 / 2.06
    assertThat(s.throughput()).isCloseTo(97.087, within(1e-3));
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency()).isCloseTo(97.087 * 0.04758, within(1e-3));
    assertThat(t.warnings()).anyMatch(w -> w.contains("off by up to 1 s"));
  }

  @Test
  void readTsv_badRows_areSkippedAndCounted() throws Exception {
    Path p =
        write(
            "rows.tsv",
            AbTsvReader.HEADER
                + "\n"
                + "Mon Nov 23 06:37:59 2026\t1795415879\t0\t6\t7\t6\n"
                + "Mon Nov 23 06:37:59 2026\t1795415879\t0\t6\n"
                + "Mon Nov 23 06:38:00 2026\tsoon\t0\t6\t7\t6\n"
                + "Mon Nov 23 06:38:00 2026\t1795415880\t0\t6\t9\t6\n");
    LoadTest t = new AbTsvReader().read(p, new ReadOptions(1.0));
    assertThat(t.steps().get(0).requests()).isEqualTo(2);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples()).anyMatch(e -> e.startsWith("line 3:"));
    assertThat(t.skipped().examples()).anyMatch(e -> e.startsWith("line 4:") && e.contains("soon"));
  }

  @Test
  void readCsv_c4Fixture_needsConcurrencyThenGivesPercentiles() throws Exception {
    Path csv = fixture("ab-c4.csv");
    assertThatThrownBy(() -> new AbCsvReader().read(csv, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ab-c4.csv")
        .hasMessageContaining("--concurrency");
    LoadTest t = new AbCsvReader().read(csv, new ReadOptions(4.0));
    Step s = t.steps().get(0);
    assertThat(s.concurrency()).isEqualTo(4.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(s.latency().p50Ms()).isCloseTo(47.811, within(1e-9));
    assertThat(s.latency().p90Ms()).isCloseTo(55.891, within(1e-9));
    assertThat(s.latency().p95Ms()).isCloseTo(56.07, within(1e-9));
    assertThat(s.latency().p99Ms()).isCloseTo(63.963, within(1e-9));
    assertThat(s.latency().maxMs()).isCloseTo(64.052, within(1e-9));
    // facts.py: trapezoid mean 47.6177 ms; the same run's -g file has the exact mean 47.58 ms
    assertThat(s.latency().meanMs()).isCloseTo(47.6177, within(1e-4));
    assertThat(s.latency().meanMs()).isCloseTo(47.58, within(0.1));
    assertThat(s.throughput()).isCloseTo(84.002, within(1e-3));
    assertThat(s.requests()).isZero();
    assertThat(t.warnings()).anyMatch(w -> w.contains("only percentiles"));
  }

  @Test
  void readCsv_truncatedOrMalformed_isAnErrorWithLine() throws Exception {
    String text = Files.readString(fixture("ab-c4.csv"));
    Path cut = write("cut.csv", text.substring(0, text.indexOf("\n60,")));
    assertThatThrownBy(() -> new AbCsvReader().read(cut, new ReadOptions(4.0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cut.csv")
        .hasMessageContaining("60%")
        .hasMessageContaining("truncated");
    Path bad = write("bad.csv", text.replace("\n50,47.811\n", "\n50,47.811ms\n"));
    assertThatThrownBy(() -> new AbCsvReader().read(bad, new ReadOptions(4.0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.csv:52:4")
        .hasMessageContaining("47.811ms");
  }

  @Test
  void read_emptyFiles_areErrors() throws Exception {
    Path empty = write("empty", "");
    assertThatThrownBy(() -> new AbTextReader().read(empty, ReadOptions.DEFAULTS))
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> new AbTsvReader().read(empty, ReadOptions.DEFAULTS))
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> new AbCsvReader().read(empty, new ReadOptions(1.0)))
        .hasMessageContaining("empty file");
  }

  @Test
  void accepts_eachOnlyItsOwnLayout() throws Exception {
    LoadTestReader.Head text = LoadTestReader.head(fixture("ab-c4.txt"));
    LoadTestReader.Head tsv = LoadTestReader.head(fixture("ab-c4.tsv"));
    LoadTestReader.Head csv = LoadTestReader.head(fixture("ab-c4.csv"));
    assertThat(new AbTextReader().accepts(text)).isTrue();
    assertThat(new AbTextReader().accepts(tsv)).isFalse();
    assertThat(new AbTsvReader().accepts(tsv)).isTrue();
    assertThat(new AbTsvReader().accepts(csv)).isFalse();
    assertThat(new AbCsvReader().accepts(csv)).isTrue();
    assertThat(new AbCsvReader().accepts(text)).isFalse();
  }
}
