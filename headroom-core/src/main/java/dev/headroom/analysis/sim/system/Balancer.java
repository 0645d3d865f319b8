package dev.headroom.analysis.sim.system;

import java.util.SplittableRandom;

/**
 * The load balancer's choice among the instances in rotation, by {@link Balancing}. The rotation
 * changes only when an instance joins or leaves (rare), so it is an int array rebuilt then; a pick
 * allocates nothing.
 */
final class Balancer {
  private final LoadBalancer config;
  private int[] rotation = new int[0];
  private double[] current = new double[0];
  private int next;

  Balancer(LoadBalancer config, int maxInstances) {
    this.config = config;
    current = new double[maxInstances];
  }

  void rotation(int[] instances) {
    rotation = instances;
    next = 0;
    java.util.Arrays.fill(current, 0);
  }

  int size() {
    return rotation.length;
  }

  /**
   * The instance for a request from {@code client}, or −1 when none is in rotation. {@code
   * inFlight} is requests in flight per instance.
   */
  int pick(SplittableRandom rng, int client, int[] inFlight) {
    int n = rotation.length;
    if (n == 0) {
      return -1;
    }
    switch (config.algorithm()) {
      case ROUND_ROBIN -> {
        int i = rotation[next % n];
        next = (next + 1) % n;
        return i;
      }
      case WEIGHTED -> {
        // smooth weighted round robin (nginx, 2012): add each weight, take the largest, subtract
        // the total from it; over Σw picks instance i is chosen w_i times, evenly spread
        double total = 0;
        int best = -1;
        for (int k = 0; k < n; k++) {
          int i = rotation[k];
          double w = config.weight(i);
          current[i] += w;
          total += w;
          if (best < 0 || current[i] > current[best]) {
            best = i;
          }
        }
        current[best] -= total;
        return best;
      }
      case LEAST_CONNECTIONS -> {
        int best = rotation[0];
        for (int k = 1; k < n; k++) {
          if (inFlight[rotation[k]] < inFlight[best]) {
            best = rotation[k];
          }
        }
        return best;
      }
      case IP_HASH -> {
        return rotation[(int) Long.remainderUnsigned(ShardMap.mix64(client), n)];
      }
      case POWER_OF_TWO -> {
        if (n == 1) {
          return rotation[0];
        }
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) {
          b++;
        }
        int ia = rotation[a];
        int ib = rotation[b];
        return inFlight[ib] < inFlight[ia] ? ib : ia;
      }
      case RANDOM -> {
        return rotation[rng.nextInt(n)];
      }
      default -> throw new IllegalStateException("unknown balancing " + config.algorithm());
    }
  }
}
