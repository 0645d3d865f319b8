package dev.headroom.ingest.k6;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Time stamps k6 writes, turned into microseconds since the epoch. */
final class K6Time {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private K6Time() {}

  /**
   * An RFC 3339 time as Go's {@code time.RFC3339Nano} writes it ({@code
   * 2026-11-23T05:26:35.063401038Z}, or with an offset such as {@code +01:00}); nanoseconds are
   * truncated to microseconds. The common UTC form is parsed by hand because NDJSON files hold
   * millions of them; anything else goes through {@link OffsetDateTime#parse}.
   *
   * @throws DateTimeException when {@code s} is not such a time
   */
  static long rfc3339Micros(String s) {
    int n = s.length();
    if (n >= 20
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(n - 1) == 'Z') {
      long days = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
      int hour = digits(s, 11, 13);
      int minute = digits(s, 14, 16);
      int second = digits(s, 17, 19);
      if (hour > 23 || minute > 59 || second > 60) {
        throw new DateTimeException("time of day out of range in \"" + s + "\"");
      }
      long micros = 0;
      if (n > 20) {
        if (s.charAt(19) != '.' || n == 21) {
          throw new DateTimeException("unexpected text after the seconds in \"" + s + "\"");
        }
        long scale = 100_000;
        for (int i = 20; i < n - 1; i++) {
          char c = s.charAt(i);
          if (c < '0' || c > '9') {
            throw new DateTimeException("not a digit in the fraction of \"" + s + "\"");
          }
          micros += (c - '0') * scale;
          scale /= 10;
        }
      }
      return ((days * 24 + hour) * 60 + minute) * 60 * MICROS_PER_SECOND
          + second * MICROS_PER_SECOND
          + micros;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s);
      return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t.toInstant());
    } catch (DateTimeParseException e) {
      throw new DateTimeException("\"" + s + "\" is not an RFC 3339 time", e);
    } catch (ArithmeticException e) {
      // OffsetDateTime reaches year 999999999; microseconds since 1970 in a long end near 294247
      throw new DateTimeException("\"" + s + "\" is too far from 1970 for microseconds", e);
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("not a digit at position " + (i + 1) + " of \"" + s + "\"");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
