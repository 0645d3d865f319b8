package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advice;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.TextWriter;
import dev.headroom.report.roadmap.RoadmapRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roadmap's simulation checks: which rows are checked, what a check says, that it is seeded,
 * and that the model each row is simulated on is the one its analytic figures come from.
 */
class RoadmapChecksTest {

  static final Path GOLDEN = Path.of("src", "test", "resources", "plan", "roadmap");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.headroom.plan.roadmap.RoadmapGoldenTest#examples")
  void criticalRows_andOnlyThey_carryACheck_withTheMeanInsideItsInterval(String name)
      throws IOException {
    Advice advice = RoadmapGoldenTest.advise(name);
    Roadmap r = RoadmapChecks.of(advice, null, RoadmapGoldenTest.TODAY, 42);
    double slo = advice.model().view().p95Target().value();
    for (RoadmapStep s : r.steps()) {
      boolean critical = s.growthTarget() || !s.remedies().isEmpty();
      boolean failed =
          r.notes().stream()
              .anyMatch(n -> n.contains("the " + s.multiple().formatted() + " row leaves"));
      if (!critical) {
        assertThat(s.simulation()).as("%s at %s", name, s.multiple()).isNull();
        continue;
      }
      assertThat(s.simulation() != null || failed).as("%s at %s", name, s.multiple()).isTrue();
      SimulationCheck c = s.simulation();
      if (c == null) {
        continue;
      }
      assertThat(c.p95Low().value()).isLessThanOrEqualTo(c.p95().value());
      assertThat(c.p95().value()).isLessThanOrEqualTo(c.p95High().value());
      assertThat(c.meetsSlo()).isEqualTo(c.p95().value() <= slo);
      assertThat(c.note()).startsWith("The slower class is ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.headroom.plan.roadmap.RoadmapGoldenTest#examples")
  void eachRowsModel_isTheOneItsAnalyticFiguresAfterTheRemediesComeFrom(String name)
      throws IOException {
    Roadmapper.Walked w =
        Roadmapper.walked(
            RoadmapGoldenTest.advise(name), Roadmaps.THOUSAND, RoadmapGoldenTest.TODAY);
    assertThat(w.models()).hasSameSizeAs(w.roadmap().steps());
    for (int i = 0; i < w.models().size(); i++) {
      RoadmapStep s = w.roadmap().steps().get(i);
      if (s.appUtilisationAfter() != null) {
        assertThat(w.models().get(i).appUtilisationAt(s.multiple()).orElseThrow().value())
            .isCloseTo(s.appUtilisationAfter().value(), within(1e-12));
      }
      if (s.primaryUtilisationAfter() != null) {
        assertThat(w.models().get(i).primaryUtilisationAt(s.multiple()).orElseThrow().value())
            .isCloseTo(s.primaryUtilisationAfter().value(), within(1e-12));
      }
    }
  }

  @Test
  void walked_givesTheSameRoadmapAsTheAnalyticWalk() throws IOException {
    Advice advice = RoadmapGoldenTest.advise("acme-shop");
    String walked =
        RoadmapRenderer.of(OutputFormat.JSON, 0)
            .render(
                Roadmapper.walked(advice, Roadmaps.THOUSAND, RoadmapGoldenTest.TODAY).roadmap());
    String plain =
        RoadmapRenderer.of(OutputFormat.JSON, 0)
            .render(Roadmapper.of(advice, Roadmaps.THOUSAND, RoadmapGoldenTest.TODAY));
    assertThat(walked).isEqualTo(plain);
  }

  @Test
  void sameSeed_sameRoadmap_otherSeed_otherSimulatedFigures() throws IOException {
    Advice advice = RoadmapGoldenTest.advise("read-heavy-growth");
    String a = json(RoadmapChecks.of(advice, null, RoadmapGoldenTest.TODAY, 42));
    String b = json(RoadmapChecks.of(advice, null, RoadmapGoldenTest.TODAY, 42));
    String c = json(RoadmapChecks.of(advice, null, RoadmapGoldenTest.TODAY, 7));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  /**
   * read-heavy-growth to its growth target, checked with seed 42, against its golden text and JSON
   * (what {@code headroom plan examples/read-heavy-growth/system.yaml} prints by default).
   */
  @Test
  void readHeavyGrowth_checked_matchesGoldenFiles() throws IOException {
    Roadmap r =
        RoadmapChecks.of(
            RoadmapGoldenTest.advise("read-heavy-growth"), null, RoadmapGoldenTest.TODAY, 42);
    check(
        "read-heavy-growth-checked.txt",
        RoadmapRenderer.of(OutputFormat.TEXT, TextWriter.DEFAULT_WIDTH).render(r));
    check("read-heavy-growth-checked.json", json(r));
  }

  private static String json(Roadmap r) {
    return RoadmapRenderer.of(OutputFormat.JSON, 0).render(r);
  }

  private static void check(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(golden + " is stale: regenerate with -Dheadroom.updateGolden=true")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
