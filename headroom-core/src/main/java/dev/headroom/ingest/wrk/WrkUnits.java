package dev.headroom.ingest.wrk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auto-scaled numbers wrk and wrk2 print ({@code src/units.c} in both). Each value picks its
 * own unit, so one line can mix them ({@code 83.38ms 150.25ms 1.03s}):
 *
 * <ul>
 *   <li>times are recorded in microseconds and printed in {@code us}, {@code ms} or {@code s}
 *       (scale 1000), or from one second up in {@code s}, {@code m}, {@code h} (scale 60);
 *   <li>sizes are binary: {@code K}, {@code M}, {@code G}, {@code T}, {@code P} are powers of 1024,
 *       followed by the literal {@code B} ({@code 279.54KB}), or a bare number of bytes;
 *   <li>rates ({@code Req/Sec}) are metric: {@code k}, {@code M}, {@code G} are powers of 1000.
 * </ul>
 *
 * A value with any other suffix is rejected: an error names it rather than guessing.
 */
final class WrkUnits {

  private static final Pattern TIME = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([KMGTP]?)B");
  private static final Pattern METRIC = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([kMGTP]?)");

  private WrkUnits() {}

  /** A printed time in milliseconds, or {@code null} when {@code token} is not a wrk time. */
  static Double timeMs(String token) {
    Matcher m = TIME.matcher(token);
    if (!m.matches()) {
      return null;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000.0;
      case "ms" -> v;
      case "s" -> v * 1000.0;
      case "m" -> v * 60_000.0;
      case "h" -> v * 3_600_000.0;
      default -> throw new AssertionError(m.group(2));
    };
  }

  /** A printed size ({@code 279.54KB}, base 1024) in bytes, or {@code null} if not a size. */
  static Double bytes(String token) {
    Matcher m = SIZE.matcher(token);
    if (!m.matches()) {
      return null;
    }
    // no prefix is bytes; K is 1024^1, M 1024^2, ...
    int power = m.group(2).isEmpty() ? 0 : "KMGTP".indexOf(m.group(2)) + 1;
    return Double.parseDouble(m.group(1)) * Math.pow(1024, power);
  }

  /** A printed metric count ({@code 1.23k}, base 1000), or {@code null} if not one. */
  static Double metric(String token) {
    Matcher m = METRIC.matcher(token);
    if (!m.matches()) {
      return null;
    }
    int power = m.group(2).isEmpty() ? 0 : "kMGTP".indexOf(m.group(2)) + 1;
    return Double.parseDouble(m.group(1)) * Math.pow(1000, power);
  }

  /** What an error message says is allowed for a time. */
  static final String TIME_ALLOWED = "a wrk time such as 512.00us, 47.96ms, 1.03s, 2.00m or 1.00h";

  static final String SIZE_ALLOWED = "a wrk size such as 512.00B, 279.54KB or 1.20MB (base 1024)";

  static final String METRIC_ALLOWED = "a wrk number such as 154.26 or 1.23k";
}
