package dev.headroom.ingest.k6;

/**
 * Receives each HTTP request a per-sample k6 reader accepts; tests and benchmarks tap it. The
 * arguments are those of {@link dev.headroom.ingest.loadtest.StepRecorder#record(double, long,
 * long, boolean)}.
 */
@FunctionalInterface
interface RequestSink {
  void accept(double vus, long endMicros, long latencyMicros, boolean ok);
}
