package dev.headroom.ingest.jmeter;

/**
 * Receives each request a JTL reader accepts, after interpretation; tests and benchmarks tap it.
 * The arguments are those of {@link dev.headroom.ingest.loadtest.StepRecorder#record(double, long,
 * long, long, long)}.
 */
@FunctionalInterface
interface RequestSink {
  void accept(double concurrency, long endMicros, long latencyMicros, long count, long errors);
}
