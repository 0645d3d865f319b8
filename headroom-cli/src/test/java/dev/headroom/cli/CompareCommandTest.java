package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompareCommandTest {

  private static final String DIR = "src/test/resources/compare/";
  private static final String K6 = DIR + "k6-summary-export.json";
  private static final String K6_SLOWER = DIR + "k6-summary-export-slower-p95.json";
  private static final String JTL = DIR + "jmeter.jtl.csv";
  private static final String JTL_SLOWER = DIR + "jmeter-slower-1.3x.jtl.csv";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Headroom.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void compare_sameRun_exitsZeroWithNothingSignificant() {
    int code = run("compare", JTL, JTL, "--fail-on", "p95+10%");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("AT N = 8").contains("bootstrap").doesNotContain(" yes");
    assertThat(out.toString()).contains("pass: p95+10%");
  }

  @Test
  void compare_slowerRun_failsTheGateWithExitOne() {
    int code =
        run("compare", JTL, JTL_SLOWER, "--fail-on", "p95+10%", "--fail-on", "throughput-5%");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(out.toString()).contains("FAIL: p95+10% at N = 8").contains("pass: throughput-5%");
  }

  @Test
  void compare_listsOfFiles_andJson() throws Exception {
    int code =
        run("compare", "--baseline", K6, "--new", K6_SLOWER, "--fail-on", "p95+25%", "-f", "json");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    JsonNode p95 = json.get("steps").get(0).get("differences").get(3);
    assertThat(p95.get("metric").asString()).isEqualTo("p95");
    assertThat(p95.get("significant").asBoolean()).isTrue();
    assertThat(p95.get("interval").get("method").asString()).isEqualTo("order_statistic");
    assertThat(json.get("failed").asBoolean()).isFalse();
  }

  @Test
  void compare_badGate_isBadInputSayingWhatIsAllowed() {
    assertThat(run("compare", K6, K6_SLOWER, "--fail-on", "p97+10%"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("p97").contains("such as p95+10% or throughput-5%");
    assertThat(run("compare", K6, K6_SLOWER, "--fail-on", "p95 10")).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void compare_wrongNumberOfFiles_isBadInput() {
    assertThat(run("compare", K6)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--baseline");
    assertThat(run("compare", K6, K6_SLOWER, "--new", K6)).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void compare_missingFile_isBadInputNamingIt() {
    assertThat(run("compare", K6, "no-such-run.json")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no-such-run.json").doesNotContain("Exception");
  }
}
