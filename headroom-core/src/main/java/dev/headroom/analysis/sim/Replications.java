package dev.headroom.analysis.sim;

import dev.headroom.analysis.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent replications 0..n−1 on a fixed pool of threads and returns them in index order,
 * so any summary read from the list is the same for any number of threads (replication r's streams
 * depend only on the seed and r). Shared by the queueing-network engine and the system simulator.
 */
public final class Replications {
  private Replications() {}

  /**
   * Replications {@code 0..count-1} of {@code one}, on {@code threads} threads (1: in the calling
   * thread), advancing {@code progress} by one as each finishes (from the worker threads; {@link
   * Progress} is thread-safe). A replication's runtime exception is rethrown as it is.
   */
  public static <T> List<T> run(int count, int threads, IntFunction<T> one, Progress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException(threads + " threads; allowed: at least 1");
    }
    Objects.requireNonNull(one, "one");
    Objects.requireNonNull(progress, "progress");
    List<T> out = new ArrayList<>(count);
    progress.start("replications", count);
    try {
      if (threads == 1) {
        for (int r = 0; r < count; r++) {
          out.add(one.apply(r));
          progress.advance();
        }
        return out;
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
      try {
        List<Future<T>> futures = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
          int rep = r;
          futures.add(
              pool.submit(
                  () -> {
                    T done = one.apply(rep);
                    progress.advance();
                    return done;
                  }));
        }
        for (Future<T> f : futures) {
          out.add(f.get());
        }
        return out;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("simulation interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("replication failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    } finally {
      progress.finish();
    }
  }
}
