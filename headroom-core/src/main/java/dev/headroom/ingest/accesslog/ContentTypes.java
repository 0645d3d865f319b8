package dev.headroom.ingest.accesslog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes by content type: from the response's {@code Content-Type} ({@code $sent_http_content_type})
 * when the log has it, else from the path's extension (so the report says which). A type is static
 * when a CDN can serve it from the edge unchanged (images, fonts, media, CSS, JavaScript,
 * WebAssembly, downloads): the input of the CDN rule (P7: static assets over 20% of bandwidth).
 * HTML, JSON, plain text and unknown types count as dynamic.
 */
final class ContentTypes {

  static final String NO_EXTENSION = "(no extension)";
  static final String UNKNOWN_EXTENSION = "(unknown extension)";
  static final String OTHER = "(other types)";

  /** Extensions a web server maps to a type (nginx mime.types), those a report meets most. */
  static final Map<String, String> BY_EXTENSION = new LinkedHashMap<>();

  static {
    String[][] pairs = {
      {"css", "text/css"},
      {"js", "application/javascript"},
      {"mjs", "application/javascript"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"svg", "image/svg+xml"},
      {"ico", "image/x-icon"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"eot", "application/vnd.ms-fontobject"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
      {"mp3", "audio/mpeg"},
      {"wasm", "application/wasm"},
      {"pdf", "application/pdf"},
      {"zip", "application/zip"},
      {"gz", "application/gzip"},
      {"html", "text/html"},
      {"htm", "text/html"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"txt", "text/plain"},
      {"map", "application/json"}
    };
    for (String[] p : pairs) {
      BY_EXTENSION.put(p[0], p[1]);
    }
  }

  private ContentTypes() {}

  /** True for types a CDN serves unchanged from the edge. */
  static boolean isStatic(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("image/")
        || t.startsWith("font/")
        || t.startsWith("video/")
        || t.startsWith("audio/")
        || t.equals("text/css")
        || t.endsWith("/javascript")
        || t.endsWith("/x-javascript")
        || t.equals("application/wasm")
        || t.equals("application/vnd.ms-fontobject")
        || t.startsWith("application/font-")
        || t.startsWith("application/x-font-")
        || t.equals("application/pdf")
        || t.equals("application/zip")
        || t.equals("application/gzip");
  }

  /**
   * Writes the header's media type, lower case, without parameters ({@code text/html;
   * charset=utf-8} → {@code text/html}), into {@code out}; returns its length.
   */
  static int mediaType(byte[] b, int s, int e, byte[] out) {
    int n = 0;
    for (int i = s; i < e && n < out.length; i++) {
      byte c = b[i];
      if (c == ';' || c == ',') {
        break;
      }
      if (c == ' ' || c == '\t') {
        continue;
      }
      out[n++] = (c >= 'A' && c <= 'Z') ? (byte) (c | 0x20) : c;
    }
    return n;
  }

  /**
   * Writes the extension of the URI's last path segment, lower case, into {@code out}: 0 when the
   * segment has none, -1 when it is longer than {@code out}.
   */
  static int extension(byte[] b, int s, int e, byte[] out) {
    int end = s;
    while (end < e && b[end] != '?' && b[end] != '#') {
      end++;
    }
    int dot = -1;
    for (int i = end - 1; i >= s; i--) {
      byte c = b[i];
      if (c == '/') {
        break;
      }
      if (c == '.') {
        dot = i;
        break;
      }
    }
    if (dot < 0 || dot == end - 1) {
      return 0;
    }
    int n = end - dot - 1;
    if (n > out.length) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      byte c = b[dot + 1 + i];
      out[i] = (c >= 'A' && c <= 'Z') ? (byte) (c | 0x20) : c;
    }
    return n;
  }
}
