package dev.headroom.ingest.jmeter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sample files and a tap that keeps every request a reader records, for exact cross-checks. */
final class JtlFixtures {

  private JtlFixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(JtlFixtures.class.getResource("/jmeter/" + name).toURI());
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

  /** One recorded request (or aggregate of {@code count}). */
  record Request(double concurrency, long endMicros, long latencyMicros, long count, long errors) {}

  static final class Tap implements RequestSink {
    final List<Request> requests = new ArrayList<>();

    @Override
    public void accept(
        double concurrency, long endMicros, long latencyMicros, long count, long errors) {
      requests.add(new Request(concurrency, endMicros, latencyMicros, count, errors));
    }

    /** Latencies in ms, one per sample (aggregates expanded), sorted. */
    double[] sortedMs() {
      return sortedMs(Double.NaN);
    }

    /** As {@link #sortedMs()}, only those at {@code concurrency} (NaN for all). */
    double[] sortedMs(double concurrency) {
      List<Double> out = new ArrayList<>();
      for (Request r : requests) {
        if (Double.isNaN(concurrency) || r.concurrency() == concurrency) {
          for (long i = 0; i < r.count(); i++) {
            out.add(r.latencyMicros() / 1000.0);
          }
        }
      }
      double[] a = out.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(a);
      return a;
    }
  }

  /** Nearest rank: the ceil(p·n)-th smallest. */
  static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
