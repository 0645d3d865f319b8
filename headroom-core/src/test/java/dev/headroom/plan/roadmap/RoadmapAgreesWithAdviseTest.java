package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.capacity.CapacityItem;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.model.Figure;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hard requirement, over every example: at 1x the roadmap is today's assessment (the
 * same stage, the same utilisations), and at the growth target its instance, replica and cache
 * sizes are advise's capacity section.
 */
class RoadmapAgreesWithAdviseTest {

  static java.util.stream.Stream<String> examples() throws IOException {
    return RoadmapGoldenTest.examples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void firstRow_isTodaysAssessment(String name) throws IOException {
    Advice a = RoadmapGoldenTest.advise(name);
    Roadmap r = Roadmapper.of(a, null, RoadmapGoldenTest.TODAY);
    RoadmapStep first = r.steps().get(0);
    assertThat(first.multiple().value()).isEqualTo(1.0);
    assertThat(first.stage()).isEqualTo(a.stage().stage());
    Figure today = CapacityModel.today();
    assertThat(value(first.appUtilisation()))
        .isEqualTo(a.model().appUtilisationAt(today).map(Figure::value));
    assertThat(value(first.primaryUtilisation()))
        .isEqualTo(a.model().primaryUtilisationAt(today).map(Figure::value));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void growthTargetRow_sizesAreAdvisesCapacitySection(String name) throws IOException {
    Advice a = RoadmapGoldenTest.advise(name);
    Roadmap r = Roadmapper.of(a, Roadmaps.THOUSAND, RoadmapGoldenTest.TODAY);
    RoadmapStep target = r.targetStep();
    assertThat(target.multiple().value())
        .isCloseTo(a.model().targetMultiple().value(), within(1e-12));
    assertThat(value(target.sizes().appInstances())).isEqualTo(item(a, "app_instances"));
    assertThat(value(target.sizes().replicas())).isEqualTo(item(a, "replicas"));
    Optional<Double> cache = value(target.sizes().cacheMemory());
    if (cache.isPresent()) {
      assertThat(cache).isEqualTo(item(a, "cache_memory"));
    }
  }

  private static Optional<Double> item(Advice a, String id) {
    return a.capacity().items().stream()
        .filter(i -> i.id().equals(id))
        .map(CapacityItem::value)
        .map(Figure::value)
        .findFirst();
  }

  private static Optional<Double> value(Figure f) {
    return Optional.ofNullable(f).map(Figure::value);
  }
}
