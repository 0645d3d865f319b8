package dev.headroom.report.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.system.Failure;
import dev.headroom.analysis.sim.system.ModelSimulation;
import dev.headroom.analysis.sim.system.Spike;
import dev.headroom.analysis.sim.system.SystemSimulation;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden output of {@code headroom simulate} for two examples in every format, under {@link
 * Locale#ROOT} and de-DE (whose decimal comma must not leak in): acme-shop at today's load with an
 * instance failing and recovering and a spike; write-heavy-scale at its growth target with its
 * autoscaler and replicas. Regenerate with {@code -Dheadroom.updateGolden=true} and review the
 * diff.
 */
class SimRendererGoldenTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "sim");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  static Stream<Arguments> cases() {
    return Stream.of(OutputFormat.values())
        .flatMap(
            f -> Stream.of(Arguments.of("acme-shop", f), Arguments.of("write-heavy-scale", f)));
  }

  static SimReport report(String name) throws IOException {
    String text =
        Files.readString(EXAMPLES.resolve(name).resolve("system.yaml"), StandardCharsets.UTF_8);
    SystemSpec spec = SystemFileReader.read("examples/" + name + "/system.yaml", text);
    CapacityModel model =
        Advisor.advise(spec, EXAMPLES.resolve(name), CapacityModel.today()).model();
    if (name.equals("acme-shop")) {
      Figure load =
          new Figure(
              1, Dimension.MULTIPLIER, new Provenance.Declared("--load on the command line"));
      ModelSimulation sim =
          ModelSimulation.of(model, load)
              .with(
                  List.of(new Failure(Failure.Target.APP_INSTANCE, 1, 20, 50)),
                  List.of(new Spike(40, 10, 1.5)));
      return new SimReport(
          spec.name(),
          load,
          sim,
          List.of("failure web#1@20s..50s", "spike 1.5x@40s+10s"),
          SystemSimulation.run(sim.system(), new RunPlan(10, 60, 3, 7L)));
    }
    Figure target = model.targetMultiple();
    ModelSimulation sim = ModelSimulation.of(model, target);
    return new SimReport(
        spec.name(),
        target,
        sim,
        List.of(),
        SystemSimulation.run(sim.system(), new RunPlan(10, 30, 3, 7L)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void render_matchesGoldenUnderRootAndGermanLocales(String name, OutputFormat format)
      throws IOException {
    Path file =
        GOLDEN.resolve(
            name
                + switch (format) {
                  case TEXT -> ".txt";
                  case MARKDOWN -> ".md";
                  case JSON -> ".json";
                });
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = SimRenderer.render(report(name), format);
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      String german = SimRenderer.render(report(name), format);
      assertThat(german).isEqualTo(root);
      if (UPDATE) {
        Files.writeString(file, root, StandardCharsets.UTF_8);
      }
      assertThat(root)
          .as(file + " is stale: regenerate with -Dheadroom.updateGolden=true")
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
