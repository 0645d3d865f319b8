package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FitCommandTest {

  private static final String CISCO = "src/test/resources/fit/cisco_schwartz.csv";
  private static final String WRK = "src/test/resources/fit/wrk-latency.txt";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Headroom.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void fit_realCsv_printsCoefficientsAndPeakAsText() {
    int code = run("fit", CISCO);
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("Universal Scalability Law fit")
        .contains("σ contention    0.02671594")
        .contains(
            "Peak: N* = 35.574 [31.64, 39.51] (best whole number 36), X(N*) = 12342.9/s [12077, 12609].");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void fit_json_withPredictions() throws IOException {
    int code =
        run("fit", CISCO, "--format", "json", "--at", "20", "--at", "100", "--throughput", "12000");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("schemaVersion").asString()).isEqualTo("1.0");
    assertThat(json.get("model").get("lambda").asDouble()).isCloseTo(995.6488, within(5e-5));
    assertThat(json.get("steps")).hasSize(32);
    assertThat(json.get("predictions")).hasSize(3);
    assertThat(json.get("predictions").get(0).get("throughput").asDouble())
        .isCloseTo(11063.63, within(0.02));
    assertThat(json.get("predictions").get(1).get("warnings").get(0).asString())
        .contains("extrapolation");
    assertThat(json.get("predictions").get(2).get("concurrency").asDouble())
        .isCloseTo(26.639, within(5e-4));
  }

  @Test
  void fit_markdownAndExplicitInputFormat() {
    int code = run("fit", CISCO, "--format", "MARKDOWN", "--input-format", "csv");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .startsWith("# Universal Scalability Law fit")
        .contains("| coefficient |");
  }

  @Test
  void fit_plot_writesSvg(@TempDir Path dir) throws IOException {
    Path svg = dir.resolve("fit.svg");
    int code = run("fit", CISCO, "--plot", svg.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("N* = 35.57");
  }

  @Test
  void fit_severalFiles_oneStepEach_makeOneCurve(@TempDir Path dir) throws IOException {
    // SPEC SDM91 (R usl `specsdm91`), one file per concurrency step
    double[][] rows = {
      {1, 64.9}, {18, 995.9}, {36, 1652.4}, {72, 1853.2}, {108, 1828.9}, {144, 1775}, {216, 1702.2}
    };
    List<String> args = new ArrayList<>(List.of("fit", "--format", "json"));
    for (double[] r : rows) {
      Path f = dir.resolve("step-" + (int) r[0] + ".csv");
      Files.writeString(f, "load,throughput\n" + (int) r[0] + "," + r[1] + "\n");
      args.add(f.toString());
    }
    int code = run(args.toArray(String[]::new));
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("inputs")).hasSize(7);
    assertThat(json.get("steps")).hasSize(7);
    assertThat(json.get("model").get("sigma").asDouble()).isCloseTo(0.0277285, within(5e-8));
  }

  @Test
  void fit_twoLevels_summarisesEachStepAndExitsZero(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("two.csv");
    Files.writeString(f, "nodes,throughput\n3,182000\n6,290625\n");
    int code = run("fit", f.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("No curve: 2 concurrency levels measured")
        .contains("STEP AT N = 3")
        .contains("STEP AT N = 6")
        .contains("not checked, the input has no latency");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void fit_singleWrkRun_jsonHasNullModelAndTheReason() throws IOException {
    int code = run("fit", WRK, "-f", "json", "--slo", "p99=1s", "--slo", "p95=300ms");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("model").isNull()).isTrue();
    assertThat(json.get("reason").asString()).startsWith("1 concurrency level measured");
    JsonNode slo = json.get("summaries").get(0).get("slo");
    assertThat(slo.get(0).get("limitMs").asDouble()).isEqualTo(1000.0);
    assertThat(slo.get(0).get("pass").asBoolean()).isTrue();
    assertThat(slo.get(1).get("pass").isNull()).as("wrk prints no p95").isTrue();
  }

  @Test
  void fit_singleRunWithAtOrPlot_isBadInputNamingTheOption(@TempDir Path dir) {
    assertThat(run("fit", WRK, "--at", "32")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--at").contains("1 concurrency level measured");
    assertThat(run("fit", WRK, "--plot", dir.resolve("p.svg").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--plot").doesNotContain("Exception");
    assertThat(dir.resolve("p.svg")).doesNotExist();
  }

  @Test
  void fit_badSlo_namesWhatIsAllowed() {
    assertThat(run("fit", WRK, "--slo", "p97=300ms")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("p97").contains("such as p95=300ms");
    assertThat(run("fit", WRK, "--slo", "p95=-3ms")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("negative");
    assertThat(run("fit", WRK, "--slo", "p95")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no '='");
  }

  @Test
  void fit_missingFile_exitsWithBadInput() {
    int code = run("fit", "no-such-file.csv");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no-such-file.csv");
  }

  @Test
  void fit_unknownInputFormat_listsTheKnownOnes() {
    int code = run("fit", CISCO, "--input-format", "cvs");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("unknown input format \"cvs\"").contains("csv");
  }

  @Test
  void fit_inputFormatGivenToFormat_pointsToInputFormat() {
    int code = run("fit", CISCO, "--format", "csv");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("unknown output format \"csv\"").contains("--input-format");
  }

  @Test
  void fit_negativeAt_isRejected() {
    int code = run("fit", CISCO, "--at", "-3");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--at").contains("above 0");
  }

  @Test
  void fit_undetectableFile_pointsToInputFormat(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("odd.txt");
    Files.writeString(f, "this is not a load test\n");
    int code = run("fit", f.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("odd.txt:1")
        .contains("matches no known format")
        .contains("--input-format");
  }

  private static final String TAGGED_ONLY = "src/test/resources/fit/tagged-only-READ-UPDATE.hlog";

  @Test
  void fit_hlogWithOnlyTaggedLines_namesTheTagOption() {
    int code = run("fit", TAGGED_ONLY, "--concurrency", "4");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("no untagged lines and several tags (\"READ\", \"UPDATE\")")
        .contains("--tag NAME");
  }

  @Test
  void fit_tagOption_reachesTheReader() {
    int code = run("fit", TAGGED_ONLY, "--concurrency", "4", "--tag", "WRITE");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no lines tagged \"WRITE\"");
  }

  @Test
  void fit_unknownLatencyUnit_isAUsageError() {
    int code = run("fit", TAGGED_ONLY, "--latency-unit", "parsecs");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("unknown latency unit \"parsecs\"; allowed: ns, us, ms, s");
  }

  @Test
  void fit_tagWithAComma_isAUsageError() {
    int code = run("fit", TAGGED_ONLY, "--tag", "A,B");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("a tag is a non-empty name without commas");
  }

  @Test
  void fit_heyFormatOnDevZero_isBadInputNamingTheLineNotOutOfMemory() {
    int code = run("fit", "--input-format", "hey", "/dev/zero");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("/dev/zero:1")
        .contains("a line longer than 1,048,576 characters");
  }

  /** Real hey reports at -c 1, 4 and 16 (hey prints no concurrency). */
  private static final String HEY1 = "src/test/resources/fit/hey-c1.txt";

  private static final String HEY4 = "src/test/resources/fit/hey-c4.txt";
  private static final String HEY16 = "src/test/resources/fit/hey-c16.txt";

  @Test
  void fit_concurrencyPerFile_placesEachRunAtItsOwnLevel() throws IOException {
    int code =
        run(
            "fit",
            HEY1,
            HEY4,
            HEY16,
            "--concurrency",
            HEY1 + "=1",
            "--concurrency",
            "hey-c4.txt=4",
            "--concurrency",
            "16",
            "--format",
            "json");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode steps = JsonMapper.builder().build().readTree(out.toString()).get("steps");
    List<Double> levels = new ArrayList<>();
    steps.forEach(s -> levels.add(s.get("concurrency").asDouble()));
    assertThat(levels).containsExactly(1.0, 4.0, 16.0);
  }

  @Test
  void fit_concurrencyForAFileNotAmongTheInputs_isAUsageErrorListingThem() {
    int code = run("fit", HEY1, HEY4, "--concurrency", "run-b.json=16");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("found --concurrency for \"run-b.json\", which is not among the inputs")
        .contains("allowed one of " + HEY1 + ", " + HEY4)
        .doesNotContain("Exception");
  }

  @Test
  void fit_concurrencyGivenTwiceForOneFile_isAUsageError() {
    int code =
        run("fit", HEY1, HEY4, "--concurrency", HEY1 + "=1", "--concurrency", "hey-c1.txt=2");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("twice").contains("allowed one per file");
  }

  @Test
  void fit_concurrencyWithoutANumberAfterTheFile_namesTheSyntax() {
    int code = run("fit", HEY1, "--concurrency", HEY1 + "=many");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--concurrency").contains("FILE=N");
  }
}
