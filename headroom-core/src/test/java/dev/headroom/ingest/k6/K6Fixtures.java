package dev.headroom.ingest.k6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** k6 sample files, and a tap that keeps every request for exact cross-checks. */
final class K6Fixtures {

  private K6Fixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(K6Fixtures.class.getResource("/k6/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Request(double vus, long endMicros, long latencyMicros, boolean ok) {}

  static final class Tap implements RequestSink {
    final List<Request> requests = new ArrayList<>();

    @Override
    public void accept(double vus, long endMicros, long latencyMicros, boolean ok) {
      requests.add(new Request(vus, endMicros, latencyMicros, ok));
    }

    double[] sortedMs() {
      double[] a = requests.stream().mapToDouble(r -> r.latencyMicros() / 1000.0).toArray();
      Arrays.sort(a);
      return a;
    }

    long failures() {
      return requests.stream().filter(r -> !r.ok()).count();
    }
  }

  /**
   * k6's percentile: linear interpolation between closest ranks (grafana/k6 metrics/sink.go,
   * TrendSink.P): position (n − 1)·p.
   */
  static double interpolated(double[] sorted, double p) {
    double pos = (sorted.length - 1) * p;
    int i = (int) Math.floor(pos);
    double frac = pos - i;
    return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * frac : sorted[i];
  }
}
