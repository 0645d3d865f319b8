package dev.headroom.analysis.queueing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small reference CSVs under {@code src/test/resources/queueing/} (no quoting). */
final class ReferenceCsv {
  private ReferenceCsv() {}

  static List<Map<String, String>> read(String name) {
    InputStream in = ReferenceCsv.class.getResourceAsStream("/queueing/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource queueing/" + name);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
