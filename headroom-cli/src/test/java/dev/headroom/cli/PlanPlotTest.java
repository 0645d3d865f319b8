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
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom plan --plot}: the roadmap's chart written next to the report. */
class PlanPlotTest {

  @Test
  void plot_writesTheGoldenRoadmapChart_andStillPrintsTheReport(@TempDir Path dir)
      throws IOException {
    Path svg = dir.resolve("roadmap.svg");
    Run r =
        run(
            "plan",
            example("read-heavy-growth"),
            "--to",
            "1000x",
            "--no-simulate",
            "--draws",
            "0",
            "--plot",
            svg.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("Growth roadmap: craftmarket");
    assertThat(Files.readString(svg, StandardCharsets.UTF_8))
        .isEqualTo(
            Files.readString(
                Path.of("..", "docs", "images", "roadmap-read-heavy-growth.svg"),
                StandardCharsets.UTF_8));
  }

  @Test
  void plot_toAnUnwritablePath_exitsTwoNamingTheOption(@TempDir Path dir) {
    Path svg = dir.resolve("no-such-dir").resolve("roadmap.svg");
    Run r = run("plan", example("read-heavy-growth"), "--no-simulate", "--plot", svg.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--plot").contains("roadmap.svg").doesNotContain("Exception");
  }
}
