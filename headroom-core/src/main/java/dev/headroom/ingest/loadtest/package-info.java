/**
 * What every load-test reader shares: the registry of formats ({@link
 * dev.headroom.ingest.loadtest.LoadTestFormat}), the small base class a reader extends, the result
 * model (a {@link dev.headroom.ingest.loadtest.LoadTest} made of concurrency {@link
 * dev.headroom.ingest.loadtest.Step}s), and the {@link dev.headroom.ingest.loadtest.StepRecorder}
 * that turns a stream of per-request records into steps in constant memory.
 */
package dev.headroom.ingest.loadtest;
