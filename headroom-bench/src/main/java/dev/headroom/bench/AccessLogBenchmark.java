package dev.headroom.bench;

import dev.headroom.ingest.accesslog.AccessLogReader;
import dev.headroom.ingest.accesslog.AccessLogSettings;
import dev.headroom.ingest.accesslog.AccessLogSummary;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The access-log reader in process, against two baselines on the same file: only reading the lines
 * (the floor: decoding and line splitting), and the usual way (one regular expression per line for
 * {@code combined}, then the fields parsed with the JDK). The file is a seeded {@code combined} log
 * with {@code lines} lines (API routes with ids and query strings, static assets, pages, 4xx/5xx,
 * 3% crawlers) written to a temporary directory at setup. Lines per second = lines / time per
 * operation.
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar AccessLogBenchmark -f 1 -wi 2 -i
 * 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AccessLogBenchmark {

  @Param("500000")
  public int lines;

  private Path dir;
  private Path log;

  private static final Pattern COMBINED =
      Pattern.compile(
          "^(\\S+) \\S+ (\\S+) \\[([^]]+)] \"(\\S+) (\\S+) ([^\"]*)\" (\\d{3}) (\\d+|-) \"([^\"]*)\""
              + " \"([^\"]*)\"$");
  private static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("headroom-bench");
    log = dir.resolve("access.log");
    write(log, lines, 1);
    System.out.printf("%n# access.log %d lines, %.1f MB%n", lines, Files.size(log) / 1e6);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(log);
    Files.deleteIfExists(dir);
  }

  /** A seeded combined log: the same mix as scripts/gen-access-log.py, in Java for the setup. */
  static void write(Path file, int n, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    String[] agents = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
      "okhttp/4.12.0"
    };
    String bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    String[] statics = {"/static/css/app.%d.css", "/static/js/app.%d.js", "/static/img/p%d.png"};
    String[] pages = {"/", "/products", "/cart", "/checkout"};
    DateTimeFormatter f = TIME_LOCAL.withZone(ZoneOffset.UTC);
    double t = Instant.parse("2026-11-23T00:00:00Z").getEpochSecond();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        t += -Math.log(1 - r.nextDouble()) / 150.0;
        double k = r.nextDouble();
        String path;
        int size;
        if (k < 0.4) {
          path = "/api/items/" + r.nextInt(1, 100_000) + (r.nextDouble() < 0.3 ? "?page=2" : "");
          size = r.nextInt(200, 4000);
        } else if (k < 0.55) {
          path =
              String.format(
                  Locale.ROOT,
                  "/api/orders/%08x-%04x-4%03x-a%03x-%012x",
                  r.nextInt(),
                  r.nextInt(0x10000),
                  r.nextInt(0x1000),
                  r.nextInt(0x1000),
                  r.nextLong(1L << 48));
          size = r.nextInt(300, 2500);
        } else if (k < 0.85) {
          path = String.format(Locale.ROOT, statics[r.nextInt(statics.length)], r.nextInt(1, 40));
          size = r.nextInt(2000, 300_000);
        } else {
          path = pages[r.nextInt(pages.length)];
          size = r.nextInt(5000, 60_000);
        }
        double s = r.nextDouble();
        int status = s < 0.93 ? 200 : s < 0.95 ? 304 : s < 0.985 ? 404 : s < 0.997 ? 500 : 502;
        String agent = r.nextDouble() < 0.03 ? bot : agents[r.nextInt(agents.length)];
        w.write(
            r.nextInt(1, 224)
                + "."
                + r.nextInt(256)
                + "."
                + r.nextInt(256)
                + "."
                + r.nextInt(1, 255)
                + " - - ["
                + f.format(Instant.ofEpochSecond((long) t))
                + "] \"GET "
                + path
                + " HTTP/1.1\" "
                + status
                + " "
                + (status == 304 ? 0 : size)
                + " \"-\" \""
                + agent
                + "\"\n");
      }
    }
  }

  @Benchmark
  public long baselineReadLines() throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        n += line.length();
      }
    }
    return n;
  }

  @Benchmark
  public void baselineRegexPerLine(Blackhole bh) throws IOException {
    long errors = 0;
    long bytes = 0;
    long lastSecond = 0;
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m = COMBINED.matcher(line);
        if (!m.matches()) {
          continue;
        }
        int status = Integer.parseInt(m.group(7));
        errors += status >= 500 ? 1 : 0;
        bytes += m.group(8).equals("-") ? 0 : Long.parseLong(m.group(8));
        lastSecond = java.time.OffsetDateTime.parse(m.group(3), TIME_LOCAL).toEpochSecond();
        bh.consume(m.group(5));
      }
    }
    bh.consume(errors + bytes + lastSecond);
  }

  @Benchmark
  public AccessLogSummary headroomReader() {
    return new AccessLogReader(AccessLogSettings.DEFAULTS)
        .read(List.of(log), Optional.of("combined"));
  }
}
