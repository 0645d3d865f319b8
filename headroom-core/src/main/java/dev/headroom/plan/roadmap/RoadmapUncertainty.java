package dev.headroom.plan.roadmap;

import dev.headroom.advice.Advisor;
import dev.headroom.advice.EvidenceBundle;
import dev.headroom.analysis.Progress;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.capacity.Change;
import dev.headroom.analysis.cost.CostModel;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.analysis.uncertainty.CapacityDraws;
import dev.headroom.analysis.uncertainty.CapacitySampler;
import dev.headroom.analysis.uncertainty.Draws;
import dev.headroom.analysis.uncertainty.SampledInterval;
import dev.headroom.analysis.uncertainty.Sampler;
import dev.headroom.analysis.uncertainty.TimeToReach;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Range;
import dev.headroom.model.SystemSpec;
import dev.headroom.model.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The roadmap's honest uncertainty (issue 8 item 4): samples the system's ranged figures ({@link
 * Sampler}) and its load-tested capacities' USL fits ({@link CapacitySampler}), models each drawn
 * system exactly as {@code advise} does ({@link Advisor#model}), walks it with today's plan's
 * changes held fixed, and gives each of the base roadmap's first breaks the central interval of its
 * multiple over the draws, with the dates each draw reaches its multiple at its own growth ({@link
 * TimeToReach}: months = ln k / ln(1 + g)).
 *
 * <p><b>What is fixed per draw.</b> Today's plan (the remedies {@code advise} recommends) is
 * applied to every draw as it is: the question is where the road breaks given what the team will do
 * today, not what a different plan would be for each draw. The walk's end ({@code to}), today's
 * date and the price table are the base roadmap's. A draw whose break of a kind comes after the
 * roadmap's last multiple, or never, is censored ({@link SampledInterval}): it takes part in the
 * ranks as larger than every multiple seen, and its share is reported.
 *
 * <p><b>Deterministic and parallel.</b> Every draw's inputs come from seeded streams by draw index,
 * each draw's result is written to its own slot, and the summaries read the slots in index order:
 * the same seed gives the same roadmap byte for byte on any number of threads.
 */
public final class RoadmapUncertainty {

  /** Said in the notes when nothing is uncertain: no draws are run, no zero-width interval made. */
  public static final String NO_UNCERTAIN_INPUT =
      "no uncertain input: point answers (no range in the system file and no load-test fit with"
          + " a covariance)";

  /**
   * The seed when none is given: any fixed number makes runs reproducible; 42 is {@code simulate}'s
   * default too, so one habit serves both commands.
   */
  public static final long DEFAULT_SEED = 42;

  /** The interval level: the 80 % (10th to 90th percentile). */
  public static final double LEVEL = SampledInterval.DEFAULT_LEVEL;

  private final long seed;
  private final int draws;
  private final int threads;
  private final Progress progress;

  /**
   * @param seed the seed of every stream
   * @param draws how many systems to draw (as {@link Sampler} takes them)
   * @param threads how many threads walk the draws, at least 1 (the result does not depend on it)
   * @param progress where each walked draw is counted
   * @throws IllegalArgumentException for a draw count {@link Sampler} refuses, or no threads
   */
  public RoadmapUncertainty(long seed, int draws, int threads, Progress progress) {
    new Sampler(seed, draws); // refuses a bad count with Sampler's own message
    if (threads < 1) {
      throw new IllegalArgumentException("threads: found " + threads + "; allowed 1 or more");
    }
    this.seed = seed;
    this.draws = draws;
    this.threads = threads;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** {@code draws} draws under {@code seed} on every core, reporting no progress. */
  public RoadmapUncertainty(long seed, int draws) {
    this(seed, draws, Runtime.getRuntime().availableProcessors(), Progress.none());
  }

  /**
   * {@code base} with a sampled range on each first break (and on the rows' occurrences of it) and
   * notes saying what was drawn and how many draws do not break before the roadmap's end; or {@code
   * base} with the {@link #NO_UNCERTAIN_INPUT} note when nothing is uncertain.
   *
   * @param base the deterministic roadmap of the advised system
   * @param declared the system as its file declares it (with its ranges, at their midpoints)
   * @param evidence the evidence {@code advise} used (capacities, evidence files)
   * @param todaysPlan the changes of today's plan, applied at the 1x row of every draw
   */
  public Roadmap apply(
      Roadmap base, SystemSpec declared, EvidenceBundle evidence, List<Change> todaysPlan) {
    Sampled s = sample(base, declared, evidence, todaysPlan);
    if (s == null) {
      List<String> notes = new ArrayList<>(base.notes());
      notes.add(NO_UNCERTAIN_INPUT);
      return with(base, base.steps(), base.firstBreaks(), notes);
    }
    List<String> notes = new ArrayList<>(base.notes());
    notes.add(drawnNote(s));
    List<Breakpoint> first = new ArrayList<>();
    List<UncertaintyRange> ranges = new ArrayList<>();
    for (int j = 0; j < base.firstBreaks().size(); j++) {
      Breakpoint b = base.firstBreaks().get(j);
      UncertaintyRange r = range(b, s.multiples[j], s.growth, base);
      ranges.add(r);
      first.add(b.withRange(r));
      if (r.censored() > 0) {
        notes.add(
            label(b)
                + " does not break before "
                + base.to().formatted()
                + " in "
                + Units.format(r.censored(), Dimension.RATIO)
                + " of the draws");
      }
    }
    List<RoadmapStep> steps = new ArrayList<>();
    for (RoadmapStep step : base.steps()) {
      List<Breakpoint> breaks = new ArrayList<>();
      for (Breakpoint b : step.breaks()) {
        Breakpoint out = b;
        for (int j = 0; j < base.firstBreaks().size(); j++) {
          Breakpoint f = base.firstBreaks().get(j);
          if (f.kind() == b.kind()
              && f.component().equals(b.component())
              && f.multiple().value() == b.multiple().value()) {
            out = b.withRange(ranges.get(j));
          }
        }
        breaks.add(out);
      }
      steps.add(step.withBreaks(breaks));
    }
    return with(base, steps, first, notes);
  }

  /** The per-draw answers: for each first break of the base, its multiple in each draw. */
  static final class Sampled {
    final Draws draws;
    final CapacityDraws capacities;

    /** [first break][draw]: the draw's multiple of that break, +∞ when censored. */
    final double[][] multiples;

    /** [draw]: the draw's monthly growth, NaN when it states none. */
    final double[] growth;

    Sampled(Draws draws, CapacityDraws capacities, double[][] multiples, double[] growth) {
      this.draws = draws;
      this.capacities = capacities;
      this.multiples = multiples;
      this.growth = growth;
    }
  }

  /**
   * {@link #apply(Roadmap, SystemSpec, EvidenceBundle, List)} for an advised system: today's plan
   * is {@code advice}'s.
   */
  public Roadmap apply(
      Roadmap base,
      SystemSpec declared,
      EvidenceBundle evidence,
      dev.headroom.advice.Advice advice) {
    return apply(base, declared, evidence, advice.planned().changes());
  }

  /** Walks every draw; null when nothing is uncertain. */
  Sampled sample(
      Roadmap base, SystemSpec declared, EvidenceBundle evidence, List<Change> todaysPlan) {
    // measured beats declared: an rps series' growth interval is what is drawn (MeasuredGrowth)
    Draws drawn = new Sampler(seed, draws).draw(Advisor.withMeasuredGrowth(declared, evidence));
    CapacityDraws capacities =
        new CapacitySampler(seed, draws).draw(evidence.capacities(), declared);
    if (drawn.keys().isEmpty() && capacities.drawn().isEmpty()) {
      return null;
    }
    List<Breakpoint> first = base.firstBreaks();
    double[][] multiples = new double[first.size()][draws];
    double[] growth = new double[draws];
    PriceTable prices = PriceTable.of(declared);
    Roadmapper.Start start = new Roadmapper.Start(base.today(), base.todaySource());
    double end = base.to().value();
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < draws; i = next.getAndIncrement()) {
            SystemSpec system = drawn.system(i);
            EvidenceBundle e =
                capacities.drawn().isEmpty()
                    ? evidence
                    : new EvidenceBundle(capacities.capacities(i), evidence.files());
            CapacityModel model = Advisor.model(system, e, CapacityModel.today()).model();
            Roadmap r =
                Roadmapper.walk(
                    model, todaysPlan, new CostModel(model.view(), prices), base.to(), start);
            for (int j = 0; j < first.size(); j++) {
              double k =
                  r.firstBreak(first.get(j).kind())
                      .map(b -> b.multiple().value())
                      .orElse(Double.POSITIVE_INFINITY);
              // beyond the roadmap's end is censored, even where this draw's target goes further
              multiples[j][i] = k <= end * (1 + 1e-9) ? k : Double.POSITIVE_INFINITY;
            }
            growth[i] = Roadmapper.monthlyGrowth(model).map(Figure::value).orElse(Double.NaN);
            progress.advance();
          }
        };
    progress.start("roadmap draws", draws);
    try {
      run(worker);
    } finally {
      progress.finish();
    }
    return new Sampled(drawn, capacities, multiples, growth);
  }

  private void run(Runnable worker) {
    if (threads == 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while walking the draws", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The central interval of one break's multiples and of the dates each draw reaches its own. */
  private UncertaintyRange range(Breakpoint b, double[] multiples, double[] growth, Roadmap base) {
    SampledInterval k = SampledInterval.of(multiples, LEVEL);
    String what = label(b) + "'s multiple";
    Figure low = bound(k.low(), "low", k, what);
    Figure high = bound(k.high(), "high", k, what);
    boolean dated = true;
    for (double g : growth) {
      dated &= !Double.isNaN(g);
    }
    LocalDate lowDate = null;
    LocalDate highDate = null;
    if (dated) {
      double[] months = new double[multiples.length];
      for (int i = 0; i < months.length; i++) {
        months[i] = TimeToReach.months(multiples[i], growth[i]);
      }
      // the months' own quantiles, each draw at its own growth; placed on the calendar the way
      // the walk places its dates, so a range of width zero gives the walk's date
      SampledInterval m = SampledInterval.of(months, LEVEL);
      lowDate = Double.isFinite(m.low()) ? Roadmapper.dateAfter(base.today(), m.low()) : null;
      highDate = Double.isFinite(m.high()) ? Roadmapper.dateAfter(base.today(), m.high()) : null;
    }
    return new UncertaintyRange(
        low, low == null ? null : high, lowDate, highDate, LEVEL, k.censoredShare());
  }

  private Figure bound(double value, String end, SampledInterval k, String what) {
    if (!Double.isFinite(value)) {
      return null;
    }
    double p = end.equals("low") ? (1 - k.level()) / 2 : (1 + k.level()) / 2;
    return new Figure(
        value,
        Dimension.MULTIPLIER,
        new Provenance.Derived(
            Units.format(p, Dimension.RATIO)
                + " quantile of "
                + what
                + " over "
                + k.draws()
                + " draws (x(ceil(p n)), Hyndman-Fan 1)",
            List.of(
                "seed = " + seed,
                "censored draws = " + k.censored(),
                "median = " + Units.format(k.median(), 6) + "x")));
  }

  private String drawnNote(Sampled s) {
    List<String> drawn = new ArrayList<>();
    for (Map.Entry<String, Range> e : s.draws.base().ranges().entrySet()) {
      if (s.draws.keys().contains(e.getKey())) {
        drawn.add(e.getKey() + " uniform over " + e.getValue().text());
      }
    }
    for (String c : s.capacities.drawn()) {
      drawn.add(c + "'s capacity from its USL fit's covariance");
    }
    return "break ranges: "
        + Units.format(LEVEL, Dimension.RATIO)
        + " intervals over "
        + draws
        + " draws (seed "
        + seed
        + ") of "
        + String.join(", ", drawn)
        + "; today's plan is applied to every draw as it is; dates at each draw's own growth";
  }

  private static String label(Breakpoint b) {
    return b.kind().id() + (b.component().isEmpty() ? "" : " (" + b.component() + ")");
  }

  private static Roadmap with(
      Roadmap base, List<RoadmapStep> steps, List<Breakpoint> first, List<String> notes) {
    return new Roadmap(
        base.system(),
        base.today(),
        base.todaySource(),
        base.monthlyGrowth(),
        base.to(),
        base.target(),
        steps,
        first,
        notes);
  }
}
