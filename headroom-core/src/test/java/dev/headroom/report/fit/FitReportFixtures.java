package dev.headroom.report.fit;

import dev.headroom.analysis.run.Slo;
import dev.headroom.ingest.loadtest.ConcurrencyOrigin;
import dev.headroom.ingest.loadtest.LoadModel;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import dev.headroom.ingest.loadtest.SkippedRecords;
import dev.headroom.ingest.loadtest.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports built from real files through the reader registry, with relative paths so output is
 * portable.
 */
final class FitReportFixtures {
  private FitReportFixtures() {}

  static LoadTest read(String resource) {
    return LoadTestFiles.read(
        Path.of("src/test/resources/" + resource), null, ReadOptions.DEFAULTS);
  }

  /**
   * Schwartz's Cisco benchmark (32 steps), with a prediction at 64, and at 12000/s and 20000/s
   * (unreachable).
   */
  static FitReport cisco() {
    return FitReport.of(
        List.of(read("usl/cisco_schwartz.csv")),
        List.of(20.0, 64.0, 100.0),
        List.of(12000.0, 20000.0));
  }

  /** Isilon SPEC SFS2008 (throughput, response time in s, concurrency): steps with latency. */
  static FitReport isilon() {
    return FitReport.of(List.of(read("usl/isilon_schwartz.csv")), List.of(), List.of(200000.0));
  }

  /**
   * A real Gatling 3.10.5 run of six steady user levels, with objectives p95 ≤ 120 ms (crossed
   * between the first two steps) and p99 ≤ 130 ms, a prediction at 8 users and one at 50/s.
   */
  static FitReport gatlingWithSlo() {
    return FitReport.of(
        List.of(read("gatling/gatling-3.10.5-simulation.log")),
        List.of(8.0),
        List.of(50.0),
        List.of(new Slo(Slo.Percentile.P95, 120), new Slo(Slo.Percentile.P99, 130)));
  }

  /** The ray tracer: κ held at its bound 0. */
  static FitReport raytracer() {
    return FitReport.of(List.of(read("usl/raytracer.csv")), List.of(96.0), List.of());
  }

  /** Exactly linear data, X = 10N: σ and κ both held at 0, no peak, no Amdahl limit. */
  static FitReport linear() {
    List<Step> steps = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      steps.add(new Step(n, ConcurrencyOrigin.INPUT, 0, 0, 0, 10.0 * n, null));
    }
    LoadTest t =
        new LoadTest(
            "linear.csv",
            LoadTestFormat.PLAIN_CSV,
            null,
            LoadModel.UNKNOWN,
            steps,
            List.of(),
            SkippedRecords.NONE);
    return FitReport.of(List.of(t), List.of(4.0), List.of(50.0));
  }

  /** Three points: the curve passes through them, so there are no standard errors. */
  static FitReport threePoints() {
    return FitReport.of(
        List.of(read("usl/specsdm91.csv")).stream()
            .map(
                t ->
                    new LoadTest(
                        t.source(),
                        t.format(),
                        t.producer(),
                        t.loadModel(),
                        t.steps().subList(0, 3),
                        t.warnings(),
                        t.skipped()))
            .toList(),
        List.of(),
        List.of());
  }

  /** The objectives the single-run goldens judge: p95 ≤ 300 ms and p99 ≤ 1 s. */
  static final List<Slo> SLOS =
      List.of(new Slo(Slo.Percentile.P95, 300), new Slo(Slo.Percentile.P99, 1000));

  /** A k6 summary export (one step for the whole run, concurrency from the vus gauge). */
  static FitReport k6Single() {
    return FitReport.of(List.of(read("k6/k6-summary-export.json")), List.of(), List.of(), SLOS);
  }

  /** A wrk run with --latency (no p95: that objective cannot be judged). */
  static FitReport wrkSingle() {
    return FitReport.of(List.of(read("formats/wrk-latency.txt")), List.of(), List.of(), SLOS);
  }

  /** Two ab runs at -c 1 and -c 4: two levels, still too few for the USL. */
  static FitReport abTwoLevels() {
    return FitReport.of(
        List.of(read("formats/ab-c1.txt"), read("formats/ab-c4.txt")), List.of(), List.of(), SLOS);
  }
}
