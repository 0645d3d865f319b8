package dev.headroom.analysis.usl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the reference datasets copied from /work/shared/data/reference/usl (test helper). */
final class UslData {
  private UslData() {}

  /** Points from {@code /usl/<file>}, taking the named concurrency and throughput columns. */
  static List<UslPoint> read(String file, String concurrencyColumn, String throughputColumn) {
    try (InputStream in = UslData.class.getResourceAsStream("/usl/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /usl/" + file);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
      List<String> header = Arrays.asList(lines[0].split(","));
      int nc = header.indexOf(concurrencyColumn);
      int xc = header.indexOf(throughputColumn);
      if (nc < 0 || xc < 0) {
        throw new IllegalStateException(
            "no column " + concurrencyColumn + " or " + throughputColumn + " in " + file);
      }
      List<UslPoint> points = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] cells = lines[i].split(",", -1);
        if (cells[xc].isBlank()) {
          continue;
        }
        points.add(new UslPoint(Double.parseDouble(cells[nc]), Double.parseDouble(cells[xc])));
      }
      return points;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<UslPoint> first(List<UslPoint> points, int count) {
    return List.copyOf(points.subList(0, count));
  }
}
