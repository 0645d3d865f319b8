package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Settings;
import dev.headroom.analysis.Threshold;
import dev.headroom.analysis.capacity.Capacity;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.ingest.system.SystemYaml;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One system, one answer: over every example and systems drawn from fixed seeds, a tier's size is
 * one number wherever it appears, measurements replace assumptions, settings reach every figure,
 * and the plan's steps never make the system they act on busier.
 */
class OneAnswerPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 150).map(i -> 0x0A5E_0000L + i * 104729);
  }

  static Stream<Path> examples() throws IOException {
    return AdvisorPropertiesTest.examples();
  }

  private static Advice example(Path file) {
    return Advisor.advise(SystemFileReader.read(file), file.toAbsolutePath().getParent());
  }

  // ------------------------------------------------------------------ one instance count per tier

  private static void oneInstanceCount(Advice a, String what) {
    Capacity c = a.capacity();
    Optional<Double> atTarget = c.item("app_instances").map(i -> i.value().value());
    Optional<Scenario> horizontal =
        a.cost().verticalVsHorizontal().stream()
            .filter(s -> s.name().equals("horizontal"))
            .findFirst();
    if (atTarget.isPresent() && horizontal.isPresent()) {
      assertThat((double) horizontal.get().machines())
          .as("cost section's horizontal count vs capacity section, %s", what)
          .isEqualTo(atTarget.get());
      assertThat(a.cost().neededVcpu().value())
          .as("cost section's vCPU = instances x vCPU per instance, %s", what)
          .isEqualTo(atTarget.get() * horizontal.get().vcpuEach());
    }
    Optional<Recommendation> scale =
        a.plan().recommendations().stream()
            .filter(r -> r.action().id().equals("scale-horizontally"))
            .findFirst();
    Optional<Double> today = c.item("app_instances_today").map(i -> i.value().value());
    if (scale.isPresent() && today.isPresent() && scale.get().costDelta().delta() != null) {
      // the step brings the front app to the model's count for today's peak (at least one more)
      String how = scale.get().costDelta().delta().provenance().describe();
      if (how.contains("instances needed for today's peak")) {
        assertThat(how)
            .as("plan's scale-out step cites the capacity section's count, %s", what)
            .contains("instances needed for today's peak = " + Units.format(today.get(), 6));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExample_namesOneInstanceCountPerTier(Path file) {
    oneInstanceCount(example(file), file.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyDrawnSystem_namesOneInstanceCountPerTier(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    oneInstanceCount(Advisor.advise(s.yaml().spec()), s.toString());
  }

  // ------------------------------------------------------------------ measured beats assumed

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void measuringCpu_leavesNoAssumedPerInstanceCapacity(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    s.observations.remove("web.cpu");
    Advice without = Advisor.advise(s.yaml().spec());
    s.observations.put("web.cpu", 0.2 + (seed % 70) / 100.0);
    Advice with = Advisor.advise(s.yaml().spec());
    without
        .capacity()
        .item("rps_per_instance")
        .ifPresent(
            i ->
                assertThat(with.capacity().item("rps_per_instance").orElseThrow().value())
                    .as("per-instance capacity with web.cpu measured, %s", s)
                    .extracting(Figure::provenance)
                    .isNotInstanceOf(Provenance.Assumed.class));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void measuringTheDatabase_leavesNoAssumedReplicaCapacity(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    s.observations.put("db.cpu", 0.3 + (seed % 60) / 100.0);
    Advice a = Advisor.advise(s.yaml().spec());
    a.capacity()
        .item("replica_capacity")
        .ifPresent(
            i ->
                assertThat(i.value().provenance())
                    .as("replica capacity with db.cpu measured, %s", s)
                    .isNotInstanceOf(Provenance.Assumed.class));
  }

  // ------------------------------------------------------------------ settings

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void raisingTheTargetUtilisation_neverRaisesTheInstanceCount(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    double low = 0.5 + (seed % 20) / 100.0;
    SystemYaml lower = s.yaml().threshold("capacity", "target_utilization", num(low * 100) + "%");
    SystemYaml higher =
        s.copy().yaml().threshold("capacity", "target_utilization", num(low * 100 + 15) + "%");
    Capacity a = Advisor.advise(lower.spec()).capacity();
    Capacity b = Advisor.advise(higher.spec()).capacity();
    for (String id : new String[] {"app_instances", "app_instances_today", "replicas"}) {
      if (a.item(id).isPresent()) {
        assertThat(b.value(id, 0))
            .as("%s at a higher target utilisation, %s", id, s)
            .isLessThanOrEqualTo(a.value(id, 0));
      }
    }
  }

  /**
   * Every calculator setting, overridden: the default's assumption disappears from the whole report
   * (no section kept a literal that cites it), and the report changes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void everyOverride_reachesEveryFigureThatCitesIt(String name) throws IOException {
    Threshold t =
        Settings.DEFAULTS.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    Path shop = Path.of("..", "examples", "acme-shop", "system.yaml");
    String text = java.nio.file.Files.readString(shop);
    String before = json(text, shop);
    double moved = t.defaultValue() * (t.defaultValue() < 1 ? 0.9 : 1.3);
    String after =
        json(
            text
                + "\nthresholds:\n  capacity:\n    "
                + name
                + ": "
                + Units.format(moved, t.dimension()).replace(" ", "")
                + "\n",
            shop);
    assertThat(after)
        .as("the default of %s is no longer cited as an assumption once overridden", name)
        .doesNotContain(t.note());
    if (before.contains(t.note())) {
      assertThat(after).as("the override of %s changes the report", name).isNotEqualTo(before);
    }
  }

  static Stream<String> settings() {
    return Settings.DEFAULTS.stream().map(Threshold::name);
  }

  private static String json(String text, Path file) {
    Advice a =
        Advisor.advise(
            SystemFileReader.read("examples/acme-shop/system.yaml", text),
            file.toAbsolutePath().getParent());
    return AdviceRenderer.of(OutputFormat.JSON).render(a);
  }

  // ------------------------------------------------------------------ steps never make it busier

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void thePlansSteps_neverRaiseATiersProjectedUtilisation(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    Advice a = Advisor.advise(s.yaml().spec());
    Figure today = CapacityModel.today();
    Optional<Figure> appBefore = a.model().appUtilisationAt(today);
    Optional<Figure> appAfter = a.planned().appUtilisationAt(today);
    if (appBefore.isPresent()) {
      assertThat(appAfter.orElseThrow().value())
          .as("app CPU after the plan, %s", s)
          .isLessThanOrEqualTo(appBefore.get().value() + 1e-12);
    }
    Optional<Figure> dbBefore = a.model().primaryUtilisationAt(today);
    Optional<Figure> dbAfter = a.planned().primaryUtilisationAt(today);
    if (dbBefore.isPresent()) {
      assertThat(dbAfter.orElseThrow().value())
          .as("primary CPU after the plan, %s", s)
          .isLessThanOrEqualTo(dbBefore.get().value() + 1e-12);
    }
  }

  private static String num(double v) {
    return Units.format(v, 6);
  }
}
