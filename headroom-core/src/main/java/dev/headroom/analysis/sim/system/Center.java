package dev.headroom.analysis.sim.system;

/**
 * A resource with {@code servers} identical servers and one FCFS queue of request ids (an int ring
 * buffer): an app instance's workers, its connection pool, a database, the async workers. It keeps
 * the time integrals the statistics need: busy servers, servers available (capacity, 0 while down)
 * and queue length, since the last {@link #reset}, per time-series window, and since the start (the
 * autoscaler reads those). Allocates nothing once the ring has grown.
 */
final class Center {
  final String name;
  private int servers;
  private boolean up = true;
  private boolean counted = true;
  private int busy;
  private int[] ring = new int[16];
  private int head;
  private int size;

  private double last;
  private double busyArea;
  private double capArea;
  private double queueArea;
  private double waitSum;
  private long waits;

  private double totalBusy;
  private double totalCap;

  private boolean observing;
  private double origin;
  private double window;
  private double[] winBusy = new double[0];
  private double[] winCap = new double[0];

  Center(String name, int servers) {
    this.name = name;
    this.servers = servers;
  }

  int busy() {
    return busy;
  }

  int queued() {
    return size;
  }

  boolean up() {
    return up;
  }

  boolean hasFree() {
    return up && busy < servers;
  }

  /** Integrates the state from the last change to {@code t}. */
  void advance(double t) {
    double dt = t - last;
    if (dt <= 0) {
      return;
    }
    double cap = up && counted ? servers : 0;
    busyArea += busy * dt;
    capArea += cap * dt;
    queueArea += size * dt;
    totalBusy += busy * dt;
    totalCap += cap * dt;
    if (observing && winBusy.length > 0) {
      double from = last;
      // walk the windows by index: recomputing the index from a boundary time could round back
      for (int w = Math.max(0, (int) ((from - origin) / window));
          from < t && w < winBusy.length;
          w++) {
        double end = Math.min(t, origin + (w + 1) * window);
        if (end > from) {
          winBusy[w] += busy * (end - from);
          winCap[w] += cap * (end - from);
          from = end;
        }
      }
    }
    last = t;
  }

  void seize(double t) {
    advance(t);
    busy++;
  }

  void release(double t) {
    advance(t);
    busy--;
  }

  void enqueue(int id, double t) {
    advance(t);
    if (size == ring.length) {
      int[] bigger = new int[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) % ring.length];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) % ring.length] = id;
    size++;
  }

  /** The first waiting id, removed, or −1. */
  int poll(double t) {
    if (size == 0) {
      return -1;
    }
    advance(t);
    int id = ring[head];
    head = (head + 1) % ring.length;
    size--;
    return id;
  }

  /** Removes {@code id} from the queue (a timed-out waiter); O(queue length), and rare. */
  boolean remove(int id, double t) {
    for (int i = 0; i < size; i++) {
      if (ring[(head + i) % ring.length] == id) {
        advance(t);
        for (int j = i; j < size - 1; j++) {
          ring[(head + j) % ring.length] = ring[(head + j + 1) % ring.length];
        }
        size--;
        return true;
      }
    }
    return false;
  }

  void recordWait(double w) {
    waitSum += w;
    waits++;
  }

  /** Goes down (capacity 0, nothing busy: what it held is lost) or comes up. */
  void setUp(boolean on, double t) {
    advance(t);
    up = on;
    if (!on) {
      busy = 0;
    }
  }

  /**
   * Whether its servers count as capacity (an autoscaled instance that is starting or has been
   * removed does not, though it finishes what it holds).
   */
  void setCounted(boolean on, double t) {
    advance(t);
    counted = on;
  }

  /** Deletes the warm-up: zeroes the observed integrals and starts the windows at {@code t}. */
  void reset(double t, double windowSeconds, int windows) {
    advance(t);
    busyArea = 0;
    capArea = 0;
    queueArea = 0;
    waitSum = 0;
    waits = 0;
    observing = true;
    origin = t;
    window = windowSeconds;
    winBusy = new double[windows];
    winCap = new double[windows];
  }

  double busyArea() {
    return busyArea;
  }

  double capArea() {
    return capArea;
  }

  double queueArea() {
    return queueArea;
  }

  double waitSum() {
    return waitSum;
  }

  long waits() {
    return waits;
  }

  double totalBusy() {
    return totalBusy;
  }

  double totalCap() {
    return totalCap;
  }

  double[] winBusy() {
    return winBusy;
  }

  double[] winCap() {
    return winCap;
  }
}
