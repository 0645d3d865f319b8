package dev.headroom.ingest.gatling;

import static dev.headroom.ingest.gatling.GatlingSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatlingStatsReaderTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"gatling-3.10.5-stats.json", "gatling-3.10.5-global_stats.json"})
  void read_givesOneStepFromTheReportsNumbers(String name) {
    LoadTest t = new GatlingStatsReader().read(sample(name), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(t.steps()).hasSize(1);
    assertThat(s.requests()).isEqualTo(504);
    assertThat(s.errors()).isEqualTo(168);
    assertThat(s.latency().meanMs()).isEqualTo(53);
    assertThat(s.latency().p50Ms()).isEqualTo(48);
    assertThat(s.latency().p90Ms()).isNull(); // percentiles2 is p75 by default
    assertThat(s.latency().p95Ms()).isEqualTo(115);
    assertThat(s.latency().p99Ms()).isEqualTo(123);
    assertThat(s.latency().maxMs()).isEqualTo(132);
    assertThat(s.latency().method()).contains("p50/p75/p95/p99").contains("default");
    assertThat(t.warnings()).anyMatch(w -> w.contains("p75 = 78 ms"));
  }

  @Test
  void read_throughputIsOverWholeSeconds() {
    LoadTest t =
        new GatlingStatsReader()
            .read(sample("gatling-3.10.5-global_stats.json"), ReadOptions.DEFAULTS);
    Step s = t.steps().get(0);
    assertThat(s.throughput()).isCloseTo(38.769, within(5e-4));
    assertThat(s.durationSeconds())
        .isCloseTo(13, within(1e-9)); // 504 / 38.769…, not the 12.05 s span
    assertThat(t.warnings()).anyMatch(w -> w.contains("whole seconds (13 s here)"));
  }

  @Test
  void read_withoutConcurrency_usesLittlesLawAndSaysSo() {
    Step s =
        new GatlingStatsReader()
            .read(sample("gatling-3.10.5-stats.json"), ReadOptions.DEFAULTS)
            .steps()
            .get(0);
    assertThat(s.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.LITTLES_LAW);
    assertThat(s.concurrency()).isCloseTo(504.0 / 13 * 0.053, within(1e-9));
    Step given =
        new GatlingStatsReader()
            .read(sample("gatling-3.10.5-stats.json"), new ReadOptions(7.0))
            .steps()
            .get(0);
    assertThat(given.concurrencyOrigin()).isEqualTo(ConcurrencyOrigin.GIVEN);
    assertThat(given.concurrency()).isEqualTo(7);
  }

  @Test
  void read_configuredRanksMovePercentilesToTheirFields() {
    GatlingStatsReader reader = new GatlingStatsReader(List.of(50.0, 90.0, 95.0, 99.9));
    Step s = reader.read(sample("gatling-3.10.5-stats.json"), ReadOptions.DEFAULTS).steps().get(0);
    assertThat(s.latency().p90Ms()).isEqualTo(78);
    assertThat(s.latency().p99Ms()).isNull();
    assertThat(s.latency().method()).contains("p50/p90/p95/p99.9").doesNotContain("default");
  }

  @Test
  void read_missingField_namesTheKey() throws IOException {
    Path p = dir.resolve("global_stats.json");
    Files.writeString(
        p,
        "{\"numberOfRequests\": {\"total\": 3, \"ok\": 3, \"ko\": 0}, \"percentiles1\": {\"total\": 1}}");
    assertThatThrownBy(() -> new GatlingStatsReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("meanResponseTime.total: found nothing");
  }

  @Test
  void read_malformedJson_namesTheLine() throws IOException {
    Path p = dir.resolve("stats.json");
    Files.writeString(p, "{\n  \"numberOfRequests\": {\"total\": 3,,\n}");
    assertThatThrownBy(() -> new GatlingStatsReader().read(p, ReadOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(p + ":2")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void constructor_rejectsOtherThanFourRanks() {
    assertThatThrownBy(() -> new GatlingStatsReader(List.of(50.0, 99.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 percentiles");
  }
}
