package dev.headroom.bench.sim;

import dev.headroom.analysis.sim.Network;
import dev.headroom.analysis.sim.PoissonSource;
import dev.headroom.analysis.sim.ServiceTime;
import dev.headroom.analysis.sim.Simulator;
import dev.headroom.analysis.sim.Station;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Accumulate;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;
import umontreal.ssj.stat.Tally;

/**
 * Events per second on one core: headroom's engine against SSJ 3.3.2 (the Java DES library with the
 * best streams and statistics; MODELS.md §3) on the same two models, plus a bare JDK {@code
 * PriorityQueue} M/M/1 with no statistics as the floor any engine pays.
 *
 * <ul>
 *   <li>M/M/1 at ρ = 0.9 (λ = 0.9/s, S = 1 s), 200,000 simulated seconds per operation (about
 *       360,000 events).
 *   <li>A five-station open network: a web tier (2 servers) feeding app (4), cache (1), db (1) and
 *       a slow external call (8), with feedback from db and cache to app; exponential service,
 *       Poisson arrivals at 100/s. The traffic equations give visit ratios (1, 3.08, 1.54, 0.77,
 *       0.31) and utilisations (0.50, 0.62, 0.62, 0.77, 0.58). 1,000 s per operation (about 770,000
 *       events).
 * </ul>
 *
 * <p>Both engines do the same bookkeeping: per station the time-average number present and busy
 * (SSJ {@code Accumulate}), the mean wait (SSJ {@code Tally}), and the response time per customer
 * (SSJ {@code Tally}; headroom also records it in an HdrHistogram for percentiles, which SSJ does
 * not). SSJ is written as its tutorial {@code QueueEv} is: an {@code Event} object per arrival and
 * departure, a {@code Simulator} instance (not the static default), MRG32k3a streams and {@code
 * ExponentialGen}; on each of SSJ's five event lists ({@link SsjEventList}: its default splay tree
 * and the four others). The score is {@code events}, the AuxCounter of events processed, as events
 * per second; one thread.
 *
 * <p>Run: {@code java -jar headroom-bench/target/benchmarks.jar SimEngine -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SimEngineBenchmark {

  static final double MM1_LAMBDA = 0.9;
  static final double MM1_HORIZON = 200_000;
  static final double NET_HORIZON = 1_000;

  /** The five stations: name, servers, mean service time (s). */
  static final String[] NAMES = {"web", "app", "cache", "db", "external"};

  static final int[] SERVERS = {2, 4, 1, 1, 8};
  static final double[] SERVICE = {0.010, 0.008, 0.004, 0.010, 0.150};
  static final double NET_LAMBDA = 100;

  /** Routing: row i, columns 0..4 then the exit. */
  static final double[][] ROUTING = {
    {0, 1, 0, 0, 0, 0},
    {0, 0, 0.5, 0.2, 0.1, 0.2},
    {0, 0.9, 0, 0.1, 0, 0},
    {0, 0.5, 0, 0, 0, 0.5},
    {0, 1, 0, 0, 0, 0}
  };

  /** Events processed, reported by JMH as a rate (events/s). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  /**
   * SSJ's event list. SSJ 3.3.2's {@code Simulator()} uses a {@code SplayTree}; it ships four more
   * implementations of its {@code EventList}, and with ten or so pending events a simple one can
   * beat the splay tree, so every SSJ benchmark runs on each and the report compares headroom with
   * the fastest as well as with the default.
   */
  @State(Scope.Benchmark)
  public static class SsjEventList {
    @Param({"SplayTree", "DoublyLinked", "BinaryTree", "RedblackTree", "Henriksen"})
    public String eventList = "SplayTree";

    EventList create() {
      return create(eventList);
    }

    static EventList create(String name) {
      return switch (name) {
        case "SplayTree" -> new SplayTree();
        case "DoublyLinked" -> new DoublyLinked();
        case "BinaryTree" -> new BinaryTree();
        case "RedblackTree" -> new RedblackTree();
        case "Henriksen" -> new Henriksen();
        default ->
            throw new IllegalArgumentException(
                "SSJ event list '"
                    + name
                    + "'; allowed: SplayTree, DoublyLinked, BinaryTree, RedblackTree, Henriksen");
      };
    }
  }

  private Network mm1;
  private Network five;
  private int replication;

  @Setup
  public void setUp() {
    mm1 =
        new Network(
            List.of(Station.fcfs("queue", 1, ServiceTime.exponential(1.0))),
            List.of(new PoissonSource("arrivals", MM1_LAMBDA, List.of(1.0))),
            new double[][] {{0, 1}});
    List<Station> stations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      stations.add(Station.fcfs(NAMES[i], SERVERS[i], ServiceTime.exponential(SERVICE[i])));
    }
    five =
        new Network(
            stations,
            List.of(new PoissonSource("users", NET_LAMBDA, List.of(1.0, 0.0, 0.0, 0.0, 0.0))),
            ROUTING);
  }

  @Benchmark
  public double mm1_headroom(Events counter) {
    Simulator sim = new Simulator(mm1, 42L, replication++);
    double r = sim.run(0, MM1_HORIZON).sources().get(0).meanResponseSeconds();
    counter.events += sim.eventCount();
    return r;
  }

  @Benchmark
  public double mm1_ssj(Events counter, SsjEventList list) {
    SsjNetwork net =
        new SsjNetwork(
            list.create(),
            new int[] {1},
            new double[] {1.0},
            new double[][] {{0, 1}},
            MM1_LAMBDA,
            replication++);
    double r = net.run(MM1_HORIZON);
    counter.events += net.events;
    return r;
  }

  @Benchmark
  public double mm1_baselinePriorityQueue(Events counter) {
    BareMm1 m = new BareMm1(replication++);
    double r = m.run(MM1_HORIZON);
    counter.events += m.events;
    return r;
  }

  @Benchmark
  public double fiveStations_headroom(Events counter) {
    Simulator sim = new Simulator(five, 42L, replication++);
    double r = sim.run(0, NET_HORIZON).sources().get(0).meanResponseSeconds();
    counter.events += sim.eventCount();
    return r;
  }

  @Benchmark
  public double fiveStations_ssj(Events counter, SsjEventList list) {
    SsjNetwork net =
        new SsjNetwork(list.create(), SERVERS, SERVICE, ROUTING, NET_LAMBDA, replication++);
    double r = net.run(NET_HORIZON);
    counter.events += net.events;
    return r;
  }

  /** An open network of FCFS multi-server stations written the SSJ way (QueueEv generalised). */
  static final class SsjNetwork {
    final umontreal.ssj.simevents.Simulator engine;
    final int n;
    final int[] servers;
    final int[] busy;
    final List<ArrayDeque<Customer>> queues = new ArrayList<>();
    final ExponentialGen[] service;
    final ExponentialGen interarrival;
    final RandomStream routing;
    final double[][] cumulative;
    final Tally[] waits;
    final Accumulate[] inStation;
    final Accumulate[] busyServers;
    final Tally response;
    long events;

    SsjNetwork(
        EventList list, int[] servers, double[] meanService, double[][] p, double lambda, int rep) {
      engine = new umontreal.ssj.simevents.Simulator(list);
      n = servers.length;
      this.servers = servers;
      busy = new int[n];
      service = new ExponentialGen[n];
      waits = new Tally[n];
      inStation = new Accumulate[n];
      busyServers = new Accumulate[n];
      cumulative = new double[n][];
      MRG32k3a.setPackageSeed(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
      for (int i = 0; i < rep % 16; i++) {
        new MRG32k3a(); // a different set of streams per invocation, as headroom's replications
      }
      for (int i = 0; i < n; i++) {
        queues.add(new ArrayDeque<>());
        service[i] = new ExponentialGen(new MRG32k3a(), 1.0 / meanService[i]);
        waits[i] = new Tally("wait " + i);
        inStation[i] = new Accumulate(engine, "in station " + i);
        busyServers[i] = new Accumulate(engine, "busy " + i);
        cumulative[i] = new double[n + 1];
        double sum = 0;
        for (int j = 0; j <= n; j++) {
          sum += p[i][j];
          cumulative[i][j] = sum;
        }
      }
      interarrival = new ExponentialGen(new MRG32k3a(), lambda);
      routing = new MRG32k3a();
      response = new Tally("response");
    }

    double run(double horizon) {
      engine.init();
      for (int i = 0; i < n; i++) {
        inStation[i].init();
        busyServers[i].init();
        waits[i].init();
      }
      response.init();
      new EndOfSimulation().schedule(horizon);
      new Arrival().schedule(interarrival.nextDouble());
      engine.start();
      return response.average();
    }

    final class Customer {
      double entered;
      double arrivedAtStation;
      int station;
    }

    void enter(Customer c, int i) {
      c.station = i;
      c.arrivedAtStation = engine.time();
      inStation[i].update(inStation[i].getLastValue() + 1);
      if (busy[i] < servers[i]) {
        busy[i]++;
        busyServers[i].update(busy[i]);
        waits[i].add(0.0);
        new Departure(c).schedule(service[i].nextDouble());
      } else {
        queues.get(i).addLast(c);
      }
    }

    final class Arrival extends Event {
      Arrival() {
        super(SsjNetwork.this.engine);
      }

      @Override
      public void actions() {
        events++;
        new Arrival().schedule(interarrival.nextDouble());
        Customer c = new Customer();
        c.entered = sim.time();
        enter(c, 0);
      }
    }

    final class Departure extends Event {
      final Customer customer;

      Departure(Customer c) {
        super(SsjNetwork.this.engine);
        customer = c;
      }

      @Override
      public void actions() {
        events++;
        int i = customer.station;
        inStation[i].update(inStation[i].getLastValue() - 1);
        Customer next = queues.get(i).pollFirst();
        if (next != null) {
          waits[i].add(sim.time() - next.arrivedAtStation);
          new Departure(next).schedule(service[i].nextDouble());
        } else {
          busy[i]--;
          busyServers[i].update(busy[i]);
        }
        double u = routing.nextDouble();
        int j = 0;
        while (j < n && u >= cumulative[i][j]) {
          j++;
        }
        if (j >= n) {
          response.add(sim.time() - customer.entered);
        } else {
          enter(customer, j);
        }
      }
    }

    final class EndOfSimulation extends Event {
      EndOfSimulation() {
        super(SsjNetwork.this.engine);
      }

      @Override
      public void actions() {
        engine.stop();
      }
    }
  }

  /**
   * The floor: M/M/1 on a JDK {@code PriorityQueue} of event objects, with only the mean response
   * time kept (no time-weighted statistics, no histogram).
   */
  static final class BareMm1 {
    record Ev(double time, boolean arrival) {}

    final SplittableRandom rng;
    long events;

    BareMm1(int rep) {
      rng = new SplittableRandom(rep);
    }

    double exp(double mean) {
      return -mean * Math.log(1 - rng.nextDouble());
    }

    double run(double horizon) {
      PriorityQueue<Ev> list = new PriorityQueue<>((a, b) -> Double.compare(a.time, b.time));
      ArrayDeque<Double> waiting = new ArrayDeque<>();
      list.add(new Ev(exp(1 / MM1_LAMBDA), true));
      double inService = -1;
      double sum = 0;
      long done = 0;
      while (!list.isEmpty() && list.peek().time <= horizon) {
        Ev e = list.poll();
        events++;
        double t = e.time;
        if (e.arrival) {
          list.add(new Ev(t + exp(1 / MM1_LAMBDA), true));
          if (inService < 0) {
            inService = t;
            list.add(new Ev(t + exp(1.0), false));
          } else {
            waiting.addLast(t);
          }
        } else {
          sum += t - inService;
          done++;
          Double next = waiting.pollFirst();
          if (next != null) {
            inService = next;
            list.add(new Ev(t + exp(1.0), false));
          } else {
            inService = -1;
          }
        }
      }
      return sum / done;
    }
  }
}
