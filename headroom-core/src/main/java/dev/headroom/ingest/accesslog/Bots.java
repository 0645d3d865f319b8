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

  /** The markers by their first (lower-case) letter: index 0 is 'a'. */
  private static final byte[][][] BY_LETTER = new byte[26][][];

  static {
    for (int c = 0; c < 26; c++) {
      final int letter = 'a' + c;
      byte[][] list =
          java.util.Arrays.stream(NEEDLES).filter(n -> n[0] == letter).toArray(byte[][]::new);
      BY_LETTER[c] = list.length == 0 ? null : list;
    }
  }

  private Bots() {}

  static boolean isBot(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      int c = (b[i] | 0x20) - 'a';
      if (c < 0 || c >= 26) {
        continue;
      }
      byte[][] list = BY_LETTER[c];
      if (list == null) {
        continue;
      }
      for (byte[] n : list) {
        if (matches(b, i, e, n)) {
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
