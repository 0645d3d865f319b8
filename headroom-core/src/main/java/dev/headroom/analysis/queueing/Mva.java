package dev.headroom.analysis.queueing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mean Value Analysis of closed product-form networks.
 *
 * <p>Exact MVA (Reiser and Lavenberg 1980; Jain §34.2, Box 34.2; Lazowska et al., <i>Quantitative
 * System Performance</i>, §7.4) rests on the arrival theorem: a class-r customer arriving at queue
 * k sees the network in equilibrium with one class-r customer fewer, so
 *
 * <pre>
 *   R_kr(n) = D_kr·(1 + Q_k(n − e_r))   queue          R_kr(n) = D_kr   delay
 *   X_r(n)  = n_r / (Z_r + Σ_k R_kr(n))                 (Little's law on the class)
 *   Q_kr(n) = X_r(n)·R_kr(n)                            (Little's law at the station)
 * </pre>
 *
 * computed for every sub-population vector from 0 to N: Π(N_r + 1) states.
 *
 * <p>Bard–Schweitzer (Schweitzer 1979; Bard 1979; Lazowska §7.4.3) drops the recursion: it
 * estimates the queue seen on arrival from the queue at n itself, Q_kj(n − e_r) ≈ Q_kj(n)·(n_j − [j
 * = r])/n_j, and iterates these equations from an even spread of customers until no queue length
 * moves by more than the tolerance.
 *
 * <p>Queue stations with m &gt; 1 servers are exact in single-class exact MVA (load-dependent MVA
 * with marginal probabilities). Multi-class exact MVA and Bard–Schweitzer decompose them as
 * Seidmann proposed (see {@link Station}): a queue of demand D/m plus a delay of D(m−1)/m.
 */
public final class Mva {

  /** Default Bard–Schweitzer tolerance on queue lengths (customers). */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  /** Exact MVA refuses networks with more states than this; use Bard–Schweitzer for those. */
  public static final long MAX_EXACT_STATES = 20_000_000L;

  /**
   * Exact single-class MVA keeps a result per population; beyond this, time and memory run away.
   */
  public static final int MAX_EXACT_SINGLE_CLASS_POPULATION = 100_000;

  private static final int MAX_ITERATIONS = 1_000_000;

  /** Exact single-class MVA solves 2^M sub-networks for M multi-server stations. */
  static final int MAX_EXACT_MULTISERVERS = 12;

  private Mva() {}

  /**
   * Exact MVA at every sub-population. With one class, multi-server queues are solved exactly
   * (load-dependent MVA); with several classes they use Seidmann's decomposition.
   */
  public static MvaSolution exact(ClosedNetwork network) {
    Prepared p = new Prepared(network);
    if (p.classes == 1) {
      return exactSingleClass(p);
    }
    int classes = p.classes;
    int[] full = p.population;
    long[] stride = new long[classes];
    long total = 1;
    for (int r = 0; r < classes; r++) {
      stride[r] = total;
      total *= full[r] + 1L;
      if (total * p.effective > MAX_EXACT_STATES) {
        throw new QueueInputException(
            String.format(
                Locale.ROOT,
                "exact MVA of %s needs more than %d states (Π(N_r + 1) × stations); use the"
                    + " Bard–Schweitzer approximation",
                network.name().isEmpty() ? "this network" : network.name(),
                MAX_EXACT_STATES));
      }
    }
    List<PopulationResult> results = new ArrayList<>();
    double[] q = new double[(int) (total * p.effective)];
    int[] n = new int[classes];
    double[] x = new double[classes];
    double[][] res = new double[p.effective][classes];
    for (int idx = 1; idx < total; idx++) {
      long rest = idx;
      for (int r = classes - 1; r >= 0; r--) {
        n[r] = (int) (rest / stride[r]);
        rest %= stride[r];
      }
      for (int r = 0; r < classes; r++) {
        x[r] = 0;
        for (int e = 0; e < p.effective; e++) {
          res[e][r] = 0;
        }
        if (n[r] == 0) {
          continue;
        }
        int prev = (int) (idx - stride[r]);
        double cycle = p.think[r];
        for (int e = 0; e < p.effective; e++) {
          double seen = p.isQueue[e] ? q[prev * p.effective + e] : 0.0;
          res[e][r] = p.demand[e][r] * (1.0 + seen);
          cycle += res[e][r];
        }
        x[r] = n[r] / cycle;
      }
      for (int e = 0; e < p.effective; e++) {
        double sum = 0;
        for (int r = 0; r < classes; r++) {
          sum += x[r] * res[e][r];
        }
        q[idx * p.effective + e] = sum;
      }
      if (classes == 1 || idx == total - 1) {
        results.add(p.result(n, x, res, 0));
      }
    }
    if (results.isEmpty()) {
      results.add(p.result(n, x, res, 0)); // every population is zero
    }
    return new MvaSolution(network, MvaAlgorithm.EXACT, 0.0, results);
  }

  /**
   * Exact single-class MVA in which a queue with m servers is load-dependent (service rate min(j,
   * m)/S with j customers present), solved with the marginal probabilities p_k(j | n) of j
   * customers at station k (Reiser and Lavenberg 1980; Bolch et al., <i>Queueing Networks and
   * Markov Chains</i>, §8.1.3; Menascé, Almeida and Dowdy, <i>Performance by Design</i>, §15.2):
   *
   * <pre>
   *   R_k(n)   = D_k/m·(1 + Q_k(n−1) + Σ_{j=1}^{m−1} (m − j)·p_k(j−1 | n−1))
   *   p_k(j|n) = D_k/j·X(n)·p_k(j−1 | n−1)                      for 1 ≤ j ≤ m − 1
   *   p_k(0|n) = p_k(0 | n−1)·X(n) / X_{−k}(n)
   * </pre>
   *
   * The textbook gets p_k(0|n) as one minus the other probabilities; that subtraction leaves
   * rounding noise which the recursion then multiplies by X·D/j at every step, and within a few
   * dozen customers the answer is garbage (a 300-thread pool with 57 requests showed 20 %
   * queueing). Here p_k(0|n) = G_{−k}(n)/G(n) is carried as a product of positive ratios, X_{−k}
   * being the throughput of the network without station k (itself solved by this method, and
   * remembered), so nothing is subtracted. With m = 1 the sum is empty and this is ordinary MVA.
   */
  private static MvaSolution exactSingleClass(Prepared p) {
    int population = p.network.classes().get(0).population();
    if (population > MAX_EXACT_SINGLE_CLASS_POPULATION) {
      throw new QueueInputException(
          "exact MVA solves and keeps every population from 1 to N, and N = "
              + population
              + " is above "
              + MAX_EXACT_SINGLE_CLASS_POPULATION
              + "; use the Bard–Schweitzer approximation (--approximate), which solves N alone");
    }
    long multi = p.network.stations().stream().filter(s -> s.servers() > 1).count();
    if (multi > MAX_EXACT_MULTISERVERS) {
      throw new QueueInputException(
          "exact MVA solves the network without each multi-server station in turn, 2^"
              + multi
              + " sub-networks here; use the Bard–Schweitzer approximation for more than "
              + MAX_EXACT_MULTISERVERS
              + " multi-server stations");
    }
    SingleClass solver = new SingleClass(p);
    boolean[] all = new boolean[p.network.stations().size()];
    java.util.Arrays.fill(all, true);
    List<PopulationResult> results = new ArrayList<>();
    solver.solve(all, results);
    if (results.isEmpty()) {
      double[][] none = new double[all.length][1];
      results.add(p.resultByStation(new int[] {0}, new double[] {0}, none, 0));
    }
    return new MvaSolution(p.network, MvaAlgorithm.EXACT, 0.0, results);
  }

  /** Single-class exact MVA over subsets of the stations (the complements p_k(0|n) needs). */
  private static final class SingleClass {
    private final Prepared p;
    private final int stations;
    private final int population;
    private final double[] d;
    private final int[] m;
    private final boolean[] queue;
    private final java.util.Map<String, double[]> memo = new java.util.HashMap<>();

    SingleClass(Prepared p) {
      this.p = p;
      this.stations = p.network.stations().size();
      this.population = p.population[0];
      this.d = new double[stations];
      this.m = new int[stations];
      this.queue = new boolean[stations];
      for (int k = 0; k < stations; k++) {
        Station s = p.network.stations().get(k);
        d[k] = s.demand(0);
        m[k] = s.servers();
        queue[k] = s.kind() == StationKind.QUEUE;
      }
    }

    /** X(n) for n = 0..N of the sub-network {@code include} (with the think time). */
    double[] throughputs(boolean[] include) {
      String key = java.util.Arrays.toString(include);
      double[] x = memo.get(key);
      if (x == null) {
        x = solve(include, null);
        memo.put(key, x);
      }
      return x;
    }

    /** Solves the sub-network; adds a result per population to {@code results} when given. */
    double[] solve(boolean[] include, List<PopulationResult> results) {
      double z = p.think[0];
      double[] x = new double[population + 1];
      double empty = z;
      for (int k = 0; k < stations; k++) {
        empty += include[k] ? d[k] : 0.0;
      }
      if (empty <= 0) {
        // nowhere to spend time: no customer can be placed, G(n) = 0 for n ≥ 1
        java.util.Arrays.fill(x, Double.POSITIVE_INFINITY);
        x[0] = 0;
        return x;
      }
      double[] q = new double[stations];
      double[][] prob = new double[stations][];
      double[][] complement = new double[stations][];
      for (int k = 0; k < stations; k++) {
        if (include[k] && queue[k] && m[k] > 1) {
          prob[k] = new double[m[k]]; // p(j | n) for j = 0..m−1
          prob[k][0] = 1.0;
          boolean[] without = include.clone();
          without[k] = false;
          complement[k] = throughputs(without);
        }
      }
      double[][] residence = new double[stations][1];
      for (int n = 1; n <= population; n++) {
        double cycle = z;
        for (int k = 0; k < stations; k++) {
          double r;
          if (!include[k]) {
            r = 0.0;
          } else if (!queue[k]) {
            r = d[k];
          } else if (m[k] == 1) {
            r = d[k] * (1.0 + q[k]);
          } else {
            double idle = 0;
            for (int j = 1; j < m[k]; j++) {
              idle += (m[k] - j) * prob[k][j - 1];
            }
            r = d[k] / m[k] * (1.0 + q[k] + idle);
          }
          residence[k][0] = r;
          cycle += r;
        }
        x[n] = n / cycle;
        for (int k = 0; k < stations; k++) {
          q[k] = x[n] * residence[k][0];
          if (prob[k] != null) {
            double[] next = new double[m[k]];
            for (int j = 1; j < m[k]; j++) {
              next[j] = d[k] / j * x[n] * prob[k][j - 1];
            }
            double xc = complement[k][n];
            next[0] = Double.isInfinite(xc) ? 0.0 : prob[k][0] * x[n] / xc;
            prob[k] = next;
          }
        }
        if (results != null) {
          results.add(p.resultByStation(new int[] {n}, new double[] {x[n]}, residence, 0));
        }
      }
      return x;
    }
  }

  /** Bard–Schweitzer with {@link #DEFAULT_TOLERANCE}. */
  public static MvaSolution bardSchweitzer(ClosedNetwork network) {
    return bardSchweitzer(network, DEFAULT_TOLERANCE);
  }

  /**
   * Bard–Schweitzer approximate MVA: for one class at every N from 1 to N (each its own fixed
   * point), for several classes at the full population.
   *
   * @param tolerance stop when no per-class queue length changes by more than this (customers)
   * @throws QueueInputException when the iteration does not settle within a million rounds
   */
  public static MvaSolution bardSchweitzer(ClosedNetwork network, double tolerance) {
    QueueInputException.positive("tolerance", tolerance);
    Prepared p = new Prepared(network);
    List<PopulationResult> results = new ArrayList<>();
    if (p.classes == 1 && p.population[0] > 0) {
      for (int n = 1; n <= p.population[0]; n++) {
        results.add(schweitzerAt(p, new int[] {n}, tolerance));
      }
    } else {
      results.add(schweitzerAt(p, p.population.clone(), tolerance));
    }
    return new MvaSolution(network, MvaAlgorithm.BARD_SCHWEITZER, tolerance, results);
  }

  private static PopulationResult schweitzerAt(Prepared p, int[] n, double tolerance) {
    int classes = p.classes;
    int stations = p.effective;
    double[][] q = new double[stations][classes];
    double[] total = new double[stations];
    for (int e = 0; e < stations; e++) {
      for (int r = 0; r < classes; r++) {
        q[e][r] = (double) n[r] / stations;
        total[e] += q[e][r];
      }
    }
    double[] x = new double[classes];
    double[][] res = new double[stations][classes];
    for (int it = 1; it <= MAX_ITERATIONS; it++) {
      for (int r = 0; r < classes; r++) {
        x[r] = 0;
        if (n[r] == 0) {
          continue;
        }
        double cycle = p.think[r];
        for (int e = 0; e < stations; e++) {
          double seen = p.isQueue[e] ? total[e] - q[e][r] / n[r] : 0.0;
          res[e][r] = p.demand[e][r] * (1.0 + seen);
          cycle += res[e][r];
        }
        x[r] = n[r] / cycle;
      }
      double change = 0;
      for (int e = 0; e < stations; e++) {
        total[e] = 0;
        for (int r = 0; r < classes; r++) {
          double next = x[r] * res[e][r];
          change = Math.max(change, Math.abs(next - q[e][r]));
          q[e][r] = next;
          total[e] += next;
        }
      }
      if (change < tolerance) {
        return p.result(n, x, res, it);
      }
    }
    throw new QueueInputException(
        "Bard–Schweitzer did not settle to a tolerance of "
            + QueueInputException.show(tolerance)
            + " within "
            + MAX_ITERATIONS
            + " iterations; try a larger tolerance or exact MVA");
  }

  /**
   * The network as the solvers see it: multi-server queues split into a queue and a delay
   * (Seidmann), demands per effective station and class, and the map back to the real stations.
   */
  private static final class Prepared {
    final ClosedNetwork network;
    final int classes;
    final int effective;
    final int[] population;
    final double[] think;
    final double[][] demand;
    final boolean[] isQueue;
    final int[] owner;

    Prepared(ClosedNetwork network) {
      this.network = network;
      this.classes = network.classes().size();
      List<double[]> d = new ArrayList<>();
      List<Boolean> queue = new ArrayList<>();
      List<Integer> own = new ArrayList<>();
      for (int k = 0; k < network.stations().size(); k++) {
        Station s = network.stations().get(k);
        int m = s.servers();
        double[] full = new double[classes];
        for (int r = 0; r < classes; r++) {
          full[r] = s.demand(r);
        }
        if (s.kind() == StationKind.QUEUE && m > 1) {
          double[] part = new double[classes];
          double[] rest = new double[classes];
          for (int r = 0; r < classes; r++) {
            part[r] = full[r] / m;
            rest[r] = full[r] * (m - 1) / m;
          }
          d.add(part);
          queue.add(true);
          own.add(k);
          d.add(rest);
          queue.add(false);
          own.add(k);
        } else {
          d.add(full);
          queue.add(s.kind() == StationKind.QUEUE);
          own.add(k);
        }
      }
      this.effective = d.size();
      this.demand = d.toArray(new double[0][]);
      this.isQueue = new boolean[effective];
      this.owner = new int[effective];
      for (int e = 0; e < effective; e++) {
        isQueue[e] = queue.get(e);
        owner[e] = own.get(e);
      }
      this.population = new int[classes];
      this.think = new double[classes];
      for (int r = 0; r < classes; r++) {
        population[r] = network.classes().get(r).population();
        think[r] = network.classes().get(r).thinkTime();
      }
    }

    /** Result from residence times per effective station (Seidmann parts summed back). */
    PopulationResult result(int[] n, double[] x, double[][] res, int iterations) {
      double[][] byStation = new double[network.stations().size()][classes];
      for (int e = 0; e < effective; e++) {
        for (int r = 0; r < classes; r++) {
          byStation[owner[e]][r] += res[e][r];
        }
      }
      return resultByStation(n, x, byStation, iterations);
    }

    /** Result from residence times per real station, {@code residence[k][r]}. */
    PopulationResult resultByStation(
        int[] n, double[] x, double[][] residenceByStation, int iterations) {
      int stations = network.stations().size();
      List<ClassResult> cls = new ArrayList<>();
      double[] stationQueue = new double[stations];
      for (int r = 0; r < classes; r++) {
        double[] residence = new double[stations];
        if (n[r] > 0) {
          for (int k = 0; k < stations; k++) {
            residence[k] = residenceByStation[k][r];
          }
        }
        List<Double> rk = new ArrayList<>();
        List<Double> qk = new ArrayList<>();
        double response = 0;
        for (int k = 0; k < stations; k++) {
          double rr = n[r] > 0 ? residence[k] : 0.0;
          rk.add(rr);
          qk.add(x[r] * rr);
          stationQueue[k] += x[r] * rr;
          response += rr;
        }
        CustomerClass c = network.classes().get(r);
        cls.add(new ClassResult(c.name(), n[r], x[r], response, c.thinkTime(), rk, qk));
      }
      List<StationResult> st = new ArrayList<>();
      for (int k = 0; k < stations; k++) {
        Station s = network.stations().get(k);
        double u = 0;
        if (s.kind() == StationKind.QUEUE) {
          for (int r = 0; r < classes; r++) {
            u += x[r] * s.demand(r);
          }
          u /= s.servers();
          // a saturated station computes X·D/m = 1 give or take one rounding step; say 1
          if (u > 1.0 && u < 1.0 + 1e-12) {
            u = 1.0;
          }
        }
        st.add(new StationResult(s.name(), s.kind(), s.servers(), u, stationQueue[k]));
      }
      List<Integer> pop = new ArrayList<>();
      for (int v : n) {
        pop.add(v);
      }
      return new PopulationResult(pop, cls, st, iterations);
    }
  }
}
