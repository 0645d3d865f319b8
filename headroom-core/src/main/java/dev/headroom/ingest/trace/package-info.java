/**
 * Readers for distributed traces: OTLP JSON ({@link dev.headroom.ingest.trace.OtlpJsonReader}), the
 * Jaeger query API's JSON ({@link dev.headroom.ingest.trace.JaegerJsonReader}) and Zipkin v2 JSON
 * ({@link dev.headroom.ingest.trace.ZipkinJsonReader}), registered in {@link
 * dev.headroom.ingest.trace.TraceFormat} and detected by content in {@link
 * dev.headroom.ingest.trace.TraceReader}. Each turns its format's units (nanoseconds as strings,
 * microseconds) into one {@link dev.headroom.ingest.trace.Span} model at the edge; none assembles
 * traces or attributes time, which is {@code dev.headroom.analysis.trace}'s job.
 */
package dev.headroom.ingest.trace;
