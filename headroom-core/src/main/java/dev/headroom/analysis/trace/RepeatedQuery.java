package dev.headroom.analysis.trace;

import java.util.Objects;

/**
 * One statement a request ran many times: an N+1 suspect.
 *
 * @param traceId the trace it was seen in
 * @param request the request's root span name
 * @param statement the normalised statement, or the span name when the span has no statement
 * @param byStatement true when {@code statement} is a statement, false when it is a span name
 * @param count how many times it ran in the request
 * @param sequential true when no two of the runs overlapped (one after the other, as a loop does)
 * @param totalNanos the time the runs took together (their union)
 */
public record RepeatedQuery(
    String traceId,
    String request,
    String statement,
    boolean byStatement,
    int count,
    boolean sequential,
    long totalNanos) {
  public RepeatedQuery {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(statement, "statement");
    if (count < 1 || totalNanos < 0) {
      throw new IllegalArgumentException("a repeated query ran at least once, for >= 0 ns");
    }
  }
}
