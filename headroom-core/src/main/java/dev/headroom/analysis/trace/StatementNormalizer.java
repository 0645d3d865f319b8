package dev.headroom.analysis.trace;

/**
 * A statement with its literals replaced by {@code ?}, so that the queries of a loop ({@code ...
 * WHERE id = 1}, {@code ... WHERE id = 2}) compare equal: quoted strings, numbers, {@code $1}-style
 * parameters and lists of them ({@code IN (1, 2, 3)} becomes {@code IN (?)}); white space is
 * collapsed. Identifiers that contain digits ({@code t1}, {@code book_id2}) are kept.
 */
public final class StatementNormalizer {

  /** The longest statement kept, in characters: enough to tell statements apart in a report. */
  static final int MAX_CHARS = 2000;

  private StatementNormalizer() {}

  public static String normalise(String sql) {
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_CHARS));
    int n = Math.min(sql.length(), MAX_CHARS * 4);
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        // a string literal; '' inside is an escaped quote
        i++;
        while (i < n) {
          if (sql.charAt(i) == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        out.append('?');
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        out.append('?');
      } else if (startsNumber(sql, i, n, out)) {
        i++;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.append('?');
      } else if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        if (out.length() > 0) {
          out.append(' ');
        }
      } else {
        out.append(c);
        i++;
      }
    }
    String s = out.toString().strip();
    s = collapseLists(s);
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
  }

  /** A number starts at {@code i}: a digit, or a sign before one, not inside an identifier. */
  private static boolean startsNumber(String sql, int i, int n, StringBuilder out) {
    char c = sql.charAt(i);
    boolean signed =
        c == '-' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)) && !wordBefore(out);
    return (Character.isDigit(c) || signed) && !identifierBefore(out);
  }

  /** True when the text so far ends inside an identifier ({@code t1}, {@code col_2}). */
  private static boolean identifierBefore(StringBuilder out) {
    if (out.length() == 0) {
      return false;
    }
    char p = out.charAt(out.length() - 1);
    return Character.isLetterOrDigit(p) || p == '_' || p == '"' || p == '`';
  }

  /** True when a minus follows a value, so it is subtraction ({@code a -1}), not a sign. */
  private static boolean wordBefore(StringBuilder out) {
    int k = out.length() - 1;
    while (k >= 0 && out.charAt(k) == ' ') {
      k--;
    }
    if (k < 0) {
      return false;
    }
    char p = out.charAt(k);
    return Character.isLetterOrDigit(p) || p == '?' || p == ')' || p == '_';
  }

  /** {@code (?, ?, ?)} and {@code (?,?)} become {@code (?)}. */
  private static String collapseLists(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '(') {
        int j = i + 1;
        boolean list = false;
        while (true) {
          while (j < s.length() && s.charAt(j) == ' ') {
            j++;
          }
          if (j < s.length() && s.charAt(j) == '?') {
            list = true;
            j++;
          } else {
            list = false;
            break;
          }
          while (j < s.length() && s.charAt(j) == ' ') {
            j++;
          }
          if (j < s.length() && s.charAt(j) == ',') {
            j++;
          } else {
            break;
          }
        }
        if (list && j < s.length() && s.charAt(j) == ')') {
          out.append("(?)");
          i = j + 1;
          continue;
        }
      }
      out.append(s.charAt(i));
      i++;
    }
    return out.toString();
  }
}
