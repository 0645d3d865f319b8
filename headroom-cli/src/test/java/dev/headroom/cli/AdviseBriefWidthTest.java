package dev.headroom.cli;

import static dev.headroom.cli.Cli.example;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.cli.Cli.Run;
import org.junit.jupiter.api.Test;

/** {@code headroom advise --brief} and {@code --width}, as a user runs them. */
class AdviseBriefWidthTest {

  private static int longestLine(String s) {
    return s.lines().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0);
  }

  @Test
  void brief_showsStageBottleneckFirstStepsAndCost_onOneScreen() {
    Run r = run("advise", example("acme-shop"), "--brief");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .startsWith("Scalability brief: acme-shop")
        .contains("Stage: growth", "Bottleneck: database", "FIRST STEPS", "MONTHLY COST")
        .contains("resize-pools", "add-connection-pooler", "add-indexes")
        .contains("7 more steps in the full report.")
        .doesNotContain("HOW FAR IT GOES");
    assertThat(r.out().lines().count()).isLessThanOrEqualTo(50);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void brief_markdown_andJsonIsTheFullReport() {
    assertThat(run("advise", example("read-heavy-growth"), "--brief", "-f", "markdown").out())
        .startsWith("# Scalability brief: craftmarket")
        .contains("## First steps", "(`add-app-cache`): +101.25 USD/month <sub>");
    assertThat(run("advise", example("read-heavy-growth"), "--brief", "-f", "json").out())
        .isEqualTo(run("advise", example("read-heavy-growth"), "-f", "json").out());
  }

  @Test
  void width_wrapsEveryLineOfText() {
    Run narrow = run("advise", example("read-heavy-growth"), "--width", "60");
    assertThat(narrow.code()).isEqualTo(ExitCodes.OK);
    assertThat(longestLine(narrow.out())).isLessThanOrEqualTo(60);
    Run wide = run("advise", example("read-heavy-growth"), "--width", "160");
    assertThat(longestLine(wide.out())).isGreaterThan(100).isLessThanOrEqualTo(160);
  }

  @Test
  void width_belowTheMinimum_exitsTwoAndSaysWhatIsAllowed() {
    Run r = run("advise", example("read-heavy-growth"), "--width", "20");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--width must be at least 40 columns, got 20");
  }

  @Test
  void terminalWidth_readsColumnsOnlyForATerminal() {
    assertThat(AdviseCommand.terminalWidth(true, "132")).isEqualTo(132);
    assertThat(AdviseCommand.terminalWidth(true, "20")).isEqualTo(40);
    assertThat(AdviseCommand.terminalWidth(true, "wide")).isEqualTo(100);
    assertThat(AdviseCommand.terminalWidth(true, null)).isEqualTo(100);
    assertThat(AdviseCommand.terminalWidth(false, "132")).isEqualTo(100);
  }
}
