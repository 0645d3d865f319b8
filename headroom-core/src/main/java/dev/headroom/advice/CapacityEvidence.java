package dev.headroom.advice;

import dev.headroom.analysis.SystemView;
import dev.headroom.analysis.capacity.CapacityItem;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.queueing.ArrivalSizing;
import dev.headroom.analysis.queueing.QueueInputException;
import dev.headroom.analysis.queueing.Sizing;
import dev.headroom.analysis.usl.LoadTestCurve;
import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.ingest.loadtest.Globs;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Component;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.InputProblem;
import dev.headroom.model.Provenance;
import dev.headroom.model.Units;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a component's {@code capacity:} block into a model-based capacity: load-test files ({@code
 * from}, globs relative to the system file) are read with the load-test readers and fitted with the
 * Universal Scalability Law; or a worker pool ({@code service_time}, {@code workers}) is sized as
 * an M/M/c queue against the p95 target. Either replaces the sources' 500 rps placeholder
 * (C5.resolve), with provenance naming the files or the formula.
 */
final class CapacityEvidence {

  private CapacityEvidence() {}

  static Map<String, MeasuredCapacity> load(SystemView view, Path baseDir) {
    Map<String, MeasuredCapacity> out = new LinkedHashMap<>();
    for (Component c : view.spec().components()) {
      if (c.kind() != ComponentKind.APP && c.kind() != ComponentKind.WORKER) {
        continue;
      }
      Figure target = view.fact(c.fact("capacity.p95_target")).orElse(view.p95Target());
      Optional<String> from = c.setting("capacity.from");
      if (from.isPresent()) {
        out.put(c.name(), fromLoadTests(view, c, from.get(), baseDir, target));
        continue;
      }
      Optional<Figure> service = view.fact(c.fact("capacity.service_time"));
      Optional<Figure> workers = view.fact(c.fact("capacity.workers"));
      if (service.isPresent() && workers.isPresent()) {
        out.put(c.name(), fromQueue(c, service.get(), workers.get(), target));
      } else if (service.isPresent() || workers.isPresent()) {
        throw problem(
            c,
            "capacity",
            "only one of service_time and workers",
            "both capacity.service_time and capacity.workers (an M/M/c pool per instance), or capacity.from");
      }
    }
    return out;
  }

  private static MeasuredCapacity fromLoadTests(
      SystemView view, Component c, String globs, Path baseDir, Figure target) {
    List<Path> files = new ArrayList<>();
    // one name per pattern for provenance: a set of files by its pattern and count, since a glob
    // over 10,000 files would otherwise print every name in every figure's source
    List<String> sources = new ArrayList<>();
    for (String glob : Globs.split(globs)) {
      List<Path> matched = resolve(c, glob, baseDir);
      files.addAll(matched);
      sources.add(
          matched.size() == 1
              ? baseDir.relativize(matched.get(0)).toString().replace('\\', '/')
              : glob);
    }
    LoadTestFormat format = null;
    Optional<String> fmt = c.setting("capacity.input_format");
    if (fmt.isPresent()) {
      try {
        format = LoadTestFormat.byId(fmt.get());
      } catch (IllegalArgumentException e) {
        List<String> ids = new ArrayList<>();
        for (LoadTestFormat f : LoadTestFormat.values()) {
          ids.add(f.id());
        }
        throw new BadInputException(
            new InputProblem(
                c.location().file(),
                c.location().line(),
                c.location().column(),
                c.name() + ".capacity.input_format",
                "\"" + fmt.get() + "\"",
                "one of " + String.join(", ", ids),
                Units.Suggest.closest(fmt.get(), ids).orElse(null)));
      }
    }
    ReadOptions options =
        new ReadOptions(view.fact(c.fact("capacity.concurrency")).map(Figure::value).orElse(null));
    List<LoadTest> tests = LoadTestFiles.readAll(files, format, options);
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(baseDir.relativize(f).toString().replace('\\', '/')));
    // the same curve headroom fit draws: unsteady ramp steps dropped (with a warning) when steady
    // ones remain, so a ramp's few-request levels do not set the capacity
    LoadTestCurve all = LoadTestCurve.of(tests, names);
    LoadTestCurve steady = all.steady();
    LoadTestCurve curve = steady.steps().isEmpty() ? all : steady;
    List<Step> steps = curve.steps();
    List<String> warnings = new ArrayList<>(curve.warnings());
    List<String> formats = curve.formats();
    String described =
        String.join(", ", sources)
            + " ("
            + (files.size() == 1 ? "" : files.size() + " files, ")
            + String.join(", ", formats)
            + ")";
    if (steps.isEmpty()) {
      throw problem(
          c,
          "capacity.from",
          "load tests with no usable step (" + described + ")",
          "load-test results with at least one concurrency level");
    }
    String source = "load test " + described;
    int levels = curve.levels();
    UslModel usl = null;
    List<CapacityItem> items = new ArrayList<>();
    if (levels >= UslFitter.MIN_POINTS) {
      usl = curve.fit(source);
      warnings.addAll(usl.warnings());
      String coeffs =
          "sigma = "
              + Units.format(usl.sigma(), 4)
              + ", kappa = "
              + Units.format(usl.kappa(), 4)
              + ", lambda = "
              + Units.format(usl.lambda(), 6)
              + "/s";
      Provenance fit =
          new Provenance.Derived(
              "Universal Scalability Law fit X(N) = lambda N / (1 + sigma (N-1) +"
                  + " kappa N (N-1)) of "
                  + steps.size()
                  + " steps",
              List.of(source, coeffs));
      if (Double.isFinite(usl.maxThroughput())) {
        items.add(
            new CapacityItem(
                c.name() + ".usl_max_throughput",
                c.name() + ": most one instance can take (USL peak X(N*))",
                new Figure(usl.maxThroughput(), Dimension.RATE, fit),
                "C5.resolve"));
      }
      if (Double.isFinite(usl.peakConcurrency())) {
        items.add(
            new CapacityItem(
                c.name() + ".usl_peak_concurrency",
                c.name() + ": concurrency at the peak (USL N*)",
                new Figure(usl.peakConcurrency(), Dimension.NUMBER, fit),
                "C5.resolve"));
      }
    } else {
      warnings.add(
          levels
              + " concurrency level(s) measured: too few for a scalability fit (3 or more);"
              + " the capacity is the measured throughput");
    }
    Figure perInstance =
        withinTarget(steps, target, source)
            .or(fromModel(usl, target, source))
            .orElseThrow(
                () ->
                    problem(
                        c,
                        "capacity.from",
                        "no step whose p95 (or mean) latency is within the "
                            + target.formatted()
                            + " target, and no model to interpolate ("
                            + described
                            + ")",
                        "a load test that includes at least one step within the p95 target"));
    if (usl != null && Double.isFinite(usl.maxThroughput())) {
      items.add(
          new CapacityItem(
              c.name() + ".utilisation_within_slo",
              c.name() + ": utilisation of the peak that keeps p95 within target",
              new Figure(
                  Math.min(1, perInstance.value() / usl.maxThroughput()),
                  Dimension.RATIO,
                  new Provenance.Derived(
                      "capacity within the p95 target / USL peak X(N*)",
                      List.of(
                          "within target = " + perInstance.formatted(),
                          "peak = " + Units.format(usl.maxThroughput(), 6) + "/s"))),
              "C5.resolve"));
    }
    return new MeasuredCapacity(c.name(), perInstance, usl, null, items, warnings);
  }

  /**
   * The highest measured throughput among steps whose p95 (or, without one, mean) is within target.
   */
  private static Optional<Figure> withinTarget(List<Step> steps, Figure target, String source) {
    Step best = null;
    double bestLatency = 0;
    for (Step s : steps) {
      if (s.latency() == null) {
        continue;
      }
      Double l = s.latency().p95Ms() != null ? s.latency().p95Ms() : s.latency().meanMs();
      if (l == null || l / 1000.0 > target.value()) {
        continue;
      }
      if (best == null || s.throughput() > best.throughput()) {
        best = s;
        bestLatency = l;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String which = best.latency().p95Ms() != null ? "p95" : "mean";
    return Optional.of(
        new Figure(
            best.throughput(),
            Dimension.RATE,
            new Provenance.Measured(
                source,
                "highest-throughput step within the p95 target: N = "
                    + Units.format(best.concurrency(), 4)
                    + ", "
                    + which
                    + " "
                    + Units.format(bestLatency, 4)
                    + " ms <= "
                    + target.formatted())));
  }

  /**
   * Without a step within target, the model decides: where the USL's mean latency R = N/X reaches
   * the target (optimistic, since p95 exceeds the mean); or, when even the peak is faster than the
   * target, the peak throughput itself. Either is the most one instance takes; the capacity model
   * plans at the target utilisation of it (P13), since running at the peak leaves nothing for
   * bursts.
   */
  private static java.util.function.Supplier<Optional<Figure>> fromModel(
      UslModel usl, Figure target, String source) {
    return () -> {
      if (usl == null) {
        return Optional.empty();
      }
      double peakN = usl.peakConcurrency();
      if (Double.isFinite(peakN) && target.value() >= usl.latencyAt(peakN)) {
        return Optional.of(
            new Figure(
                usl.maxThroughput(),
                Dimension.RATE,
                new Provenance.Derived(
                    "the USL peak X(N*) (its own latency is within the target)",
                    List.of(source, "peak = " + Units.format(usl.maxThroughput(), 6) + "/s"))));
      }
      try {
        double x = usl.throughputAtLatency(target.value());
        return Optional.of(
            new Figure(
                x,
                Dimension.RATE,
                new Provenance.Derived(
                    "USL throughput where the mean latency N/X reaches the p95 target (optimistic: p95 exceeds the mean)",
                    List.of(source, "target = " + target.formatted()))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    };
  }

  private static MeasuredCapacity fromQueue(
      Component c, Figure service, Figure workers, Figure target) {
    int servers = (int) workers.value();
    ArrivalSizing sizing;
    try {
      sizing = Sizing.maxArrivalRate(service.value(), servers, 0.95, target.value());
    } catch (QueueInputException e) {
      throw problem(
          c,
          "capacity",
          "a pool that cannot meet the p95 target even when idle (" + e.getMessage() + ")",
          "a service time whose p95 (service time x ln 20 for exponential service) is under the target");
    }
    List<String> inputs =
        List.of(
            "service time = " + service.formatted(),
            "workers = " + servers,
            "p95 target = " + target.withKind());
    Figure perInstance =
        new Figure(
            sizing.maxArrivalRate(),
            Dimension.RATE,
            new Provenance.Derived(
                "largest arrival rate with M/M/c response-time p95 <= target (Erlang C)", inputs));
    List<CapacityItem> items =
        List.of(
            new CapacityItem(
                c.name() + ".utilisation_within_slo",
                c.name() + ": worker utilisation that keeps p95 within target",
                new Figure(
                    sizing.queue().utilization(),
                    Dimension.RATIO,
                    new Provenance.Derived(
                        "lambda x S / c at that rate (utilisation law)", inputs)),
                "C5.resolve"));
    return new MeasuredCapacity(
        c.name(),
        perInstance,
        null,
        sizing.queue(),
        items,
        List.of(
            "M/M/c assumes Poisson arrivals and exponential service; bursty traffic or heavy-tailed service"
                + " times make the real p95 worse"));
  }

  private static List<Path> resolve(Component c, String glob, Path baseDir) {
    // the reader checks the syntax with the value's position; this keeps a SystemSpec built in
    // code from ending in InvalidPathException or PatternSyntaxException
    Optional<String> bad = Globs.problem(glob);
    if (bad.isPresent()) {
      throw problem(
          c,
          "capacity.from",
          bad.get(),
          "load-test result files, relative to the system file (globs like loadtests/api-*.jtl)");
    }
    Path pattern;
    try {
      pattern = baseDir.resolve(glob).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw problem(
          c,
          "capacity.from",
          "\"" + glob + "\", which is not a path here (" + e.getReason() + ")",
          "load-test result files, relative to the system file");
    }
    Path dir = pattern.getParent() == null ? baseDir : pattern.getParent();
    String name = pattern.getFileName() == null ? "" : pattern.getFileName().toString();
    List<Path> out = new ArrayList<>();
    if (!Globs.isGlob(name)) {
      if (!Files.isRegularFile(pattern)) {
        throw problem(
            c,
            "capacity.from",
            "\"" + glob + "\", which is not a file (looked in " + dir + ")",
            "load-test result files, relative to the system file (globs like loadtests/api-*.jtl)");
      }
      return List.of(pattern);
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw problem(
          c,
          "capacity.from",
          "\"" + glob + "\" in a directory that cannot be read (" + dir + ")",
          "load-test result files, relative to the system file");
    }
    if (out.isEmpty()) {
      throw problem(
          c,
          "capacity.from",
          "\"" + glob + "\", which matches no file in " + dir,
          "load-test result files, relative to the system file (globs like loadtests/api-*.jtl)");
    }
    out.sort(null);
    return out;
  }

  private static BadInputException problem(Component c, String key, String found, String allowed) {
    return new BadInputException(
        new InputProblem(
            c.location().file(),
            c.location().line(),
            c.location().column(),
            c.name() + "." + key,
            found,
            allowed,
            null));
  }
}
