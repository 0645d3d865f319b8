package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code headroom collect traces}: the subcommand beside collect's URL, its output and bad input.
 */
class CollectTracesCommandTest {

  private static final Path TRACES = Path.of("../headroom-core/src/test/resources/ingest/trace");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void traces_isASubcommandOfCollect_writesEvidenceAndPrintsTheReport(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("evidence").resolve("traces.json");
    Cli.Run r =
        Cli.run(
            "collect",
            "traces",
            TRACES.resolve("zipkin-v2-simple-db-p6.json").toString(),
            TRACES.resolve("zipkin-v2-skew.json").toString(),
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("WHERE THE TIME GOES (D1)").contains("database");
    assertThat(r.err()).contains("wrote " + out + ": 4 observations");
    JsonNode e = MAPPER.readTree(out.toFile());
    assertThat(e.get("collector").asString()).isEqualTo("headroom collect traces (Zipkin v2 JSON)");
    assertThat(e.get("observations").findValuesAsString("key"))
        .containsExactly(
            "database_time_share",
            "queries_per_request_p95",
            "n_plus_one_share",
            "network_rtt_p95");
  }

  @Test
  void formatJson_printsTheReportAsJson(@TempDir Path dir) throws Exception {
    Cli.Run r =
        Cli.run(
            "collect",
            "traces",
            TRACES.resolve("zipkin-v2-simple-db-p6.json").toString(),
            "-f",
            "json",
            "-o",
            dir.resolve("t.json").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    JsonNode report = MAPPER.readTree(r.out());
    assertThat(report.get("layers").get("database").get("calls").asInt()).isEqualTo(4);
  }

  @Test
  void collect_stillTakesAUrlBesideTheSubcommand(@TempDir Path dir) {
    Cli.Run r = Cli.run("collect", "mongodb://db:27017", "-o", dir.resolve("e.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("found the scheme \"mongodb\"");
    Cli.Run none = Cli.run("collect", "-o", dir.resolve("e.json").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .contains("Missing required parameter: 'URL' (or a subcommand: prometheus, traces, log)");
    Cli.Run noOutput = Cli.run("collect", "redis://127.0.0.1:1");
    assertThat(noOutput.code()).isEqualTo(2);
    assertThat(noOutput.err()).contains("Missing required option: '--output=FILE'");
  }

  @Test
  void badJson_exitsTwoAtFileLineColumn_withoutStackTrace_andWritesNothing(@TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[\n {\"traceId\": \"a1\",\n  \"id\": }\n]\n");
    Path out = dir.resolve("t.json");
    Cli.Run r = Cli.run("collect", "traces", bad.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(bad + ":3:")
        .contains("malformed JSON")
        .doesNotContain("at dev.headroom");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aMissingFileOrABadLevel_isBadUsage(@TempDir Path dir) {
    Cli.Run missing =
        Cli.run(
            "collect",
            "traces",
            dir.resolve("nope.json").toString(),
            "-o",
            dir.resolve("t.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: found no such file");
    Cli.Run level =
        Cli.run(
            "collect",
            "traces",
            TRACES.resolve("zipkin-v2-skew.json").toString(),
            "--n-plus-one",
            "1",
            "-o",
            dir.resolve("t.json").toString());
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).contains("--n-plus-one: found 1; allowed a whole number of 2 or more");
  }

  @Test
  void adviseWithTheEvidence_reportsTheNPlusOneLoop(@TempDir Path dir) throws Exception {
    // one request of 100 ms running one statement 12 times in a row, 4 ms each
    StringBuilder spans =
        new StringBuilder(
            "[{\"traceId\":\"00000000000000aa\",\"id\":\"0000000000000001\",\"kind\":\"SERVER\","
                + "\"name\":\"get /orders\",\"timestamp\":1764633600000000,\"duration\":100000}");
    for (int i = 0; i < 12; i++) {
      spans.append(
          String.format(
              java.util.Locale.ROOT,
              ",{\"traceId\":\"00000000000000aa\",\"id\":\"00000000000001%02d\","
                  + "\"parentId\":\"0000000000000001\",\"kind\":\"CLIENT\",\"name\":\"query\","
                  + "\"timestamp\":%d,\"duration\":4000,"
                  + "\"tags\":{\"sql.query\":\"select * from item where order_id = %d\"}}",
              i,
              1764633600000000L + 5000 + 6000L * i,
              i));
    }
    Path traces = dir.resolve("orders.zipkin.json");
    Files.writeString(traces, spans.append(']').toString());
    Path evidence = dir.resolve("traces.json");
    assertThat(Cli.run("collect", "traces", traces.toString(), "-o", evidence.toString()).code())
        .isEqualTo(0);
    Path system = dir.resolve("system.yaml");
    Files.writeString(system, "name: shop\ncomponents:\n  - { name: db, kind: database }\n");
    Cli.Run advise = Cli.run("advise", system.toString(), "--evidence", evidence.toString());
    assertThat(advise.out()).as(advise.err()).contains("HR-DB-031").contains("N+1 loops in 100%");
  }
}
