package dev.headroom.bench.uncertainty;

import dev.headroom.advice.Advisor;
import dev.headroom.analysis.capacity.MeasuredCapacity;
import dev.headroom.analysis.uncertainty.CapacityDraws;
import dev.headroom.analysis.uncertainty.CapacitySampler;
import dev.headroom.analysis.uncertainty.Draws;
import dev.headroom.analysis.uncertainty.Sampler;
import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Drawing 1,000 systems (the roadmap's default draw count) from a system with seven ranged figures,
 * and 1,000 capacities from a USL fit's covariance, beside two reference points: {@code
 * baselineCopy1000}, 1,000 copies of the system with no figure changed (the floor any per-draw
 * system pays), and {@code advise1000}, the current advisor run once per drawn system (what a
 * roadmap that re-evaluates the model per draw costs at least, against the 2 s budget of issue 8).
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar SamplerBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SamplerBenchmark {

  private static final int DRAWS = Sampler.DEFAULT_DRAWS;

  private static final String SYSTEM =
      "name: ranged-shop\n"
          + "workload:\n"
          + "  active_users: 40K..50K\n"
          + "  peak_rps: 700..900 rps\n"
          + "  read_ratio: 85%..95%\n"
          + "  queries_per_request: 10..14\n"
          + "  growth: 8..15%/month\n"
          + "  data_size: 300..500GiB\n"
          + "slo: { latency_p95: 300ms, availability: 99.9% }\n"
          + "components:\n"
          + "  - { name: lb, kind: load_balancer, algorithm: round_robin, cost: 20 USD/month }\n"
          + "  - { name: web, kind: app, instances: 2, vcpu: 4, memory: 8GiB, cost: 140 USD/month,"
          + " pool: { size: 20 } }\n"
          + "  - { name: db, kind: database, role: primary, vcpu: 8, memory: 32GiB, storage: ssd,"
          + " max_connections: 200, cost: 520 USD/month }\n"
          + "  - { name: cache, kind: cache, engine: redis, memory: 4GiB }\n"
          + "observations:\n"
          + "  web.cpu: 78%\n"
          + "  db.cpu: 75%..85%\n"
          + "  db.connections_in_use: 170\n"
          + "  cache.hit_ratio: 62%\n";

  /** Gunther's SPEC SDM91 points (smoeding/usl's data set), 7 concurrency levels. */
  private static final double[][] SPECSDM91 = {
    {1, 64.9}, {18, 995.9}, {36, 1652.4}, {72, 1853.2}, {108, 1828.9}, {144, 1775.0}, {216, 1702.2}
  };

  private SystemSpec spec;
  private Map<String, MeasuredCapacity> capacities;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    spec = SystemFileReader.read("ranged-shop.yaml", SYSTEM);
    List<UslPoint> points = new ArrayList<>();
    for (double[] p : SPECSDM91) {
      points.add(new UslPoint(p[0], p[1]));
    }
    UslModel usl = UslFitter.fit(points);
    capacities =
        Map.of(
            "web",
            new MeasuredCapacity(
                "web",
                new Figure(
                    usl.maxThroughput(),
                    Dimension.RATE,
                    new Provenance.Derived("USL peak", List.of())),
                usl,
                null,
                List.of(),
                List.of()));
  }

  /** A new seed per invocation, so no run is served from a previous one's work. */
  private long nextSeed() {
    return ++seed;
  }

  @Benchmark
  public void baselineCopy1000(Blackhole bh) {
    for (int i = 0; i < DRAWS; i++) {
      bh.consume(spec.withFacts(Map.of()));
    }
  }

  /** The draws as primitive arrays only: what the sampler itself costs. */
  @Benchmark
  public Draws drawValues1000() {
    return new Sampler(nextSeed(), DRAWS).draw(spec);
  }

  /** The draws and every drawn system built, as a roadmap reads them. */
  @Benchmark
  public void drawSystems1000(Blackhole bh) {
    Draws d = new Sampler(nextSeed(), DRAWS).draw(spec);
    for (int i = 0; i < d.count(); i++) {
      bh.consume(d.system(i));
    }
  }

  /** 1,000 capacities from the fit's covariance, and the evidence map of every draw. */
  @Benchmark
  public void drawCapacities1000(Blackhole bh) {
    CapacityDraws d = new CapacitySampler(nextSeed(), DRAWS).draw(capacities, spec);
    for (int i = 0; i < d.count(); i++) {
      bh.consume(d.capacities(i));
    }
  }

  /** Reference: today's advisor once per drawn system. */
  @Benchmark
  public void advise1000(Blackhole bh) {
    Draws d = new Sampler(nextSeed(), DRAWS).draw(spec);
    for (int i = 0; i < d.count(); i++) {
      bh.consume(Advisor.advise(d.system(i)));
    }
  }
}
