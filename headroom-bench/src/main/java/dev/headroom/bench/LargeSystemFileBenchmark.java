package dev.headroom.bench;

import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.ingest.yaml.Node;
import dev.headroom.ingest.yaml.YamlTree;
import dev.headroom.model.SystemSpec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost of a system file grows with its component count, up to the 1 MiB cap (about 19,000
 * components): reading and checking it, and advising on it, against the baseline of only parsing
 * the YAML into a positioned tree (the floor any reader pays). Linear cost shows as time per
 * component that stays flat across {@code components}; the search by name that made 18,921
 * components take 16 s showed as time growing with the count.
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar LargeSystemFileBenchmark -f 1 -wi 2
 * -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class LargeSystemFileBenchmark {

  @Param({"2000", "18921"})
  public int components;

  private byte[] bytes;
  private String text;

  @Setup(Level.Trial)
  public void setUp() {
    StringBuilder sb =
        new StringBuilder(
            "name: big\nworkload: { peak_rps: 700 }\ncomponents:\n"
                + "  - { name: db, kind: database, role: primary }\n");
    for (int i = 0; i < components; i++) {
      sb.append("  - { name: a").append(i).append(", kind: app, uses: [db] }\n");
    }
    text = sb.toString();
    bytes = text.getBytes(StandardCharsets.UTF_8);
    System.out.printf("%n# %d components, %.2f MB%n", components, bytes.length / 1e6);
  }

  /** Baseline: YAML to the positioned tree, nothing checked. */
  @Benchmark
  public Node parseOnly() {
    return YamlTree.parse("big.yaml", bytes, new YamlTree.Kind("a system file", "a system file"));
  }

  @Benchmark
  public SystemSpec read() {
    return SystemFileReader.read("big.yaml", text);
  }

  @Benchmark
  public Advice readAndAdvise() {
    return Advisor.advise(SystemFileReader.read("big.yaml", text));
  }
}
