package dev.headroom.report.chart;

/** Text made safe for XML character data and attribute values. */
final class Xml {

  private Xml() {}

  /**
   * Escapes the five XML special characters, and replaces the control characters XML 1.0 does not
   * allow (all below U+0020 but tab, newline and carriage return) with a space, so any label a user
   * typed yields a well-formed document.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append(' ');
          } else if (c == 0xFFFE || c == 0xFFFF) {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
