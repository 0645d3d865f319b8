package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.EventList;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.Streams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One replication of a {@link SystemModel}, request by request (event scheduling, Law §1.3). The
 * clock, the state and the random streams live in this instance; nothing is static, so replications
 * run side by side. A request is an int id with its attributes in parallel arrays; an event is
 * (time, code) in an {@link EventList} with code = id · 16 + type, so the hot path allocates
 * nothing once the arrays have grown. Each random source has its own named stream ({@link
 * Streams}): a stream depends only on the seed, the replication and its name.
 */
final class SystemSimulator {
  /** Requests present at once beyond which a run is refused as unboundedly overloaded. */
  static final int MAX_IN_SYSTEM = 1 << 22;

  private static final double NANOS = 1e9;

  // event types (low 4 bits of a code)
  private static final int ARRIVAL = 0;
  private static final int APP_DONE = 1;
  private static final int EXT_DONE = 2;
  private static final int CACHE_DONE = 3;
  private static final int DB_DONE = 4;
  private static final int POOL_TIMEOUT = 5;
  private static final int ASYNC_DONE = 6;
  private static final int AUTOSCALE = 7;
  private static final int READY = 8;
  private static final int FAIL = 9;
  private static final int RECOVER = 10;
  private static final int DETECT_DOWN = 11;
  private static final int DETECT_UP = 12;
  private static final int FLUSH = 13;
  private static final int WARMUP = 14;
  private static final int END = 15;

  // request phases
  private static final int P_APP_QUEUE = 1;
  private static final int P_APP = 2;
  private static final int P_EXT = 3;
  private static final int P_CACHE_HIT = 4;
  private static final int P_CACHE_MISS = 5;
  private static final int P_CACHE_WB = 6;
  private static final int P_CACHE_WT = 7;
  private static final int P_POOL_WAIT = 8;
  private static final int P_DB = 9;
  private static final int P_ASYNC = 10;

  /** The internal class of a write-behind flush job (not reported as a request class). */
  private static final byte FLUSH_JOB = 3;

  private static final int OK = 0;
  private static final int ERROR = 1;
  private static final int TIMEOUT = 2;

  private final SystemModel m;
  private final RunPlan plan;
  private final EventList events = new EventList(1024);
  private double now;
  private long processed;

  private final SplittableRandom rArrival;
  private final SplittableRandom rThin;
  private final SplittableRandom rCdn;
  private final SplittableRandom rClass;
  private final SplittableRandom rLb;
  private final SplittableRandom rClient;
  private final SplittableRandom rApp;
  private final SplittableRandom rKey;
  private final SplittableRandom rHit;
  private final SplittableRandom rCacheTime;
  private final SplittableRandom rDbRead;
  private final SplittableRandom rDbWrite;
  private final SplittableRandom rExtCall;
  private final SplittableRandom rExtTime;
  private final SplittableRandom rExtFail;
  private final SplittableRandom rAsync;

  // requests
  private double[] arrive = new double[256];
  private double[] enq = new double[256];
  private double[] deadline = new double[256];
  private byte[] cls = new byte[256];
  private int[] inst = new int[256];
  private int[] epochAt = new int[256];
  private int[] key = new int[256];
  private int[] attempts = new int[256];
  private int[] phase = new int[256];
  private int[] flags = new int[256];
  private int[] dbSt = new int[256];
  private int[] dbEpochAt = new int[256];
  private int[] free = new int[256];
  private int freeTop;
  private int nextId;
  private int live;

  // app instances
  private final int maxInstances;
  private final Center[] workers;
  private final Center[] cpus;
  private final Center[] pools;
  private final int[] inFlight;
  private final int[] epoch;
  private final boolean[] provisioned;
  private final boolean[] ready;
  private final boolean[] alive;
  private final boolean[] healthOut;
  private final Balancer balancer;

  // database
  private final int primaries;
  private final Center[] db;
  private final int[] dbEpoch;
  private final boolean[] dbAlive;
  private final boolean[] dbHealthOut;
  private int nextReplica;
  private final ShardMap shardMap;
  private final KeySpace.Sampler keys;
  private final double[] expiry;
  private final double[] lastDbWrite;
  private final int[] pendingWrites;
  private int[] dirty = new int[64];
  private int dirtyCount;
  private int unflushed;
  private double unflushedArea;
  private double unflushedLast;

  private final Center async;
  private final Breaker breaker;
  private final Autoscaler scaler;
  private double lastScaleBusy;
  private double lastScaleCap;

  // statistics (after the warm-up)
  private boolean observing;
  private final Histogram[] hist = new Histogram[3];
  private final long[] okCount = new long[3];
  private final long[] errCount = new long[3];
  private final long[] timeoutCount = new long[3];
  private final double[] latSum = new double[3];
  private final int windows;
  private final double windowSeconds;
  private final long[] winOk;
  private final long[] winErr;
  private final double[] winLat;
  private final Histogram[] winHist;
  private long extCalls;
  private long extAttempts;
  private long breakerRejected;
  private double breakerNotClosedAtWarmup;
  private long replicaReads;
  private long replicaStale;
  private long reads;
  private long staleDbReads;
  private long arrivals;
  private long cdnHits;
  private long cacheReads;
  private long cacheHits;
  private final long[] dbVisits;
  private final List<AutoscalerPoint> timeline = new ArrayList<>();

  SystemSimulator(SystemModel model, RunPlan plan, int replication) {
    this.m = model;
    this.plan = plan;
    long seed = Streams.replicationSeed(plan.seed(), replication);
    rArrival = Streams.stream(seed, "arrivals");
    rThin = Streams.stream(seed, "arrivals/thinning");
    rCdn = Streams.stream(seed, "arrivals/cdn");
    rClass = Streams.stream(seed, "requests/class");
    rLb = Streams.stream(seed, "balancer");
    rClient = Streams.stream(seed, "balancer/clients");
    rApp = Streams.stream(seed, "service/app");
    rKey = Streams.stream(seed, "keys");
    rHit = Streams.stream(seed, "cache/hit");
    rCacheTime = Streams.stream(seed, "service/cache");
    rDbRead = Streams.stream(seed, "service/db-read");
    rDbWrite = Streams.stream(seed, "service/db-write");
    rExtCall = Streams.stream(seed, "external/call");
    rExtTime = Streams.stream(seed, "service/external");
    rExtFail = Streams.stream(seed, "external/failure");
    rAsync = Streams.stream(seed, "service/queue");

    maxInstances = model.maxInstances();
    workers = new Center[maxInstances];
    cpus = new Center[maxInstances];
    pools = new Center[maxInstances];
    inFlight = new int[maxInstances];
    epoch = new int[maxInstances];
    provisioned = new boolean[maxInstances];
    ready = new boolean[maxInstances];
    alive = new boolean[maxInstances];
    healthOut = new boolean[maxInstances];
    for (int i = 0; i < maxInstances; i++) {
      workers[i] = new Center("threads-" + i, model.app().threads());
      cpus[i] = new Center("cpu-" + i, model.app().workers());
      pools[i] = new Center("pool-" + i, model.app().poolSize());
      boolean on = i < model.app().instances();
      provisioned[i] = on;
      ready[i] = on;
      alive[i] = true;
      workers[i].setCounted(on, 0);
      cpus[i].setCounted(on, 0);
      pools[i].setCounted(on, 0);
    }
    balancer = new Balancer(model.balancer(), maxInstances);
    rebuildRotation();

    Database d = model.database().orElse(null);
    primaries = d == null ? 0 : d.sharding().map(Sharding::shards).orElse(1);
    int stations = d == null ? 0 : d.stations();
    db = new Center[stations];
    for (int s = 0; s < stations; s++) {
      db[s] =
          s < primaries
              ? new Center(primaries == 1 ? "db-primary" : "db-shard-" + s, d.primaryServers())
              : new Center("db-replica-" + (s - primaries), d.replicaServers());
    }
    dbEpoch = new int[stations];
    dbAlive = new boolean[stations];
    dbHealthOut = new boolean[stations];
    Arrays.fill(dbAlive, true);
    dbVisits = new long[stations];
    shardMap =
        d != null && d.sharding().isPresent()
            ? ShardMap.of(d.sharding().get(), model.keys())
            : null;
    keys = d == null ? null : model.keys().sampler();
    int k = model.keys().keys();
    expiry = new double[d == null ? 0 : k];
    Arrays.fill(expiry, Double.NEGATIVE_INFINITY);
    lastDbWrite = new double[d == null ? 0 : k];
    Arrays.fill(lastDbWrite, Double.NEGATIVE_INFINITY);
    pendingWrites = new int[d == null ? 0 : k];

    async = model.queue().map(q -> new Center("queue-workers", q.workers())).orElse(null);
    breaker = model.external().flatMap(External::breaker).map(Breaker::new).orElse(null);
    scaler = model.autoscaling().map(Autoscaler::new).orElse(null);

    windowSeconds =
        model.windowSeconds() > 0
            ? model.windowSeconds()
            : plan.lengthSeconds() / SystemModel.DEFAULT_WINDOWS;
    windows = (int) Math.ceil(plan.lengthSeconds() / windowSeconds - 1e-9);
    winOk = new long[windows];
    winErr = new long[windows];
    winLat = new double[windows];
    winHist = new Histogram[windows];
    for (int c = 0; c < 3; c++) {
      hist[c] = new Histogram(3);
    }
  }

  // ------------------------------------------------------------------ main loop

  SystemReplication run() {
    double end = plan.endSeconds();
    schedule(0, ARRIVAL, 0);
    events.schedule(plan.warmupSeconds(), WARMUP);
    events.schedule(end, END);
    m.autoscaling().ifPresent(a -> events.schedule(a.evaluationSeconds(), AUTOSCALE));
    for (int f = 0; f < m.failures().size(); f++) {
      Failure fail = m.failures().get(f);
      if (fail.atSeconds() < end) {
        schedule(fail.atSeconds(), FAIL, f);
      }
      if (fail.recoverSeconds() < end) {
        schedule(fail.recoverSeconds(), RECOVER, f);
      }
    }
    m.cache()
        .filter(c -> c.strategy() == CacheStrategy.WRITE_BEHIND)
        .ifPresent(c -> events.schedule(c.flushSeconds(), FLUSH));
    while (!events.isEmpty()) {
      now = events.peekTime();
      int code = events.peekCode();
      events.consumeFirst();
      processed++;
      int arg = code >>> 4;
      switch (code & 15) {
        case ARRIVAL -> arrival();
        case APP_DONE -> appDone(arg);
        case EXT_DONE -> extDone(arg);
        case CACHE_DONE -> cacheDone(arg);
        case DB_DONE -> dbDone(arg);
        case POOL_TIMEOUT -> poolTimeout(arg);
        case ASYNC_DONE -> asyncDone(arg);
        case AUTOSCALE -> autoscale();
        case READY -> instanceReady(arg);
        case FAIL -> fail(m.failures().get(arg));
        case RECOVER -> recover(m.failures().get(arg));
        case DETECT_DOWN -> detect(arg, true);
        case DETECT_UP -> detect(arg, false);
        case FLUSH -> flush();
        case WARMUP -> warmup();
        case END -> {
          return observe();
        }
        default -> throw new IllegalStateException("unknown event " + code);
      }
    }
    throw new IllegalStateException("the event list ran dry before the end of the run");
  }

  private void schedule(double t, int type, int arg) {
    events.schedule(t, (arg << 4) | type);
  }

  // ------------------------------------------------------------------ requests

  private int allocate() {
    if (++live > MAX_IN_SYSTEM) {
      throw new IllegalStateException(
          "more than "
              + MAX_IN_SYSTEM
              + " requests in the system at t = "
              + now
              + " s: the offered load exceeds what the async workers or the database take,"
              + " without bound; lower --load or add capacity");
    }
    if (freeTop > 0) {
      return free[--freeTop];
    }
    int id = nextId++;
    if (id == arrive.length) {
      int n = id * 2;
      arrive = Arrays.copyOf(arrive, n);
      enq = Arrays.copyOf(enq, n);
      deadline = Arrays.copyOf(deadline, n);
      cls = Arrays.copyOf(cls, n);
      inst = Arrays.copyOf(inst, n);
      epochAt = Arrays.copyOf(epochAt, n);
      key = Arrays.copyOf(key, n);
      attempts = Arrays.copyOf(attempts, n);
      phase = Arrays.copyOf(phase, n);
      flags = Arrays.copyOf(flags, n);
      dbSt = Arrays.copyOf(dbSt, n);
      dbEpochAt = Arrays.copyOf(dbEpochAt, n);
      free = Arrays.copyOf(free, n);
    }
    return id;
  }

  private void release(int id) {
    live--;
    phase[id] = 0;
    free[freeTop++] = id;
  }

  private void arrival() {
    Arrivals a = m.arrivals();
    double peak = a.peakMultiplier();
    schedule(now + rArrival.nextExponential() / (a.ratePerSecond() * peak), ARRIVAL, 0);
    // thinning (Lewis & Shedler 1979): keep a candidate with probability rate(t) / peak rate
    if (rThin.nextDouble() * peak >= a.multiplier(now)) {
      return;
    }
    if (observing) {
      arrivals++;
    }
    if (a.cdnShare() > 0 && rCdn.nextDouble() < a.cdnShare()) {
      if (observing) {
        cdnHits++;
      }
      return;
    }
    byte c;
    if (m.asyncShare() > 0 && rClass.nextDouble() < m.asyncShare()) {
      c = (byte) RequestClass.ASYNC.ordinal();
    } else if (m.readShare() >= 1) {
      c = (byte) RequestClass.READ.ordinal();
    } else if (m.readShare() <= 0) {
      c = (byte) RequestClass.WRITE.ordinal();
    } else {
      c = (byte) (rClass.nextDouble() < m.readShare() ? 0 : 1);
    }
    int id = allocate();
    arrive[id] = now;
    cls[id] = c;
    attempts[id] = 0;
    key[id] = keys == null ? 0 : keys.sample(rKey);
    int client = m.balancer().algorithm() == Balancing.IP_HASH ? rClient.nextInt(a.clients()) : 0;
    int i = balancer.pick(rLb, client, inFlight);
    if (i < 0 || !alive[i] || workers[i].queued() >= m.app().backlog()) {
      // no instance in rotation, a dead one not yet taken out, or a full backlog: refused
      record(id, ERROR);
      release(id);
      return;
    }
    inst[id] = i;
    epochAt[id] = epoch[i];
    inFlight[i]++;
    if (workers[i].hasFree()) {
      workers[i].recordWait(0);
      startRequest(id);
    } else {
      enq[id] = now;
      phase[id] = P_APP_QUEUE;
      workers[i].enqueue(id, now);
    }
  }

  private boolean orphan(int id) {
    return epochAt[id] != epoch[inst[id]];
  }

  /** A request takes a thread of its instance, then queues for the CPU. */
  private void startRequest(int id) {
    int i = inst[id];
    workers[i].seize(now);
    if (cpus[i].hasFree()) {
      cpus[i].recordWait(0);
      startCpu(id);
    } else {
      enq[id] = now;
      phase[id] = P_APP_QUEUE;
      cpus[i].enqueue(id, now);
    }
  }

  private void startCpu(int id) {
    cpus[inst[id]].seize(now);
    phase[id] = P_APP;
    schedule(now + m.app().service().sample(rApp), APP_DONE, id);
  }

  private void appDone(int id) {
    if (orphan(id)) {
      finish(id, ERROR);
      return;
    }
    Center cpu = cpus[inst[id]];
    cpu.release(now);
    int waiting = cpu.poll(now);
    if (waiting >= 0) {
      cpu.recordWait(now - enq[waiting]);
      startCpu(waiting);
    }
    if (cls[id] == RequestClass.ASYNC.ordinal()) {
      // the client has its answer; the job goes on to the queue, off the instance
      int i = inst[id];
      inFlight[i]--;
      releaseWorker(i);
      inst[id] = -1;
      phase[id] = P_ASYNC;
      if (async.hasFree()) {
        async.recordWait(0);
        startAsync(id);
      } else {
        enq[id] = now;
        async.enqueue(id, now);
      }
      return;
    }
    External e = m.external().orElse(null);
    if (e != null && (e.callShare() >= 1 || rExtCall.nextDouble() < e.callShare())) {
      if (observing) {
        extCalls++;
      }
      attempt(id, e);
    } else {
      dataStep(id);
    }
  }

  private void attempt(int id, External e) {
    if (breaker != null && !breaker.allow(now)) {
      if (observing) {
        breakerRejected++;
      }
      finish(id, ERROR);
      return;
    }
    attempts[id]++;
    if (observing) {
      extAttempts++;
    }
    double t = e.latency().sample(rExtTime);
    boolean failed = e.failureProbability() > 0 && rExtFail.nextDouble() < e.failureProbability();
    boolean timedOut = t > e.timeoutSeconds();
    flags[id] = (failed ? 1 : 0) | (timedOut ? 2 : 0);
    phase[id] = P_EXT;
    schedule(now + Math.min(t, e.timeoutSeconds()), EXT_DONE, id);
  }

  private void extDone(int id) {
    if (orphan(id)) {
      finish(id, ERROR);
      return;
    }
    External e = m.external().orElseThrow();
    boolean ok = flags[id] == 0;
    if (breaker != null) {
      breaker.result(ok, now);
    }
    if (ok) {
      dataStep(id);
    } else if (attempts[id] <= e.retries()) {
      attempt(id, e);
    } else {
      finish(id, (flags[id] & 2) != 0 ? TIMEOUT : ERROR);
    }
  }

  private void dataStep(int id) {
    if (db.length == 0) {
      finish(id, OK);
      return;
    }
    Cache c = m.cache().orElse(null);
    if (cls[id] == RequestClass.READ.ordinal()) {
      if (observing) {
        reads++;
      }
      if (c == null) {
        goDb(id);
        return;
      }
      if (observing) {
        cacheReads++;
      }
      boolean hit =
          c.keyed() ? expiry[key[id]] > now : c.hitRatio() > 0 && rHit.nextDouble() < c.hitRatio();
      phase[id] = hit ? P_CACHE_HIT : P_CACHE_MISS;
      schedule(now + c.latency().sample(rCacheTime), CACHE_DONE, id);
    } else if (c != null && c.strategy() == CacheStrategy.WRITE_BEHIND) {
      phase[id] = P_CACHE_WB;
      schedule(now + c.latency().sample(rCacheTime), CACHE_DONE, id);
    } else {
      goDb(id);
    }
  }

  private void cacheDone(int id) {
    if (orphan(id)) {
      finish(id, ERROR);
      return;
    }
    Cache c = m.cache().orElseThrow();
    switch (phase[id]) {
      case P_CACHE_HIT -> {
        if (observing) {
          cacheHits++;
        }
        finish(id, OK);
      }
      case P_CACHE_MISS -> goDb(id);
      case P_CACHE_WB -> {
        int k = key[id];
        pendingWrites[k]++;
        setUnflushed(unflushed + 1);
        if (c.keyed()) {
          expiry[k] = now + c.ttlSeconds();
        }
        if (dirtyCount == dirty.length) {
          dirty = Arrays.copyOf(dirty, dirtyCount * 2);
        }
        dirty[dirtyCount++] = k;
        finish(id, OK);
      }
      case P_CACHE_WT -> {
        if (c.keyed()) {
          expiry[key[id]] = now + c.ttlSeconds();
        }
        finish(id, OK);
      }
      default -> throw new IllegalStateException("cache done in phase " + phase[id]);
    }
  }

  private void setUnflushed(int n) {
    if (observing) {
      unflushedArea += unflushed * (now - unflushedLast);
    }
    unflushedLast = now;
    unflushed = n;
  }

  private void goDb(int id) {
    Center pool = pools[inst[id]];
    if (pool.hasFree()) {
      pool.seize(now);
      pool.recordWait(0);
      dbSubmit(id);
    } else {
      enq[id] = now;
      deadline[id] = now + m.app().poolTimeoutSeconds();
      phase[id] = P_POOL_WAIT;
      pool.enqueue(id, now);
      schedule(deadline[id], POOL_TIMEOUT, id);
    }
  }

  private void poolTimeout(int id) {
    if (phase[id] != P_POOL_WAIT || deadline[id] != now) {
      return; // it got a connection, or the id was freed and reused since
    }
    Center pool = pools[inst[id]];
    pool.remove(id, now);
    pool.recordWait(now - enq[id]);
    finish(id, TIMEOUT);
  }

  /** Sends a request holding a connection to its database station. */
  private void dbSubmit(int id) {
    int s = station(id);
    if (s >= primaries && !dbAlive[s]) {
      // a dead replica still in rotation: the query fails
      releaseConnection(id);
      finish(id, ERROR);
      return;
    }
    if (s >= primaries && observing) {
      replicaReads++;
      if (now - lastDbWrite[key[id]] < m.database().orElseThrow().replicationLagSeconds()) {
        replicaStale++;
      }
    }
    if (observing
        && cls[id] == RequestClass.READ.ordinal()
        && pendingWrites.length > 0
        && pendingWrites[key[id]] > 0) {
      staleDbReads++;
    }
    enterDb(id, s);
  }

  private void enterDb(int id, int s) {
    dbSt[id] = s;
    dbEpochAt[id] = dbEpoch[s];
    if (observing) {
      dbVisits[s]++;
    }
    if (db[s].hasFree()) {
      db[s].recordWait(0);
      startDb(id);
    } else {
      enq[id] = now;
      phase[id] = P_DB;
      db[s].enqueue(id, now);
    }
  }

  private int station(int id) {
    if (shardMap != null) {
      return shardMap.shardOf(key[id]);
    }
    if (cls[id] == RequestClass.READ.ordinal()) {
      int replicas = db.length - primaries;
      for (int k = 0; k < replicas; k++) {
        int r = primaries + (nextReplica + k) % replicas;
        if (!dbHealthOut[r]) {
          nextReplica = (nextReplica + k + 1) % replicas;
          return r;
        }
      }
    }
    return 0;
  }

  private void startDb(int id) {
    int s = dbSt[id];
    db[s].seize(now);
    phase[id] = P_DB;
    Database d = m.database().orElseThrow();
    double t =
        cls[id] == RequestClass.READ.ordinal()
            ? d.readService().sample(rDbRead)
            : d.writeService().sample(rDbWrite);
    schedule(now + t, DB_DONE, id);
  }

  private void dbDone(int id) {
    int s = dbSt[id];
    boolean lost = dbEpochAt[id] != dbEpoch[s];
    if (!lost) {
      db[s].release(now);
      int next = db[s].poll(now);
      if (next >= 0) {
        db[s].recordWait(now - enq[next]);
        startDb(next);
      }
    }
    int k = key[id];
    if (cls[id] == FLUSH_JOB) {
      lastDbWrite[k] = now;
      pendingWrites[k]--;
      setUnflushed(unflushed - 1);
      release(id);
      return;
    }
    releaseConnection(id);
    if (lost || orphan(id)) {
      finish(id, ERROR);
      return;
    }
    Cache c = m.cache().orElse(null);
    if (cls[id] == RequestClass.WRITE.ordinal()) {
      lastDbWrite[k] = now;
      if (c != null && c.strategy() == CacheStrategy.WRITE_THROUGH) {
        phase[id] = P_CACHE_WT;
        schedule(now + c.latency().sample(rCacheTime), CACHE_DONE, id);
        return;
      }
      if (c != null && c.keyed()) {
        expiry[k] = Double.NEGATIVE_INFINITY; // cache-aside invalidates on write
      }
    } else if (c != null && c.keyed()) {
      expiry[k] = now + c.ttlSeconds(); // a miss fills the cache
    }
    finish(id, OK);
  }

  private void releaseConnection(int id) {
    if (orphan(id)) {
      return; // the instance died and its pool was reset with it
    }
    Center pool = pools[inst[id]];
    pool.release(now);
    int next = pool.poll(now);
    if (next >= 0) {
      pool.recordWait(now - enq[next]);
      pool.seize(now);
      dbSubmit(next);
    }
  }

  private void startAsync(int id) {
    async.seize(now);
    schedule(now + m.queue().orElseThrow().service().sample(rAsync), ASYNC_DONE, id);
  }

  private void asyncDone(int id) {
    async.release(now);
    int next = async.poll(now);
    if (next >= 0) {
      async.recordWait(now - enq[next]);
      startAsync(next);
    }
    record(id, OK);
    release(id);
  }

  /** Ends a synchronous request: frees its worker (if its instance still lives) and records it. */
  private void finish(int id, int outcome) {
    int i = inst[id];
    if (orphan(id)) {
      outcome = ERROR;
    } else {
      inFlight[i]--;
      releaseWorker(i);
    }
    record(id, outcome);
    release(id);
  }

  private void releaseWorker(int i) {
    Center w = workers[i];
    w.release(now);
    int next = w.poll(now);
    if (next >= 0) {
      w.recordWait(now - enq[next]);
      startRequest(next);
    }
  }

  private void record(int id, int outcome) {
    if (!observing) {
      return;
    }
    int c = cls[id];
    double latency = now - arrive[id];
    int w = (int) ((now - plan.warmupSeconds()) / windowSeconds);
    boolean inWindow = w >= 0 && w < windows;
    if (outcome == OK) {
      okCount[c]++;
      latSum[c] += latency;
      long ns = Math.max(1, Math.round(latency * NANOS));
      hist[c].recordValue(ns);
      if (inWindow) {
        winOk[w]++;
        winLat[w] += latency;
        if (winHist[w] == null) {
          winHist[w] = new Histogram(3);
        }
        winHist[w].recordValue(ns);
      }
    } else {
      errCount[c]++;
      if (outcome == TIMEOUT) {
        timeoutCount[c]++;
      }
      if (inWindow) {
        winErr[w]++;
      }
    }
  }

  // ------------------------------------------------------------------ the tier around requests

  private void rebuildRotation() {
    int n = 0;
    int[] r = new int[maxInstances];
    for (int i = 0; i < maxInstances; i++) {
      if (provisioned[i] && ready[i] && !healthOut[i]) {
        r[n++] = i;
      }
    }
    balancer.rotation(Arrays.copyOf(r, n));
  }

  private void autoscale() {
    Autoscaling a = m.autoscaling().orElseThrow();
    schedule(now + a.evaluationSeconds(), AUTOSCALE, 0);
    double busy = 0;
    double cap = 0;
    int n = 0;
    for (int i = 0; i < maxInstances; i++) {
      cpus[i].advance(now);
      busy += cpus[i].totalBusy();
      cap += cpus[i].totalCap();
      if (provisioned[i]) {
        n++;
      }
    }
    double dc = cap - lastScaleCap;
    // no capacity at all (every instance dead or starting) reads as saturated
    double u = dc > 0 ? Math.min(1, (busy - lastScaleBusy) / dc) : 1;
    lastScaleBusy = busy;
    lastScaleCap = cap;
    int target = scaler.decide(now, n, u);
    int rec = scaler.recommend(n, u);
    for (int i = 0; i < maxInstances && n < target; i++) {
      if (!provisioned[i]) {
        provisioned[i] = true;
        ready[i] = false;
        n++;
        schedule(now + a.startupSeconds(), READY, i);
      }
    }
    boolean changed = false;
    for (int i = maxInstances - 1; i >= 0 && n > target; i--) {
      if (provisioned[i]) {
        provisioned[i] = false;
        ready[i] = false;
        workers[i].setCounted(false, now);
        cpus[i].setCounted(false, now);
        pools[i].setCounted(false, now);
        n--;
        changed = true;
      }
    }
    if (changed) {
      rebuildRotation();
    }
    int readyNow = 0;
    for (int i = 0; i < maxInstances; i++) {
      if (provisioned[i] && ready[i]) {
        readyNow++;
      }
    }
    if (observing) {
      timeline.add(new AutoscalerPoint(now, n, readyNow, u, rec));
    }
  }

  private void instanceReady(int i) {
    if (!provisioned[i] || ready[i]) {
      return;
    }
    ready[i] = true;
    workers[i].setCounted(alive[i], now);
    cpus[i].setCounted(alive[i], now);
    pools[i].setCounted(alive[i], now);
    rebuildRotation();
  }

  private double detectionDelay() {
    return m.balancer().healthCheck().map(HealthCheck::detectionSeconds).orElse(-1.0);
  }

  private void fail(Failure f) {
    double delay = detectionDelay();
    if (f.target() == Failure.Target.APP_INSTANCE) {
      int i = f.index();
      if (!alive[i]) {
        return;
      }
      alive[i] = false;
      epoch[i]++;
      inFlight[i] = 0;
      drain(workers[i]);
      drain(cpus[i]);
      drain(pools[i]);
      workers[i].setUp(false, now);
      cpus[i].setUp(false, now);
      pools[i].setUp(false, now);
      if (delay >= 0) {
        schedule(now + delay, DETECT_DOWN, i);
      }
    } else {
      int s = primaries + f.index();
      if (!dbAlive[s]) {
        return;
      }
      dbAlive[s] = false;
      dbEpoch[s]++;
      Center r = db[s];
      for (int id = r.poll(now); id >= 0; id = r.poll(now)) {
        releaseConnection(id);
        finish(id, ERROR);
      }
      r.setUp(false, now);
      if (delay >= 0) {
        schedule(now + delay, DETECT_DOWN, maxInstances + f.index());
      }
    }
  }

  /** Fails every request waiting at {@code c} (the instance it belongs to has died). */
  private void drain(Center c) {
    for (int id = c.poll(now); id >= 0; id = c.poll(now)) {
      record(id, ERROR);
      release(id);
    }
  }

  private void recover(Failure f) {
    double delay = detectionDelay();
    if (f.target() == Failure.Target.APP_INSTANCE) {
      int i = f.index();
      alive[i] = true;
      workers[i].setUp(true, now);
      cpus[i].setUp(true, now);
      pools[i].setUp(true, now);
      workers[i].setCounted(provisioned[i] && ready[i], now);
      cpus[i].setCounted(provisioned[i] && ready[i], now);
      pools[i].setCounted(provisioned[i] && ready[i], now);
      if (delay >= 0) {
        schedule(now + delay, DETECT_UP, i);
      }
    } else {
      int s = primaries + f.index();
      dbAlive[s] = true;
      db[s].setUp(true, now);
      if (delay >= 0) {
        schedule(now + delay, DETECT_UP, maxInstances + f.index());
      }
    }
  }

  /** A health check's verdict on instance {@code arg}, or on replica arg − maxInstances. */
  private void detect(int arg, boolean down) {
    if (arg >= maxInstances) {
      int s = primaries + arg - maxInstances;
      if (down == !dbAlive[s]) {
        dbHealthOut[s] = down;
      }
      return;
    }
    if (down == !alive[arg]) {
      healthOut[arg] = down;
      rebuildRotation();
    }
  }

  private void flush() {
    Cache c = m.cache().orElseThrow();
    events.schedule(now + c.flushSeconds(), FLUSH);
    for (int j = 0; j < dirtyCount; j++) {
      int id = allocate();
      cls[id] = FLUSH_JOB;
      key[id] = dirty[j];
      inst[id] = -1;
      arrive[id] = now;
      enterDb(id, shardMap != null ? shardMap.shardOf(dirty[j]) : 0);
    }
    dirtyCount = 0;
  }

  private void warmup() {
    observing = true;
    double t = now;
    for (int i = 0; i < maxInstances; i++) {
      workers[i].reset(t, windowSeconds, windows);
      cpus[i].reset(t, windowSeconds, windows);
      pools[i].reset(t, windowSeconds, windows);
    }
    for (Center c : db) {
      c.reset(t, windowSeconds, windows);
    }
    if (async != null) {
      async.reset(t, windowSeconds, windows);
    }
    unflushedLast = t;
    if (breaker != null) {
      breakerNotClosedAtWarmup = breaker.notClosedSeconds(t);
    }
  }

  // ------------------------------------------------------------------ observation

  private SystemReplication observe() {
    double len = plan.lengthSeconds();
    for (int i = 0; i < maxInstances; i++) {
      workers[i].advance(now);
      cpus[i].advance(now);
      pools[i].advance(now);
    }
    for (Center c : db) {
      c.advance(now);
    }
    if (async != null) {
      async.advance(now);
    }
    setUnflushed(unflushed);

    List<ComponentObservation> comps = new ArrayList<>();
    List<double[][]> series = new ArrayList<>();
    comps.add(aggregate("app", cpus, len, series));
    comps.add(aggregate("app-threads", workers, len, null));
    comps.add(aggregate("db-pool", pools, len, null));
    for (Center c : db) {
      comps.add(aggregate(c.name, new Center[] {c}, len, series));
    }
    if (async != null) {
      comps.add(aggregate(async.name, new Center[] {async}, len, series));
    }

    List<ClassObservation> classes = new ArrayList<>();
    for (RequestClass rc : RequestClass.values()) {
      int c = rc.ordinal();
      long done = okCount[c] + errCount[c];
      Histogram h = hist[c];
      classes.add(
          new ClassObservation(
              rc,
              okCount[c] / len,
              okCount[c] == 0 ? 0 : latSum[c] / okCount[c],
              okCount[c] == 0 ? 0 : h.getValueAtPercentile(50) / NANOS,
              okCount[c] == 0 ? 0 : h.getValueAtPercentile(95) / NANOS,
              okCount[c] == 0 ? 0 : h.getValueAtPercentile(99) / NANOS,
              errCount[c] / len,
              timeoutCount[c] / len,
              done == 0 ? 0 : (double) errCount[c] / done));
    }

    List<WindowObservation> wins = new ArrayList<>();
    double origin = plan.warmupSeconds();
    for (int w = 0; w < windows; w++) {
      double start = origin + w * windowSeconds;
      double end = Math.min(plan.endSeconds(), start + windowSeconds);
      double width = end - start;
      List<Double> util = new ArrayList<>(series.size());
      for (double[][] s : series) {
        util.add(s[1][w] > 0 ? s[0][w] / s[1][w] : 0.0);
      }
      long done = winOk[w] + winErr[w];
      wins.add(
          new WindowObservation(
              start,
              end,
              winOk[w] / width,
              winOk[w] == 0 ? 0 : winLat[w] / winOk[w],
              winHist[w] == null ? 0 : winHist[w].getValueAtPercentile(95) / NANOS,
              done == 0 ? 0 : (double) winErr[w] / done,
              util));
    }

    double hotShare = 0;
    double hotUtil = 0;
    if (shardMap != null) {
      int hot = shardMap.hottest();
      long total = 0;
      for (int s = 0; s < primaries; s++) {
        total += dbVisits[s];
      }
      hotShare = total == 0 ? 0 : (double) dbVisits[hot] / total;
      hotUtil = db[hot].capArea() > 0 ? db[hot].busyArea() / db[hot].capArea() : 0;
    }
    long visits = Arrays.stream(dbVisits).sum();
    return new SystemReplication(
        comps,
        classes,
        wins,
        timeline,
        hotShare,
        hotUtil,
        extCalls == 0 ? 0 : (double) extAttempts / extCalls,
        breakerRejected / len,
        breaker == null ? 0 : (breaker.notClosedSeconds(now) - breakerNotClosedAtWarmup) / len,
        replicaReads == 0 ? 0 : (double) replicaStale / replicaReads,
        reads == 0 ? 0 : (double) staleDbReads / reads,
        unflushedArea / len,
        arrivals == 0 ? 0 : (double) cdnHits / arrivals,
        cacheReads == 0 ? 0 : (double) cacheHits / cacheReads,
        visits / len,
        processed);
  }

  /**
   * One component over several centers (an app tier's instances): utilisation = Σ busy / Σ
   * available server-seconds, queue length = Σ time-average queues, wait = Σ waits / Σ count.
   */
  private ComponentObservation aggregate(
      String name, Center[] centers, double len, List<double[][]> series) {
    double busy = 0;
    double cap = 0;
    double queue = 0;
    double waitSum = 0;
    long waits = 0;
    double[] wb = new double[windows];
    double[] wc = new double[windows];
    for (Center c : centers) {
      busy += c.busyArea();
      cap += c.capArea();
      queue += c.queueArea();
      waitSum += c.waitSum();
      waits += c.waits();
      double[] b = c.winBusy();
      double[] k = c.winCap();
      for (int w = 0; w < windows && w < b.length; w++) {
        wb[w] += b[w];
        wc[w] += k[w];
      }
    }
    if (series != null) {
      series.add(new double[][] {wb, wc});
    }
    return new ComponentObservation(
        name, cap > 0 ? busy / cap : 0, queue / len, waits == 0 ? 0 : waitSum / waits, waits / len);
  }
}
