package dev.headroom.analysis.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.model.SystemSpec;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Percentiles, censoring and the multiple-to-date conversion against closed forms. */
class SampledIntervalTest {

  @Test
  void ofOneToAThousand_isTheHundredthFiveHundredthAndNineHundredthValue() {
    double[] v = new double[1_000];
    for (int i = 0; i < v.length; i++) {
      v[v.length - 1 - i] = i + 1; // given in any order
    }
    SampledInterval s = SampledInterval.of(v);
    assertThat(s.low()).isEqualTo(100);
    assertThat(s.median()).isEqualTo(500);
    assertThat(s.high()).isEqualTo(900);
    assertThat(s.level()).isEqualTo(0.8);
    assertThat(s.censored()).isZero();
  }

  /**
   * Uniform g on [8%, 15%] per month: its 10th and 90th percentiles are 8.7% and 14.3%, and months
   * to 10x, ln 10 / ln(1 + g), falls as g rises, so the 80 % interval of the months is [ln 10 / ln
   * 1.143, ln 10 / ln 1.087] = [17.23, 27.60] months, with median ln 10 / ln 1.115 = 21.17. With
   * 10,000 draws the 10th percentile's rank has a standard error of sqrt(0.09 / 10^4) = 0.003 of
   * the range, 0.0002 in g, 0.025 months: the tolerance of 0.1 months is four of them.
   */
  @Test
  void monthsTo10x_atUniformGrowth8To15Percent_isTheClosedFormInterval() {
    SystemSpec spec = SamplerTest.system("800", "8..15%/month", "75%");
    Draws d = new Sampler(2026, 10_000).draw(spec);
    double[] tens = new double[d.count()];
    Arrays.fill(tens, 10);
    SampledInterval months = SampledInterval.of(TimeToReach.months(tens, d));
    assertThat(months.low()).isCloseTo(Math.log(10) / Math.log(1.143), within(0.1));
    assertThat(months.median()).isCloseTo(Math.log(10) / Math.log(1.115), within(0.1));
    assertThat(months.high()).isCloseTo(Math.log(10) / Math.log(1.087), within(0.1));
    // exactly, not within a tolerance: each bound is a growth draw mapped, the k-th smallest
    // months being the k-th largest growth (k = 1,000 and 9,000 of 10,000)
    double[] g = d.values("workload.growth");
    Arrays.sort(g);
    assertThat(months.low()).isEqualTo(TimeToReach.months(10, g[10_000 - 1_000]));
    assertThat(months.high()).isEqualTo(TimeToReach.months(10, g[10_000 - 9_000]));
  }

  @Test
  void censoredDraws_areCountedAndPushTheHighEndBeyondWhenMoreThanTheTail() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = i < 30 ? Double.POSITIVE_INFINITY : i;
    }
    SampledInterval s = SampledInterval.of(v);
    assertThat(s.censored()).isEqualTo(30);
    assertThat(s.censoredShare()).isEqualTo(0.3);
    assertThat(s.high()).isInfinite();
    assertThat(s.median()).isEqualTo(79); // rank 50 of 30..99, then 30 censored above
    assertThat(s.low()).isEqualTo(39);
    v[0] = 5;
    Arrays.fill(v, 1, 30, 6); // only 0 censored now
    assertThat(SampledInterval.of(v).high()).isFinite();
  }

  @Test
  void datesOfAMonthsInterval_areStartPlusTheMonthsInDaysAndNeverForCensored() {
    SampledInterval months = new SampledInterval(0.8, 12, 24, Double.POSITIVE_INFINITY, 10, 2);
    DateInterval d = months.dates(LocalDate.of(2026, 12, 1));
    // 12 months of 365.25 / 12 days = 365.25 days, to the nearest day 365
    assertThat(d.earliest()).isEqualTo(LocalDate.of(2027, 12, 1));
    assertThat(d.median()).isEqualTo(LocalDate.of(2028, 11, 30)); // 730.5 days rounds to even 730
    assertThat(d.latest()).isNull();
    assertThat(d.neverShare()).isEqualTo(0.2);
  }

  @Test
  void datesOfDraws_combineEachDrawsMultipleWithItsOwnGrowth() {
    SystemSpec spec = SamplerTest.system("800", "8..15%/month", "75%");
    Draws d = new Sampler(7, 1_000).draw(spec);
    double[] multiples = new double[d.count()];
    for (int i = 0; i < multiples.length; i++) {
      // a tenth of the draws never break: the latest date is then beyond every draw
      multiples[i] = i % 10 == 0 ? Double.POSITIVE_INFINITY : 2 + i % 3;
    }
    DateInterval dates = TimeToReach.dates(multiples, d, LocalDate.of(2026, 12, 1), 0.8);
    double[] months = TimeToReach.months(multiples, d);
    SampledInterval m = SampledInterval.of(months, 0.8);
    assertThat(dates.earliest())
        .isEqualTo(TimeToReach.date(LocalDate.of(2026, 12, 1), m.low()).orElseThrow());
    assertThat(dates.neverShare()).isEqualTo(0.1);
    // 100 never-draws rank last: the 90th percentile (rank 900) is still a dated draw
    assertThat(dates.latest()).isNotNull();
    assertThat(months[3]).isEqualTo(Math.log(2) / Math.log1p(d.value("workload.growth", 3, 0)));
  }

  @Test
  void months_isLnKOverLn1PlusG_zeroBelowOneAndNeverWithoutGrowth() {
    assertThat(TimeToReach.months(10, 0.15))
        .isCloseTo(Math.log(10) / Math.log(1.15), within(1e-12));
    assertThat(TimeToReach.months(1, 0.15)).isZero();
    assertThat(TimeToReach.months(0.5, 0.15)).isZero();
    assertThat(TimeToReach.months(2, 0)).isInfinite();
    assertThat(TimeToReach.months(2, -0.05)).isInfinite();
    assertThat(TimeToReach.months(Double.POSITIVE_INFINITY, 0.1)).isInfinite();
    assertThat(TimeToReach.date(LocalDate.of(2026, 1, 1), 1e300)).isEmpty();
  }

  @Test
  void months_withoutGrowthInTheSystem_isRefused() {
    SystemSpec spec =
        dev.headroom.ingest.system.SystemFileReader.read(
            "g.yaml",
            "name: g\nworkload:\n  peak_rps: 700..900\ncomponents:\n  - { name: w, kind: app }\n");
    Draws d = new Sampler(1, 2).draw(spec);
    assertThatThrownBy(() -> TimeToReach.months(new double[] {2, 2}, d))
        .hasMessageContaining("no workload.growth");
  }

  @Test
  void badValues_areRefused() {
    assertThatThrownBy(() -> SampledInterval.of(new double[0])).hasMessage("no draws to summarise");
    assertThatThrownBy(() -> SampledInterval.of(new double[] {1, Double.NaN}))
        .hasMessageContaining("got NaN");
    assertThatThrownBy(() -> SampledInterval.of(new double[] {1, 2}, 1.0))
        .hasMessageContaining("level must be between 0 and 1");
  }
}
