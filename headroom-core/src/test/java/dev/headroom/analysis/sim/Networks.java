package dev.headroom.analysis.sim;

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

/** The networks the validation tests share, and the reference CSV reader. */
final class Networks {
  private Networks() {}

  /** One FCFS station with c servers fed by a Poisson source of rate λ: M/G/c. */
  static Network singleQueue(double lambda, int servers, ServiceTime service) {
    return new Network(
        List.of(Station.fcfs("queue", servers, service)),
        List.of(new PoissonSource("arrivals", lambda, List.of(1.0))),
        new double[][] {{0, 1}});
  }

  /**
   * Jain (1991) example 34.2, the central-server model: N terminals thinking Z = 4 s, a CPU (S =
   * 0.125 s, 16 visits), disk A (0.3 s, 10 visits) and disk B (0.2 s, 5 visits). After the CPU a
   * job goes to disk A with probability 10/16, disk B 5/16, and completes 1/16: the visit ratios
   * V_cpu = 1 + V_A + V_B = 16, V_A = 10, V_B = 5.
   */
  static Network jain342(int population) {
    return new Network(
        List.of(
            Station.fcfs("CPU", 1, ServiceTime.exponential(0.125)),
            Station.fcfs("DiskA", 1, ServiceTime.exponential(0.3)),
            Station.fcfs("DiskB", 1, ServiceTime.exponential(0.2))),
        List.of(
            new ClosedPopulation(
                "terminals", population, ServiceTime.exponential(4), List.of(1.0, 0.0, 0.0))),
        new double[][] {
          {0, 10.0 / 16, 5.0 / 16, 1.0 / 16},
          {1, 0, 0, 0},
          {1, 0, 0, 0}
        });
  }

  /** Reads a reference CSV under {@code src/test/resources/queueing/} (no quoting). */
  static List<Map<String, String>> csv(String name) {
    InputStream in = Networks.class.getResourceAsStream("/queueing/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource queueing/" + name);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          String[] cells = line.split(",", -1);
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < header.length; i++) {
            row.put(header[i], cells[i]);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
