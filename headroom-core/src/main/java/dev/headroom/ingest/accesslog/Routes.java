package dev.headroom.ingest.accesslog;

import java.nio.charset.StandardCharsets;

/**
 * Turns a request into its route, {@code GET /api/items/:id}, written into a scratch buffer so that
 * a route already seen costs no allocation. The query string and fragment are dropped; a path
 * segment that is a number, a UUID or a hex id (8+ hex digits with at least one digit) is {@code
 * :id}; segments past the route depth become {@code *}. An absolute-form target ({@code
 * http://host/path}) keeps only its path. A request line that is not {@code METHOD /path PROTOCOL}
 * is {@value #MALFORMED}.
 */
final class Routes {

  static final String MALFORMED = "(malformed request)";
  private static final byte[] MALFORMED_BYTES = MALFORMED.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = ":id".getBytes(StandardCharsets.US_ASCII);
  private static final int UUID_LENGTH = 36;
  private static final int MIN_HEX_ID = 8;
  private static final int MAX_METHOD = 16;

  private final int depth;
  private final byte[] out;
  private int length;

  /**
   * @param maxLine the longest line the reader accepts, which bounds a route's length
   */
  Routes(int depth, int maxLine) {
    this.depth = depth;
    this.out = new byte[maxLine + 64];
  }

  byte[] bytes() {
    return out;
  }

  int length() {
    return length;
  }

  /** Writes the route of {@code v} into {@link #bytes()}; returns its length. */
  int route(LineValues v) {
    byte[] b = v.buf;
    int s = v.uriStart;
    int e = v.uriEnd;
    int ms = v.methodStart;
    int me = v.methodEnd;
    length = 0;
    if (e <= s || me - ms > MAX_METHOD) {
      return malformed();
    }
    // absolute-form target: keep the path
    if (b[s] != '/') {
      int scheme = indexOf(b, s, Math.min(e, s + 8), (byte) ':');
      if (scheme > 0 && scheme + 2 < e && b[scheme + 1] == '/' && b[scheme + 2] == '/') {
        int slash = indexOf(b, scheme + 3, e, (byte) '/');
        s = slash < 0 ? e : slash;
      }
    }
    int q = s;
    while (q < e && b[q] != '?' && b[q] != '#') {
      q++;
    }
    e = q;
    if (e <= s || b[s] != '/') {
      return malformed();
    }
    if (me > ms) {
      for (int i = ms; i < me; i++) {
        byte c = b[i];
        if (c < 'A' || c > 'Z') {
          return malformed();
        }
        out[length++] = c;
      }
      out[length++] = ' ';
    }
    int seg = 0;
    int i = s;
    while (i < e) {
      // b[i] == '/'
      out[length++] = '/';
      int ss = i + 1;
      int se = ss;
      while (se < e && b[se] != '/') {
        se++;
      }
      if (se > ss) {
        if (++seg > depth) {
          out[length++] = '*';
          return length;
        }
        if (isId(b, ss, se)) {
          System.arraycopy(ID, 0, out, length, ID.length);
          length += ID.length;
        } else {
          System.arraycopy(b, ss, out, length, se - ss);
          length += se - ss;
        }
      }
      i = se;
    }
    return length;
  }

  private int malformed() {
    System.arraycopy(MALFORMED_BYTES, 0, out, 0, MALFORMED_BYTES.length);
    length = MALFORMED_BYTES.length;
    return length;
  }

  /** A number, a UUID, or a hex id: the parts of a path that name one thing among many. */
  static boolean isId(byte[] b, int s, int e) {
    int n = e - s;
    boolean digitsOnly = true;
    boolean hexOnly = true;
    boolean anyDigit = false;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      boolean digit = c >= '0' && c <= '9';
      anyDigit |= digit;
      digitsOnly &= digit;
      hexOnly &= digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    if (digitsOnly) {
      return true;
    }
    if (hexOnly && anyDigit && n >= MIN_HEX_ID) {
      return true;
    }
    if (n == UUID_LENGTH
        && b[s + 8] == '-'
        && b[s + 13] == '-'
        && b[s + 18] == '-'
        && b[s + 23] == '-') {
      for (int i = s; i < e; i++) {
        int k = i - s;
        if (k == 8 || k == 13 || k == 18 || k == 23) {
          continue;
        }
        byte c = b[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static int indexOf(byte[] b, int s, int e, byte c) {
    for (int i = s; i < e; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
