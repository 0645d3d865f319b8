package dev.headroom.ingest.accesslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An nginx {@code log_format} string compiled into a parser: the literal text between variables is
 * matched byte for byte, each variable's value runs up to the next literal (a backslash escape
 * never ends a value: nginx writes {@code "} as {@code \x22}, or {@code \"} with {@code
 * escape=json}), the last variable runs to the end of the line. Two variables with nothing between
 * them cannot be told apart, so such a format is refused.
 *
 * <p>Syntax (ngx_http_log_module): {@code $name} or {@code ${name}}; the string may be given as in
 * nginx.conf, in single quotes, in several quoted pieces, with a leading {@code escape=json}.
 * Apache's timing directives {@code %D} (µs), {@code %{ms}T}, {@code %{us}T} and {@code %T} (s) are
 * understood too, so an Apache {@code LogFormat} ending in them can be written with nginx names for
 * the rest ({@code combined} is the same text in both servers).
 */
final class LogFormat implements LineParser {

  private final String text;

  /** literals[0] before the first field; literals[i + 1] after fields[i] (empty for the last). */
  private final byte[][] literals;

  private final Field[] fields;
  private final String[] names;
  private final Set<Field> present;

  private LogFormat(String text, List<byte[]> literals, List<Field> fields, List<String> names) {
    this.text = text;
    this.literals = literals.toArray(new byte[0][]);
    this.fields = fields.toArray(new Field[0]);
    this.names = names.toArray(new String[0]);
    EnumSet<Field> p = EnumSet.noneOf(Field.class);
    p.addAll(fields);
    this.present = p;
  }

  /** The format as given, for messages and the report. */
  String text() {
    return text;
  }

  /** The fields this format logs (the analysis says what it cannot see without the rest). */
  Set<Field> fields() {
    return present;
  }

  boolean hasRequestTime() {
    for (Field f : fields) {
      if (f.isRequestTime()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiles an nginx {@code log_format} string.
   *
   * @throws IllegalArgumentException with what is wrong and where (1-based character column)
   */
  static LogFormat compile(String format) {
    Objects.requireNonNull(format, "format");
    String body = unquote(format.strip());
    List<byte[]> lits = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      int start = i;
      String name = null;
      Field field = null;
      if (c == '$' && i + 1 < body.length()) {
        int j = i + 1;
        boolean braced = body.charAt(j) == '{';
        if (braced) {
          j++;
        }
        int ns = j;
        while (j < body.length() && isNameChar(body.charAt(j))) {
          j++;
        }
        if (j > ns && (!braced || (j < body.length() && body.charAt(j) == '}'))) {
          name = body.substring(ns, j);
          field = Field.ofVariable(name);
          i = braced ? j + 1 : j;
        }
      } else if (c == '%') {
        for (String d : new String[] {"%D", "%{ms}T", "%{us}T", "%T"}) {
          if (body.startsWith(d, i)) {
            name = d;
            field =
                switch (d) {
                  case "%D", "%{us}T" -> Field.APACHE_MICROS;
                  case "%{ms}T" -> Field.APACHE_MILLIS;
                  default -> Field.APACHE_SECONDS;
                };
            i += d.length();
            break;
          }
        }
      }
      if (name == null) {
        lit.append(c);
        i++;
        continue;
      }
      if (lit.isEmpty() && !fields.isEmpty()) {
        throw new IllegalArgumentException(
            "column "
                + (start + 1)
                + ": found "
                + names.get(names.size() - 1)
                + " directly followed by "
                + (name.startsWith("%") ? name : "$" + name)
                + "; allowed variables separated by literal text (a space, a quote), since two"
                + " adjacent values cannot be told apart");
      }
      lits.add(lit.toString().getBytes(StandardCharsets.UTF_8));
      lit.setLength(0);
      fields.add(field);
      names.add(name.startsWith("%") ? name : "$" + name);
    }
    lits.add(lit.toString().getBytes(StandardCharsets.UTF_8));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          "found no $variable in \""
              + format
              + "\"; allowed an nginx log_format string such as"
              + " '$remote_addr [$time_local] \"$request\" $status $body_bytes_sent $request_time'");
    }
    return new LogFormat(format, lits, fields, names);
  }

  /** {@code escape=json '{"a":"$a",' '"b":$b}'} → {@code {"a":"$a","b":$b}}. */
  private static String unquote(String s) {
    String t = s;
    if (t.startsWith("escape=")) {
      int sp = t.indexOf(' ');
      t = sp < 0 ? "" : t.substring(sp + 1).strip();
    }
    if (!t.startsWith("'")) {
      return t;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '\'') {
        int end = t.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(
              "column "
                  + (i + 1)
                  + ": found a quote that is never closed; allowed 'quoted pieces'");
        }
        out.append(t, i + 1, end);
        i = end + 1;
      } else if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else {
        throw new IllegalArgumentException(
            "column "
                + (i + 1)
                + ": found \""
                + c
                + "\" between quoted pieces; allowed only spaces");
      }
    }
    return out.toString();
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * Parses {@code b[s, e)} (one line without its newline) into {@code v}; false with {@code
   * v.error} set when the line does not have this format's shape.
   */
  @Override
  public boolean parse(byte[] b, int s, int e, LineValues v) {
    byte[] lit0 = literals[0];
    if (!startsWith(b, s, e, lit0)) {
      return v.fail("the line to start with \"" + str(lit0) + "\"", 1);
    }
    int p = s + lit0.length;
    int last = fields.length - 1;
    for (int f = 0; f <= last; f++) {
      byte[] lit = literals[f + 1];
      int valueEnd;
      if (lit.length == 0) {
        valueEnd = e;
      } else {
        valueEnd = find(b, p, e, lit, f == last);
        if (valueEnd < 0) {
          return v.fail(names[f] + " followed by \"" + str(lit) + "\"", p - s + 1);
        }
      }
      if (!assign(fields[f], v, b, p, valueEnd)) {
        return v.fail(names[f] + " as " + expected(fields[f]), p - s + 1);
      }
      p = valueEnd + lit.length;
    }
    if (p != e) {
      return v.fail(
          "the end of the line after \"" + str(literals[literals.length - 1]) + "\"", p - s + 1);
    }
    return true;
  }

  /**
   * The first position at or after p where lit starts (or, for the last literal, ends the line).
   */
  private static int find(byte[] b, int p, int e, byte[] lit, boolean atEnd) {
    if (atEnd) {
      int q = e - lit.length;
      return q >= p && startsWith(b, q, e, lit) ? q : -1;
    }
    byte first = lit[0];
    for (int i = p; i < e; i++) {
      byte c = b[i];
      if (c == '\\') {
        i++; // an escape never ends a value
      } else if (c == first && startsWith(b, i, e, lit)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int s, int e, byte[] lit) {
    if (e - s < lit.length) {
      return false;
    }
    for (int i = 0; i < lit.length; i++) {
      if (b[s + i] != lit[i]) {
        return false;
      }
    }
    return true;
  }

  private static String str(byte[] lit) {
    return new String(lit, StandardCharsets.UTF_8);
  }

  /** What a field's value must look like, for the bad-line message. */
  static String expected(Field f) {
    return switch (f) {
      case TIME_LOCAL -> "a time like 23/Nov/2026:05:26:35 +0000";
      case TIME_ISO8601 -> "a time like 2026-11-23T05:26:35+00:00";
      case MSEC -> "seconds since the epoch like 1795411595.123";
      case REQUEST -> "a request line like GET /path HTTP/1.1";
      case STATUS -> "a three-digit status";
      case BODY_BYTES_SENT, BYTES_SENT -> "a byte count or -";
      case REQUEST_TIME -> "seconds like 0.012, or -";
      case APACHE_MICROS, APACHE_MILLIS, APACHE_SECONDS -> "a whole number";
      default -> "a value";
    };
  }

  /**
   * Reads one value into {@code v}; false when it is not of the field's form. Shared by the format
   * parser and the JSON-lines parser, so a value means the same in both.
   */
  static boolean assign(Field f, LineValues v, byte[] b, int s, int e) {
    switch (f) {
      case TIME_LOCAL -> {
        long t = Values.timeLocal(b, s, e);
        if (t == Values.BAD) {
          t = Values.timeIso(b, s, e);
        }
        if (t == Values.BAD) {
          return false;
        }
        v.epochMillis = t;
      }
      case TIME_ISO8601 -> {
        long t = Values.timeIso(b, s, e);
        if (t == Values.BAD) {
          t = Values.timeLocal(b, s, e);
        }
        if (t == Values.BAD) {
          return false;
        }
        v.epochMillis = t;
      }
      case MSEC -> {
        long t = Values.secondsToMillis(b, s, e);
        if (t == Values.BAD) {
          return false;
        }
        v.epochMillis = t;
      }
      case REQUEST -> request(v, b, s, e);
      case REQUEST_METHOD -> {
        v.methodStart = s;
        v.methodEnd = e;
      }
      case REQUEST_URI, URI -> {
        if (v.uriEnd == v.uriStart || f == Field.REQUEST_URI) {
          v.uriStart = s;
          v.uriEnd = e;
        }
      }
      case STATUS -> {
        long st = Values.digits(b, s, e);
        if (st < 100 || st > 999 || e - s != 3) {
          return false;
        }
        v.status = (int) st;
      }
      case BODY_BYTES_SENT, BYTES_SENT -> {
        long n = Values.dash(b, s, e) ? 0 : Values.digits(b, s, e);
        if (n == Values.BAD) {
          return false;
        }
        if (f == Field.BODY_BYTES_SENT) {
          v.bodyBytes = n;
        } else {
          v.bytesSent = n;
        }
      }
      case REQUEST_TIME -> {
        if (!Values.dash(b, s, e)) {
          // nginx always prints milliseconds ("0.012"): a bare integer is another field (%D)
          long us = hasPoint(b, s, e) ? Values.secondsToMicros(b, s, e) : Values.BAD;
          if (us == Values.BAD) {
            return false;
          }
          v.requestMicros = us;
        }
      }
      case APACHE_MICROS, APACHE_MILLIS, APACHE_SECONDS -> {
        long n = Values.digits(b, s, e);
        if (n == Values.BAD) {
          return false;
        }
        v.requestMicros =
            f == Field.APACHE_MICROS ? n : f == Field.APACHE_MILLIS ? n * 1_000 : n * 1_000_000;
      }
      case HTTP_USER_AGENT -> {
        v.agentStart = s;
        v.agentEnd = e;
      }
      case SENT_HTTP_CONTENT_TYPE -> {
        if (!Values.dash(b, s, e) && e > s) {
          v.typeStart = s;
          v.typeEnd = e;
        }
      }
      case UPSTREAM_RESPONSE_TIME, OTHER -> {
        // read and not used: the report's latencies are the request's own ($request_time)
      }
    }
    return true;
  }

  private static boolean hasPoint(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] == '.') {
        return true;
      }
    }
    return false;
  }

  /** {@code GET /path?q HTTP/1.1}: the method and the URI; a malformed request keeps neither. */
  private static void request(LineValues v, byte[] b, int s, int e) {
    int sp1 = -1;
    for (int i = s; i < e; i++) {
      if (b[i] == ' ') {
        sp1 = i;
        break;
      }
    }
    if (sp1 < 0) {
      return; // "-" or garbage: counted, its route is "(malformed)"
    }
    int sp2 = e;
    for (int i = e - 1; i > sp1; i--) {
      if (b[i] == ' ') {
        sp2 = i;
        break;
      }
    }
    v.methodStart = s;
    v.methodEnd = sp1;
    v.uriStart = sp1 + 1;
    v.uriEnd = sp2;
  }

  @Override
  public String describe() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
