package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;

/**
 * The app instances. Each runs up to {@code threads} requests at once (thread-per-request: a thread
 * is held for the whole request, CPU, external calls, waiting for and using a connection); the CPU
 * work of the requests it holds is served by {@code workers} servers (cores) sharing one FCFS
 * queue, so with enough threads an instance is M/G/c on its CPU. Each instance has a pool of {@code
 * poolSize} database connections with a FCFS wait queue; a request waits at most {@code
 * poolTimeoutSeconds} for a connection, then fails as a timeout. An instance with {@code backlog}
 * requests already waiting for a thread refuses the next one (an error).
 *
 * @param workers c, the servers of the CPU queue (vCPUs)
 * @param service the CPU time of one request on one worker
 */
public record AppTier(
    int instances,
    int workers,
    int threads,
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

  /**
   * Threads per instance when none is given: 200, Tomcat's default {@code maxThreads} (the most
   * common Java servlet container), so threads rarely limit before the CPU does.
   */
  public static final int DEFAULT_THREADS = 200;

  public AppTier {
    Check.atLeast("app.instances", instances, 1);
    Check.atLeast("app.workers", workers, 1);
    Check.atLeast("app.threads", threads, 1);
    java.util.Objects.requireNonNull(service, "app.service");
    Check.atLeast("app.pool.size", poolSize, 1);
    Check.positive("app.pool.timeout (seconds)", poolTimeoutSeconds);
    Check.atLeast("app.backlog", backlog, 1);
  }

  public AppTier(
      int instances, int workers, ServiceTime service, int poolSize, double poolTimeoutSeconds) {
    this(
        instances,
        workers,
        DEFAULT_THREADS,
        service,
        poolSize,
        poolTimeoutSeconds,
        DEFAULT_BACKLOG);
  }

  public AppTier(
      int instances,
      int workers,
      ServiceTime service,
      int poolSize,
      double poolTimeoutSeconds,
      int backlog) {
    this(instances, workers, DEFAULT_THREADS, service, poolSize, poolTimeoutSeconds, backlog);
  }

  public AppTier withInstances(int n) {
    return new AppTier(n, workers, threads, service, poolSize, poolTimeoutSeconds, backlog);
  }
}
