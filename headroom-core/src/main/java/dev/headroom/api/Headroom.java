package dev.headroom.api;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import dev.headroom.report.fit.FitRenderer;
import dev.headroom.report.fit.FitReport;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * headroom's entry points as calls: assess a system (at today's load or a multiple of it), fit load
 * tests, render either. Bad input throws {@link BadInputException} with every problem and its
 * position; nothing here prints or exits.
 *
 * <pre>{@code
 * Advice at3x = Headroom.advise(Path.of("system.yaml"), 3);
 * double instances = at3x.capacity().item("app_instances_today").orElseThrow().value().value();
 * }</pre>
 */
public final class Headroom {

  private Headroom() {}

  /** The assessment of {@code systemFile} at today's load ({@code headroom advise FILE}). */
  public static Advice advise(Path systemFile) {
    return advise(systemFile, 1);
  }

  /**
   * The assessment at {@code loadMultiple} times today's load with the components the system has
   * now ({@code headroom advise FILE --load 3x}); load tests it names resolve beside it.
   */
  public static Advice advise(Path systemFile, double loadMultiple) {
    return Advisor.advise(
        SystemFileReader.read(systemFile),
        systemFile.toAbsolutePath().getParent(),
        multiple(loadMultiple));
  }

  /**
   * The assessment of a system file read from {@code in} (named {@code name} in messages), with
   * load tests resolved against {@code baseDir}.
   */
  public static Advice advise(InputStream in, String name, Path baseDir, double loadMultiple) {
    SystemSpec spec = SystemFileReader.read(in, name);
    return Advisor.advise(spec, baseDir.toAbsolutePath(), multiple(loadMultiple));
  }

  /**
   * The Universal Scalability Law fitted to load-test results ({@code headroom fit FILES}); with
   * fewer than 3 steady concurrency levels the report has no model but a reason and a summary of
   * each step ({@link FitReport#summaries()}).
   */
  public static FitReport fit(List<Path> files) {
    List<LoadTest> tests = LoadTestFiles.readAll(files, null, ReadOptions.DEFAULTS);
    return FitReport.of(tests, List.of(), List.of());
  }

  /** The assessment as text, Markdown or JSON, as {@code headroom advise -f} writes it. */
  public static String render(Advice advice, OutputFormat format) {
    return AdviceRenderer.of(format).render(advice);
  }

  /** The fit as text, Markdown or JSON, as {@code headroom fit -f} writes it. */
  public static String render(FitReport fit, OutputFormat format) {
    return FitRenderer.render(fit, format);
  }

  private static Figure multiple(double loadMultiple) {
    if (!(loadMultiple > 0) || !Double.isFinite(loadMultiple)) {
      throw new IllegalArgumentException(
          "a load multiple is a positive number such as 3 (for 3x), got " + loadMultiple);
    }
    return new Figure(
        loadMultiple,
        Dimension.MULTIPLIER,
        new Provenance.Declared("load multiple given by the caller"));
  }
}
