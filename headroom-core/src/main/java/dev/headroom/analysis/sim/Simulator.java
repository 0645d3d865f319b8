package dev.headroom.analysis.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One replication of a {@link Network}: event scheduling (Law, Simulation Modeling and Analysis,
 * 5th ed., §1.3) over a primitive {@link EventList}. The clock, the state and the random streams
 * belong to this instance (never static), so any number of simulators run side by side.
 *
 * <p>The hot path allocates nothing: customers are int ids with their attributes in parallel arrays
 * and a free list, FCFS queues are int ring buffers, and an event is a (time, code) pair whose code
 * packs the kind in the low two bits and a source or customer id above them. Arrays grow by
 * doubling only when a population outgrows them.
 *
 * <p>Statistics: time-weighted areas (number in station as the sum of sojourns, busy servers as the
 * sum of service times, each clipped to the window; the number waiting is their difference) and
 * per-customer tallies (wait, time in station, response time) are reset when the clock passes the
 * warm-up, then accumulated to the end (Law §9.5.1, deletion of the initial transient). Response
 * times go to an auto-resizing {@link Histogram} of whole nanoseconds with 3 significant digits
 * (relative error at most 0.1 % on any percentile above 1 µs); recording a long is cheaper than
 * {@code DoubleHistogram}'s range checks on every value.
 */
public final class Simulator {
  /** Percentiles of response time every run reports, in percent. */
  public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 95.0, 99.0);

  private static final double NANOS_PER_SECOND = 1e9;

  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;
  private static final int THINK_END = 2;
  private static final int KIND_BITS = 2;
  private static final int KIND_MASK = (1 << KIND_BITS) - 1;

  /**
   * The most customers present at once (ids must fit in an event code beside the kind bits, and an
   * unstable open network would otherwise run out of memory instead of failing).
   */
  static final int MAX_CUSTOMERS = 1 << 22;

  /** Guide-table buckets per destination of positive probability (see {@link #guide}). */
  private static final int GUIDE_BUCKETS_PER_COLUMN = 32;

  private static final int EXPONENTIAL = 0;
  private static final int DETERMINISTIC = 1;
  private static final int LOGNORMAL = 2;
  private static final int EMPIRICAL = 3;

  private final Network network;
  private final int replication;
  private final int n;
  private final int exit;

  // compiled model: per station
  private final int[] servers;
  private final int[] serviceKind;
  private final double[] serviceA;
  private final double[] serviceB;
  private final double[][] serviceSamples;
  private final double[][] routeCumulative;
  private final int[][] routeGuide;
  private final int[] routeCertain;
  private final SplittableRandom[] serviceRng;
  private final SplittableRandom[] routeRng;

  // per source
  private final int sources;
  private final boolean[] closed;
  private final double[] meanInterarrival;
  private final int[] thinkKind;
  private final double[] thinkA;
  private final double[] thinkB;
  private final double[][] thinkSamples;
  private final double[][] entryCumulative;
  private final int[][] entryGuide;
  private final int[] entryCertain;
  private final SplittableRandom[] arrivalRng;
  private final SplittableRandom[] entryRng;

  // state
  private final EventList events = new EventList(64);
  private double now;
  private long eventCount;
  private int[] custSource = new int[64];
  private int[] custStation = new int[64];
  private double[] custEntered = new double[64];
  private double[] custArrived = new double[64];
  private double[] custServiceEnd = new double[64];
  private int[] freeIds = new int[64];
  private int freeCount;
  private int nextId;
  private final int[] busy;
  private final int[][] queue;
  private final int[] queueHead;
  private final int[] queueSize;

  // statistics since the warm-up
  private boolean observing;
  private final double[] serviceSum;
  private final double[] inStationCorrection;
  private final double[] busyCorrection;
  private final double[] waitSum;
  private final long[] started;
  private final double[] sojournSum;
  private final long[] departures;
  private final long[] completions;
  private final double[] responseSum;
  private final Histogram[] responses;

  /**
   * A simulator for replication {@code replication} of {@code network} under master seed {@code
   * seed}. Streams: "arrivals/&lt;source&gt;", "entry/&lt;source&gt;", "service/&lt;station&gt;",
   * "routing/&lt;station&gt;" (think times of a closed population draw from its arrival stream).
   */
  public Simulator(Network network, long seed, int replication) {
    this.network = network;
    this.replication = replication;
    long rs = Streams.replicationSeed(seed, replication);
    n = network.stations().size();
    exit = n;
    servers = new int[n];
    serviceKind = new int[n];
    serviceA = new double[n];
    serviceB = new double[n];
    serviceSamples = new double[n][];
    routeCumulative = new double[n][];
    routeGuide = new int[n][];
    routeCertain = new int[n];
    serviceRng = new SplittableRandom[n];
    routeRng = new SplittableRandom[n];
    double[][] p = network.routing();
    for (int i = 0; i < n; i++) {
      Station s = network.stations().get(i);
      servers[i] = s.servers();
      serviceKind[i] = compile(s.service(), i, serviceA, serviceB, serviceSamples);
      routeCumulative[i] = cumulative(p[i]);
      routeGuide[i] = guide(routeCumulative[i]);
      routeCertain[i] = certain(p[i]);
      serviceRng[i] = Streams.stream(rs, "service/" + s.name());
      routeRng[i] = Streams.stream(rs, "routing/" + s.name());
    }
    sources = network.sources().size();
    closed = new boolean[sources];
    meanInterarrival = new double[sources];
    thinkKind = new int[sources];
    thinkA = new double[sources];
    thinkB = new double[sources];
    thinkSamples = new double[sources][];
    entryCumulative = new double[sources][];
    entryGuide = new int[sources][];
    entryCertain = new int[sources];
    arrivalRng = new SplittableRandom[sources];
    entryRng = new SplittableRandom[sources];
    responses = new Histogram[sources];
    for (int k = 0; k < sources; k++) {
      Source src = network.sources().get(k);
      if (src instanceof ClosedPopulation c) {
        closed[k] = true;
        thinkKind[k] = compile(c.think(), k, thinkA, thinkB, thinkSamples);
      } else {
        meanInterarrival[k] = 1.0 / ((PoissonSource) src).ratePerSecond();
      }
      double[] e = src.entry().stream().mapToDouble(Double::doubleValue).toArray();
      entryCumulative[k] = cumulative(e);
      entryGuide[k] = guide(entryCumulative[k]);
      entryCertain[k] = certain(e);
      arrivalRng[k] = Streams.stream(rs, "arrivals/" + src.name());
      entryRng[k] = Streams.stream(rs, "entry/" + src.name());
      responses[k] = new Histogram(3);
    }
    busy = new int[n];
    queue = new int[n][16];
    queueHead = new int[n];
    queueSize = new int[n];
    serviceSum = new double[n];
    inStationCorrection = new double[n];
    busyCorrection = new double[n];
    waitSum = new double[n];
    started = new long[n];
    sojournSum = new double[n];
    departures = new long[n];
    completions = new long[sources];
    responseSum = new double[sources];
  }

  /** The simulated clock, seconds. */
  public double now() {
    return now;
  }

  /** Events processed so far. */
  public long eventCount() {
    return eventCount;
  }

  /**
   * Runs from an empty network (closed customers all starting to think at 0) to {@code endSeconds}
   * and returns what was observed after {@code warmupSeconds}. Call once per instance.
   */
  public ReplicationResult run(double warmupSeconds, double endSeconds) {
    if (!(warmupSeconds >= 0 && endSeconds > warmupSeconds && Double.isFinite(endSeconds))) {
      throw new IllegalArgumentException(
          "warm-up "
              + warmupSeconds
              + " s, end "
              + endSeconds
              + " s; allowed: 0 <= warm-up < end, finite");
    }
    if (eventCount != 0 || now != 0) {
      throw new IllegalStateException("a Simulator runs once; make a new one per replication");
    }
    for (int k = 0; k < sources; k++) {
      if (closed[k]) {
        int size = ((ClosedPopulation) network.sources().get(k)).size();
        for (int c = 0; c < size; c++) {
          int id = allocate(k);
          events.schedule(think(k), id << KIND_BITS | THINK_END); // now = 0
        }
      } else {
        events.schedule(exponential(meanInterarrival[k], arrivalRng[k]), k << KIND_BITS | ARRIVAL);
      }
    }
    observing = warmupSeconds == 0;
    EventList ev = events;
    while (!ev.isEmpty()) {
      double t = ev.peekTime();
      if (t > endSeconds) {
        break;
      }
      if (!observing && t >= warmupSeconds) {
        startObserving(warmupSeconds);
      }
      int code = ev.peekCode();
      ev.consumeFirst();
      now = t;
      eventCount++;
      int id = code >>> KIND_BITS;
      switch (code & KIND_MASK) {
        case ARRIVAL -> arrival(id);
        case DEPARTURE -> departure(id);
        default -> thinkEnd(id, t);
      }
    }
    if (!observing) {
      startObserving(warmupSeconds);
    }
    now = endSeconds;
    return result(endSeconds - warmupSeconds);
  }

  private void arrival(int source) {
    double t = now;
    events.schedule(
        t + exponential(meanInterarrival[source], arrivalRng[source]), source << KIND_BITS);
    int id = allocate(source);
    custEntered[id] = t;
    enter(
        id,
        pick(entryCumulative[source], entryGuide[source], entryCertain[source], entryRng[source]),
        t);
  }

  private void thinkEnd(int id, double t) {
    int k = custSource[id];
    custEntered[id] = t;
    enter(id, pick(entryCumulative[k], entryGuide[k], entryCertain[k], entryRng[k]), t);
  }

  private void enter(int id, int i, double t) {
    custStation[id] = i;
    custArrived[id] = t;
    int c = servers[i];
    if (c == Station.DELAY || busy[i] < c) {
      busy[i]++;
      startService(id, i, t);
    } else {
      custServiceEnd[id] = -1;
      enqueue(i, id);
    }
  }

  private void startService(int id, int i, double t) {
    double s = service(i);
    started[i]++;
    serviceSum[i] += s;
    custServiceEnd[id] = t + s;
    events.schedule(t + s, id << KIND_BITS | DEPARTURE);
  }

  private void departure(int id) {
    double t = now;
    int i = custStation[id];
    departures[i]++;
    sojournSum[i] += t - custArrived[id];
    if (queueSize[i] > 0) {
      int next = dequeue(i);
      waitSum[i] += t - custArrived[next];
      startService(next, i, t);
    } else {
      busy[i]--;
    }
    int j = pick(routeCumulative[i], routeGuide[i], routeCertain[i], routeRng[i]);
    if (j == exit) {
      leave(id, t);
    } else {
      enter(id, j, t);
    }
  }

  private void leave(int id, double t) {
    int k = custSource[id];
    if (observing) {
      double r = t - custEntered[id];
      completions[k]++;
      responseSum[k] += r;
      responses[k].recordValue((long) (r * NANOS_PER_SECOND));
    }
    custStation[id] = -1;
    if (closed[k]) {
      events.schedule(think(k), id << KIND_BITS | THINK_END);
    } else {
      if (freeCount == freeIds.length) {
        freeIds = Arrays.copyOf(freeIds, freeCount * 2);
      }
      freeIds[freeCount++] = id;
    }
  }

  /**
   * Starts the observation at {@code warmup}. The time-weighted averages are not integrated event
   * by event: the area under the number present is the sum of the sojourns, and the area under the
   * busy servers the sum of the service times started (both are zeroed here), clipped to the
   * observation window by the corrections for the customers present at its two ends (here and in
   * {@link #closeWindow}). Same integrals, two fewer array updates per event.
   */
  private void startObserving(double warmup) {
    observing = true;
    Arrays.fill(serviceSum, 0);
    Arrays.fill(inStationCorrection, 0);
    Arrays.fill(busyCorrection, 0);
    Arrays.fill(waitSum, 0);
    Arrays.fill(started, 0);
    Arrays.fill(sojournSum, 0);
    Arrays.fill(departures, 0);
    for (int id = 0; id < nextId; id++) {
      int i = custStation[id];
      if (i >= 0) {
        inStationCorrection[i] -= warmup - custArrived[id]; // its sojourn counts from the warm-up
        if (custServiceEnd[id] >= 0) {
          busyCorrection[i] += custServiceEnd[id] - warmup; // began before, counted from here
        }
      }
    }
  }

  /** Adds the customers still present at {@code end}: their time so far, their service so far. */
  private void closeWindow(double end) {
    for (int id = 0; id < nextId; id++) {
      int i = custStation[id];
      if (i >= 0) {
        inStationCorrection[i] += end - custArrived[id];
        if (custServiceEnd[id] >= 0) {
          busyCorrection[i] -= custServiceEnd[id] - end;
        }
      }
    }
  }

  private int allocate(int source) {
    int id;
    if (freeCount > 0) {
      id = freeIds[--freeCount];
    } else {
      id = nextId++;
      if (id == custSource.length) {
        if (id >= MAX_CUSTOMERS) {
          throw new IllegalStateException(
              "more than "
                  + MAX_CUSTOMERS
                  + " customers in the network at once at t = "
                  + now
                  + " s; the open load exceeds what the stations can serve (a utilisation of 1"
                  + " or more somewhere), so queues grow without bound");
        }
        int cap = id * 2;
        custSource = Arrays.copyOf(custSource, cap);
        custStation = Arrays.copyOf(custStation, cap);
        custEntered = Arrays.copyOf(custEntered, cap);
        custArrived = Arrays.copyOf(custArrived, cap);
        custServiceEnd = Arrays.copyOf(custServiceEnd, cap);
      }
    }
    custSource[id] = source;
    custStation[id] = -1;
    return id;
  }

  private void enqueue(int i, int id) {
    int[] q = queue[i];
    int size = queueSize[i];
    if (size == q.length) {
      int[] bigger = new int[q.length * 2];
      int head = queueHead[i];
      System.arraycopy(q, head, bigger, 0, q.length - head);
      System.arraycopy(q, 0, bigger, q.length - head, head);
      queue[i] = q = bigger;
      queueHead[i] = 0;
    }
    q[(queueHead[i] + size) & (q.length - 1)] = id;
    queueSize[i] = size + 1;
  }

  private int dequeue(int i) {
    int[] q = queue[i];
    int head = queueHead[i];
    int id = q[head];
    queueHead[i] = (head + 1) & (q.length - 1);
    queueSize[i]--;
    return id;
  }

  private double service(int i) {
    return draw(serviceKind[i], serviceA[i], serviceB[i], serviceSamples[i], serviceRng[i]);
  }

  private double think(int k) {
    return now + draw(thinkKind[k], thinkA[k], thinkB[k], thinkSamples[k], arrivalRng[k]);
  }

  /**
   * mean × a standard exponential variate from McFarland's modified ziggurat ({@code
   * RandomGenerator.nextExponential}, JDK 17; McFarland, J. Stat. Comput. Simul. 86(7), 2016):
   * exact in distribution and several times cheaper than the inverse transform's logarithm.
   */
  private static double exponential(double mean, SplittableRandom rng) {
    return mean * rng.nextExponential();
  }

  private static double draw(int kind, double a, double b, double[] samples, SplittableRandom rng) {
    switch (kind) {
      case EXPONENTIAL:
        return exponential(a, rng);
      case DETERMINISTIC:
        return a;
      case LOGNORMAL:
        return Math.exp(a + b * rng.nextGaussian());
      default:
        return samples[rng.nextInt(samples.length)];
    }
  }

  /**
   * Inverse transform over a cumulative row prepared by {@link #cumulative}, started from its guide
   * table ({@link #guide}); a row with a certain destination (probability 1) draws nothing, so a
   * fixed route consumes no randomness and adding a branch elsewhere shifts nothing.
   */
  private static int pick(double[] cumulative, int[] guide, int certain, SplittableRandom rng) {
    if (certain >= 0) {
      return certain;
    }
    double u = rng.nextDouble();
    // guide.length is a power of two, so u * length is exact and its floor is the bucket of u
    int j = guide[(int) (u * guide.length)];
    while (u >= cumulative[j]) {
      j++;
    }
    return j;
  }

  /**
   * The guide table of the indexed search (Chen &amp; Asau, "On generating random variates from an
   * empirical distribution", AIIE Trans. 6(2), 1974; Devroye, Non-Uniform Random Variate
   * Generation, 1986, §III.2.4): bucket b of m holds the smallest j with cumulative[j] &gt; b/m. A
   * draw u in bucket b cannot go to a column before it, so the scan from there returns the same
   * column as a scan from 0, bit for bit, and a bucket that no cumulative sum crosses returns its
   * column at once. Why: the scan from 0 ended in a data-dependent branch per column, the costliest
   * line of the routing in the profile. With m at least {@link #GUIDE_BUCKETS_PER_COLUMN} times the
   * columns of positive probability, at most one draw in that many takes a second step.
   */
  private static int[] guide(double[] cumulative) {
    int positive = 0;
    double before = 0;
    for (double c : cumulative) {
      if (c > before) {
        positive++;
        before = c;
      }
    }
    int m = Integer.highestOneBit(Math.max(1, positive) * GUIDE_BUCKETS_PER_COLUMN - 1) << 1;
    int[] g = new int[m];
    int j = 0;
    for (int b = 0; b < m; b++) {
      double lower = (double) b / m;
      while (cumulative[j] <= lower) {
        j++;
      }
      g[b] = j;
    }
    return g;
  }

  /** The column holding probability 1, or −1. */
  private static int certain(double[] p) {
    for (int j = 0; j < p.length; j++) {
      if (p[j] == 1.0) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Cumulative sums, +∞ from the last positive probability on, so rounding in the sums can never
   * select a destination of probability 0.
   */
  private static double[] cumulative(double[] p) {
    double[] c = new double[p.length];
    int lastPositive = 0;
    for (int j = 0; j < p.length; j++) {
      if (p[j] > 0) {
        lastPositive = j;
      }
    }
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      sum += p[j];
      c[j] = j >= lastPositive ? Double.POSITIVE_INFINITY : sum;
    }
    return c;
  }

  private static int compile(ServiceTime st, int i, double[] a, double[] b, double[][] samples) {
    if (st instanceof ServiceTime.Exponential e) {
      a[i] = e.mean();
      return EXPONENTIAL;
    } else if (st instanceof ServiceTime.Deterministic d) {
      a[i] = d.value();
      return DETERMINISTIC;
    } else if (st instanceof ServiceTime.Lognormal l) {
      a[i] = l.logMu();
      b[i] = l.logSigma();
      return LOGNORMAL;
    } else {
      samples[i] = ((ServiceTime.Empirical) st).samples();
      return EMPIRICAL;
    }
  }

  private ReplicationResult result(double observed) {
    closeWindow(now);
    List<StationObservation> st = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int c = servers[i];
      double areaBusy = serviceSum[i] + busyCorrection[i];
      double areaInStation = sojournSum[i] + inStationCorrection[i];
      double meanBusy = areaBusy / observed;
      st.add(
          new StationObservation(
              network.stations().get(i).name(),
              c == Station.DELAY ? meanBusy : meanBusy / c,
              // waiting = present − in service (a delay station never waits; max() drops rounding)
              c == Station.DELAY ? 0.0 : Math.max(0.0, areaInStation - areaBusy) / observed,
              areaInStation / observed,
              started[i] == 0 ? 0 : waitSum[i] / started[i],
              departures[i] == 0 ? 0 : sojournSum[i] / departures[i],
              departures[i] / observed));
    }
    List<SourceObservation> so = new ArrayList<>(sources);
    for (int k = 0; k < sources; k++) {
      List<Double> pct = new ArrayList<>(PERCENTILES.size());
      for (double q : PERCENTILES) {
        pct.add(
            completions[k] == 0 ? 0.0 : responses[k].getValueAtPercentile(q) / NANOS_PER_SECOND);
      }
      so.add(
          new SourceObservation(
              network.sources().get(k).name(),
              completions[k] / observed,
              completions[k] == 0 ? 0 : responseSum[k] / completions[k],
              pct,
              completions[k]));
    }
    return new ReplicationResult(replication, eventCount, st, so);
  }
}
