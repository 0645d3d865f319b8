package dev.headroom.ingest.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.LoadTestReader;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocustReadersTest {

  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(LocustReadersTest.class.getResource("/formats/" + name).toURI());
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @ParameterizedTest
  @CsvSource({
    "locust-steps_stats.csv, 852, 164, 37.27734559037293, 124.9055099999623, 42.57720751666137, 45, 68, 86, 120",
    "locust-aggregated_stats.csv, 819, 139, 40.99143022344574, 124.787339999898, 40.90779166112369, 46, 73, 92, 120"
  })
  void readStats_fixtures_takeTheAggregatedRow(
      String name,
      long n,
      long failures,
      double mean,
      double max,
      double rps,
      double p50,
      double p90,
      double p95,
      double p99)
      throws Exception {
    LoadTest t = new LocustStatsReader().read(fixture(name), ReadOptions.DEFAULTS);
    assertThat(t.loadModel()).isEqualTo(LoadModel.CLOSED);
    assertThat(t.steps()).hasSize(1);
    Step s = t.steps().get(0);
    assertThat(s.requests()).isEqualTo(n);
    assertThat(s.errors()).isEqualTo(failures);
    assertThat(s.throughput()).isEqualTo(rps);
    assertThat(s.durationSeconds()).isCloseTo(n / rps, within(1e-9));
    assertThat(s.latency().meanMs()).isEqualTo(mean);
    assertThat(s.latency().maxMs()).isEqualTo(max);
    assertThat(s.latency().p50Ms()).isEqualTo(p50);
    assertThat(s.latency().p90Ms()).isEqualTo(p90);
    assertThat(s.latency().p95Ms()).isEqualTo(p95);
    assertThat(s.latency().p99Ms()).isEqualTo(p99);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency()).isCloseTo(rps * mean / 1000.0, within(1e-12));
    assertThat(t.warnings()).anyMatch(w -> w.contains("buckets"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("coordinated omission"));
  }

  @Test
  void readStats_givenConcurrency_isUsed() throws Exception {
    Step s =
        new LocustStatsReader()
            .read(fixture("locust-steps_stats.csv"), new ReadOptions(8.0))
            .steps()
            .get(0);
    assertThat(s.concurrency()).isEqualTo(8.0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
  }

  @Test
  void readStats_withoutAggregatedRow_isReportedAsTruncated() throws Exception {
    List<String> lines = Files.readAllLines(fixture("locust-steps_stats.csv"));
    Path p = write("cut_stats.csv", String.join("\n", lines.subList(0, 3)) + "\n");
    assertThatThrownBy(() -> new LocustStatsReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cut_stats.csv:3")
        .hasMessageContaining("Aggregated");
  }

  @Test
  void readStats_badValueInAggregatedRow_namesLineColumnAndKey() throws Exception {
    String text =
        Files.readString(fixture("locust-steps_stats.csv"))
            .replace(",Aggregated,852,", ",Aggregated,85x,");
    Path p = write("bad_stats.csv", text);
    assertThatThrownBy(() -> new LocustStatsReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad_stats.csv:5:13")
        .hasMessageContaining("Request Count")
        .hasMessageContaining("85x");
  }

  @Test
  void readHistory_stepsFixture_givesOneStepPerUserLevelFromDifferences() throws Exception {
    LoadTest t =
        new LocustHistoryReader()
            .read(fixture("locust-steps_stats_history.csv"), ReadOptions.DEFAULTS);
    // facts.py, independently: intervals between Aggregated rows at the same User Count
    assertThat(t.steps()).extracting(Step::concurrency).containsExactly(1.0, 2.0, 4.0, 8.0);
    assertThat(t.steps()).extracting(Step::requests).containsExactly(66L, 106L, 179L, 333L);
    assertThat(t.steps()).extracting(Step::errors).containsExactly(14L, 22L, 37L, 67L);
    assertThat(t.steps()).extracting(Step::durationSeconds).containsExactly(4.0, 4.0, 4.0, 4.0);
    assertThat(t.steps()).extracting(Step::throughput).containsExactly(16.5, 26.5, 44.75, 83.25);
    assertThat(t.steps().get(0).latency().meanMs()).isCloseTo(10.0394, within(1e-4));
    assertThat(t.steps().get(3).latency().meanMs()).isCloseTo(45.3364, within(1e-4));
    assertThat(t.steps().get(3).latency().p50Ms()).isNull();
    assertThat(t.steps()).allMatch(s -> s.concurrencyOrigin() == ConcurrencyOrigin.GAUGE);
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("1 warm-up rows") && w.contains("3 intervals"));
    assertThat(t.warnings()).anyMatch(w -> w.contains("sliding window"));
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void readHistory_aggregatedOnlyFixture_reproducesIndependentFacts() throws Exception {
    LoadTest t =
        new LocustHistoryReader()
            .read(fixture("locust-aggregated_stats_history.csv"), ReadOptions.DEFAULTS);
    assertThat(t.steps()).extracting(Step::requests).containsExactly(60L, 97L, 167L, 326L);
    assertThat(t.steps()).extracting(Step::errors).containsExactly(13L, 15L, 23L, 54L);
    assertThat(t.steps()).extracting(Step::throughput).containsExactly(15.0, 24.25, 41.75, 81.5);
    assertThat(t.steps().get(2).latency().meanMs()).isCloseTo(44.5823, within(1e-4));
    assertThat(t.warnings()).anyMatch(w -> w.contains("cumulative"));
  }

  @Test
  void readHistory_locust1xQuotedLayout_isDetectedAndGivesTheSameSteps() throws Exception {
    // the real 2.12.1 run rewritten in Locust 1.x's hand-quoted layout (see formats/README.md)
    Path v1 = fixture("locust-1x-aggregated_stats_history.csv");
    assertThat(LoadTestFiles.detect(v1)).isEqualTo(LoadTestFormat.LOCUST_HISTORY);
    LoadTest t = new LocustHistoryReader().read(v1, ReadOptions.DEFAULTS);
    assertThat(t.steps()).extracting(Step::requests).containsExactly(60L, 97L, 167L, 326L);
    assertThat(t.steps()).extracting(Step::errors).containsExactly(13L, 15L, 23L, 54L);
    assertThat(t.steps()).extracting(Step::throughput).containsExactly(15.0, 24.25, 41.75, 81.5);
    assertThat(t.skipped().count()).isZero();
  }

  @Test
  void readHistory_headerRepeatingAColumnName_rowsAreCheckedAgainstTheHeaderWidth()
      throws Exception {
    // found by LoadTestFuzzTest: a repeated name made the name index shorter than the header, so
    // a row as wide as the index passed the check and was read past its end
    List<String> lines = Files.readAllLines(fixture("locust-aggregated_stats_history.csv"));
    lines.set(0, lines.get(0).replace("Failures/s,50%,", "Failures/s,50%,50%,"));
    Path p = write("dup_history.csv", String.join("\n", lines) + "\n");
    // every row is one field short of the header now: all skipped, so nothing is left to read
    assertThatThrownBy(() -> new LocustHistoryReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("dup_history.csv:22: found no Aggregated row with data");
  }

  @Test
  void readStats_headerRepeatingAColumnName_rowsAreCheckedAgainstTheHeaderWidth() throws Exception {
    List<String> lines = Files.readAllLines(fixture("locust-aggregated_stats.csv"));
    lines.set(0, lines.get(0).replace("Failures/s,50%,", "Failures/s,50%,50%,"));
    Path p = write("dup_stats.csv", String.join("\n", lines) + "\n");
    assertThatThrownBy(() -> new LocustStatsReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void readHistory_doesNotUseTheLaggingRequestsPerSecondColumn() throws Exception {
    // at the last 8-user row Locust's current Requests/s reads 49.5 while 83.25/s completed
    LoadTest t =
        new LocustHistoryReader()
            .read(fixture("locust-steps_stats_history.csv"), ReadOptions.DEFAULTS);
    assertThat(t.steps().get(3).throughput()).isNotCloseTo(49.5, within(10.0));
  }

  @Test
  void readHistory_badRows_areSkippedAndCounted() throws Exception {
    List<String> lines = Files.readAllLines(fixture("locust-aggregated_stats_history.csv"));
    lines.set(5, lines.get(5).replaceFirst("^[0-9]+,", "soon,"));
    lines.add(7, "1795415970,4,,Aggregated,1.0");
    Path p = write("bad_history.csv", String.join("\n", lines) + "\n");
    LoadTest t = new LocustHistoryReader().read(p, ReadOptions.DEFAULTS);
    assertThat(t.skipped().count()).isEqualTo(2);
    assertThat(t.skipped().examples()).anyMatch(e -> e.startsWith("line 6:") && e.contains("soon"));
    assertThat(t.skipped().examples())
        .anyMatch(e -> e.startsWith("line 8:") && e.contains("5 fields"));
  }

  @Test
  void readHistory_onlyWarmUp_isAnError() throws Exception {
    List<String> lines = Files.readAllLines(fixture("locust-aggregated_stats_history.csv"));
    Path p = write("warmup_history.csv", lines.get(0) + "\n" + lines.get(1) + "\n");
    assertThatThrownBy(() -> new LocustHistoryReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("warmup_history.csv")
        .hasMessageContaining("warm-up");
    Path empty = write("empty_history.csv", "");
    assertThatThrownBy(() -> new LocustHistoryReader().read(empty, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty file");
  }

  @Test
  void accepts_statsAndHistoryApart() throws Exception {
    LoadTestReader.Head stats = LoadTestReader.head(fixture("locust-steps_stats.csv"));
    LoadTestReader.Head history = LoadTestReader.head(fixture("locust-steps_stats_history.csv"));
    assertThat(new LocustStatsReader().accepts(stats)).isTrue();
    assertThat(new LocustStatsReader().accepts(history)).isFalse();
    assertThat(new LocustHistoryReader().accepts(history)).isTrue();
    assertThat(new LocustHistoryReader().accepts(stats)).isFalse();
  }

  @Test
  void split_quotedFields_keepCommasAndQuotes() {
    assertThat(LocustCsv.split("GET,\"/a,b\",\"say \"\"hi\"\"\",3"))
        .containsExactly("GET", "/a,b", "say \"hi\"", "3");
    assertThat(LocustCsv.split("GET,\"/open")).isNull();
  }
}
