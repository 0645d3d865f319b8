package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.ObservationWindow;
import dev.headroom.ingest.evidence.Setting;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Figure;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import dev.headroom.model.SystemSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredEvidenceTest {

  private static final String SYSTEM =
      """
      name: shop
      workload: { peak_rps: 850 rps, read_ratio: 90% }
      components:
        - { name: web, kind: app, instances: 2 }
        - { name: db, kind: database, role: primary, max_connections: 200 }
        - { name: sessions, kind: cache, engine: redis, eviction_policy: noeviction }
        - { name: pages, kind: cache, engine: redis }
      observations:
        pages.hit_ratio: 50%
      """;

  private static final Instant AT = Instant.parse("2026-12-01T23:40:00Z");
  private static final SourceLocation HERE = new SourceLocation("ev.json", 3, 5);

  private static Observation obs(Metric m, ComponentKind kind, String component, double value) {
    return new Observation(
        m, kind, component, value, new ObservationWindow(AT.minusSeconds(60), AT), "how", HERE);
  }

  private static EvidenceFile file(Instant at, List<Observation> obs) {
    return new EvidenceFile(
        "ev.json", "redis INFO", at, "redis://127.0.0.1:6380", obs, List.of(), List.of());
  }

  private static SystemSpec spec(String extra) {
    return SystemFileReader.read("system.yaml", SYSTEM + extra);
  }

  @Test
  void apply_givesAnUnnamedObservationToTheFirstComponentOfItsKind_withItsSourceAndWindow() {
    SystemSpec s =
        MeasuredEvidence.apply(
                spec(""),
                List.of(file(AT, List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "", 0.9)))))
            .spec();
    Figure f = s.facts().get("sessions.hit_ratio").orElseThrow();
    assertThat(f.value()).isEqualTo(0.9);
    assertThat(f.provenance().describe())
        .isEqualTo(
            "measured: redis INFO at redis://127.0.0.1:6380, 2026-12-01T23:40:00Z (window 60 s;"
                + " how)");
  }

  @Test
  void apply_measuredBeatsDeclared() {
    SystemSpec s =
        MeasuredEvidence.apply(
                spec(""),
                List.of(
                    file(
                        AT,
                        List.of(
                            obs(
                                Metric.MEASURED_MAX_CONNECTIONS,
                                ComponentKind.DATABASE,
                                "db",
                                100)))))
            .spec();
    assertThat(s.facts().get("db.max_connections").orElseThrow().provenance().kind())
        .isEqualTo("measured");
    assertThat(s.facts().value("db.max_connections", 0)).isEqualTo(100);
  }

  @Test
  void apply_thePrimarysMeasuredSize_isTheWorkloadsDataSize_overTheDeclaredOne() {
    double bytes = 180.0 * (1L << 30);
    SystemSpec s =
        MeasuredEvidence.apply(
                SystemFileReader.read(
                    "system.yaml",
                    SYSTEM.replace("read_ratio: 90%", "read_ratio: 90%, data_size: 1TiB")),
                List.of(
                    file(
                        AT,
                        List.of(obs(Metric.DATABASE_SIZE, ComponentKind.DATABASE, "db", bytes)))))
            .spec();
    Figure data = s.facts().get("workload.data_size").orElseThrow();
    assertThat(data.value()).isEqualTo(bytes);
    assertThat(data.provenance().describe())
        .startsWith("measured: redis INFO at redis://127.0.0.1:6380")
        .contains("the primary db's database_size, standing in for workload.data_size");
  }

  @Test
  void apply_withTwoPrimariesOnlyOneMeasured_leavesTheDeclaredDataSize() {
    SystemSpec s =
        MeasuredEvidence.apply(
                SystemFileReader.read(
                    "system.yaml",
                    SYSTEM
                        .replace("read_ratio: 90%", "read_ratio: 90%, data_size: 1TiB")
                        .replace(
                            "  - { name: pages, kind: cache, engine: redis }",
                            "  - { name: pages, kind: cache, engine: redis }\n"
                                + "  - { name: orders, kind: database, role: primary }")),
                List.of(
                    file(
                        AT, List.of(obs(Metric.DATABASE_SIZE, ComponentKind.DATABASE, "db", 1e9)))))
            .spec();
    assertThat(s.facts().get("workload.data_size").orElseThrow().provenance().kind())
        .isEqualTo("declared");
  }

  @Test
  void apply_undatedFileObservationsLoseToEvidence_olderOnesToo_newerOnesWin() {
    List<EvidenceFile> ev =
        List.of(file(AT, List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "pages", 0.9))));
    assertThat(MeasuredEvidence.apply(spec(""), ev).spec().facts().value("pages.hit_ratio", 0))
        .isEqualTo(0.9);
    assertThat(
            MeasuredEvidence.apply(spec("observations_at: 2026-11-30\n"), ev)
                .spec()
                .facts()
                .value("pages.hit_ratio", 0))
        .isEqualTo(0.9);
    assertThat(
            MeasuredEvidence.apply(spec("observations_at: 2026-12-02T00:00:00Z\n"), ev)
                .spec()
                .facts()
                .value("pages.hit_ratio", 0))
        .isEqualTo(0.5);
  }

  @Test
  void apply_theNewerEvidenceFileWinsWhicheverOrderTheyCome() {
    EvidenceFile older =
        file(AT.minusSeconds(3600), List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "", 0.7)));
    EvidenceFile newer = file(AT, List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "", 0.8)));
    for (List<EvidenceFile> order : List.of(List.of(older, newer), List.of(newer, older))) {
      assertThat(
              MeasuredEvidence.apply(spec(""), order).spec().facts().value("sessions.hit_ratio", 0))
          .isCloseTo(0.8, within(0.0));
    }
  }

  @Test
  void apply_setsComponentSettingsAndListsWhatTheCollectorCouldNotSee() {
    EvidenceFile f =
        new EvidenceFile(
            "ev.json",
            "redis INFO",
            AT,
            "redis://127.0.0.1:6380",
            List.of(),
            List.of(new Setting(ComponentKind.CACHE, "eviction_policy", "", "allkeys-lru", HERE)),
            List.of(new Unseen("cache.command_latency_p99", "Redis 7 or later")));
    MeasuredEvidence.Applied a = MeasuredEvidence.apply(spec(""), List.of(f));
    assertThat(a.spec().component("sessions").orElseThrow().setting("eviction_policy"))
        .contains("allkeys-lru");
    assertThat(a.unseen())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.needs()).containsExactly("cache.command_latency_p99");
              assertThat(n.how()).containsExactly("Redis 7 or later");
            });
  }

  @Test
  void apply_refusesAComponentOfAnotherKindOrNone_atTheObservation() {
    assertThatThrownBy(
            () ->
                MeasuredEvidence.apply(
                    spec(""),
                    List.of(
                        file(AT, List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "db", 0.9))))))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ev.json:3:5: cache.hit_ratio: found the component \"db\", which is")
        .hasMessageContaining("allowed a cache component of the system: sessions, pages");
    assertThatThrownBy(
            () ->
                MeasuredEvidence.apply(
                    SystemFileReader.read(
                        "s.yaml", "name: x\ncomponents:\n  - { name: web, kind: app }\n"),
                    List.of(
                        file(AT, List.of(obs(Metric.HIT_RATIO, ComponentKind.CACHE, "", 0.9))))))
        .hasMessageContaining("found evidence about a cache, but s.yaml has no cache component");
  }
}
