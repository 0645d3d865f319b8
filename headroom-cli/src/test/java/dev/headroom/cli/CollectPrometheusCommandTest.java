package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.collect.testing.LocalPromEngine;
import dev.headroom.collect.testing.LocalRedis;
import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code headroom collect prometheus}: picocli resolves it as collect's subcommand (collect keeps
 * its positional URL for servers), bad usage names the option or file position, an unreachable
 * engine exits 2 writing nothing, and a real VictoriaMetrics gives evidence and the report.
 */
class CollectPrometheusCommandTest {

  @Test
  void prometheus_isResolvedAsTheSubcommand_andAnUnreachableEngineExitsTwoWritingNothing(
      @TempDir Path dir) throws Exception {
    int port = LocalRedis.freePort();
    Path out = dir.resolve("app.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "prometheus",
            "http://reader:s3cr3t-pw@127.0.0.1:" + port,
            "--service",
            "checkout",
            "--timeout",
            "2s",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("http://reader@127.0.0.1:" + port + ": cannot connect")
        .contains("nothing written to " + out)
        .doesNotContain("s3cr3t")
        .doesNotContain("at dev.headroom");
    assertThat(r.out()).doesNotContain("s3cr3t");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void collectWithAServerUrl_stillTakesThePositionalUrl(@TempDir Path dir) throws Exception {
    int port = LocalRedis.freePort();
    Cli.Run r =
        Cli.run(
            "collect",
            "redis://127.0.0.1:" + port,
            "--timeout",
            "1s",
            "--window",
            "1s",
            "-o",
            dir.resolve("c.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("redis://127.0.0.1:" + port + ": cannot connect");
  }

  @Test
  void aStepLongerThanTheRange_orABadRange_isBadUsageNamingTheOption(@TempDir Path dir) {
    Cli.Run step =
        Cli.run(
            "collect",
            "prometheus",
            "http://127.0.0.1:1",
            "--service",
            "checkout",
            "--range",
            "30m",
            "--step",
            "1h",
            "-o",
            dir.resolve("e.json").toString());
    assertThat(step.code()).isEqualTo(2);
    assertThat(step.err()).contains("--step: found 3600 s, longer than --range");
    Cli.Run range =
        Cli.run(
            "collect",
            "prometheus",
            "http://127.0.0.1:1",
            "--service",
            "checkout",
            "--range",
            "forever",
            "-o",
            dir.resolve("e.json").toString());
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("--range").contains("allowed a duration of 1s to 366d");
    Cli.Run scheme =
        Cli.run(
            "collect",
            "prometheus",
            "ftp://127.0.0.1:1",
            "--service",
            "checkout",
            "-o",
            dir.resolve("e.json").toString());
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("URL: found the scheme \"ftp\"; allowed http://, https://");
  }

  @Test
  void aBadMappingFile_exitsTwoAtFileLineColumn(@TempDir Path dir) throws Exception {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        "histogram: http_server_requests_seconds\n"
            + "queries:\n"
            + "  rps: sum(rate(x[5m]))\n"
            + "  latency_p42: foo\n"
            + "components:\n"
            + "  app: { name: Web, selector: 'job=\"web\"' }\n"
            + "  database: { name: db, selector: 'job=\"db\"}' }\n");
    Cli.Run r =
        Cli.run(
            "collect",
            "prometheus",
            "http://127.0.0.1:1",
            "--service",
            "checkout",
            "--mapping",
            mapping.toString(),
            "-o",
            dir.resolve("e.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            mapping
                + ":4:3: queries.latency_p42: found the key \"latency_p42\"; allowed one of rps")
        .contains(mapping + ":6:")
        .contains("components.app.name: found \"Web\"")
        .contains(mapping + ":7:")
        .contains("components.database.selector")
        .doesNotContain("at dev.headroom");
    assertThat(Files.exists(dir.resolve("e.json"))).isFalse();
  }

  @Test
  void aRealVictoriaMetrics_givesEvidenceAndTheJsonReport(@TempDir Path dir) throws Exception {
    try (LocalPromEngine vm =
        LocalPromEngine.victoriaMetrics(dir.resolve("vm"), java.util.List.of())) {
      // 10 requests a second for the last 40 minutes, sampled every 15 s: rate() is exactly 10/s
      long now = Instant.now().getEpochSecond();
      StringBuilder sb = new StringBuilder();
      for (long t = now - 2400, i = 0; t <= now; t += 15, i++) {
        sb.append("http_server_requests_seconds_count{application=\"checkout\",status=\"200\"} ")
            .append(i * 150)
            .append(' ')
            .append(t * 1000)
            .append('\n');
      }
      vm.importPrometheusText(sb.toString());
      Path out = dir.resolve("app.json");
      Cli.Run r =
          Cli.run(
              "collect",
              "prometheus",
              vm.url(),
              "--service",
              "checkout",
              "--range",
              "20m",
              "--step",
              "1m",
              "-f",
              "json",
              "-o",
              out.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(0);
      EvidenceFile e = EvidenceReader.read(out);
      assertThat(e.observations())
          .filteredOn(o -> o.key().equals("rps"))
          .singleElement()
          .satisfies(o -> assertThat(o.value()).isCloseTo(10.0, within(1e-6)));
      assertThat(e.observations())
          .filteredOn(o -> o.key().equals("error_rate"))
          .singleElement()
          .satisfies(o -> assertThat(o.value()).isEqualTo(0.0));
      assertThat(e.series()).anySatisfy(s -> assertThat(s.key()).isEqualTo("rps"));
      JsonNode report = JsonMapper.builder().build().readTree(r.out());
      assertThat(report.path("service").asString()).isEqualTo("checkout");
      assertThat(report.path("containers").size()).isZero();
      assertThat(r.err()).contains("wrote " + out);
    }
  }
}
