package dev.headroom.ingest.trace;

import java.util.Locale;
import java.util.Optional;

/**
 * The role of a span in a call, as all three formats name it: OTLP as an integer (1 INTERNAL, 2
 * SERVER, 3 CLIENT, 4 PRODUCER, 5 CONSUMER; 0 unspecified), Jaeger as the {@code span.kind} tag,
 * Zipkin v2 as {@code kind} (absent for local spans).
 */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER;

  /** OTLP's enum number (opentelemetry-proto {@code trace.proto}, {@code Span.SpanKind}). */
  static Optional<SpanKind> ofOtlpNumber(long n) {
    return n >= 0 && n < values().length ? Optional.of(values()[(int) n]) : Optional.empty();
  }

  /**
   * A kind by name, any case: Zipkin's {@code CLIENT}, Jaeger's {@code client}, and OTLP's protobuf
   * enum names ({@code SPAN_KIND_CLIENT}) that some JSON encoders write instead of numbers.
   */
  static Optional<SpanKind> ofName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.startsWith("SPAN_KIND_")) {
      n = n.substring("SPAN_KIND_".length());
    }
    for (SpanKind k : values()) {
      if (k.name().equals(n)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
