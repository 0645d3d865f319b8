package dev.headroom.analysis.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceReader;
import dev.headroom.ingest.evidence.EvidenceWriter;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Unseen;
import dev.headroom.ingest.trace.TraceFormat;
import dev.headroom.ingest.trace.TraceReader;
import dev.headroom.model.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceEvidenceTest {

  private static final Path DIR = Path.of("src", "test", "resources", "ingest", "trace");

  private static EvidenceFile evidence(String... files) {
    List<Path> paths = java.util.Arrays.stream(files).map(DIR::resolve).toList();
    return TraceEvidence.of(
        TraceAnalyzer.analyze(TraceReader.read(paths), TraceSettings.defaults()));
  }

  private static Observation obs(EvidenceFile e, Metric m) {
    return e.observations().stream().filter(o -> o.metric() == m).findFirst().orElseThrow();
  }

  @Test
  void zipkinSimpleDb_givesTheDatabaseShareAndQueriesOverTheTracesWindow() {
    EvidenceFile e = evidence("zipkin-v2-simple-db-p6.json");
    assertThat(obs(e, Metric.DATABASE_TIME_SHARE).value())
        .isCloseTo(11_616.0 / 252_016, within(1e-12));
    assertThat(obs(e, Metric.QUERIES_PER_REQUEST_P95).value()).isEqualTo(4);
    assertThat(obs(e, Metric.N_PLUS_ONE_SHARE).value()).isZero();
    Observation o = obs(e, Metric.DATABASE_TIME_SHARE);
    // the root starts at 1541485537291342 µs and ends 252016 µs later
    assertThat(o.window().start()).isEqualTo(Instant.parse("2018-11-06T06:25:37.291342Z"));
    assertThat(o.window().end()).isEqualTo(Instant.parse("2018-11-06T06:25:37.543358Z"));
    assertThat(e.collectedAt()).isEqualTo(o.window().end());
    assertThat(e.unseen()).extracting(Unseen::key).containsExactly("network_rtt_p95");
    assertThat(e.collector()).isEqualTo("headroom collect traces (Zipkin v2 JSON)");
  }

  @Test
  void callsBetweenOwnServices_giveTheNetworkRoundTrip() {
    EvidenceFile e = evidence("zipkin-v2-skew.json");
    assertThat(obs(e, Metric.NETWORK_RTT_P95).value()).isCloseTo(962e-6, within(1e-12));
  }

  @Test
  void tracesWithoutDatabaseSpans_listTheDatabaseKeysAsUnseenInsteadOfZero() {
    EvidenceFile e = evidence("otlp-traces-example.json");
    assertThat(e.observations()).isEmpty();
    assertThat(e.unseen())
        .extracting(Unseen::key)
        .containsExactly(
            "database_time_share",
            "queries_per_request_p95",
            "n_plus_one_share",
            "network_rtt_p95");
    assertThat(e.unseen().get(0).needs()).contains("db.system or db.statement");
  }

  @Test
  void anNPlusOneRequest_isCountedAndNamedInTheHow() {
    EvidenceFile e =
        TraceEvidence.of(
            TraceAnalyzer.analyze(
                TraceFixtures.read(TraceFormat.JAEGER_JSON), TraceSettings.defaults()));
    Observation n = obs(e, Metric.N_PLUS_ONE_SHARE);
    assertThat(n.value()).isEqualTo(1.0);
    assertThat(n.how())
        .contains("SELECT * FROM book WHERE author_id = ? AND n = ?")
        .contains("12 times in trace " + TraceFixtures.TRACE);
    assertThat(obs(e, Metric.DATABASE_TIME_SHARE).value()).isEqualTo(0.5);
    assertThat(obs(e, Metric.QUERIES_PER_REQUEST_P95).value()).isEqualTo(13);
  }

  @Test
  void theWrittenFile_readsBackAsTheSameObservations() {
    EvidenceFile e = evidence("zipkin-v2-simple-db-p6.json", "zipkin-v2-skew.json");
    EvidenceFile back =
        EvidenceReader.read(
            "traces.json", EvidenceWriter.toJson(e).getBytes(StandardCharsets.UTF_8));
    assertThat(back.observations()).hasSameSizeAs(e.observations());
    for (int i = 0; i < e.observations().size(); i++) {
      assertThat(back.observations().get(i).metric()).isEqualTo(e.observations().get(i).metric());
      assertThat(back.observations().get(i).value())
          .isCloseTo(e.observations().get(i).value(), within(1e-9));
    }
    assertThat(back.source()).isEqualTo(e.source());
  }
}
