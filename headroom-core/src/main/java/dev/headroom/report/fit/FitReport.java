package dev.headroom.report.fit;

import dev.headroom.analysis.run.Slo;
import dev.headroom.analysis.run.SloThroughput;
import dev.headroom.analysis.run.StepSummary;
import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code headroom fit} shows: the files read, the steps they hold (one per concurrency
 * level, sorted by concurrency), the fitted model, warnings from the readers and the predictions
 * asked for. With fewer concurrency levels than the USL needs ({@link UslFitter#MIN_POINTS}) there
 * is no model: {@code reason} says why and {@code summaries} read each step on its own. Immutable;
 * renderers read it and compute nothing.
 *
 * @param model the fitted curve, null when there are too few levels for one
 * @param reason why there is no model, null when there is one
 * @param summaries one per step when there is no model, else empty
 * @param slos the objectives asked for ({@code --slo}), judged in the summaries
 * @param sloThroughputs with a model, the highest throughput within each objective (measured and
 *     from the model), in the order of {@code slos}; empty without a model
 */
public record FitReport(
    List<LoadTest> inputs,
    List<Step> steps,
    UslModel model,
    String reason,
    List<StepSummary> summaries,
    List<Slo> slos,
    List<SloThroughput> sloThroughputs,
    List<String> warnings,
    List<FitPrediction> predictions) {

  public FitReport {
    inputs = List.copyOf(inputs);
    steps = List.copyOf(steps);
    if ((model == null) == (reason == null)) {
      throw new IllegalArgumentException("a report has a model or the reason it has none");
    }
    summaries = List.copyOf(summaries);
    slos = List.copyOf(slos);
    sloThroughputs = List.copyOf(sloThroughputs);
    warnings = List.copyOf(warnings);
    predictions = List.copyOf(predictions);
  }

  /**
   * Below this R² the report draws no conclusion from the coefficients (which cost dominates, what
   * to change). R² is descriptive only for a nonlinear fit (docs/fit.md), but a curve that leaves
   * more than a fifth of the variance unexplained is not describing the system.
   */
  public static final double MIN_R_SQUARED = 0.8;

  /** Whether the fit explains enough of the data to draw conclusions from its coefficients. */
  public boolean conclusive() {
    return model != null && model.rSquared() >= MIN_R_SQUARED;
  }

  /** {@link #of(List, List, List, List)} with no objectives. */
  public static FitReport of(
      List<LoadTest> inputs, List<Double> atConcurrency, List<Double> atThroughput) {
    return of(inputs, atConcurrency, atThroughput, List.of());
  }

  /**
   * Fits the USL to every step of every input (several files, one per concurrency step, make one
   * curve) and answers the questions: throughput, band and latency at each concurrency in {@code
   * atConcurrency}; concurrency and latency at each throughput in {@code atThroughput}.
   */
  public static FitReport of(
      List<LoadTest> inputs,
      List<Double> atConcurrency,
      List<Double> atThroughput,
      List<Slo> slos) {
    List<String> names = new ArrayList<>();
    inputs.forEach(t -> names.add(t.source()));
    LoadTestCurve all = LoadTestCurve.of(inputs, names);
    if (all.levels() < UslFitter.MIN_POINTS && all.levels() > 0) {
      return summary(inputs, all, all.levels(), atConcurrency, atThroughput, slos);
    }
    LoadTestCurve curve = all.steady();
    if (curve.levels() < UslFitter.MIN_POINTS) {
      // too few steady levels to fit: read the steady ones (or, with none, every one) on their own
      return summary(
          inputs,
          curve.steps().isEmpty() ? all : curve,
          all.levels(),
          atConcurrency,
          atThroughput,
          slos);
    }
    List<Step> steps = curve.steps();
    List<String> warnings = new ArrayList<>(curve.warnings());
    List<String> littleViolations = new ArrayList<>();
    for (Step s : steps) {
      StepSummary ss = StepSummary.of(s, List.of());
      if (Boolean.FALSE.equals(ss.littlesLawHolds())) {
        littleViolations.add(
            "N = "
                + Units.format(s.concurrency(), 6)
                + " (X·R = "
                + Units.format(ss.littlesLawConcurrency(), 4)
                + ")");
      }
    }
    if (!littleViolations.isEmpty()) {
      warnings.add(
          "X·R > N at "
              + String.join(", ", littleViolations)
              + ": Little's law forbids more requests in flight than the concurrency (allowing "
              + Units.format(StepSummary.LITTLE_TOLERANCE * 100, 2)
              + " % for measurement resolution); these steps are not steady, or their"
              + " throughput, latency or concurrency is misread");
    }
    UslModel model;
    try {
      model = curve.fit(String.join(", ", names));
    } catch (BadInputException e) {
      // say what each input gave and why, so a user can see which file lacked what
      List<InputProblem> problems = new ArrayList<>(e.problems());
      for (LoadTest t : inputs) {
        String origins =
            t.steps().stream()
                .map(st -> st.concurrencyOrigin().name().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        problems.add(
            new InputProblem(
                t.source(),
                0,
                0,
                "",
                t.steps().size()
                    + " step(s) from "
                    + t.format().id()
                    + (origins.isEmpty() ? "" : ", concurrency from " + origins)
                    + (t.warnings().isEmpty() ? "" : "; " + String.join("; ", t.warnings())),
                "several concurrency levels in one file, or one file per level",
                null));
      }
      throw new BadInputException(problems, e);
    }
    List<FitPrediction> predictions = new ArrayList<>();
    for (double n : atConcurrency) {
      predictions.add(
          new FitPrediction(
              FitPrediction.Given.CONCURRENCY, n, model.predictAtConcurrency(n), null));
    }
    for (double x : atThroughput) {
      FitPrediction answer;
      try {
        answer =
            new FitPrediction(
                FitPrediction.Given.THROUGHPUT, x, model.predictAtThroughput(x), null);
      } catch (IllegalArgumentException e) {
        answer = new FitPrediction(FitPrediction.Given.THROUGHPUT, x, null, e.getMessage());
      }
      predictions.add(answer);
    }
    if (model.rSquared() < MIN_R_SQUARED) {
      warnings.add(
          "R² = "
              + Units.fixed(model.rSquared(), 3)
              + " is below "
              + Units.format(MIN_R_SQUARED, 2)
              + ": the curve explains little of the measured throughput, so no conclusion is drawn"
              + " from σ, κ or the peak; measure steady steps at more levels");
    }
    List<SloThroughput> sloThroughputs = new ArrayList<>();
    for (Slo slo : slos) {
      sloThroughputs.add(SloThroughput.of(slo, steps, model, String.join(", ", names)));
    }
    return new FitReport(
        inputs, steps, model, null, List.of(), slos, sloThroughputs, warnings, predictions);
  }

  /**
   * One or two concurrency levels (or one or two steady ones, {@code measuredLevels} in all): too
   * few for the three USL coefficients, so each step is read on its own. A prediction asked for
   * needs a curve, so it is bad input naming the option.
   */
  private static FitReport summary(
      List<LoadTest> inputs,
      LoadTestCurve curve,
      int measuredLevels,
      List<Double> atConcurrency,
      List<Double> atThroughput,
      List<Slo> slos) {
    int levels = curve.levels();
    String reason =
        (levels == measuredLevels
                ? levels
                    + (levels == 1 ? " concurrency level" : " concurrency levels")
                    + " measured"
                : measuredLevels + " concurrency levels measured, " + levels + " of them steady")
            + "; the Universal Scalability Law needs at least "
            + UslFitter.MIN_POINTS
            + " distinct levels to fit σ, κ and λ (6 or more for a fit worth trusting)";
    List<InputProblem> problems = new ArrayList<>();
    String files = String.join(", ", inputs.stream().map(LoadTest::source).toList());
    if (!atConcurrency.isEmpty()) {
      problems.add(
          new InputProblem(
              files,
              0,
              0,
              "--at",
              reason,
              "--at with results from at least " + UslFitter.MIN_POINTS + " concurrency levels",
              null));
    }
    if (!atThroughput.isEmpty()) {
      problems.add(
          new InputProblem(
              files,
              0,
              0,
              "--throughput",
              reason,
              "--throughput with results from at least "
                  + UslFitter.MIN_POINTS
                  + " concurrency levels",
              null));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    List<StepSummary> summaries = new ArrayList<>();
    for (Step s : curve.steps()) {
      summaries.add(StepSummary.of(s, slos));
    }
    return new FitReport(
        inputs,
        curve.steps(),
        null,
        reason,
        summaries,
        slos,
        List.of(),
        curve.warnings(),
        List.of());
  }
}
