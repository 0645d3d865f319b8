package dev.headroom.analysis.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single-class exact MVA with several multi-server stations against Buzen's convolution algorithm
 * written independently here: G(n) = Σ over placements of Π_k f_k(n_k), with f_k(j) = D^j / Π_{i≤j}
 * min(i, m) for a queue and D^j/j! for a delay or the think time. X(N) = G(N−1)/G(N), and the mean
 * number at station k is Σ_j j·f_k(j)·G_{−k}(N−j)/G(N).
 */
class MvaConvolutionCrossCheckTest {

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0xC0FFEE00L + i);
  }

  private static double[] factors(double demand, int servers, boolean delay, int n) {
    double[] f = new double[n + 1];
    f[0] = 1;
    for (int j = 1; j <= n; j++) {
      f[j] = f[j - 1] * demand / (delay ? j : Math.min(j, servers));
    }
    return f;
  }

  private static double[] convolve(List<double[]> fs, int n) {
    double[] g = new double[n + 1];
    g[0] = 1;
    for (double[] f : fs) {
      double[] next = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        for (int j = 0; j <= i; j++) {
          next[i] += f[j] * g[i - j];
        }
      }
      g = next;
    }
    return g;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exact_matchesConvolutionWithSeveralMultiServerStations(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(15);
    double z = rnd.nextBoolean() ? 0.0 : rnd.nextDouble(0.1, 5);
    int k = 2 + rnd.nextInt(3);
    List<Station> stations = new ArrayList<>();
    List<double[]> fs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double d = rnd.nextDouble(0.05, 1.0);
      int m = 1 + rnd.nextInt(4);
      stations.add(Station.ofDemands("s" + i, StationKind.QUEUE, d).withServers(m));
      fs.add(factors(d, m, false, n));
    }
    List<double[]> withThink = new ArrayList<>(fs);
    withThink.add(factors(z, 1, true, n));
    double[] g = convolve(withThink, n);
    PopulationResult p =
        Mva.exact(ClosedNetwork.singleClass("x", n, z, stations)).atFullPopulation();
    double x = g[n - 1] / g[n];
    assertThat(p.totalThroughput()).isCloseTo(x, within(1e-10 * x));
    for (int i = 0; i < k; i++) {
      List<double[]> others = new ArrayList<>(withThink);
      others.remove(i);
      double[] gOthers = convolve(others, n);
      double q = 0;
      for (int j = 1; j <= n; j++) {
        q += j * fs.get(i)[j] * gOthers[n - j] / g[n];
      }
      assertThat(p.stations().get(i).queueLength())
          .as("Q at s%d", i)
          .isCloseTo(q, within(1e-9 * n));
    }
  }
}
