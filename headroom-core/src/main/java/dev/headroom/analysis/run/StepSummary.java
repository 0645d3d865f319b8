package dev.headroom.analysis.run;

import dev.headroom.analysis.queueing.LittlesLaw;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One step of a run read on its own: what it measured, what the operational laws derive from it,
 * its service-level objectives judged, and which concurrency levels to measure next for a curve.
 * Every derived figure is computed here once; renderers only print it.
 *
 * @param step the step as the reader gave it
 * @param errorRatio errors / requests, null when the input has no request counts (a rate-only CSV)
 * @param responseTimeMs the response time R used by the laws, in ms: the mean when the input has
 *     one, else the median (a stand-in: Little's law is about the mean); null without latency
 * @param responseTimeIsMean whether {@code responseTimeMs} is the mean
 * @param littlesLawConcurrency N = X·R (Little's law, L = λW, computed by {@link LittlesLaw}),
 *     requests in flight implied by the throughput and response time; null without latency
 * @param littlesLawHolds whether X·R ≤ N·(1 + {@value #LITTLE_TOLERANCE}) for a concurrency that
 *     was configured or measured; null when N itself came from Little's law or there is no latency
 * @param thinkTimeMs Z = N/X − R (the interactive response time law, R = N/X − Z; Denning and Buzen
 *     1978): time per cycle that a virtual user spends outside the system (think time, pacing,
 *     generator overhead); null when it cannot be derived or is negative (then Little's law fails)
 * @param bottleneckDemandBoundMs 1/X in ms: by the utilisation law U = X·D ≤ 1 (Denning and Buzen
 *     1978; Jain §33.1), no resource can need more than this per request, or it would be busier
 *     than 100 %
 * @param sloChecks the objectives asked for, judged on this step
 * @param nextLevels the concurrency levels to measure for a curve (1, N/4, N/2, N, 2N, 4N)
 */
public record StepSummary(
    Step step,
    Double errorRatio,
    Double responseTimeMs,
    boolean responseTimeIsMean,
    Double littlesLawConcurrency,
    Boolean littlesLawHolds,
    Double thinkTimeMs,
    Double bottleneckDemandBoundMs,
    List<Slo.Check> sloChecks,
    List<Long> nextLevels) {

  /**
   * Relative slack allowed on X·R ≤ N: readers round means (wrk prints two decimals), derive
   * durations from counts and rates (k6), and count requests that straddle a step's edges, so a few
   * percent above N is measurement resolution, not a broken law.
   */
  public static final double LITTLE_TOLERANCE = 0.05;

  public StepSummary {
    Objects.requireNonNull(step, "step");
    sloChecks = List.copyOf(sloChecks);
    nextLevels = List.copyOf(nextLevels);
  }

  /** Summarises {@code step} and judges each of {@code slos} on it. */
  public static StepSummary of(Step step, List<Slo> slos) {
    boolean counted = step.requests() > 0;
    Double errorRatio = counted ? (double) step.errors() / step.requests() : null;
    LatencySummary lat = step.latency();
    Double r = lat == null ? null : lat.meanMs() != null ? lat.meanMs() : lat.p50Ms();
    boolean isMean = lat != null && lat.meanMs() != null;
    double x = step.throughput();
    double n = step.concurrency();
    Double littleN = r == null ? null : LittlesLaw.fromRateAndTime(x, r / 1000.0).population();
    Boolean holds = null;
    Double think = null;
    if (littleN != null && step.concurrencyOrigin() != ConcurrencyOrigin.LITTLES_LAW) {
      holds = littleN <= n * (1 + LITTLE_TOLERANCE);
      if (x > 0) {
        double z = n / x * 1000.0 - r;
        think = z >= 0 ? z : null;
      }
    }
    Double demandBound = x > 0 ? 1000.0 / x : null;
    List<Slo.Check> checks = new ArrayList<>();
    for (Slo s : slos) {
      checks.add(Slo.Check.of(s, lat));
    }
    return new StepSummary(
        step, errorRatio, r, isMean, littleN, holds, think, demandBound, checks, nextLevels(n));
  }

  /**
   * Levels around the one measured, from 1 to four times it: a USL fit needs at least 3 distinct
   * levels and 6 to be worth trusting, spread from 1 to past the peak (Schwartz 2015), and the
   * measured level is the only hint of where that is.
   */
  static List<Long> nextLevels(double n) {
    TreeSet<Long> levels = new TreeSet<>();
    for (double f : new double[] {0, 0.25, 0.5, 1, 2, 4}) {
      levels.add(f == 0 ? 1L : Math.max(1L, Math.round(n * f)));
    }
    return List.copyOf(levels);
  }
}
