package dev.headroom.report.fit;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFiles;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.nio.file.Path;
import java.util.List;

/** Reports built from real files through the reader registry, with relative paths so output is portable. */
final class FitReportFixtures {
  private FitReportFixtures() {}

  static LoadTest read(String resource) {
    return LoadTestFiles.read(Path.of("src/test/resources/" + resource), null, ReadOptions.DEFAULTS);
  }

  /** Schwartz's Cisco benchmark (32 steps), with a prediction at 64, and at 12000/s and 20000/s (unreachable). */
  static FitReport cisco() {
    return FitReport.of(List.of(read("usl/cisco_schwartz.csv")), List.of(20.0, 64.0, 100.0), List.of(12000.0, 20000.0));
  }

  /** Isilon SPEC SFS2008 (throughput, response time in s, concurrency): steps with latency. */
  static FitReport isilon() {
    return FitReport.of(List.of(read("usl/isilon_schwartz.csv")), List.of(), List.of(200000.0));
  }

  /** The ray tracer: κ held at its bound 0. */
  static FitReport raytracer() {
    return FitReport.of(List.of(read("usl/raytracer.csv")), List.of(96.0), List.of());
  }
}
