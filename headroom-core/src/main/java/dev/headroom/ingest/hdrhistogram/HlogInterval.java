package dev.headroom.ingest.hdrhistogram;

/**
 * One interval line of an HdrHistogram log, decoded.
 *
 * @param line the line in the file (1-based)
 * @param tag the line's tag, or "" when untagged
 * @param startSeconds the start timestamp as written (seconds, usually relative to StartTime)
 * @param lengthSeconds the interval's length in seconds
 * @param count values recorded in the interval
 * @param maxMs the interval's largest value in milliseconds (HdrHistogram's highest equivalent)
 */
public record HlogInterval(
    long line, String tag, double startSeconds, double lengthSeconds, long count, double maxMs) {

  public HlogInterval {
    tag = tag == null ? "" : tag;
    if (!(lengthSeconds >= 0) || !Double.isFinite(lengthSeconds) || count < 0 || !(maxMs >= 0)) {
      throw new IllegalArgumentException(
          "interval length, count and max must be >= 0, got "
              + lengthSeconds
              + ", "
              + count
              + ", "
              + maxMs);
    }
  }

  /** Values recorded per second in this interval: count ÷ length (0 for a zero-length interval). */
  public double throughput() {
    return lengthSeconds > 0 ? count / lengthSeconds : 0;
  }
}
