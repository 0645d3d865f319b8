package dev.headroom.ingest.gatling;

import static dev.headroom.ingest.gatling.GatlingSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts of data/formats/README.md (recomputed there by verify_facts.py), read back from the
 * real files. Percentiles are nearest-rank facts; ours come from HdrHistogram at 3 significant
 * digits, and Gatling's own report uses a t-digest, hence ±1 ms.
 */
class GatlingLogReaderTest {

  private final GatlingLogReader reader = new GatlingLogReader();

  @Test
  void summarize_text3105_countsEveryRecordType() {
    GatlingRun run = reader.summarize(sample("gatling-3.10.5-simulation.log"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.TEXT);
    assertThat(run.version()).isEqualTo("3.10.5");
    assertThat(run.simulation()).isEqualTo("lab.ApiSimulation");
    assertThat(run.assertions()).isEqualTo(2);
    assertThat(run.userStarts()).isEqualTo(168);
    assertThat(run.userEnds()).isEqualTo(168);
    assertThat(run.requests()).isEqualTo(504);
    assertThat(run.ok()).isEqualTo(336);
    assertThat(run.ko()).isEqualTo(168);
    assertThat(run.groups()).isEqualTo(168);
    assertThat(run.requestSpanSeconds()).isCloseTo(12.046, within(1e-9));
  }

  @Test
  void summarize_text3105_responseTimesAreEndMinusStart() {
    GatlingRun run = reader.summarize(sample("gatling-3.10.5-simulation.log"));
    assertThat(run.minResponseMs()).isZero();
    assertThat(run.latency().maxMs()).isCloseTo(132, within(1.0));
    assertThat(run.latency().meanMs()).isCloseTo(52.67, within(0.005));
    assertThat(run.latency().p50Ms()).isCloseTo(48, within(1.0));
    assertThat(run.latency().p95Ms()).isCloseTo(115, within(1.0));
    assertThat(run.latency().p99Ms()).isCloseTo(123, within(1.0));
  }

  @Test
  void read_text3105_groupsAreNotRequestsAndKoIsAnError() {
    LoadTest t = reader.read(sample("gatling-3.10.5-simulation.log"), ReadOptions.DEFAULTS);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(504);
    assertThat(t.steps().stream().mapToLong(Step::errors).sum()).isEqualTo(168);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("168 GROUP records"));
    assertThat(t.skipped().count()).isZero();
    assertThat(t.producer()).isEqualTo("Gatling 3.10.5");
  }

  @Test
  void read_givesOneStepPerActiveUserCountFromUserEvents() {
    LoadTest t = reader.read(sample("gatling-3.10.5-simulation.log"), ReadOptions.DEFAULTS);
    assertThat(t.steps()).allMatch(s -> s.concurrencyOrigin() == ConcurrencyOrigin.USER_EVENTS);
    assertThat(t.steps())
        .extracting(Step::concurrency)
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    assertThat(t.steps()).allMatch(s -> s.throughput() > 0 && s.latency() != null);
    LoadTest given = reader.read(sample("gatling-3.10.5-simulation.log"), new ReadOptions(50.0));
    assertThat(given.steps()).isEqualTo(t.steps());
    assertThat(given.warnings())
        .contains(
            "the given concurrency was not used: the log's USER records give the active users");
  }

  @Test
  void read_loadModelIsUnknownWithCoordinatedOmissionWarning() {
    LoadTest t = reader.read(sample("gatling-3.10.5-simulation.log"), ReadOptions.DEFAULTS);
    assertThat(t.loadModel()).isEqualTo(LoadModel.UNKNOWN);
    assertThat(t.warnings())
        .anyMatch(w -> w.contains("coordinated omission") && w.contains("closed injection"));
  }

  @Test
  void read_binary3149_matchesTheConsoleSummary() {
    GatlingRun run = reader.summarize(sample("gatling-3.14.9-binary-simulation.log"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.BINARY);
    assertThat(run.version()).isEqualTo("3.14.9");
    assertThat(run.simulation()).isEqualTo("lab.ApiSimulation");
    assertThat(run.scenarios()).containsExactly("Browse");
    assertThat(run.assertions()).isEqualTo(2);
    assertThat(run.requests()).isEqualTo(504);
    assertThat(run.ok()).isEqualTo(336);
    assertThat(run.ko()).isEqualTo(168);
    assertThat(run.groups()).isEqualTo(168);
    assertThat(run.minResponseMs()).isZero();
    assertThat(run.latency().maxMs()).isCloseTo(124, within(1.0));
    assertThat(run.latency().p50Ms()).isCloseTo(47, within(1.0));
    assertThat(run.latency().p95Ms()).isCloseTo(114, within(1.0));
    assertThat(run.latency().p99Ms()).isCloseTo(123, within(1.0));
    LoadTest t = reader.read(sample("gatling-3.14.9-binary-simulation.log"), ReadOptions.DEFAULTS);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(504);
    assertThat(t.steps().stream().mapToLong(Step::errors).sum()).isEqualTo(168);
  }

  @Test
  void read_binaryKnownStats_agreesWithGatlingsOwnSpec() {
    GatlingRun run = reader.summarize(sample("gatling-binary-known_stats-simulation.log"));
    assertThat(run.version()).isEqualTo("3.12.1");
    assertThat(run.scenarios()).containsExactly("Users", "Admins");
    assertThat(run.requests()).isEqualTo(105);
    assertThat(run.ok()).isEqualTo(104);
    assertThat(run.ko()).isEqualTo(1);
    assertThat(run.minResponseMs()).isEqualTo(87);
    assertThat(run.latency().maxMs()).isCloseTo(368, within(1.0));
    assertThat(run.latency().p99Ms()).isCloseTo(368, within(1.0));
    assertThat(run.userStarts()).isEqualTo(12); // 10 Users + 2 Admins
    assertThat(run.userEnds()).isEqualTo(12);
  }

  @Test
  void read_nuxeo3105Gzip_rebuilds85Users() {
    GatlingRun run = reader.summarize(sample("gatling-nuxeo-3.10.5-simulation.log.gz"));
    assertThat(run.version()).isEqualTo("3.10.5");
    assertThat(run.requests()).isEqualTo(16029);
    assertThat(run.ko()).isZero();
    assertThat(run.userStarts()).isEqualTo(85);
    assertThat(run.userEnds()).isEqualTo(85);
    assertThat(run.maxActiveUsers()).isEqualTo(85);
    assertThat(run.assertions()).isEqualTo(1);
    assertThat(run.minResponseMs()).isEqualTo(3);
    assertThat(run.latency().maxMs()).isCloseTo(229, within(1.0));
    assertThat(run.latency().meanMs()).isCloseTo(8.18, within(0.005));
    assertThat(run.latency().p95Ms()).isCloseTo(28, within(1.0));
    assertThat(run.requestSpanSeconds()).isCloseTo(181.612, within(1e-9));
    LoadTest t =
        reader.read(sample("gatling-nuxeo-3.10.5-simulation.log.gz"), ReadOptions.DEFAULTS);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(16029);
    assertThat(t.steps().get(t.steps().size() - 1).concurrency()).isEqualTo(85);
  }

  @Test
  void read_nuxeo321_readsTheUserIdLayout() {
    GatlingRun run = reader.summarize(sample("gatling-nuxeo-3.2.1-simulation.log.gz"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.TEXT_WITH_USER_ID);
    assertThat(run.version()).isEqualTo("3.2.1");
    assertThat(run.requests()).isEqualTo(16095);
    assertThat(run.ko()).isZero();
    assertThat(run.minResponseMs()).isEqualTo(4);
    assertThat(run.latency().maxMs()).isCloseTo(339, within(1.0));
    assertThat(run.latency().meanMs()).isCloseTo(13.17, within(0.005));
    assertThat(run.latency().p95Ms()).isCloseTo(31, within(1.0));
    assertThat(run.maxActiveUsers()).isEqualTo(85);
  }

  @Test
  void read_gatling20_typeInThirdColumnAndFourTimestamps() {
    GatlingRun run = reader.summarize(sample("gatling-nuxeo-2.0-small-simulation.log"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.TEXT_2_0);
    assertThat(run.version()).isEqualTo("2.0");
    assertThat(run.simulation()).isEqualTo("org.nuxeo.cap.bench.Sim80ReindexAll");
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.userStarts()).isEqualTo(1);
    assertThat(run.userEnds()).isEqualTo(1);
    // responseEnd − requestStart: 1448309155604 − 1448309155292 and 1448309331964 − 1448309155633
    assertThat(run.minResponseMs()).isEqualTo(312);
    assertThat(run.latency().meanMs()).isCloseTo((312 + 176331) / 2.0, within(1e-9));
  }

  @Test
  void read_gatling33Trimmed_acceptsTheMissingMessageColumn() {
    LoadTest t =
        reader.read(sample("gatling-nuxeo-3.3.0-small-simulation.log"), ReadOptions.DEFAULTS);
    GatlingRun run = reader.summarize(sample("gatling-nuxeo-3.3.0-small-simulation.log"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.TEXT_WITH_USER_ID);
    assertThat(run.version()).isEqualTo("3.3.0");
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.minResponseMs()).isEqualTo(1567181198797L - 1567181198538L);
    assertThat(t.skipped().count()).isZero();
    assertThat(t.steps()).singleElement().satisfies(s -> assertThat(s.concurrency()).isEqualTo(1));
  }

  @Test
  void read_gatling34Small_dropsUserIdColumn() {
    GatlingRun run = reader.summarize(sample("gatling-nuxeo-3.4.0-small-simulation.log"));
    assertThat(run.layout()).isEqualTo(GatlingLogLayout.TEXT);
    assertThat(run.version()).isEqualTo("3.4.0");
    assertThat(run.requests()).isEqualTo(31);
    assertThat(run.userStarts()).isEqualTo(10);
    assertThat(run.userEnds()).isEqualTo(10);
    assertThat(run.minResponseMs()).isEqualTo(53);
    assertThat(run.latency().maxMs()).isCloseTo(502, within(1.0));
    assertThat(run.latency().meanMs()).isCloseTo(208.387, within(0.001));
    assertThat(run.maxActiveUsers()).isEqualTo(3);
  }

  @Test
  void read_manyUsers_binsLevelsToBoundMemory(@TempDir Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("RUN\tsim.Sim\tsim\t1700000000000\t \t3.10.5\n");
    long t0 = 1_700_000_000_000L;
    for (int u = 0; u < 250; u++) {
      sb.append("USER\tscn\tSTART\t").append(t0).append('\n');
    }
    for (int u = 0; u < 250; u++) {
      long end = t0 + 1000 + 10L * u;
      sb.append("REQUEST\t\tr\t").append(end - 5).append('\t').append(end).append("\tOK\t \n");
      sb.append("USER\tscn\tEND\t").append(end + 1).append('\n');
    }
    Path p = Files.writeString(dir.resolve("many.log"), sb);
    LoadTest t = reader.read(p, ReadOptions.DEFAULTS);
    assertThat(reader.summarize(p).maxActiveUsers()).isEqualTo(250);
    assertThat(t.steps().size()).isLessThanOrEqualTo(GatlingLogReader.MAX_LEVELS);
    assertThat(t.steps()).allMatch(s -> s.concurrency() % 3 == 0);
    assertThat(t.steps().stream().mapToLong(Step::requests).sum()).isEqualTo(250);
    assertThat(t.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                    "up to 250 active users: concurrency levels grouped into bins of 3 users"));
  }

  @Test
  void accepts_everyLayoutAndNothingElse() {
    for (String name :
        List.of(
            "gatling-3.10.5-simulation.log",
            "gatling-3.14.9-binary-simulation.log",
            "gatling-binary-known_stats-simulation.log",
            "gatling-nuxeo-3.10.5-simulation.log.gz",
            "gatling-nuxeo-3.2.1-simulation.log.gz",
            "gatling-nuxeo-2.0-small-simulation.log",
            "gatling-nuxeo-3.3.0-small-simulation.log",
            "gatling-nuxeo-3.4.0-small-simulation.log")) {
      assertThat(reader.accepts(GatlingLogReader.head(sample(name)))).as(name).isTrue();
    }
    assertThat(reader.accepts(GatlingLogReader.head(sample("gatling-3.10.5-stats.json"))))
        .isFalse();
  }
}
