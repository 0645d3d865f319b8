package dev.headroom.analysis.sim.system;

/** How the load balancer picks an instance (P2). */
public enum Balancing {
  /** Each instance in rotation in turn. */
  ROUND_ROBIN,
  /** Smooth weighted round robin (nginx's): instance i gets weight_i / Σ weight of the requests. */
  WEIGHTED,
  /** The instance with the fewest requests in flight (ties to the lowest index). */
  LEAST_CONNECTIONS,
  /**
   * The client's hash picks the instance (affinity): hash(client) mod instances in rotation, so a
   * change of rotation moves clients (no consistent hashing).
   */
  IP_HASH,
  /** Two instances drawn at random, the one with fewer in flight (Mitzenmacher 2001). */
  POWER_OF_TWO,
  /** One instance drawn uniformly. */
  RANDOM
}
