package dev.headroom.ingest.accesslog;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Recognises crawlers by their user agent: the generic words crawlers put there ({@code bot},
 * {@code crawl}, {@code spider}) and the names of well-known ones that use none of them. Their
 * requests are load, but not users' load: the figures leave them out and report their share.
 */
final class Bots {

  /** Matched case-insensitively anywhere in the user agent. */
  static final List<String> MARKERS =
      List.of(
          "bot",
          "crawl",
          "spider",
          "slurp",
          "facebookexternalhit",
          "mediapartners-google",
          "ia_archiver",
          "yandex",
          "bingpreview",
          "feedfetcher",
          "headlesschrome",
          "lighthouse");

  private static final byte[][] NEEDLES =
      MARKERS.stream().map(m -> m.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  /** Bit i set when some marker starts with the lower-case letter 'a' + i. */
  private static final int FIRST_LETTERS;

  static {
    int bits = 0;
    for (byte[] n : NEEDLES) {
      bits |= 1 << (n[0] - 'a');
    }
    FIRST_LETTERS = bits;
  }

  private Bots() {}

  static boolean isBot(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      int c = b[i] | 0x20;
      if (c < 'a' || c > 'z' || (FIRST_LETTERS & (1 << (c - 'a'))) == 0) {
        continue;
      }
      for (byte[] n : NEEDLES) {
        if (n[0] == c && matches(b, i, e, n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(byte[] b, int i, int e, byte[] n) {
    if (e - i < n.length) {
      return false;
    }
    for (int k = 1; k < n.length; k++) {
      int c = b[i + k];
      if (c >= 'A' && c <= 'Z') {
        c |= 0x20;
      }
      if (c != n[k]) {
        return false;
      }
    }
    return true;
  }
}
