package dev.headroom.analysis.sim.system;

import java.util.Arrays;
import java.util.Optional;

/**
 * The load balancer in front of the app instances.
 *
 * @param weights per instance index for {@link Balancing#WEIGHTED} (empty: all 1; an instance
 *     beyond the list weighs 1)
 * @param healthCheck empty: a dead instance stays in rotation and every request sent to it fails
 */
public record LoadBalancer(
    Balancing algorithm, double[] weights, Optional<HealthCheck> healthCheck) {
  public LoadBalancer {
    java.util.Objects.requireNonNull(algorithm, "load_balancer.algorithm");
    weights = weights == null ? new double[0] : weights.clone();
    for (int i = 0; i < weights.length; i++) {
      Check.positive("load_balancer.weights[" + i + "]", weights[i]);
    }
  }

  public static LoadBalancer of(Balancing algorithm) {
    return new LoadBalancer(algorithm, new double[0], Optional.of(HealthCheck.p2()));
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  double weight(int instance) {
    return instance < weights.length ? weights[instance] : 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoadBalancer l
        && l.algorithm == algorithm
        && Arrays.equals(l.weights, weights)
        && l.healthCheck.equals(healthCheck);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "LoadBalancer[" + algorithm + ", weights " + Arrays.toString(weights) + "]";
  }
}
