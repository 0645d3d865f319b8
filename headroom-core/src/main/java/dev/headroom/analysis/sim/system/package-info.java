/**
 * The system simulator: the capacity model run request by request. Arrivals (Poisson, diurnal,
 * spikes, a CDN share), a load balancer (round robin, weighted, least connections, IP hash, power
 * of two, random; health checks), app instances with workers and a connection pool with a timeout,
 * a cache (hit ratio or TTL over Zipf keys; cache-aside, write-through, write-behind), a primary
 * with read replicas (lag, fall-back) or shards (hash, range, directory), a queue with async
 * workers, an external service with timeouts, retries and a circuit breaker, an autoscaler (P13)
 * and injected failures.
 *
 * <p>Same engine habits as {@link dev.headroom.analysis.sim}: an event list on primitive arrays,
 * requests as int ids with parallel attribute arrays, the clock in the simulator instance, named
 * seeded streams, replications in parallel with results independent of the thread count, warm-up
 * deletion and t intervals. {@link dev.headroom.analysis.sim.system.ModelSimulation} builds a
 * {@link dev.headroom.analysis.sim.system.SystemModel} from the capacity model, with the provenance
 * of every parameter.
 */
package dev.headroom.analysis.sim.system;
