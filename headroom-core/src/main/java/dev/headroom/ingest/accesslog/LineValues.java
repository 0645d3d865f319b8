package dev.headroom.ingest.accesslog;

/**
 * The values of one log line, as offsets into the reader's buffer and primitive numbers. One
 * instance is reused for every line, so parsing allocates nothing per line; {@link #reset} clears
 * it. A parse that fails leaves {@link #error} saying what was expected.
 */
final class LineValues {

  /** Milliseconds since the epoch at which the line was written, or {@link Long#MIN_VALUE}. */
  long epochMillis;

  int status;

  /** Body bytes ({@code $body_bytes_sent}), or -1 when not logged. */
  long bodyBytes;

  /** Bytes with headers ({@code $bytes_sent}), or -1 when not logged. */
  long bytesSent;

  /** The request's duration in microseconds, or -1 when not logged or logged as {@code -}. */
  long requestMicros;

  byte[] buf;
  int methodStart;
  int methodEnd;

  /** The URI as requested, with its query string; start == end when absent or malformed. */
  int uriStart;

  int uriEnd;
  int agentStart;
  int agentEnd;

  /** The Content-Type header; -1 when not logged or {@code -}. */
  int typeStart;

  int typeEnd;

  /** Why the line did not parse (what was expected), or null. */
  String error;

  /** 1-based byte column where the line stopped making sense, when {@link #error} is set. */
  int errorColumn;

  void reset(byte[] buffer) {
    buf = buffer;
    epochMillis = Long.MIN_VALUE;
    status = -1;
    bodyBytes = -1;
    bytesSent = -1;
    requestMicros = -1;
    methodStart = methodEnd = 0;
    uriStart = uriEnd = 0;
    agentStart = agentEnd = 0;
    typeStart = typeEnd = -1;
    error = null;
    errorColumn = 0;
  }

  /** The bytes to count for this response: the body when logged, else the whole response. */
  long bytes() {
    return bodyBytes >= 0 ? bodyBytes : Math.max(0, bytesSent);
  }

  boolean fail(String expected, int column) {
    error = expected;
    errorColumn = column;
    return false;
  }
}
