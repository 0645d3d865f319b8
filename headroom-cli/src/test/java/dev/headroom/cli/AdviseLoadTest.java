package dev.headroom.cli;

import static dev.headroom.cli.Cli.example;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.cli.Cli.Run;
import org.junit.jupiter.api.Test;

/** {@code headroom advise --load 3x}: the same model at a multiple of today's load. */
class AdviseLoadTest {

  @Test
  void load_assessesTheSystemAtThatMultiple_withTheComponentsItHasNow() {
    Run r = run("advise", example("read-heavy-growth"), "--load", "3x", "-f", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    // db.cpu 78% measured today is 234% of the primary at three times the load
    assertThat(r.out())
        .contains("\"loadMultiple\" : 3.0")
        .contains("\"value\" : 2.34")
        .contains("today's value x load multiple (utilisation law");
    Run today = run("advise", example("read-heavy-growth"), "--load", "1x", "-f", "json");
    assertThat(today.out())
        .isEqualTo(run("advise", example("read-heavy-growth"), "-f", "json").out());
  }

  @Test
  void load_aBareNumberIsAMultiple() {
    assertThat(run("advise", example("read-heavy-growth"), "--load", "3", "-f", "json").out())
        .isEqualTo(run("advise", example("read-heavy-growth"), "--load", "3x", "-f", "json").out());
  }

  @Test
  void load_zeroNegativeOrNotAMultiple_exitsTwoAndSaysWhatIsAllowed() {
    for (String bad : new String[] {"0x", "-2x", "abc", "1e400x", "2000000x"}) {
      Run r = run("advise", example("read-heavy-growth"), "--load", bad);
      assertThat(r.code()).as(bad).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).as(bad).contains("--load").contains("such as 3x or 0.5x");
    }
  }
}
