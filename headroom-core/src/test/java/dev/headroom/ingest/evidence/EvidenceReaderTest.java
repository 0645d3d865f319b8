package dev.headroom.ingest.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.model.BadInputException;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceReaderTest {

  private static final String GOOD =
      """
      {
        "schema_version": 1,
        "collector": "redis INFO",
        "collected_at": "2026-12-01T23:40:00Z",
        "source": "redis://127.0.0.1:6380",
        "observations": [
          { "key": "cache.hit_ratio", "component": "cache", "value": 91, "unit": "%",
            "window": { "start": "2026-12-01T23:39:00Z", "end": "2026-12-01T23:40:00Z", "seconds": 60 },
            "how": "keyspace_hits/(hits+misses) over the window, INFO stats" },
          { "key": "latency_p95", "value": 250, "unit": "ms",
            "window": { "start": "2026-12-01T23:40:00Z", "end": "2026-12-01T23:40:00Z", "seconds": 0 } }
        ],
        "settings": [ { "key": "cache.eviction_policy", "value": "allkeys-lru" } ],
        "not_evaluated": [ { "key": "cache.command_latency_p99", "needs": "Redis 7 or later" } ]
      }
      """;

  private static EvidenceFile read(String text) {
    return EvidenceReader.read("ev.json", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_convertsUnitsToCanonicalAndKeepsTheWindow() {
    EvidenceFile e = read(GOOD);
    assertThat(e.collector()).isEqualTo("redis INFO");
    assertThat(e.collectedAt()).isEqualTo(Instant.parse("2026-12-01T23:40:00Z"));
    Observation hit = e.observations().get(0);
    assertThat(hit.metric()).isEqualTo(Metric.HIT_RATIO);
    assertThat(hit.kind()).isEqualTo(ComponentKind.CACHE);
    assertThat(hit.component()).isEqualTo("cache");
    assertThat(hit.value()).isCloseTo(0.91, within(1e-12));
    assertThat(hit.window().seconds()).isEqualTo(60.0);
    assertThat(hit.location().line()).isEqualTo(7);
    Observation p95 = e.observations().get(1);
    assertThat(p95.metric()).isEqualTo(Metric.LATENCY_P95);
    assertThat(p95.kind()).isNull();
    assertThat(p95.value()).isCloseTo(0.25, within(1e-12));
    assertThat(e.settings()).singleElement().extracting(Setting::value).isEqualTo("allkeys-lru");
    assertThat(e.unseen())
        .containsExactly(new Unseen("cache.command_latency_p99", "Redis 7 or later"));
  }

  @Test
  void read_refusesAnUnknownKeyNamingTheKindsCatalogueAndPosition() {
    String bad = GOOD.replace("\"cache.hit_ratio\"", "\"cache.hit_rate\"");
    assertThatThrownBy(() -> read(bad))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ev.json:7:")
        .hasMessageContaining("found the metric \"cache.hit_rate\"")
        .hasMessageContaining("for a cache: ")
        .hasMessageContaining("cache.hit_ratio, cache.evictions")
        .hasMessageContaining("did you mean \"cache.hit_ratio\"");
  }

  @Test
  void read_refusesAnUnknownKindListingTheWholeCatalogue() {
    String bad = GOOD.replace("\"cache.hit_ratio\"", "\"redis.hit_ratio\"");
    assertThatThrownBy(() -> read(bad))
        .hasMessageContaining("found the metric \"redis.hit_ratio\"")
        .hasMessageContaining("latency_p95")
        .hasMessageContaining("database.qps")
        .hasMessageContaining("cache.hit_ratio");
  }

  @Test
  void read_refusesAUnitOfTheWrongDimension() {
    String bad = GOOD.replace("\"unit\": \"%\"", "\"unit\": \"ms\"");
    assertThatThrownBy(() -> read(bad))
        .hasMessageContaining("ev.json:7:")
        .hasMessageContaining("found the unit \"ms\" for cache.hit_ratio")
        .hasMessageContaining("allowed one of ratio, %");
  }

  @Test
  void read_refusesAWindowWhoseSecondsDisagreeWithItsEnds() {
    String bad = GOOD.replace("\"seconds\": 60", "\"seconds\": 30");
    assertThatThrownBy(() -> read(bad))
        .hasMessageContaining("observations.window.seconds: found 30 s, but end - start is 60 s");
  }

  @Test
  void read_refusesAPasswordInTheSourceWithoutRepeatingIt() {
    String bad = GOOD.replace("redis://127.0.0.1:6380", "redis://app:s3cret@127.0.0.1:6380");
    assertThatThrownBy(() -> read(bad))
        .hasMessageContaining("source: found a URL with a password in it")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  void read_refusesAnotherSchemaVersionAndUnknownTopKeysTogether() {
    String bad =
        GOOD.replace("\"schema_version\": 1", "\"schema_version\": 2, \"colector\": \"x\"");
    assertThatThrownBy(() -> read(bad))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("schema_version: found \"2\"; allowed 1")
        .hasMessageContaining("did you mean \"collector\"");
  }

  @Test
  void readAll_readsEveryJsonFileOfADirectoryInNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.json"), GOOD.replace("redis INFO", "second"));
    Files.writeString(dir.resolve("a.json"), GOOD);
    Files.writeString(dir.resolve("notes.txt"), "not evidence");
    assertThat(EvidenceReader.readAll(dir))
        .extracting(EvidenceFile::collector)
        .containsExactly("redis INFO", "second");
  }

  @Test
  void readAll_refusesADirectoryWithoutEvidence(@TempDir Path dir) {
    assertThatThrownBy(() -> EvidenceReader.readAll(dir))
        .hasMessageContaining("found a directory without *.json files");
  }

  /** Whatever the writer writes, the reader reads back to the same values (seeded). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void writeThenRead_roundTripsEveryCatalogueMetric(long seed) {
    Random rnd = new Random(seed);
    Instant end = Instant.parse("2026-12-01T23:40:00Z");
    List<Observation> obs = new java.util.ArrayList<>();
    for (Metric m : Metric.values()) {
      ComponentKind kind = m.systemWide() ? null : m.kinds().iterator().next();
      double value =
          rnd.nextDouble() * (m.dimension() == dev.headroom.model.Dimension.RATIO ? 1 : 1e6);
      int seconds = rnd.nextInt(600);
      obs.add(
          new Observation(
              m,
              kind,
              rnd.nextBoolean() ? "c" + rnd.nextInt(9) : "",
              value,
              new ObservationWindow(end.minusSeconds(seconds), end),
              "how " + m.key(),
              new SourceLocation("mem", 0, 0)));
    }
    EvidenceFile written =
        new EvidenceFile("mem", "test", end, "redis://127.0.0.1:1", obs, List.of(), List.of());
    EvidenceFile back = read(EvidenceWriter.toJson(written));
    assertThat(back.observations()).hasSameSizeAs(obs);
    for (int i = 0; i < obs.size(); i++) {
      Observation a = obs.get(i);
      Observation b = back.observations().get(i);
      assertThat(b.key()).isEqualTo(a.key());
      assertThat(b.component()).isEqualTo(a.component());
      assertThat(b.value()).isCloseTo(a.value(), within(Math.abs(a.value()) * 1e-9));
      assertThat(b.window()).isEqualTo(a.window());
      assertThat(b.how()).isEqualTo(a.how());
    }
  }

  private static final String WITH_SERIES =
      GOOD.replace(
          "\"settings\": [",
          """
          "series": [
            { "key": "database.cpu", "component": "db", "unit": "%", "start": "2026-11-01T00:00:00Z",
              "step_seconds": 300, "values": [41, null, 43.5],
              "how": "avg(rate(node_cpu_seconds_total{mode!=\\"idle\\"}[5m]))" } ],
          "settings": [""");

  @Test
  void read_series_convertsUnitsKeepsGapsAndDatesEachPoint() {
    Series s = read(WITH_SERIES).series().get(0);
    assertThat(s.key()).isEqualTo("database.cpu");
    assertThat(s.component()).isEqualTo("db");
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.value(0)).isCloseTo(0.41, within(1e-12));
    assertThat(s.value(1)).isNaN();
    assertThat(s.value(2)).isCloseTo(0.435, within(1e-12));
    assertThat(s.time(2)).isEqualTo(Instant.parse("2026-11-01T00:10:00Z"));
    assertThat(s.window().seconds()).isEqualTo(600.0);
  }

  @Test
  void writeThenRead_series_isTheSameSeries() {
    EvidenceFile e = read(WITH_SERIES);
    EvidenceFile again = read(EvidenceWriter.toJson(e));
    Series a = e.series().get(0);
    Series b = again.series().get(0);
    assertThat(b.size()).isEqualTo(a.size());
    for (int i = 0; i < a.size(); i++) {
      // the writer keeps 10 significant digits, so 0.41000000000000003 comes back as 0.41
      if (Double.isNaN(a.value(i))) {
        assertThat(b.value(i)).isNaN();
      } else {
        assertThat(b.value(i)).isCloseTo(a.value(i), within(1e-9 * a.value(i)));
      }
    }
    assertThat(b.start()).isEqualTo(a.start());
    assertThat(b.step()).isEqualTo(a.step());
    assertThat(b.how()).isEqualTo(a.how());
  }

  @Test
  void read_series_refusesAStepUnderASecondAndANegativePointAtTheirPositions() {
    assertThatThrownBy(
            () -> read(WITH_SERIES.replace("\"step_seconds\": 300", "\"step_seconds\": 0.5")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("series.step_seconds")
        .hasMessageContaining("a step of at least 1 s");
    assertThatThrownBy(() -> read(WITH_SERIES.replace("[41, null", "[-41, null")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("series.values[0]")
        .hasMessageContaining("or null for a gap");
    assertThatThrownBy(
            () ->
                read(
                    WITH_SERIES.replace(
                        "\"unit\": \"%\", \"start\"", "\"unit\": \"ms\", \"start\"")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("series.unit")
        .hasMessageContaining("one of ratio, %");
    assertThatThrownBy(
            () -> read(WITH_SERIES.replace("\"values\": [41, null, 43.5]", "\"values\": []")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("series.values");
  }
}
