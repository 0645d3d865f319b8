package dev.headroom.bench.usl;

import dev.headroom.analysis.usl.UslFitter;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to fit the USL to 10, 100 and 1000 points. {@code headroom} is the full fit (three starts,
 * the active-set check, covariance, t quantile, Amdahl and linear comparisons); {@code
 * baselineUnboundedLm} is a single unbounded Hipparchus Levenberg–Marquardt run from usl4j's start
 * (σ, κ, λ) = (0.1, 0.01, max X/N), coefficients only: the least work that yields σ, κ, λ. The
 * natural peer, usl4j, cannot be raced: {@code com.codahale:usl4j} 0.7.0 and 0.6.1 are not on Maven
 * Central (its README reports 0.5 µs for 10 points with DDogleg's LM).
 *
 * <p>Data: the Cisco coefficients (Schwartz 2015: σ 0.0267, κ 0.000769, λ 995.6) at concurrencies
 * spread over 1–64, with 2 % uniform multiplicative noise from a fixed seed.
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar UslFitBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UslFitBenchmark {

  private static final double SIGMA = 0.0267;
  private static final double KAPPA = 0.000769;
  private static final double LAMBDA = 995.6;

  @Param({"10", "100", "1000"})
  int size;

  private List<UslPoint> points;
  private double[] n;
  private double[] x;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    points = new ArrayList<>();
    n = new double[size];
    x = new double[size];
    for (int i = 0; i < size; i++) {
      n[i] = 1 + 63.0 * i / (size - 1);
      double d = 1 + SIGMA * (n[i] - 1) + KAPPA * n[i] * (n[i] - 1);
      x[i] = LAMBDA * n[i] / d * (1 + 0.02 * (2 * rnd.nextDouble() - 1));
      points.add(new UslPoint(n[i], x[i]));
    }
  }

  @Benchmark
  public UslModel headroom() {
    return UslFitter.fit(points);
  }

  @Benchmark
  public double[] baselineUnboundedLm() {
    double lambda0 = 0;
    for (int i = 0; i < n.length; i++) {
      lambda0 = Math.max(lambda0, x[i] / n[i]);
    }
    LeastSquaresOptimizer.Optimum opt =
        new LevenbergMarquardtOptimizer()
            .optimize(
                new LeastSquaresBuilder()
                    .model(
                        p -> {
                          double s = p.getEntry(0);
                          double k = p.getEntry(1);
                          double l = p.getEntry(2);
                          RealVector v = new ArrayRealVector(n.length);
                          RealMatrix j = new Array2DRowRealMatrix(n.length, 3);
                          for (int i = 0; i < n.length; i++) {
                            double ni = n[i];
                            double d = 1 + s * (ni - 1) + k * ni * (ni - 1);
                            double q = l * ni / (d * d);
                            v.setEntry(i, l * ni / d);
                            j.setEntry(i, 0, -q * (ni - 1));
                            j.setEntry(i, 1, -q * ni * (ni - 1));
                            j.setEntry(i, 2, ni / d);
                          }
                          return new Pair<>(v, j);
                        })
                    .target(x)
                    .start(new double[] {0.1, 0.01, lambda0})
                    .maxEvaluations(10_000)
                    .maxIterations(5_000)
                    .build());
    return opt.getPoint().toArray();
  }
}
