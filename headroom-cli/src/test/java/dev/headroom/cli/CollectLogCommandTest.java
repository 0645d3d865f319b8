package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ingest.evidence.EvidenceFile;
import dev.headroom.ingest.evidence.EvidenceReader;
import dev.headroom.ingest.evidence.Observation;
import dev.headroom.ingest.evidence.Unseen;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom collect log}: a subcommand of collect, evidence out, bad input exit 2. */
class CollectLogCommandTest {

  private static final Path FIXTURES = Path.of("../headroom-core/src/test/resources/accesslog");

  @Test
  void collectLog_isTheSubcommand_writesEvidenceAndPrintsTheRouteTable(@TempDir Path dir) {
    Path out = dir.resolve("evidence/web.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "log",
            FIXTURES.resolve("nginx-access-timed.log").toString(),
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("detected: combined-timed")
        .contains("GET /api/slow")
        .contains("wrote " + out + ": 6 observations, 1 not seen");
    EvidenceFile e = EvidenceReader.read(out);
    assertThat(e.observations())
        .extracting(Observation::key)
        .containsExactly(
            "rps",
            "latency_p50",
            "latency_p95",
            "latency_p99",
            "error_rate",
            "static_bandwidth_share");
    assertThat(e.unseen()).extracting(Unseen::key).containsExactly("peak_to_average");
    assertThat(e.observations().get(2).value()).isBetween(0.117, 0.1172);
  }

  @Test
  void aLogWithoutRequestTime_marksTheLatencyKeysNotEvaluatedWithTheNeed(@TempDir Path dir) {
    Path out = dir.resolve("web.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "log",
            FIXTURES.resolve("nginx-access-combined.log").toString(),
            "-o",
            out.toString(),
            "-f",
            "json");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("\"latencySeconds\" : null");
    EvidenceFile e = EvidenceReader.read(out);
    assertThat(e.unseen())
        .filteredOn(u -> u.key().equals("latency_p95"))
        .singleElement()
        .satisfies(
            u -> assertThat(u.needs()).contains("add $request_time to the nginx log_format"));
  }

  @Test
  void aBadLogFormat_exitsTwoNamingTheOption_writesNothing(@TempDir Path dir) {
    Path out = dir.resolve("web.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "log",
            FIXTURES.resolve("nginx-access-combined.log").toString(),
            "--log-format",
            "$status$request_time [$time_local]",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--log-format: column 8: found $status directly followed by $request_time")
        .doesNotContain("at dev.headroom");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aMissingFile_exitsTwo_writesNothing(@TempDir Path dir) {
    Path out = dir.resolve("web.json");
    Cli.Run r = Cli.run("collect", "log", dir.resolve("nope.log").toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.log: found no such file").doesNotContain("at dev.headroom");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aWrongFormatForTheFile_exitsTwoQuotingTheFirstBadLines(@TempDir Path dir) {
    Path out = dir.resolve("web.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "log",
            FIXTURES.resolve("nginx-access-combined.log").toString(),
            "--log-format",
            "combined-timed",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("295 of 295 lines that do not match the format combined-timed")
        .contains("nginx-access-combined.log:1:")
        .doesNotContain("at dev.headroom");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aBadRouteDepth_isBadUsageNamingTheOption(@TempDir Path dir) {
    Cli.Run r =
        Cli.run(
            "collect",
            "log",
            FIXTURES.resolve("nginx-access-combined.log").toString(),
            "--route-depth",
            "0",
            "-o",
            dir.resolve("web.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--route-depth: found 0").contains("allowed 1 to 64");
  }

  @Test
  void collectWithoutUrl_stillAsksForTheUrl(@TempDir Path dir) {
    Cli.Run r = Cli.run("collect", "-o", dir.resolve("e.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'URL'");
  }
}
