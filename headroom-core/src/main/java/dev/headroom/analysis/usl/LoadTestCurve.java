package dev.headroom.analysis.usl;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.RunContext;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.BadInputException;
import dev.headroom.model.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Load-test results combined into one throughput curve, the one way {@code headroom fit} and a
 * component's {@code capacity: { from: … }} in {@code advise} read them: every step of every input
 * (several files, one per concurrency level, make one curve), sorted by concurrency; the readers'
 * warnings said once each with the inputs that gave them; skipped records counted per input.
 *
 * @param steps every step, sorted by concurrency
 * @param warnings the readers' warnings and skipped-record counts, each naming its inputs
 * @param formats the formats read, by id
 */
public record LoadTestCurve(List<Step> steps, List<String> warnings, List<String> formats) {

  public LoadTestCurve {
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    formats = List.copyOf(formats);
  }

  /**
   * Combines {@code tests}, each named in messages by the same position of {@code names} (a path
   * relative to the system file, or the file as given on the command line).
   */
  public static LoadTestCurve of(List<LoadTest> tests, List<String> names) {
    if (tests.size() != names.size()) {
      throw new IllegalArgumentException(
          tests.size() + " load tests but " + names.size() + " names");
    }
    List<Step> steps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> skippedRecords = new ArrayList<>();
    TreeSet<String> formats = new TreeSet<>();
    // a reader's warning is usually the same for every file of a run: say it once, with a count
    Map<String, List<String>> inputsByWarning = new LinkedHashMap<>();
    for (int i = 0; i < tests.size(); i++) {
      LoadTest t = tests.get(i);
      String name = names.get(i);
      steps.addAll(t.steps());
      formats.add(t.format().id());
      t.warnings()
          .forEach(w -> inputsByWarning.computeIfAbsent(w, k -> new ArrayList<>()).add(name));
      long skipped = t.skipped().count();
      if (skipped > 0) {
        skippedRecords.add(
            name
                + ": skipped "
                + skipped
                + (skipped == 1 ? " record" : " records")
                + " that could not be read"
                + (t.skipped().examples().isEmpty()
                    ? ""
                    : " (" + String.join("; ", t.skipped().examples()) + ")"));
      }
    }
    inputsByWarning.forEach(
        (w, inputs) ->
            warnings.add(
                inputs.get(0)
                    + (inputs.size() == 1 ? "" : " and " + (inputs.size() - 1) + " more files")
                    + ": "
                    + w));
    warnings.addAll(skippedRecords);
    warnings.addAll(unrelated(tests, names));
    steps.sort(Comparator.comparingDouble(Step::concurrency));
    return new LoadTestCurve(steps, warnings, List.copyOf(formats));
  }

  /**
   * Files started further apart than this are not one sweep: a curve's steps are made in one
   * session, against one deployment, and a day apart the system under test has usually changed (a
   * release, the data, the neighbours on a shared host), so the steps measure different systems.
   */
  public static final Duration MAX_START_SPREAD = Duration.ofHours(24);

  /**
   * Warnings for files that do not look like one run or one sweep: different tools (which measure
   * throughput and latency differently: at the request's start or end, with or without connection
   * set-up), different targets, or starts more than {@link #MAX_START_SPREAD} apart. Each names
   * every file with its value; a file whose format records no target or start is left out of that
   * comparison.
   */
  static List<String> unrelated(List<LoadTest> tests, List<String> names) {
    List<String> out = new ArrayList<>();
    if (tests.size() < 2) {
      return out;
    }
    Map<String, List<String>> byTool = new LinkedHashMap<>();
    Map<String, List<String>> byTarget = new LinkedHashMap<>();
    Instant first = null;
    Instant last = null;
    List<String> starts = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      LoadTest t = tests.get(i);
      // the tool, not how it was saved: "k6 (handleSummary)" and "k6 (--summary-export)" are one
      String tool = t.producer().replaceAll(" \\(.*\\)$", "");
      byTool.computeIfAbsent(tool, k -> new ArrayList<>()).add(names.get(i));
      RunContext c = t.context();
      if (c.target() != null) {
        byTarget.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(names.get(i));
      }
      if (c.start() != null) {
        first = first == null || c.start().isBefore(first) ? c.start() : first;
        last = last == null || c.start().isAfter(last) ? c.start() : last;
        starts.add(names.get(i) + " " + c.start().truncatedTo(ChronoUnit.SECONDS));
      }
    }
    if (byTool.size() > 1) {
      out.add(
          "the files come from different tools or tool versions ("
              + grouped(byTool)
              + "): tools time requests differently (from the send or from the connect, stamped at"
              + " the start or the end), so their steps are not one curve unless they are one"
              + " sweep of one system");
    }
    if (byTarget.size() > 1) {
      out.add(
          "the files measured different targets ("
              + grouped(byTarget)
              + "): steps from different servers are not one throughput curve");
    }
    if (first != null && Duration.between(first, last).compareTo(MAX_START_SPREAD) > 0) {
      out.add(
          "the files were started "
              + Units.format(Duration.between(first, last).toMinutes() / 60.0 / 24.0, 3)
              + " days apart ("
              + String.join(", ", starts)
              + "), more than "
              + MAX_START_SPREAD.toHours()
              + " h: the system under test has likely changed between them, so their steps may"
              + " measure different systems");
    }
    return out;
  }

  /** "value: file, file; value: file" for a warning. */
  private static String grouped(Map<String, List<String>> byValue) {
    List<String> parts = new ArrayList<>();
    byValue.forEach((v, files) -> parts.add(v + ": " + String.join(", ", files)));
    return String.join("; ", parts);
  }

  /**
   * Fewer requests than this make a step too sparse to fit: below 20 samples the p95 is the
   * maximum, and the throughput of a ramp level that held a handful of requests is noise (issue 9:
   * a Gatling ramp gave 58 such levels and a fit with R² 0.06).
   */
  public static final int MIN_STEADY_REQUESTS = 20;

  /**
   * A step shorter than this many mean response times is too short to be steady: the requests in
   * flight at its edges are a large share of it, so X = completions / time misstates the rate (a
   * ramp level of a few milliseconds at 220 ms responses read as 115/s at one thread).
   */
  public static final double MIN_STEADY_RESPONSE_TIMES = 5;

  /** Steps listed by name in the dropped-steps warning before the rest are only counted. */
  private static final int LISTED = 8;

  /**
   * This curve without the steps too sparse or too short to be a steady measurement (fewer than
   * {@value #MIN_STEADY_REQUESTS} requests, or shorter than {@value #MIN_STEADY_RESPONSE_TIMES}
   * mean response times), with a warning naming them. Steps without counts (a concurrency,
   * throughput CSV) cannot be judged and are kept.
   */
  public LoadTestCurve steady() {
    List<Step> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Step s : steps) {
      String why = unsteady(s);
      if (why == null) {
        kept.add(s);
      } else {
        dropped.add("N = " + Units.format(s.concurrency(), 6) + " (" + why + ")");
      }
    }
    if (dropped.isEmpty()) {
      return this;
    }
    List<String> w = new ArrayList<>(warnings);
    w.add(
        "dropped "
            + dropped.size()
            + " of "
            + steps.size()
            + (steps.size() == 1 ? " step" : " steps")
            + " too sparse or too short to be steady (fewer than "
            + MIN_STEADY_REQUESTS
            + " requests, or shorter than "
            + Units.format(MIN_STEADY_RESPONSE_TIMES, 3)
            + " mean response times; a ramp's levels are like this): "
            + String.join("; ", dropped.subList(0, Math.min(LISTED, dropped.size())))
            + (dropped.size() > LISTED ? "; and " + (dropped.size() - LISTED) + " more" : ""));
    return new LoadTestCurve(kept, w, formats);
  }

  /** Why {@code s} is not steady, or null when it is (or cannot be judged). */
  private static String unsteady(Step s) {
    if (s.requests() == 0 && s.durationSeconds() == 0) {
      return null;
    }
    if (s.requests() < MIN_STEADY_REQUESTS) {
      return s.requests() + (s.requests() == 1 ? " request" : " requests");
    }
    Double mean = s.latency() == null ? null : s.latency().meanMs();
    if (mean != null && s.durationSeconds() * 1000 < MIN_STEADY_RESPONSE_TIMES * mean) {
      return Units.format(s.durationSeconds() * 1000, 4)
          + " ms at a mean response time of "
          + Units.format(mean, 4)
          + " ms";
    }
    return null;
  }

  /** Distinct concurrency levels measured. */
  public int levels() {
    TreeSet<Double> levels = new TreeSet<>();
    steps.forEach(s -> levels.add(s.concurrency()));
    return levels.size();
  }

  /** The curve's points, (concurrency, throughput) per step. */
  public List<UslPoint> points() {
    List<UslPoint> points = new ArrayList<>();
    for (Step s : steps) {
      points.add(new UslPoint(s.concurrency(), s.throughput()));
    }
    return points;
  }

  /**
   * The Universal Scalability Law fitted to the curve at the default confidence level.
   *
   * @param source what the model was fitted to, for its provenance and messages
   * @throws BadInputException when the points cannot be fitted (too few levels, degenerate data)
   */
  public UslModel fit(String source) {
    Objects.requireNonNull(source, "source");
    return UslFitter.fit(points(), UslFitter.DEFAULT_CONFIDENCE_LEVEL, source);
  }
}
