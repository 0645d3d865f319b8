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

/** {@code headroom plan}: the roadmap on the command line, its options and its refusals. */
class PlanCommandTest {

  @Test
  void plan_to1000x_printsTheGoldenRoadmap() throws IOException {
    // read-heavy-growth dates its observations window, so the output needs no --today
    for (String[] f :
        new String[][] {{"text", "roadmap.txt"}, {"md", "roadmap.md"}, {"json", "roadmap.json"}}) {
      Run r =
          run(
              "plan",
              example("read-heavy-growth"),
              "--to",
              "1000x",
              "--no-simulate",
              "-f",
              f[0],
              "--width",
              "100");
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
      String golden =
          Files.readString(
              Path.of("..", "examples", "read-heavy-growth", f[1]), StandardCharsets.UTF_8);
      // the golden reads the example by its repository path; the CLI by the one given
      assertThat(
              r.out()
                  .replace(example("read-heavy-growth"), "examples/read-heavy-growth/system.yaml"))
          .isEqualTo(golden);
    }
  }

  @Test
  void plan_defaultsToTheGrowthTarget_asTheLastRow() {
    Run r = run("plan", example("read-heavy-growth"), "-f", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("\"growthTarget\" : true")
        .doesNotContain("\"display\" : \"1000x\"");
  }

  @Test
  void plan_toUsers_isUsersOverActiveUsers() {
    // acme-shop declares 45000 active users: 900K users is 20x
    Run r =
        run(
            "plan",
            example("acme-shop"),
            "--to",
            "900K-users",
            "--today",
            "2026-12-01",
            "-f",
            "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("users target / active users").contains("\"display\" : \"20x\"");
  }

  @Test
  void plan_horizon_isGrowthOverThatTime() {
    Run r =
        run(
            "plan",
            example("acme-shop"),
            "--horizon",
            "24months",
            "--today",
            "2026-12-01",
            "-f",
            "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    // 1.15^24 = 28.63
    assertThat(r.out()).contains("\"display\" : \"28.63x\"");
  }

  @Test
  void plan_badOptions_exitTwoAndNameTheOption() {
    String[][] bad = {
      {"--to", "0.5x"},
      {"--to", "abc"},
      {"--to", "-3-users"},
      {"--horizon", "0months"},
      {"--today", "yesterday"},
      {"--width", "10"},
      {"--to", "10x", "--horizon", "12months"}
    };
    for (String[] args : bad) {
      String[] all = new String[args.length + 2];
      all[0] = "plan";
      all[1] = example("acme-shop");
      System.arraycopy(args, 0, all, 2, args.length);
      Run r = run(all);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).as(String.join(" ", args)).contains(args[0]).doesNotContain("\tat ");
    }
  }

  @Test
  void plan_usersTargetWithoutActiveUsers_exitsTwo() throws IOException {
    Path f = Files.createTempFile("nousers", ".yaml");
    Files.writeString(
        f,
        "name: x\nworkload: { peak_rps: 100 rps, growth: 10%/month }\n"
            + "components:\n  - { name: web, kind: app, instances: 2 }\n");
    Run r = run("plan", f.toString(), "--to", "1M-users", "--today", "2026-12-01");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--to 1M-users").contains("workload.active_users");
  }

  @Test
  void plan_badSystemFile_exitsTwoWithThePosition() throws IOException {
    Path f = Files.createTempFile("bad", ".yaml");
    Files.writeString(f, "name: x\nworkload: { peak_rps: fast }\n");
    Run r = run("plan", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(":2:").doesNotContain("\tat ");
  }

  @Test
  void plan_drawsBelowAThousand_exitTwoAndNameTheOption() {
    Run r = run("plan", example("read-heavy-growth"), "--draws", "500");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--draws: found 500; allowed 0 (no sampling) or 1000 to");
  }

  @Test
  void plan_drawsZero_givesThePointRoadmapWithoutRanges() {
    Run r = run("plan", example("read-heavy-growth"), "--draws", "0", "-f", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("\"range\" : null").doesNotContain("\"censored\"");
  }

  @Test
  void plan_seed_changesTheRangesAndNothingElse() {
    Run a = run("plan", example("read-heavy-growth"), "--seed", "7", "-f", "json", "--no-progress");
    Run b = run("plan", example("read-heavy-growth"), "--seed", "7", "-f", "json");
    Run c = run("plan", example("read-heavy-growth"), "-f", "json");
    assertThat(a.code()).as(a.err()).isEqualTo(ExitCodes.OK);
    assertThat(a.out()).isEqualTo(b.out()).contains("(seed 7)").isNotEqualTo(c.out());
  }
}
