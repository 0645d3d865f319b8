package dev.headroom.ingest.accesslog;

import java.nio.charset.StandardCharsets;

/**
 * JSON-lines access logs (nginx {@code log_format … escape=json '{…}'} and the like): one flat
 * object per line, keys named after the nginx variables ({@code request_time}, {@code status},
 * {@code request}, {@code time_iso8601}/{@code msec}/{@code time_local}, {@code body_bytes_sent},
 * {@code http_user_agent}, {@code sent_http_content_type}; short names such as {@code time}, {@code
 * method}, {@code path}, {@code user_agent} too, see {@link Field#ofJsonKey}), in any order.
 * Numbers may be bare or quoted. Nested objects and arrays are skipped.
 */
final class JsonLines implements LineParser {

  /** The keys this reader knows, as bytes, and the field each names. */
  private final byte[][] keys;

  private final Field[] keyFields;

  JsonLines() {
    String[] names = {
      "time_local",
      "time_iso8601",
      "msec",
      "request",
      "request_method",
      "request_uri",
      "uri",
      "status",
      "body_bytes_sent",
      "bytes_sent",
      "request_time",
      "upstream_response_time",
      "http_user_agent",
      "sent_http_content_type",
      "time",
      "timestamp",
      "@timestamp",
      "method",
      "path",
      "url",
      "user_agent",
      "useragent",
      "agent",
      "content_type",
      "bytes",
      "size",
      "duration",
      "rt"
    };
    keys = new byte[names.length][];
    keyFields = new Field[names.length];
    for (int i = 0; i < names.length; i++) {
      keys[i] = names[i].getBytes(StandardCharsets.US_ASCII);
      keyFields[i] = Field.ofJsonKey(names[i]).orElseThrow();
    }
  }

  /** Parses one line; false with {@code v.error} set when it is not a flat JSON object. */
  @Override
  public boolean parse(byte[] b, int s, int e, LineValues v) {
    int p = skipSpace(b, s, e);
    if (p >= e || b[p] != '{') {
      return v.fail("a JSON object starting with {", p - s + 1);
    }
    p = skipSpace(b, p + 1, e);
    if (p < e && b[p] == '}') {
      return v.fail("at least \"status\" and a time", p - s + 1);
    }
    boolean sawTime = false;
    boolean sawStatus = false;
    while (true) {
      if (p >= e || b[p] != '"') {
        return v.fail("a quoted key", p - s + 1);
      }
      int ks = p + 1;
      int ke = stringEnd(b, ks, e);
      if (ke < 0) {
        return v.fail("a closing quote", p - s + 1);
      }
      p = skipSpace(b, ke + 1, e);
      if (p >= e || b[p] != ':') {
        return v.fail("a : after the key", p - s + 1);
      }
      p = skipSpace(b, p + 1, e);
      if (p >= e) {
        return v.fail("a value", p - s + 1);
      }
      int vs;
      int ve;
      int next;
      if (b[p] == '"') {
        vs = p + 1;
        ve = stringEnd(b, vs, e);
        if (ve < 0) {
          return v.fail("a closing quote", p - s + 1);
        }
        next = ve + 1;
      } else if (b[p] == '{' || b[p] == '[') {
        vs = ve = p;
        next = skipNested(b, p, e);
        if (next < 0) {
          return v.fail("a closed object or array", p - s + 1);
        }
      } else {
        vs = p;
        int q = p;
        while (q < e && b[q] != ',' && b[q] != '}' && b[q] != ' ') {
          q++;
        }
        ve = q;
        next = q;
      }
      Field f = field(b, ks, ke);
      if (f != null && ve > vs) {
        if (!(b[p] != '"' && ve - vs == 4 && b[vs] == 'n' && b[vs + 1] == 'u')) { // null
          if (!LogFormat.assign(f, v, b, vs, ve)) {
            return v.fail(
                "\""
                    + new String(b, ks, ke - ks, StandardCharsets.UTF_8)
                    + "\" as "
                    + LogFormat.expected(f),
                vs - s + 1);
          }
          sawTime |= f == Field.TIME_LOCAL || f == Field.TIME_ISO8601 || f == Field.MSEC;
          sawStatus |= f == Field.STATUS;
        }
      }
      p = skipSpace(b, next, e);
      if (p < e && b[p] == ',') {
        p = skipSpace(b, p + 1, e);
        continue;
      }
      if (p < e && b[p] == '}') {
        if (skipSpace(b, p + 1, e) != e) {
          return v.fail("the end of the line after }", p - s + 2);
        }
        break;
      }
      return v.fail("a , or }", p - s + 1);
    }
    if (!sawStatus || !sawTime) {
      return v.fail(
          "keys \"status\" and a time (\"time_iso8601\", \"time_local\", \"msec\" or \"time\")", 1);
    }
    return true;
  }

  private Field field(byte[] b, int s, int e) {
    int n = e - s;
    outer:
    for (int i = 0; i < keys.length; i++) {
      byte[] k = keys[i];
      if (k.length != n) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if ((b[s + j] | 0x20) != (k[j] | 0x20)) {
          continue outer;
        }
      }
      return keyFields[i];
    }
    return null;
  }

  private static int stringEnd(byte[] b, int p, int e) {
    for (int i = p; i < e; i++) {
      if (b[i] == '\\') {
        i++;
      } else if (b[i] == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int skipNested(byte[] b, int p, int e) {
    int depth = 0;
    for (int i = p; i < e; i++) {
      byte c = b[i];
      if (c == '"') {
        i = stringEnd(b, i + 1, e);
        if (i < 0) {
          return -1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private static int skipSpace(byte[] b, int p, int e) {
    while (p < e && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  @Override
  public String describe() {
    return LogPreset.JSON.id();
  }
}
