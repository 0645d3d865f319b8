package dev.headroom.ingest.accesslog;

/**
 * Byte-level conversions of single values (numbers, times), written out by hand so that the hot
 * loop neither allocates nor goes through a regular expression. Each returns a sentinel on bad
 * input; the caller names what was expected.
 */
final class Values {

  static final long BAD = Long.MIN_VALUE;
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MILLIS_PER_SECOND = 1_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  private Values() {}

  /** A non-negative decimal integer of at most 18 digits, or {@link #BAD}. */
  static long digits(byte[] b, int s, int e) {
    if (s >= e || e - s > 18) {
      return BAD;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return BAD;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** True when the value is the single character {@code -} (nginx and Apache for "none"). */
  static boolean dash(byte[] b, int s, int e) {
    return e - s == 1 && b[s] == '-';
  }

  /**
   * Decimal seconds ({@code 0.012}, {@code 12}, {@code 1.5}) to whole microseconds, truncating
   * digits beyond the sixth decimal; {@link #BAD} when not a plain decimal.
   */
  static long secondsToMicros(byte[] b, int s, int e) {
    return decimalScaled(b, s, e, 6);
  }

  /** Decimal seconds ({@code 1795411595.123}) to whole milliseconds. */
  static long secondsToMillis(byte[] b, int s, int e) {
    return decimalScaled(b, s, e, 3);
  }

  private static long decimalScaled(byte[] b, int s, int e, int decimals) {
    if (s >= e) {
      return BAD;
    }
    long whole = 0;
    int i = s;
    int intDigits = 0;
    for (; i < e && b[i] != '.'; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9 || ++intDigits > 12) {
        return BAD;
      }
      whole = whole * 10 + d;
    }
    if (intDigits == 0) {
      return BAD;
    }
    long frac = 0;
    int fracDigits = 0;
    if (i < e) {
      i++; // the point
      if (i == e) {
        return BAD;
      }
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return BAD;
        }
        if (fracDigits < decimals) {
          frac = frac * 10 + d;
          fracDigits++;
        }
      }
    }
    for (; fracDigits < decimals; fracDigits++) {
      frac *= 10;
    }
    long scale = decimals == 6 ? MICROS_PER_SECOND : MILLIS_PER_SECOND;
    return whole * scale + frac;
  }

  /**
   * nginx {@code $time_local} / Apache {@code %t} without brackets, {@code 23/Nov/2026:05:26:35
   * +0000}, to epoch milliseconds; {@link #BAD} when it is not that shape.
   */
  static long timeLocal(byte[] b, int s, int e) {
    if (e - s != 26
        || b[s + 2] != '/'
        || b[s + 6] != '/'
        || b[s + 11] != ':'
        || b[s + 14] != ':'
        || b[s + 17] != ':'
        || b[s + 20] != ' ') {
      return BAD;
    }
    int day = two(b, s);
    int month = month(b[s + 3], b[s + 4], b[s + 5]);
    int year = four(b, s + 7);
    int hour = two(b, s + 12);
    int minute = two(b, s + 15);
    int second = two(b, s + 18);
    long zone = zone(b, s + 21, false);
    if (day < 1
        || day > 31
        || month < 0
        || year < 0
        || hour > 23
        || minute > 59
        || second > 60
        || zone == BAD) {
      return BAD;
    }
    return toMillis(year, month, day, hour, minute, second, zone);
  }

  /**
   * nginx {@code $time_iso8601}, {@code 2026-11-23T05:26:35+00:00} (or with {@code Z}, or with a
   * fraction of a second), to epoch milliseconds; {@link #BAD} when it is not that shape.
   */
  static long timeIso(byte[] b, int s, int e) {
    if (e - s < 20
        || b[s + 4] != '-'
        || b[s + 7] != '-'
        || (b[s + 10] != 'T' && b[s + 10] != ' ')
        || b[s + 13] != ':'
        || b[s + 16] != ':') {
      return BAD;
    }
    int year = four(b, s);
    int month = two(b, s + 5) - 1;
    int day = two(b, s + 8);
    int hour = two(b, s + 11);
    int minute = two(b, s + 14);
    int second = two(b, s + 17);
    int i = s + 19;
    long millis = 0;
    if (i < e && b[i] == '.') {
      int digits = 0;
      for (i++; i < e && b[i] >= '0' && b[i] <= '9'; i++) {
        if (digits++ < 3) {
          millis = millis * 10 + (b[i] - '0');
        }
      }
      for (; digits < 3; digits++) {
        millis *= 10;
      }
    }
    long zone;
    if (i == e - 1 && b[i] == 'Z') {
      zone = 0;
    } else if (e - i == 6 && b[i + 3] == ':') {
      zone = zone(b, i, true);
    } else if (e - i == 5) {
      zone = zone(b, i, false);
    } else {
      return BAD;
    }
    if (year < 0
        || month < 0
        || month > 11
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 60
        || zone == BAD) {
      return BAD;
    }
    return toMillis(year, month, day, hour, minute, second, zone) + millis;
  }

  /** {@code +0130} or {@code +01:30} to seconds east of UTC, or {@link #BAD}. */
  private static long zone(byte[] b, int i, boolean colon) {
    int sign = b[i] == '+' ? 1 : b[i] == '-' ? -1 : 0;
    int h = two(b, i + 1);
    int m = two(b, colon ? i + 4 : i + 3);
    if (sign == 0 || h < 0 || m < 0 || h > 23 || m > 59) {
      return BAD;
    }
    return sign * (h * 3600L + m * 60L);
  }

  private static long toMillis(
      int year, int month0, int day, int hour, int minute, int second, long zoneSeconds) {
    long days = daysFromCivil(year, month0 + 1, day);
    long secs = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - zoneSeconds;
    return secs * MILLIS_PER_SECOND;
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date: H. Hinnant, "chrono-Compatible Low-Level
   * Date Algorithms", days_from_civil (eras of 400 years), so no calendar object per line.
   */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static int two(byte[] b, int i) {
    int a = b[i] - '0';
    int c = b[i + 1] - '0';
    return a < 0 || a > 9 || c < 0 || c > 9 ? -100 : a * 10 + c;
  }

  private static int four(byte[] b, int i) {
    int hi = two(b, i);
    int lo = two(b, i + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  }

  /** Jan..Dec to 0..11, or -1. */
  private static int month(byte a, byte b, byte c) {
    int key = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
    return switch (key) {
      case ('j' << 16) | ('a' << 8) | 'n' -> 0;
      case ('f' << 16) | ('e' << 8) | 'b' -> 1;
      case ('m' << 16) | ('a' << 8) | 'r' -> 2;
      case ('a' << 16) | ('p' << 8) | 'r' -> 3;
      case ('m' << 16) | ('a' << 8) | 'y' -> 4;
      case ('j' << 16) | ('u' << 8) | 'n' -> 5;
      case ('j' << 16) | ('u' << 8) | 'l' -> 6;
      case ('a' << 16) | ('u' << 8) | 'g' -> 7;
      case ('s' << 16) | ('e' << 8) | 'p' -> 8;
      case ('o' << 16) | ('c' << 8) | 't' -> 9;
      case ('n' << 16) | ('o' << 8) | 'v' -> 10;
      case ('d' << 16) | ('e' << 8) | 'c' -> 11;
      default -> -1;
    };
  }
}
