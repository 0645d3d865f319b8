package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.Severity;
import dev.headroom.analysis.capacity.Capacity;
import dev.headroom.analysis.cost.CostLine;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.cost.Scenario;
import dev.headroom.analysis.rules.Finding;
import dev.headroom.analysis.stage.Stage;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Figure;
import dev.headroom.model.SystemSpec;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.advice.JsonAdviceRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the whole advice over systems drawn from fixed seeds. */
class AdvisorPropertiesTest {

  private static final long SEEDS = 150;

  static LongStream seeds() {
    return LongStream.range(0, SEEDS).map(i -> 0x5EED_0000L + i * 7919);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("..", "examples"))) {
      List<Path> out =
          dirs.map(d -> d.resolve("system.yaml")).filter(Files::isRegularFile).sorted().toList();
      assertThat(out).as("example systems").hasSizeGreaterThanOrEqualTo(9);
      return out.stream();
    }
  }

  private static double capacity(Capacity c, String id) {
    return c.value(id, 0);
  }

  // ------------------------------------------------------------------ more load, never less
  // capacity

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreLoad_neverMeansFewerInstancesFewerReplicasOrASmallerCache(long seed) {
    Random r = new Random(seed ^ 0xA5A5);
    RandomSystem base = RandomSystem.draw(seed);
    RandomSystem more = base.copy();
    more.peakRps = Math.rint(base.peakRps * (1 + r.nextDouble() * 9));
    more.growth = base.growth + Math.rint(r.nextDouble() * 30) / 100;
    if (r.nextBoolean()) {
      more.dataGiB = 0; // exercise the users-based cache size too
      base.dataGiB = 0;
    }
    Capacity before = Advisor.advise(base.yaml().spec()).capacity();
    Capacity after = Advisor.advise(more.yaml().spec()).capacity();
    for (String id :
        List.of("required_rps", "app_instances", "replicas", "cache_memory", "db_query_rate")) {
      assertThat(capacity(after, id))
          .as("%s with more load, %s", id, more)
          .isGreaterThanOrEqualTo(capacity(before, id));
    }
  }

  // ------------------------------------------------------------------ prices scale costs

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void doublingThePriceTable_doublesEveryComponentCostThatCameFromIt(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    SystemSpec spec = s.yaml().spec();
    Advice once = Advisor.advise(spec, PriceTable.defaults());
    Advice twice = Advisor.advise(spec, PriceTable.defaults().scaled(2));
    List<CostLine> a = once.cost().components();
    List<CostLine> b = twice.cost().components();
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      CostLine x = a.get(i);
      CostLine y = b.get(i);
      assertThat(y.item()).isEqualTo(x.item());
      if (x.monthly() == null) {
        assertThat(y.monthly()).isNull();
        continue;
      }
      boolean declared = spec.facts().has(x.item() + ".cost");
      double factor = declared ? 1 : 2;
      assertThat(y.monthly().value())
          .as("%s (%s) in %s", x.item(), declared ? "declared" : "from the table", s)
          .isCloseTo(
              x.monthly().value() * factor, Offset.offset(1e-9 * Math.max(1, x.monthly().value())));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void doublingThePriceTable_doublesEveryCostFigureWhenNothingDeclaresACost(long seed) {
    RandomSystem s = RandomSystem.draw(seed).pricedFromTheTable();
    assertThat(s.declaresCosts()).isFalse();
    SystemSpec spec = s.yaml().spec();
    Advice once = Advisor.advise(spec, PriceTable.defaults());
    Advice twice = Advisor.advise(spec, PriceTable.defaults().scaled(2));
    doubled("cost now", once.cost().now(), twice.cost().now(), s);
    List<Recommendation> ra = once.plan().recommendations();
    List<Recommendation> rb = twice.plan().recommendations();
    assertThat(rb)
        .extracting(x -> x.action().id())
        .containsExactlyElementsOf(ra.stream().map(x -> x.action().id()).toList());
    for (int i = 0; i < ra.size(); i++) {
      String id = ra.get(i).action().id();
      doubled("delta of " + id, ra.get(i).costDelta().delta(), rb.get(i).costDelta().delta(), s);
      doubled("cost after " + id, ra.get(i).costAfter(), rb.get(i).costAfter(), s);
    }
    List<Scenario> sa = new ArrayList<>(once.cost().verticalVsHorizontal());
    sa.addAll(once.cost().availabilityVsCost());
    List<Scenario> sb = new ArrayList<>(twice.cost().verticalVsHorizontal());
    sb.addAll(twice.cost().availabilityVsCost());
    assertThat(sb).hasSameSizeAs(sa);
    for (int i = 0; i < sa.size(); i++) {
      doubled("scenario " + sa.get(i).name(), sa.get(i).monthly(), sb.get(i).monthly(), s);
    }
  }

  private static void doubled(String what, Figure once, Figure twice, RandomSystem s) {
    if (once == null) {
      assertThat(twice).as(what).isNull();
      return;
    }
    assertThat(twice).as(what).isNotNull();
    assertThat(twice.value())
        .as("%s in %s", what, s)
        .isCloseTo(2 * once.value(), Offset.offset(1e-9 * Math.max(1, Math.abs(once.value()))));
  }

  // ------------------------------------------------------------------ determinism

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void advice_isDeterministic(long seed) {
    String text = RandomSystem.draw(seed).yaml().text();
    JsonAdviceRenderer json = new JsonAdviceRenderer();
    String first = json.render(Advisor.advise(SystemFileReader.read("test.yaml", text)));
    String second = json.render(Advisor.advise(SystemFileReader.read("test.yaml", text)));
    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void advice_onEveryExampleIsDeterministic(Path file) {
    JsonAdviceRenderer json = new JsonAdviceRenderer();
    assertThat(json.render(Advisor.advise(file))).isEqualTo(json.render(Advisor.advise(file)));
  }

  // ------------------------------------------------------------------ monotone findings

  /**
   * Raising an observation where more is worse never removes a finding nor lowers its severity. The
   * one exception is by design: HR-ARCH-001 (microservices too early) goes quiet when the raise
   * moves the system past the growth stage, where services are no longer premature.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void raisingAnObservation_neverRemovesAFinding(long seed) {
    RandomSystem[] pair = raise(seed);
    RandomSystem raised = pair[1];
    String key = raisedKey(seed);
    double from = pair[0].observations.get(key);
    Advice before = Advisor.advise(pair[0].yaml().spec());
    Advice after = Advisor.advise(raised.yaml().spec());
    Map<String, Severity> was = severities(before);
    Map<String, Severity> now = severities(after);
    boolean pastGrowth =
        before.stage().stage().ordinal() <= Stage.GROWTH.ordinal()
            && after.stage().stage().ordinal() > Stage.GROWTH.ordinal();
    was.forEach(
        (finding, severity) -> {
          if (pastGrowth && finding.startsWith("HR-ARCH-001|")) {
            return;
          }
          assertThat(now)
              .as("after raising %s from %s, in %s", key, from, raised)
              .containsKey(finding);
          assertThat(now.get(finding))
              .as("severity of %s after raising %s", finding, key)
              .isGreaterThanOrEqualTo(severity);
        });
  }

  private static String raisedKey(long seed) {
    Random r = new Random(seed ^ 0x5A5A);
    List<String> keys = new ArrayList<>(RandomSystem.WORSE_WHEN_HIGHER.keySet());
    return keys.get(r.nextInt(keys.size()));
  }

  /** The system for {@code seed} and a copy with one observation where more is worse raised. */
  private static RandomSystem[] raise(long seed) {
    Random r = new Random(seed ^ 0x5A5A);
    String key = raisedKey(seed);
    r.nextInt(RandomSystem.WORSE_WHEN_HIGHER.size());
    RandomSystem base = RandomSystem.draw(seed);
    double[] range = RandomSystem.WORSE_WHEN_HIGHER.get(key);
    double from = base.observations.getOrDefault(key, range[0]);
    base.observations.put(key, from);
    RandomSystem raised = base.copy();
    raised.observations.put(key, from + r.nextDouble() * (range[1] - from));
    return new RandomSystem[] {base, raised};
  }

  private static Map<String, Severity> severities(Advice a) {
    Map<String, Severity> out = new LinkedHashMap<>();
    for (Finding f : a.findings()) {
      out.merge(
          f.ruleId() + "|" + f.component(), f.severity(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
    return out;
  }

  // ------------------------------------------------------------------ plan order

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void recommendations_areBySeverityAndNeverPutAFirstStepAfterALaterOne(long seed) {
    RandomSystem s = RandomSystem.draw(seed);
    List<Recommendation> recs = Advisor.advise(s.yaml().spec()).plan().recommendations();
    for (int i = 0; i < recs.size(); i++) {
      assertThat(recs.get(i).order()).isEqualTo(i + 1);
      for (int j = i + 1; j < recs.size(); j++) {
        Recommendation a = recs.get(i);
        Recommendation b = recs.get(j);
        assertThat(a.severity())
            .as(
                "#%d %s before #%d %s in %s",
                a.order(), a.action().id(), b.order(), b.action().id(), s)
            .isGreaterThanOrEqualTo(b.severity());
        if (a.action().ladder().equals(b.action().ladder())) {
          assertThat(a.action().step())
              .as(
                  "ladder '%s': %s (%s) before %s (%s) in %s",
                  a.action().ladder(),
                  a.action().id(),
                  a.action().step().id(),
                  b.action().id(),
                  b.action().step().id(),
                  s)
              .isLessThanOrEqualTo(b.action().step());
        }
      }
    }
  }

  // ------------------------------------------------------------------ the draws are not degenerate

  /** The seeded draws reach the situations the properties are about, so the properties can fail. */
  @org.junit.jupiter.api.Test
  void draws_coverTheCasesThePropertiesAreAbout() {
    int pricedDeltas = 0;
    int sharedLadders = 0;
    int raisesThatAddFindings = 0;
    int stagesSeen = 0;
    java.util.Set<Stage> stages = java.util.EnumSet.noneOf(Stage.class);
    java.util.Set<String> rules = new java.util.TreeSet<>();
    for (long seed : seeds().toArray()) {
      Advice table = Advisor.advise(RandomSystem.draw(seed).pricedFromTheTable().yaml().spec());
      if (table.plan().recommendations().stream()
          .anyMatch(r -> r.costDelta().delta() != null && r.costDelta().delta().value() > 0)) {
        pricedDeltas++;
      }
      Advice a = Advisor.advise(RandomSystem.draw(seed).yaml().spec());
      stages.add(a.stage().stage());
      a.findings().forEach(f -> rules.add(f.ruleId()));
      List<String> ladders =
          a.plan().recommendations().stream().map(r -> r.action().ladder()).toList();
      if (ladders.size() != new java.util.HashSet<>(ladders).size()) {
        sharedLadders++;
      }
      RandomSystem[] pair = raise(seed);
      if (!severities(Advisor.advise(pair[1].yaml().spec()))
          .equals(severities(Advisor.advise(pair[0].yaml().spec())))) {
        raisesThatAddFindings++;
      }
    }
    stagesSeen = stages.size();
    assertThat(pricedDeltas)
        .as("systems with a priced, non-zero step")
        .isGreaterThan((int) SEEDS / 4);
    assertThat(sharedLadders)
        .as("plans with two steps of one ladder")
        .isGreaterThan((int) SEEDS / 4);
    assertThat(raisesThatAddFindings)
        .as("raises that change the findings")
        .isGreaterThan((int) SEEDS / 5);
    assertThat(stagesSeen).as("stages reached").isEqualTo(Stage.values().length);
    assertThat(rules).as("rules that fired in some draw").hasSizeGreaterThan(25);
  }
}
