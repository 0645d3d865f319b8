package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headroom advise} on a system file with ranges: advised on the midpoints, which say so; a
 * bad range is bad input (exit 2, its position, no stack trace).
 */
class AdviseRangesTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path f = dir.resolve("system.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void advise_rangedFile_isAdvisedOnTheMidpointsAndSaysSo() throws IOException {
    Path f =
        write(
            """
            name: shop
            workload:
              peak_rps: 700..900 rps
              growth: 8..15%/month
            components:
              - { name: web, kind: app, instances: 2 }
              - { name: db, kind: database, role: primary }
            observations:
              db.cpu: 70%..80%
            """);

    Cli.Run run = Cli.run("advise", "--format", "json", f.toString());

    assertThat(run.code()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.out()).contains("midpoint of 70%..80%").contains("midpoint of 700..900 rps");
  }

  @Test
  void advise_invertedRange_exitsWithTwoNamingItsPosition() throws IOException {
    Path f =
        write(
            """
            name: shop
            workload:
              peak_rps: 900..700 rps
            components:
              - { name: web, kind: app }
            """);

    Cli.Run run = Cli.run("advise", f.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            f
                + ":3:13: workload.peak_rps: found \"900..700 rps\" (the low end is above the high"
                + " end); allowed a range with its low end first, LOW..HIGH (equal ends are"
                + " allowed)")
        .doesNotContain("\tat ");
  }
}
