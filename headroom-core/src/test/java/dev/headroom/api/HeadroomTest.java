package dev.headroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.advice.Advice;
import dev.headroom.model.BadInputException;
import dev.headroom.report.OutputFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding API, used the way a team's own test suite would use it. */
class HeadroomTest {

  private static final Path SHOP = Path.of("..", "examples", "measured-capacity", "system.yaml");

  @Test
  void aTeamsGate_ourApiScalesToThreeTimesTodayWithinTheAutoscalingBound() {
    Advice at3x = Headroom.advise(SHOP, 3);
    double needed = at3x.capacity().item("app_instances_today").orElseThrow().value().value();
    // 2,400 rps over 229.4 rps per instance (70% of the measured 327.6): 11 instances
    assertThat(needed).isEqualTo(11);
    assertThat(at3x.load().value()).isEqualTo(3);
  }

  @Test
  void theSameAnswerAsTheCommandLine_atTodaysLoad() {
    assertThat(Headroom.render(Headroom.advise(SHOP), OutputFormat.JSON))
        .isEqualTo(Headroom.render(Headroom.advise(SHOP, 1), OutputFormat.JSON));
  }

  @Test
  void aSystemFileFromAStream_andBadInputWithItsPosition() {
    String yaml =
        "name: s\nworkload: { peak_rps: 100 rps }\ncomponents:\n  - { name: web, kind: app }\n";
    Advice a =
        Headroom.advise(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
            "s.yaml",
            Path.of("."),
            1);
    assertThat(a.system().name()).isEqualTo("s");
    assertThatThrownBy(
            () ->
                Headroom.advise(
                    new ByteArrayInputStream("name: [".getBytes(StandardCharsets.UTF_8)),
                    "broken.yaml",
                    Path.of("."),
                    1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("broken.yaml");
    assertThatThrownBy(() -> Headroom.advise(SHOP, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fit_readsLoadTestsAsTheCommandDoes() {
    var fit = Headroom.fit(List.of(Path.of("..", "examples", "fit", "cisco-mysql.csv")));
    assertThat(fit.model().sigma())
        .isCloseTo(0.02671594, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(Headroom.render(fit, OutputFormat.TEXT)).contains("σ contention");
  }
}
