package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code headroom advise} on bad input: exit code 2, the problems on stderr, a stack trace only
 * with --debug.
 */
class AdviseErrorsTest {

  private static final String BAD =
      """
      name: shop
      workloud:
        peak_rps: 850 rps
      components:
        - { name: web, kind: app, instances: 0 }
        - { name: db, kind: databse }
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Headroom.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void advise_badFile_exitsWithTwoAndListsEveryProblemOnStderrWithoutStackTrace()
      throws IOException {
    Path f = write("system.yaml", BAD);

    int code = run("advise", f.toString());

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("headroom: 3 problems:\n")
        .contains(f + ":2:1: workloud: found the key \"workloud\"; allowed top-level keys: ")
        .contains("did you mean \"workload\"?")
        .contains(
            f
                + ":5:40: web.instances: found \"0\"; allowed a whole number of at least 1 (instances)")
        .contains(f + ":6:23: components[1].kind: found the kind \"databse\"")
        .contains("did you mean \"database\"?")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
  }

  @Test
  void advise_badFileWithDebug_addsTheStackTrace() throws IOException {
    Path f = write("system.yaml", BAD);

    int code = run("advise", "--debug", f.toString());

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .startsWith("headroom: 3 problems:\n")
        .contains("dev.headroom.model.BadInputException")
        .contains("\tat dev.headroom.ingest.system.SystemFileReader");
  }

  @Test
  void advise_debugBeforeTheSubcommand_alsoAddsTheStackTrace() throws IOException {
    Path f = write("system.yaml", BAD);

    assertThat(run("--debug", "advise", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("\tat dev.headroom.");
  }

  @Test
  void advise_thresholdProblem_isBadInputWithItsPosition() throws IOException {
    Path f =
        write(
            "system.yaml",
            """
        name: shop
        components:
          - { name: web, kind: app }
        thresholds:
          HR-DB-01: { warning: 65% }
        """);

    assertThat(run("advise", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .startsWith(
            "headroom: "
                + f
                + ":5:24: thresholds.HR-DB-01: found \"HR-DB-01\", which has no thresholds")
        .endsWith("did you mean \"HR-DB-001\"?" + System.lineSeparator())
        .doesNotContain("\tat ");
  }

  @Test
  void advise_emptyAndMissingFiles_exitWithTwo() throws IOException {
    Path empty = write("empty.yaml", "");
    assertThat(run("advise", empty.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains(empty + ": found an empty file; allowed a system file;");

    Path missing = dir.resolve("missing.yaml");
    assertThat(run("advise", missing.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains(missing + ": found no such file").doesNotContain("\tat ");
  }

  @Test
  void advise_goodFile_exitsWithZeroAndWritesNothingToStderr() throws IOException {
    Path f = write("system.yaml", "name: tiny\ncomponents:\n  - { name: web, kind: app }\n");

    assertThat(run("advise", f.toString())).isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("tiny");
  }
}
