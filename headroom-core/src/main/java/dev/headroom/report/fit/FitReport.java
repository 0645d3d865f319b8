package dev.headroom.report.fit;

import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code headroom fit} shows: the files read, the steps they hold (one per concurrency
 * level, sorted by concurrency), the fitted model, warnings from the readers and the predictions
 * asked for. Immutable; renderers read it and compute nothing.
 */
public record FitReport(
    List<LoadTest> inputs,
    List<Step> steps,
    UslModel model,
    List<String> warnings,
    List<FitPrediction> predictions) {

  public FitReport {
    inputs = List.copyOf(inputs);
    steps = List.copyOf(steps);
    Objects.requireNonNull(model, "model");
    warnings = List.copyOf(warnings);
    predictions = List.copyOf(predictions);
  }

  /**
   * Fits the USL to every step of every input (several files, one per concurrency step, make one
   * curve) and answers the questions: throughput, band and latency at each concurrency in {@code
   * atConcurrency}; concurrency and latency at each throughput in {@code atThroughput}.
   */
  public static FitReport of(
      List<LoadTest> inputs, List<Double> atConcurrency, List<Double> atThroughput) {
    List<String> names = new ArrayList<>();
    inputs.forEach(t -> names.add(t.source()));
    LoadTestCurve curve = LoadTestCurve.of(inputs, names);
    List<Step> steps = curve.steps();
    List<String> warnings = new ArrayList<>(curve.warnings());
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
    return new FitReport(inputs, steps, model, warnings, predictions);
  }
}
