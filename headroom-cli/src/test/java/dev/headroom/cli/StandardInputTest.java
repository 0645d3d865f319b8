package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.cli.QueueCommandTest.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -} reads the system file or the queueing model from standard input. */
class StandardInputTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private final InputStream original = System.in;

  @AfterEach
  void restoreStandardInput() {
    System.setIn(original);
  }

  private static Run withStdin(String text, String... args) {
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return QueueCommandTest.run(args);
  }

  @Test
  void advise_dashReadsStandardInputAndResolvesCapacityFromAgainstTheWorkingDirectory()
      throws IOException {
    String example = Files.readString(EXAMPLES.resolve("measured-capacity").resolve("system.yaml"));
    // the surefire working directory is the module's; the example's globs are relative to its file
    String fromWorkingDir =
        example.replace("from: \"loadtests/", "from: \"../examples/measured-capacity/loadtests/");
    assertThat(fromWorkingDir).isNotEqualTo(example);

    Run r = withStdin(fromWorkingDir, "advise", "-", "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("usl_max_throughput").contains("<stdin>");
  }

  @Test
  void advise_dashWithBadInputNamesStandardInputAndThePosition() {
    Run r = withStdin("name: shop\ncomponents:\n  - { name: web, kind: ap }\n", "advise", "-");
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .startsWith("headroom: <stdin>:3:24: components[0].kind: found the kind \"ap\"")
        .doesNotContain("Exception");
  }

  @Test
  void queueMva_dashGivesTheSameAnswerAsThePath() throws IOException {
    Path model = EXAMPLES.resolve("queueing").resolve("jain-central-server.yaml");
    Run fromPath = QueueCommandTest.run("queue", "mva", model.toString());
    Run fromStdin = withStdin(Files.readString(model), "queue", "mva", "-");
    assertThat(fromStdin.exit()).isEqualTo(ExitCodes.OK);
    assertThat(fromStdin.out()).isEqualTo(fromPath.out());
  }

  @Test
  void queueMva_tooManyStatesForExactMvaNamesTheFile(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("big.yaml");
    Files.writeString(
        model,
        """
        classes:
          - {name: a, population: 5000}
          - {name: b, population: 5000}
          - {name: c, population: 5000}
        stations:
          - {name: cpu, demand: {a: 1ms, b: 2ms, c: 3ms}}
        """);
    Run r = QueueCommandTest.run("queue", "mva", model.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .startsWith("headroom: " + model + ": classes: found a network too large for exact MVA")
        .contains("allowed smaller populations, or --approximate");
  }
}
