package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The walk's arithmetic against closed forms, and its invariants over seeded systems. */
class RoadmapperTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  static Advice advise(String yaml) {
    return Advisor.advise(SystemFileReader.read("test.yaml", yaml));
  }

  static String system(double webCpu, double dbCpu, double read, String extra) {
    return String.format(
        Locale.ROOT,
        """
        name: t
        workload: { peak_rps: 400 rps, read_ratio: %s%%, queries_per_request: 5, growth: 10%%/month }
        components:
          - { name: web, kind: app, instances: 2, vcpu: 4, memory: 8GiB, cost: 100 USD/month }
          - { name: db, kind: database, role: primary, vcpu: 4, memory: 16GiB, cost: 200 USD/month }
        observations:
          web.cpu: %s%%
          db.cpu: %s%%
        %s""",
        read,
        webCpu * 100,
        dbCpu * 100,
        extra);
  }

  static Roadmap walkWithoutTodaysPlan(Advice a, double to) {
    CapacityModel m = a.model();
    return Roadmapper.walk(
        m,
        List.of(),
        new CostModel(m.view(), PriceTable.of(a.system())),
        new Figure(to, Dimension.MULTIPLIER, new Provenance.Declared("test")),
        Roadmapper.start(m.view(), TODAY));
  }

  @Test
  void dates_followLnKOverLnOnePlusG() {
    Roadmap r = walkWithoutTodaysPlan(advise(system(0.3, 0.3, 90, "")), 10);
    RoadmapStep ten = r.steps().stream().filter(s -> s.multiple().value() == 10).findFirst().get();
    double months = Math.log(10) / Math.log(1.10);
    assertThat(ten.months().value()).isCloseTo(months, within(1e-12));
    assertThat(ten.date()).isEqualTo(TODAY.plusDays(Math.round(months * 365.2425 / 12)));
    assertThat(r.steps().get(0).date()).isEqualTo(TODAY);
  }

  @ParameterizedTest(name = "measured hit ratio {0}: cache short today = {1}")
  @CsvSource({"85%, false", "50%, true"})
  void cacheMemory_isShortTodayOnlyWhenTheMeasuredHitRatioSaysSo(String hit, boolean short_) {
    // C4 estimates 120 GiB x 20% x 1.5 = 36 GiB against 4 GiB; a cache that serves its hot set
    // (HR-CACHE-004 silent) is not short today, one that misses is
    String yaml =
        system(0.3, 0.3, 90, "  cache.hit_ratio: " + hit + "\n")
            .replace("growth: 10%/month }", "growth: 10%/month, data_size: 120GiB }")
            .replace(
                "observations:",
                "  - { name: cache, kind: cache, engine: redis, memory: 4GiB }\nobservations:");
    Roadmap r = walkWithoutTodaysPlan(advise(yaml), 10);
    assertThat(r.firstBreak(BreakKind.CACHE_MEMORY).isPresent()).isEqualTo(short_);
  }

  @Test
  void start_isTheLastDateOfTheObservationsWindow_elseTheFallback() {
    Advice dated =
        advise(system(0.3, 0.3, 90, "observations_window: \"2026-11-16..2026-11-22, peak\"\n"));
    assertThat(Roadmapper.start(dated.model().view(), TODAY).date())
        .isEqualTo(LocalDate.of(2026, 11, 22));
    Advice undated = advise(system(0.3, 0.3, 90, ""));
    assertThat(Roadmapper.start(undated.model().view(), TODAY).date()).isEqualTo(TODAY);
  }

  @Test
  void rows_areTheLadderUpToTo_withTheTargetAlwaysARow() {
    assertThat(Roadmapper.multiples(10, 3.5))
        .containsExactly(1.0, 1.25, 1.5, 2.0, 3.0, 3.5, 5.0, 10.0);
    // a target beyond 'to' is still a row
    assertThat(Roadmapper.multiples(2, 8)).containsExactly(1.0, 1.25, 1.5, 2.0, 8.0);
  }

  @Test
  void walk_refusesATargetBelowToday() {
    Advice a = advise(system(0.3, 0.3, 90, ""));
    assertThatThrownBy(() -> walkWithoutTodaysPlan(a, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1x");
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 25).boxed();
  }

  /**
   * With n instances at CPU U sharing the load, the front app first needs more at k = 0.7 / U (the
   * utilisation law sizes one instance at X/n x 0.7 / U); the primary, with no replica, at k = 0.7
   * / U_db. Both are the exact multiples the walk reports as first breaks.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void firstBreaks_areTheClosedFormMultiples(int seed) {
    Random r = new Random(seed);
    double web = 0.05 + r.nextDouble() * 0.6;
    double db = 0.05 + r.nextDouble() * 0.6;
    Roadmap rm = walkWithoutTodaysPlan(advise(system(web, db, 50 + r.nextInt(45), "")), 1000);
    assertThat(rm.firstBreak(BreakKind.APP_CAPACITY).orElseThrow().multiple().value())
        .isCloseTo(0.7 / web, within(1e-9));
    assertThat(rm.firstBreak(BreakKind.PRIMARY_CPU).orElseThrow().multiple().value())
        .isCloseTo(0.7 / db, within(1e-9));
  }

  /** After every row's remedies no tier is above its target, and the bill never falls. */
  @ParameterizedTest
  @MethodSource("seeds")
  void everyRow_leavesTiersAtTheTarget_andCostsNeverFall(int seed) {
    Random r = new Random(seed);
    Roadmap rm =
        walkWithoutTodaysPlan(
            advise(
                system(
                    0.05 + r.nextDouble() * 0.9,
                    0.05 + r.nextDouble() * 0.9,
                    50 + r.nextInt(45),
                    "")),
            100);
    double last = 0;
    for (RoadmapStep s : rm.steps()) {
      assertThat(s.appUtilisationAfter().value())
          .as("%s", s.multiple())
          .isLessThanOrEqualTo(0.7 + 1e-9);
      boolean primaryOpen =
          s.breaks().stream().anyMatch(b -> b.kind() == BreakKind.PRIMARY_CPU && b.open());
      if (!primaryOpen) {
        assertThat(s.primaryUtilisationAfter().value()).isLessThanOrEqualTo(0.7 + 1e-9);
      }
      assertThat(s.costAfter().amount().value()).isGreaterThanOrEqualTo(last - 1e-9);
      last = s.costAfter().amount().value();
    }
  }

  @Test
  void aHotKeyBeyondOnePrimary_leavesThePrimaryOpen_andStillScalesTheAppTier() {
    // write-heavy at high load: Zipf(1) over 100,000 keys gives the hottest key 8.3% of writes, so
    // past about 12x of what one (largest) primary takes no shard count suffices
    Roadmap rm = walkWithoutTodaysPlan(advise(system(0.3, 0.6, 10, "")), 1000);
    RoadmapStep last = rm.steps().get(rm.steps().size() - 1);
    assertThat(last.breaks())
        .anySatisfy(b -> assertThat(b.kind() == BreakKind.PRIMARY_CPU && b.open()).isTrue());
    assertThat(last.appUtilisationAfter().value()).isLessThanOrEqualTo(0.7 + 1e-9);
  }

  @Test
  void multipleForUsers_isUsersOverActiveUsers() {
    Advice a =
        advise(
            system(0.3, 0.3, 90, "")
                .replace("peak_rps: 400 rps", "peak_rps: 400 rps, active_users: 50000"));
    Figure k =
        Roadmapper.multipleForUsers(
            a.model().view(), new Figure(2_000_000, Dimension.COUNT, new Provenance.Declared("t")));
    assertThat(k.value()).isCloseTo(40, within(1e-12));
  }
}
