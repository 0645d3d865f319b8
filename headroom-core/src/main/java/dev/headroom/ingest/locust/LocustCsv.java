package dev.headroom.ingest.locust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV dialect Python's {@code csv.writer} uses for Locust's files: comma-separated, fields
 * quoted with {@code "} only when they hold a comma, a quote or a line break, a quote inside a
 * quoted field doubled. Tokenising only; the readers interpret the fields.
 */
final class LocustCsv {

  private LocustCsv() {}

  /** The fields of one line, or null when a quoted field is not closed on this line. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(field.toString());
    return out;
  }

  /** Column name to index. */
  /** The first of {@code needed} that the header lacks, or null when it has them all. */
  static String firstMissing(Map<String, Integer> columns, List<String> needed) {
    for (String name : needed) {
      if (!columns.containsKey(name)) {
        return name;
      }
    }
    return null;
  }

  static Map<String, Integer> index(List<String> header) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.putIfAbsent(header.get(i).strip(), i);
    }
    return m;
  }
}
