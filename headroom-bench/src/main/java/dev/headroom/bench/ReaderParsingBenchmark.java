package dev.headroom.bench;

import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.LoadTestFormat;
import dev.headroom.ingest.loadtest.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the JMeter CSV and k6 NDJSON readers parse a large file, against two baselines: only
 * reading the lines (the floor any reader pays for decoding and line splitting), and the naive
 * approach (a plain {@code split(",")} for the JTL, which mishandles quoted fields; a Jackson tree
 * per line for the NDJSON). The files are the real samples repeated to about {@code targetMb}
 * megabytes in a temporary directory at setup. Throughput in MB/s = file size / time per operation;
 * the setup prints the file sizes.
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar ReaderParsingBenchmark -f 1 -wi 2
 * -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ReaderParsingBenchmark {

  @Param("50")
  public int targetMb;

  private Path dir;
  private Path jtl;
  private Path ndjson;
  private final ObjectMapper mapper = JsonMapper.builder().build();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("headroom-bench");
    jtl = repeat("/bench/jmeter.jtl.csv", false, true, dir.resolve("jmeter-big.jtl.csv"));
    ndjson = repeat("/bench/k6-points.ndjson.gz", true, false, dir.resolve("k6-big.ndjson"));
    System.out.printf(
        "%n# jmeter-big.jtl.csv %.1f MB, k6-big.ndjson %.1f MB%n",
        Files.size(jtl) / 1e6, Files.size(ndjson) / 1e6);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(jtl);
    Files.deleteIfExists(ndjson);
    Files.deleteIfExists(dir);
  }

  /** Writes the resource's lines again and again (the header once) until the file is big enough. */
  private Path repeat(String resource, boolean gzip, boolean header, Path target)
      throws IOException {
    byte[] content;
    try (InputStream raw = ReaderParsingBenchmark.class.getResourceAsStream(resource);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      content = in.readAllBytes();
    }
    String text = new String(content, StandardCharsets.UTF_8);
    int bodyStart = header ? text.indexOf('\n') + 1 : 0;
    byte[] body = text.substring(bodyStart).getBytes(StandardCharsets.UTF_8);
    long size = targetMb * 1_000_000L;
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(text.substring(0, bodyStart).getBytes(StandardCharsets.UTF_8));
      for (long written = bodyStart; written < size; written += body.length) {
        out.write(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static long lines(Path file, Blackhole bh) throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        bh.consume(line);
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public long jmeterCsv_baselineReadLines(Blackhole bh) throws IOException {
    return lines(jtl, bh);
  }

  @Benchmark
  public long jmeterCsv_baselineSplit() throws IOException {
    long sum = 0;
    try (BufferedReader r = Files.newBufferedReader(jtl, StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        sum += Long.parseLong(f[1]);
      }
    }
    return sum;
  }

  @Benchmark
  public LoadTest jmeterCsv_headroomReader() {
    return LoadTestFormat.JMETER_CSV.newReader().read(jtl, ReadOptions.DEFAULTS);
  }

  @Benchmark
  public long k6Json_baselineReadLines(Blackhole bh) throws IOException {
    return lines(ndjson, bh);
  }

  @Benchmark
  public double k6Json_baselineJacksonTreePerLine() throws IOException {
    double sum = 0;
    try (BufferedReader r = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = mapper.readTree(line);
        if ("http_req_duration".equals(n.path("metric").asString(""))) {
          sum += n.path("data").path("value").asDouble();
        }
      }
    }
    return sum;
  }

  @Benchmark
  public LoadTest k6Json_headroomReader() {
    return LoadTestFormat.K6_JSON.newReader().read(ndjson, ReadOptions.DEFAULTS);
  }
}
