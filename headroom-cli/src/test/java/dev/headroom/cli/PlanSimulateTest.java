package dev.headroom.cli;

import static dev.headroom.cli.Cli.example;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.cli.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code headroom plan}'s simulation checks: on by default, seeded, off with --no-simulate. */
class PlanSimulateTest {

  @Test
  void plan_byDefault_printsTheCheckedGoldenRoadmap() throws IOException {
    Run r = run("plan", example("read-heavy-growth"), "--draws", "0", "-f", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    String golden =
        Files.readString(
            Path.of(
                "..",
                "headroom-core",
                "src",
                "test",
                "resources",
                "plan",
                "roadmap",
                "read-heavy-growth-checked.json"),
            StandardCharsets.UTF_8);
    assertThat(
            r.out().replace(example("read-heavy-growth"), "examples/read-heavy-growth/system.yaml"))
        .isEqualTo(golden);
  }

  @Test
  void noSimulate_leavesEveryRowUnchecked() {
    Run r = run("plan", example("read-heavy-growth"), "--no-simulate", "-f", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("\"simulation\" : null").doesNotContain("\"simulation\" : {");
  }

  @Test
  void seed_changesTheSimulatedFigures_andABadSeedExitsTwo() {
    Run a = run("plan", example("read-heavy-growth"), "-f", "json", "--seed", "7");
    Run b = run("plan", example("read-heavy-growth"), "-f", "json");
    assertThat(a.code()).as(a.err()).isEqualTo(ExitCodes.OK);
    assertThat(a.out()).isNotEqualTo(b.out());
    Run bad = run("plan", example("read-heavy-growth"), "--seed", "seven");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("--seed").doesNotContain("Exception");
  }
}
