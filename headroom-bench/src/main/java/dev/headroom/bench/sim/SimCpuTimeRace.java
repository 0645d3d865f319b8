package dev.headroom.bench.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A companion to {@link SimEngineBenchmark} for a shared machine: the same operations (SSJ on each
 * of its event lists) run round-robin in one thread, each timed by the thread's CPU time ({@link
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

  /** SSJ 3.3.2's five event lists, its default (the splay tree) first. */
  private static final List<String> SSJ_LISTS =
      List.of("SplayTree", "DoublyLinked", "BinaryTree", "RedblackTree", "Henriksen");

  private SimCpuTimeRace() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SimEngineBenchmark b = new SimEngineBenchmark();
    b.setUp();
    List<String> names = new ArrayList<>();
    List<Consumer<SimEngineBenchmark.Events>> ops = new ArrayList<>();
    names.add("mm1_headroom");
    ops.add(b::mm1_headroom);
    for (String list : SSJ_LISTS) {
      SimEngineBenchmark.SsjEventList l = new SimEngineBenchmark.SsjEventList();
      l.eventList = list;
      names.add("mm1_ssj " + list);
      ops.add(e -> b.mm1_ssj(e, l));
    }
    names.add("mm1_baselinePriorityQueue");
    ops.add(b::mm1_baselinePriorityQueue);
    names.add("fiveStations_headroom");
    ops.add(b::fiveStations_headroom);
    for (String list : SSJ_LISTS) {
      SimEngineBenchmark.SsjEventList l = new SimEngineBenchmark.SsjEventList();
      l.eventList = list;
      names.add("fiveStations_ssj " + list);
      ops.add(e -> b.fiveStations_ssj(e, l));
    }
    long[] cpu = new long[names.size()];
    long[] events = new long[names.size()];
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < names.size(); k++) {
        SimEngineBenchmark.Events e = new SimEngineBenchmark.Events();
        long t0 = mx.getCurrentThreadCpuTime();
        ops.get(k).accept(e);
        long dt = mx.getCurrentThreadCpuTime() - t0;
        if (round >= WARMUP_ROUNDS) {
          cpu[k] += dt;
          events[k] += e.events;
        }
      }
    }
    for (int k = 0; k < names.size(); k++) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-32s %6.2f M events per CPU second",
              names.get(k),
              events[k] / (cpu[k] / 1e9) / 1e6));
    }
  }
}
