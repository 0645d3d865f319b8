package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example system simulates at its growth target with the short check run, or is refused with
 * a message that says what it needs; every parameter of the mapping carries its provenance.
 */
class ModelSimulationExamplesTest {

  static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      List<Path> files =
          dirs.map(d -> d.resolve("system.yaml")).filter(Files::isRegularFile).sorted().toList();
      return files.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExample_simulatesAtItsGrowthTarget_orSaysWhatItNeeds(Path file) {
    CapacityModel model = Advisor.advise(file).model();
    try {
      ModelSimulation sim = ModelSimulation.of(model, model.targetMultiple());
      assertThat(sim.parameters()).isNotEmpty();
      assertThat(sim.parameters())
          .allSatisfy(p -> assertThat(p.value().provenance().describe()).isNotBlank());
      SystemSimulationResult r = ModelSimulation.check(model, model.targetMultiple(), 42L);
      ClassStatistics read = r.requestClass(RequestClass.READ);
      System.out.println(
          String.format(
              Locale.ROOT,
              "%s at %.2fx: %.0f rps, app U %.3f, p95 %.4f ± %.4f s, errors %.4f, events %d",
              file.getParent().getFileName(),
              model.targetMultiple().value(),
              sim.system().arrivals().ratePerSecond(),
              r.component("app").utilization().mean(),
              read.p95Seconds().mean(),
              read.p95Seconds().halfWidth(),
              read.errorShare().mean(),
              r.events()));
      r.components()
          .forEach(
              c ->
                  System.out.println(
                      "   "
                          + c.name()
                          + " U "
                          + c.utilization().mean()
                          + " Wq "
                          + c.meanWaitSeconds().mean()));
      assertThat(r.components()).isNotEmpty();
    } catch (BadInputException e) {
      System.out.println(file + ": " + e.getMessage());
      assertThat(e.getMessage()).contains("cannot simulate: ");
    }
  }

  private static CapacityModel model(String yaml) {
    return Advisor.advise(dev.headroom.ingest.system.SystemFileReader.read("sys.yaml", yaml))
        .model();
  }

  @org.junit.jupiter.api.Test
  void noRequestRate_isRefusedSayingWhatItNeeds() {
    CapacityModel m =
        model("name: x\ncomponents:\n  - { name: web, kind: app, instances: 2, vcpu: 2 }\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ModelSimulation.of(m, CapacityModel.today()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "sys.yaml: workload.peak_rps: found no request rate; allowed cannot"
                + " simulate: needs workload.peak_rps or observations.rps above 0");
  }

  @org.junit.jupiter.api.Test
  void fewerConnectionsThanInstances_isRefusedAtTheDatabasePosition() {
    CapacityModel m =
        model(
            "name: x\nworkload:\n  peak_rps: 100\ncomponents:\n"
                + "  - { name: web, kind: app, instances: 4, vcpu: 2, pool: { size: 10 } }\n"
                + "  - { name: db, kind: database, role: primary, vcpu: 4, max_connections: 3 }\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ModelSimulation.of(m, CapacityModel.today()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "sys.yaml:6:5: db.max_connections: found 3 for 4 instances;"
                + " allowed cannot simulate: at least one connection per instance");
  }

  @org.junit.jupiter.api.Test
  void parameters_sayWhereEachNumberCameFrom() {
    CapacityModel m =
        model(
            "name: x\nworkload:\n  peak_rps: 100\n  read_ratio: 80%\ncomponents:\n"
                + "  - { name: web, kind: app, instances: 2, vcpu: 2, pool: { size: 10 } }\n"
                + "  - { name: db, kind: database, role: primary, vcpu: 4, max_connections: 100 }\n"
                + "observations:\n  web.cpu: 50%\n");
    ModelSimulation sim =
        ModelSimulation.of(
            m,
            new dev.headroom.model.Figure(
                2,
                dev.headroom.model.Dimension.MULTIPLIER,
                new dev.headroom.model.Provenance.Declared("test")));
    assertThat(sim.system().arrivals().ratePerSecond()).isEqualTo(200);
    // utilisation law: 100 rps on 2 instances at 50 % cpu, 2 workers: S = 0.5 x 2 / 50 = 20 ms
    assertThat(sim.system().app().service().mean())
        .isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(sim.parameters())
        .extracting(p -> p.name() + " <- " + p.value().provenance().kind())
        .contains(
            "arrival rate <- derived",
            "web pool size <- declared",
            "read share <- declared",
            "pool wait timeout <- assumed",
            "web service time <- derived");
  }
}
