package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;

/**
 * The app instances: each has {@code workers} servers sharing one FCFS queue (M/G/c per instance),
 * and a pool of {@code poolSize} database connections with a FCFS wait queue; a request waits at
 * most {@code poolTimeoutSeconds} for a connection, then fails as a timeout. A worker is held for
 * the whole request (CPU, external calls, waiting for and using a connection): thread-per-request.
 * An instance with {@code backlog} requests already waiting refuses the next one (an error).
 *
 * @param service the CPU time of one request on one worker
 */
public record AppTier(
    int instances,
    int workers,
    ServiceTime service,
    int poolSize,
    double poolTimeoutSeconds,
    int backlog) {

  /**
   * Requests an instance holds waiting for a worker before it refuses more (an error, as a full
   * listen queue refuses connections): nginx's default {@code listen ... backlog=511}. It keeps an
   * overloaded run finite and shows overload as errors.
   */
  public static final int DEFAULT_BACKLOG = 511;

  public AppTier {
    Check.atLeast("app.instances", instances, 1);
    Check.atLeast("app.workers", workers, 1);
    java.util.Objects.requireNonNull(service, "app.service");
    Check.atLeast("app.pool.size", poolSize, 1);
    Check.positive("app.pool.timeout (seconds)", poolTimeoutSeconds);
    Check.atLeast("app.backlog", backlog, 1);
  }

  public AppTier(
      int instances, int workers, ServiceTime service, int poolSize, double poolTimeoutSeconds) {
    this(instances, workers, service, poolSize, poolTimeoutSeconds, DEFAULT_BACKLOG);
  }

  public AppTier withInstances(int n) {
    return new AppTier(n, workers, service, poolSize, poolTimeoutSeconds, backlog);
  }
}
