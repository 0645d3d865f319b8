package dev.headroom.analysis.run;

import dev.headroom.analysis.usl.UslModel;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The highest throughput that keeps a latency percentile within its objective ({@code fit --slo
 * p95=300ms} on a curve), answered twice:
 *
 * <ul>
 *   <li><b>measured</b>: from the steps' own percentiles, sorted by concurrency. The candidates are
 *       every step within the limit and, where the percentile crosses the limit from one step to
 *       the next, the crossing, interpolated linearly in N (percentile and throughput alike); the
 *       answer is the candidate with the highest throughput, and says which it is. If the highest
 *       step is still within the limit, its throughput is a lower bound; if no step is, there is no
 *       answer.
 *   <li><b>model</b>: the USL gives N / X(N) = (1 + σ(N−1) + κN(N−1)) / λ, which is the mean
 *       response time plus the think time Z between a response and the next request (the
 *       interactive response time law R = N/X − Z, Denning and Buzen 1978; Z = 0 for a tool that
 *       sends at once, and estimated as the median of N/X − R over the steps). A percentile is not
 *       a mean, so the limit is turned into a mean with the measured ratio k = percentile / mean
 *       (the median over the steps that report both, assumed to hold at every load): R ≤ r = limit
 *       / k. The concurrency where N/X reaches r + Z is the positive root of κN² + (σ − κ)N + (1 −
 *       σ − (r + Z)λ) = 0 ({@link UslModel#concurrencyAtLatency}); throughput rises only up to the
 *       peak N*, so the answer is X(min(N_r, N*)).
 * </ul>
 *
 * @param slo the objective
 * @param measured from the measured steps
 * @param model from the fitted curve
 */
public record SloThroughput(Slo slo, Answer measured, Answer model) {

  public SloThroughput {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(model, "model");
  }

  /**
   * One answer.
   *
   * @param throughput the highest throughput within the objective (per second), null when there is
   *     none
   * @param concurrency the concurrency it is reached at, null with no throughput
   * @param note how it was obtained, or why there is no answer
   * @param bound whether the throughput is only a lower bound (every measured step met the
   *     objective, so the highest one that does was not found)
   */
  public record Answer(Figure throughput, Double concurrency, String note, boolean bound) {
    public Answer {
      Objects.requireNonNull(note, "note");
      if ((throughput == null) != (concurrency == null)) {
        throw new IllegalArgumentException(
            "an answer has a concurrency exactly when it has a rate");
      }
      if (concurrency != null && (!(concurrency > 0) || !Double.isFinite(concurrency))) {
        throw new IllegalArgumentException("concurrency must be above 0, got " + concurrency);
      }
    }

    static Answer none(String why) {
      return new Answer(null, null, why, false);
    }
  }

  /**
   * Answers {@code slo} on {@code steps} (any order) and {@code model}.
   *
   * @param source what the steps were read from, for the measured figure's provenance
   */
  public static SloThroughput of(Slo slo, List<Step> steps, UslModel model, String source) {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(model, "model");
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort((a, b) -> Double.compare(a.concurrency(), b.concurrency()));
    return new SloThroughput(slo, measured(slo, sorted, source), modelled(slo, sorted, model));
  }

  private static Answer measured(Slo slo, List<Step> steps, String source) {
    String p = slo.percentile().id();
    String limit = Units.format(slo.limitMs(), 4) + " ms";
    List<Step> known = new ArrayList<>();
    for (Step s : steps) {
      if (slo.percentile().of(s.latency()) != null) {
        known.add(s);
      }
    }
    if (known.isEmpty()) {
      return Answer.none("no step reports " + p);
    }
    // candidates: every step within the limit, and every crossing from a step within it to the
    // next step past it; the answer is the one with the highest throughput (a percentile measured
    // on few requests is noisy, so a step past the limit may sit between steps within it)
    Answer best = null;
    double bestX = -1;
    List<String> over = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      Step s = known.get(i);
      double v = slo.percentile().of(s.latency());
      if (v > slo.limitMs()) {
        continue;
      }
      boolean last = i == known.size() - 1;
      if (s.throughput() > bestX) {
        bestX = s.throughput();
        best =
            new Answer(
                new Figure(
                    s.throughput(),
                    Dimension.RATE,
                    new Provenance.Derived(
                        "the measured step with the highest throughput within the limit",
                        List.of("N = " + Units.format(s.concurrency(), 6) + " in " + source))),
                s.concurrency(),
                last
                    ? "the highest measured step meets "
                        + p
                        + " ≤ "
                        + limit
                        + " ("
                        + Units.format(v, 4)
                        + " ms): at least its throughput"
                    : "the measured step with the highest throughput within the limit ("
                        + p
                        + " "
                        + Units.format(v, 4)
                        + " ms)",
                last);
      }
      if (last) {
        continue;
      }
      Step next = known.get(i + 1);
      double v1 = slo.percentile().of(next.latency());
      if (v1 <= slo.limitMs()) {
        continue;
      }
      double f = (slo.limitMs() - v) / (v1 - v);
      double n = s.concurrency() + f * (next.concurrency() - s.concurrency());
      double x = s.throughput() + f * (next.throughput() - s.throughput());
      if (x > bestX) {
        String between =
            "N = "
                + Units.format(s.concurrency(), 6)
                + " ("
                + p
                + " "
                + Units.format(v, 4)
                + " ms, "
                + Units.format(s.throughput(), 6)
                + "/s) and N = "
                + Units.format(next.concurrency(), 6)
                + " ("
                + p
                + " "
                + Units.format(v1, 4)
                + " ms, "
                + Units.format(next.throughput(), 6)
                + "/s)";
        bestX = x;
        best =
            new Answer(
                new Figure(
                    x,
                    Dimension.RATE,
                    new Provenance.Derived(
                        "linear interpolation in N between a step within the limit and the next"
                            + " step past it, at "
                            + p
                            + " = "
                            + limit,
                        List.of(between + " in " + source))),
                n,
                "interpolated between " + between,
                false);
      }
    }
    if (best == null) {
      Step lowest = known.get(0);
      return Answer.none(
          "no measured step meets "
              + p
              + " ≤ "
              + limit
              + ": at the lowest, N = "
              + Units.format(lowest.concurrency(), 6)
              + ", "
              + p
              + " is "
              + Units.format(slo.percentile().of(lowest.latency()), 4)
              + " ms");
    }
    for (Step s : known) {
      if (s.concurrency() < best.concurrency()
          && slo.percentile().of(s.latency()) > slo.limitMs()) {
        over.add("N = " + Units.format(s.concurrency(), 6));
      }
    }
    if (!over.isEmpty()) {
      // a step past the limit below the answer: the percentile is not monotonic in N
      return new Answer(
          best.throughput(),
          best.concurrency(),
          best.note()
              + "; "
              + p
              + " is past the limit at "
              + String.join(", ", over)
              + " but within it at higher load: a noisy percentile (few requests per step?)",
          best.bound());
    }
    return best;
  }

  private static Answer modelled(Slo slo, List<Step> steps, UslModel model) {
    String p = slo.percentile().id();
    List<Double> ratios = new ArrayList<>();
    for (Step s : steps) {
      LatencySummary l = s.latency();
      Double v = slo.percentile().of(l);
      if (v != null && l.meanMs() != null && l.meanMs() > 0) {
        ratios.add(v / l.meanMs());
      }
    }
    if (ratios.isEmpty()) {
      return Answer.none(
          "no step reports both "
              + p
              + " and the mean response time, so the model's mean R = N/X cannot be related to "
              + p);
    }
    double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double k = median(r);
    double meanLimitSeconds = slo.limitMs() / k / 1000;
    // Z: the time a virtual user spends between a response and its next request (pauses, think
    // time, client work); N/X counts it, a response time does not, so R = N/X − Z, and the
    // model's N/X is held to r + Z. The median over the steps, never below 0.
    double z = thinkSeconds(steps);
    String ratio =
        p
            + "/mean = "
            + Units.format(k, 4)
            + " (median of "
            + r.length
            + (r.length == 1 ? " step" : " steps")
            + (r.length > 1
                ? ", from " + Units.format(r[0], 4) + " to " + Units.format(r[r.length - 1], 4)
                : "")
            + ")";
    String think = "Z = " + Units.format(z * 1000, 4) + " ms";
    double atOne = 1 / model.lambda() - z;
    if (meanLimitSeconds < atOne) {
      return Answer.none(
          "the limit as a mean, "
              + Units.format(meanLimitSeconds * 1000, 4)
              + " ms with "
              + ratio
              + ", is below the model's response time at N = 1, 1/λ − Z = "
              + Units.format(atOne * 1000, 4)
              + " ms ("
              + think
              + ")");
    }
    double n;
    try {
      n = model.concurrencyAtLatency(meanLimitSeconds + z);
    } catch (IllegalArgumentException e) {
      // σ = κ = 0: latency is 1/λ at every load and no concurrency reaches the limit
      return Answer.none(e.getMessage() + ": the model sets no limit on throughput");
    }
    double peak = model.peakConcurrency();
    boolean pastPeak = n > peak;
    double atN = pastPeak ? peak : n;
    double x = model.throughputAt(atN);
    String formula =
        pastPeak
            ? "X(N*): the mean limit is reached only past the peak N*, where throughput already"
                + " falls"
            : "X(N_r), N_r the root of κN² + (σ − κ)N + (1 − σ − (r + Z)λ) = 0: the USL's N/X"
                + " = r + Z, r = limit / k";
    List<String> inputs =
        List.of(
            "limit " + p + " = " + Units.format(slo.limitMs(), 4) + " ms",
            "k = " + ratio,
            "r = " + Units.format(meanLimitSeconds * 1000, 4) + " ms",
            think + " (median of N/X − mean R over the steps)",
            "σ = " + Units.format(model.sigma(), 4),
            "κ = " + Units.format(model.kappa(), 4),
            "λ = " + Units.format(model.lambda(), 6) + "/s");
    String note =
        "mean response time R = N/X − Z held to "
            + Units.format(meanLimitSeconds * 1000, 4)
            + " ms, the limit over "
            + ratio
            + ", both assumed to hold at every load, "
            + think
            + " the steps' median time between a response and the next request"
            + (pastPeak ? "; the limit allows more than the peak, so the answer is X(N*)" : "")
            + (model.isExtrapolation(atN)
                ? "; N = " + Units.format(atN, 4) + " is an extrapolation beyond the measured range"
                : "");
    return new Answer(
        new Figure(x, Dimension.RATE, new Provenance.Derived(formula, inputs)), atN, note, false);
  }

  /**
   * The think time Z of a closed-loop run, in seconds: the time a virtual user spends between a
   * response and its next request, from the interactive response time law R = N/X − Z (Denning and
   * Buzen 1978) read backwards, N/X − R per step with a mean response time, the median over those
   * steps, never below 0 (0 when no step has one).
   */
  public static double thinkSeconds(List<Step> steps) {
    List<Double> thinks = new ArrayList<>();
    for (Step s : steps) {
      LatencySummary l = s.latency();
      if (l != null && l.meanMs() != null && s.throughput() > 0) {
        thinks.add(s.concurrency() / s.throughput() - l.meanMs() / 1000);
      }
    }
    if (thinks.isEmpty()) {
      return 0;
    }
    return Math.max(0, median(thinks.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
  }

  private static double median(double[] sorted) {
    double[] s = Arrays.copyOf(sorted, sorted.length);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
