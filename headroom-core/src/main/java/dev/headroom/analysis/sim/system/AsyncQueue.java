package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;

/**
 * A queue with {@code workers} async workers (P12): an async request is answered as soon as the app
 * has enqueued its job; the job waits FCFS for a worker and takes {@code service}. The async
 * class's latency is from arrival to the job's end.
 */
public record AsyncQueue(int workers, ServiceTime service) {
  public AsyncQueue {
    Check.atLeast("queue.workers", workers, 1);
    java.util.Objects.requireNonNull(service, "queue.service");
  }
}
