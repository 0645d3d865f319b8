package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.ingest.loadtest.Globs;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.report.advice.JsonAdviceRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code capacity.from} globs: braces and brackets are glob syntax (a comma inside them does not
 * split the list), a broken pattern or a control character is bad input at its position, and a set
 * of files is named by its pattern and count, so provenance does not grow with the file count.
 */
class CapacityFromGlobTest {

  private static final Path LOADTESTS = Path.of("..", "examples", "measured-capacity", "loadtests");

  private static Path system(Path dir, String from) throws IOException {
    Path file = dir.resolve("system.yaml");
    Files.writeString(
        file,
        """
        name: shop
        slo: { latency_p95: 200ms }
        workload: { peak_rps: 300 }
        components:
          - name: api
            kind: app
            capacity: { from: %s }
        """
            .formatted(from));
    return file;
  }

  private static void copyLoadTests(Path dir, int copies) throws IOException {
    Path to = Files.createDirectories(dir.resolve("loadtests"));
    for (String level : List.of("1", "4", "16")) {
      for (int i = 0; i < copies; i++) {
        Files.copy(
            LOADTESTS.resolve("api-c" + level + ".csv"),
            to.resolve(
                copies == 1 ? "api-c" + level + ".csv" : "api-c" + level + "-" + i + ".csv"));
      }
    }
  }

  @Test
  void split_keepsCommasInsideBracesAndBrackets() {
    assertThat(Globs.split("a/*.{csv,txt}, b/[x,y].jtl ,c.csv"))
        .containsExactly("a/*.{csv,txt}", "b/[x,y].jtl", "c.csv");
  }

  @Test
  void advise_bracePatternIsOneGlobNamedByItsPatternAndCount(@TempDir Path dir) throws IOException {
    copyLoadTests(dir, 1);
    String json =
        new JsonAdviceRenderer()
            .render(Advisor.advise(system(dir, "\"loadtests/api-c{1,4,16}.csv\"")));
    assertThat(json).contains("load test loadtests/api-c{1,4,16}.csv (3 files, hey-csv)");
  }

  @Test
  void advise_globOverManyFilesNamesTheSetNotEveryFile(@TempDir Path dir) throws IOException {
    copyLoadTests(dir, 40);
    String json =
        new JsonAdviceRenderer().render(Advisor.advise(system(dir, "\"loadtests/api-*.csv\"")));
    assertThat(json).contains("load test loadtests/api-*.csv (120 files, hey-csv)");
    // the one warning that differs per file (its estimated concurrency) may name it; nothing else
    assertThat(json.split("api-c16-7\\.csv", -1)).hasSizeLessThanOrEqualTo(2);
    assertThat(json).contains(" and 119 more files: hey is closed-loop");
  }

  @Test
  void advise_singleFileIsNamedItself(@TempDir Path dir) throws IOException {
    copyLoadTests(dir, 1);
    String json =
        new JsonAdviceRenderer()
            .render(
                Advisor.advise(
                    system(
                        dir,
                        "[loadtests/api-c1.csv, loadtests/api-c4.csv, loadtests/api-c16.csv]")));
    assertThat(json)
        .contains(
            "load test loadtests/api-c1.csv, loadtests/api-c4.csv, loadtests/api-c16.csv (3 files,"
                + " hey-csv)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"loadtests/a\\0.csv\"| the control character U+0000 at character 12",
        "\"loadtests/[a.csv\"| which is not a glob (Missing '",
        "\"loadtests/{a,{b}}.csv\"| which is not a glob (Cannot nest groups"
      })
  void advise_brokenGlobIsBadInputAtItsPosition(String from, String found, @TempDir Path dir)
      throws IOException {
    Path file = system(dir, from);
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> Advisor.advise(file));
    assertThat(e).isNotNull();
    InputProblem p = e.problems().get(0);
    assertThat(p.line() + ":" + p.column()).isEqualTo("7:23");
    assertThat(p.key()).isEqualTo("api.capacity.from");
    assertThat(p.found()).contains(found);
    assertThat(e.getMessage()).doesNotContain("Exception");
  }
}
