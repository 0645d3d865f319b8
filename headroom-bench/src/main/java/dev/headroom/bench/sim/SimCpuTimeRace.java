package dev.headroom.bench.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link SimEngineBenchmark} for a shared machine: the same five operations run
 * round-robin in one thread, each timed by the thread's CPU time ({@link
 * ThreadMXBean#getCurrentThreadCpuTime}), so time the thread spends descheduled by other jobs does
 * not count. JMH's wall-clock scores on a machine with a load average of 10 on 2 cores swing by
 * more than 2x between runs; the CPU-time ratio is the steadier comparison. The first 10 of 40
 * rounds are warm-up.
 *
 * <p>Run: {@code java -cp headroom-bench/target/benchmarks.jar
 * dev.headroom.bench.sim.SimCpuTimeRace}
 */
public final class SimCpuTimeRace {
  private static final int ROUNDS = 40;
  private static final int WARMUP_ROUNDS = 10;

  private SimCpuTimeRace() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SimEngineBenchmark b = new SimEngineBenchmark();
    b.setUp();
    String[] names = {
      "mm1_headroom",
      "mm1_ssj",
      "mm1_baselinePriorityQueue",
      "fiveStations_headroom",
      "fiveStations_ssj"
    };
    long[] cpu = new long[names.length];
    long[] events = new long[names.length];
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < names.length; k++) {
        SimEngineBenchmark.Events e = new SimEngineBenchmark.Events();
        long t0 = mx.getCurrentThreadCpuTime();
        switch (k) {
          case 0 -> b.mm1_headroom(e);
          case 1 -> b.mm1_ssj(e);
          case 2 -> b.mm1_baselinePriorityQueue(e);
          case 3 -> b.fiveStations_headroom(e);
          default -> b.fiveStations_ssj(e);
        }
        long dt = mx.getCurrentThreadCpuTime() - t0;
        if (round >= WARMUP_ROUNDS) {
          cpu[k] += dt;
          events[k] += e.events;
        }
      }
    }
    for (int k = 0; k < names.length; k++) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-28s %6.2f M events per CPU second",
              names[k],
              events[k] / (cpu[k] / 1e9) / 1e6));
    }
  }
}
