package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.advice.EvidenceBundle;
import dev.headroom.analysis.Progress;
import dev.headroom.analysis.uncertainty.Sampler;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.roadmap.RoadmapRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The roadmap's sampled ranges: what they are, and what they must never do. */
class RoadmapUncertaintyTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "read-heavy-growth");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  /** read-heavy-growth with its peak and growth written as {@code peak} and {@code growth}. */
  private static SystemSpec system(String peak, String growth) throws IOException {
    String text = Files.readString(EXAMPLE.resolve("system.yaml"), StandardCharsets.UTF_8);
    text =
        text.replaceFirst("peak_rps: [^#\\n]*", "peak_rps: " + peak + " ")
            .replaceFirst("growth: [^#\\n]*", "growth: " + growth + " ");
    return SystemFileReader.read("examples/read-heavy-growth/system.yaml", text);
  }

  private record Run(Roadmap base, Roadmap sampled, SystemSpec spec, Advice advice) {}

  private static Run run(SystemSpec spec, long seed, int draws, int threads) {
    Advice advice = Advisor.advise(spec, EXAMPLE);
    Roadmap base = Roadmapper.of(advice, Roadmaps.THOUSAND, TODAY);
    Roadmap sampled =
        new RoadmapUncertainty(seed, draws, threads, Progress.none())
            .apply(base, spec, EvidenceBundle.assemble(spec, EXAMPLE), advice);
    return new Run(base, sampled, spec, advice);
  }

  private static String json(Roadmap r) {
    return RoadmapRenderer.of(OutputFormat.JSON, 0).render(r);
  }

  @Test
  void drawsBreakWhereTheFullAdviseAndWalkOfTheDrawnSystemBreaks() throws IOException {
    SystemSpec spec = system("600..800 rps", "6..18%/month");
    Advice advice = Advisor.advise(spec, EXAMPLE);
    Roadmap base = Roadmapper.of(advice, Roadmaps.THOUSAND, TODAY);
    int n = Sampler.DEFAULT_DRAWS;
    RoadmapUncertainty.Sampled s =
        new RoadmapUncertainty(7, n, 2, Progress.none())
            .sample(base, spec, EvidenceBundle.assemble(spec, EXAMPLE), advice.planned().changes());
    for (int i : new int[] {0, 1, 499, 999}) {
      // the whole advise pipeline on the drawn system, then the public walk
      Roadmap full =
          Roadmapper.walk(
              Advisor.advise(s.draws.system(i), EXAMPLE).model(),
              advice.planned().changes(),
              new dev.headroom.analysis.cost.CostModel(
                  Advisor.advise(s.draws.system(i), EXAMPLE).model().view(),
                  dev.headroom.analysis.cost.PriceTable.of(spec)),
              base.to(),
              new Roadmapper.Start(base.today(), base.todaySource()));
      for (int j = 0; j < base.firstBreaks().size(); j++) {
        BreakKind kind = base.firstBreaks().get(j).kind();
        double expected =
            full.firstBreak(kind).map(b -> b.multiple().value()).orElse(Double.POSITIVE_INFINITY);
        assertThat(s.multiples[j][i]).as("%s in draw %d", kind, i).isEqualTo(expected);
      }
    }
  }

  @Test
  void zeroWidthRanges_givePointIntervalsAtTheDeterministicBreaks() throws IOException {
    Run r = run(system("700..700 rps", "12..12%/month"), 42, Sampler.DEFAULT_DRAWS, 2);
    assertThat(r.sampled().firstBreaks()).hasSameSizeAs(r.base().firstBreaks()).isNotEmpty();
    for (int j = 0; j < r.base().firstBreaks().size(); j++) {
      Breakpoint b = r.base().firstBreaks().get(j);
      UncertaintyRange u = r.sampled().firstBreaks().get(j).range();
      assertThat(u.low().value()).as(b.kind().id()).isEqualTo(b.multiple().value());
      assertThat(u.high().value()).as(b.kind().id()).isEqualTo(b.multiple().value());
      assertThat(u.lowDate()).as(b.kind().id()).isEqualTo(b.date());
      assertThat(u.highDate()).as(b.kind().id()).isEqualTo(b.date());
      assertThat(u.censored()).isZero();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 2026})
  void wideningARange_neverNarrowsABreaksInterval(long seed) throws IOException {
    // nested ranges about one midpoint: each draw moves out from it by the same uniform share
    Run narrow = run(system("680..720 rps", "12%/month"), seed, Sampler.DEFAULT_DRAWS, 2);
    Run wide = run(system("600..800 rps", "12%/month"), seed, Sampler.DEFAULT_DRAWS, 2);
    for (int j = 0; j < narrow.sampled().firstBreaks().size(); j++) {
      UncertaintyRange n = narrow.sampled().firstBreaks().get(j).range();
      UncertaintyRange w = wide.sampled().firstBreaks().get(j).range();
      String kind = narrow.sampled().firstBreaks().get(j).kind().id();
      assertThat(w.low().value()).as(kind).isLessThanOrEqualTo(n.low().value());
      assertThat(high(w)).as(kind).isGreaterThanOrEqualTo(high(n));
    }
  }

  private static double high(UncertaintyRange u) {
    return u.high() == null ? Double.POSITIVE_INFINITY : u.high().value();
  }

  @Test
  void sameSeed_givesIdenticalJson_onOneOrTwoThreads() throws IOException {
    SystemSpec spec = system("650..750 rps", "8..16%/month");
    String one = json(run(spec, 42, Sampler.DEFAULT_DRAWS, 1).sampled());
    String two = json(run(spec, 42, Sampler.DEFAULT_DRAWS, 2).sampled());
    String again = json(run(spec, 42, Sampler.DEFAULT_DRAWS, 2).sampled());
    assertThat(two).isEqualTo(one).isEqualTo(again).contains("\"censored\"");
    assertThat(json(run(spec, 43, Sampler.DEFAULT_DRAWS, 2).sampled())).isNotEqualTo(one);
  }

  @Test
  void growthTheOnlyRange_datesAreTheGrowthQuantilesMappedByLnKOverLn1PlusG() throws IOException {
    int n = Sampler.DEFAULT_DRAWS;
    SystemSpec spec = system("700 rps", "8..16%/month");
    Run r = run(spec, 42, n, 2);
    double[] g = new Sampler(42, n).draw(spec).values("workload.growth");
    Arrays.sort(g);
    // months fall as g rises, so the months' 10th percentile (rank ceil(0.1 n)) is the growth at
    // the mirrored rank n + 1 - ceil(0.1 n), and the 90th at n + 1 - ceil(0.9 n) (Hyndman-Fan 1)
    double fastG = g[n - (int) Math.ceil(0.1 * n)];
    double slowG = g[n - (int) Math.ceil(0.9 * n)];
    // and those are the uniform's 90th and 10th percentiles, 8% + 0.9 x 8% and 8% + 0.1 x 8%,
    // within 3 standard errors of a rank, 3 sqrt(0.09 / n) of the width
    double tolerance = 3 * Math.sqrt(0.09 / n) * 0.08;
    assertThat(fastG).isCloseTo(0.152, within(tolerance));
    assertThat(slowG).isCloseTo(0.088, within(tolerance));
    for (Breakpoint b : r.sampled().firstBreaks()) {
      double k = b.multiple().value();
      UncertaintyRange u = b.range();
      assertThat(u.low().value()).as(b.kind().id()).isEqualTo(k); // only the dates are uncertain
      assertThat(u.high().value()).as(b.kind().id()).isEqualTo(k);
      double m = Math.log(Math.max(1, k));
      assertThat(u.lowDate())
          .as(b.kind().id())
          .isEqualTo(Roadmapper.dateAfter(r.base().today(), m / Math.log1p(fastG)));
      assertThat(u.highDate())
          .as(b.kind().id())
          .isEqualTo(Roadmapper.dateAfter(r.base().today(), m / Math.log1p(slowG)));
    }
  }

  @Test
  void noRangeAndNoFit_runsNoDraws_andSaysPointAnswers() throws IOException {
    AtomicLong walked = new AtomicLong();
    Progress counting =
        new Progress() {
          @Override
          public void start(String task, long total) {}

          @Override
          public void advance(long units) {
            walked.addAndGet(units);
          }

          @Override
          public void finish() {}
        };
    SystemSpec spec = system("700 rps", "12%/month");
    Advice advice = Advisor.advise(spec, EXAMPLE);
    Roadmap base = Roadmapper.of(advice, Roadmaps.THOUSAND, TODAY);
    Roadmap r =
        new RoadmapUncertainty(42, Sampler.DEFAULT_DRAWS, 2, counting)
            .apply(base, spec, EvidenceBundle.assemble(spec, EXAMPLE), advice);
    assertThat(walked.get()).isZero();
    assertThat(r.firstBreaks()).allSatisfy(b -> assertThat(b.range()).isNull());
    assertThat(r.notes()).contains(RoadmapUncertainty.NO_UNCERTAIN_INPUT);
  }

  @Test
  void censoredDraws_areCountedAndSaidInTheNotes() throws IOException {
    // at 0.5x to 1.9x today's peak the stage trigger (1000 rps) is 2.1x down to 0.53x: the walk to
    // 1.5x sees it in some draws only
    SystemSpec spec = system("350..1300 rps", "12%/month");
    Advice advice = Advisor.advise(spec, EXAMPLE);
    Roadmap base =
        Roadmapper.walk(
            advice.model(),
            advice.planned().changes(),
            new dev.headroom.analysis.cost.CostModel(
                advice.model().view(), dev.headroom.analysis.cost.PriceTable.of(spec)),
            new dev.headroom.model.Figure(
                1.5,
                dev.headroom.model.Dimension.MULTIPLIER,
                new dev.headroom.model.Provenance.Declared("test")),
            new Roadmapper.Start(TODAY, "test"));
    Roadmap r =
        new RoadmapUncertainty(42, Sampler.DEFAULT_DRAWS, 2, Progress.none())
            .apply(base, spec, EvidenceBundle.assemble(spec, EXAMPLE), advice);
    Breakpoint stage = r.firstBreak(BreakKind.STAGE).orElseThrow();
    assertThat(stage.range().censored()).isBetween(0.01, 0.99);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("stage does not break before 1.5x in "));
    assertThat(json(r)).contains("\"censored\"");
  }

  @Test
  void refusesTooFewDrawsAndNoThreads() {
    assertThatThrownBy(() -> new RoadmapUncertainty(1, 1, 1, Progress.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("draws: found 1");
    assertThatThrownBy(() -> new RoadmapUncertainty(1, 1000, 0, Progress.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads: found 0");
  }
}
