package dev.headroom.analysis.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A single-chain queueing network: stations, the sources that feed it, and routing by
 * probabilities. {@code routing[i][j]} (j &lt; n) is the probability that a customer leaving
 * station i goes to station j; {@code routing[i][n]} the probability that it leaves (an open
 * customer departs, a closed one goes back to thinking). Visit ratios follow from the traffic
 * equations V = e + V·P (Jain 1991, §32.2).
 *
 * <p>Validated when built, with the position and the allowed values in every message: probabilities
 * in [0, 1], every routing row and entry vector summing to 1 (within 1e-9), unique names, and an
 * exit reachable from every station a customer can reach (otherwise customers are trapped in a
 * cycle and an open network grows without bound).
 *
 * @param stations at least one
 * @param sources at least one; open and closed sources can be mixed
 * @param routing n rows of n + 1 columns, copied
 */
public record Network(List<Station> stations, List<Source> sources, double[][] routing) {

  /** Tolerance on "sums to 1": probabilities written with 9 decimals still pass. */
  public static final double SUM_TOLERANCE = 1e-9;

  public Network {
    stations = List.copyOf(Objects.requireNonNull(stations, "stations"));
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    Objects.requireNonNull(routing, "routing");
    final List<Station> st = stations;
    int n = st.size();
    if (n == 0) {
      throw new IllegalArgumentException("network has no station; allowed: at least one");
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(
          "network has no source; allowed: at least one Poisson source or closed population");
    }
    unique("station", stations.stream().map(Station::name).toList());
    unique("source", sources.stream().map(Source::name).toList());
    if (routing.length != n) {
      throw new IllegalArgumentException(
          "routing has " + routing.length + " rows; allowed: one per station (" + n + ")");
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      String row = "routing row of station '" + stations.get(i).name() + "'";
      if (routing[i] == null || routing[i].length != n + 1) {
        throw new IllegalArgumentException(
            row
                + " has "
                + (routing[i] == null ? 0 : routing[i].length)
                + " columns; allowed: "
                + (n + 1)
                + " (one per station, then the exit)");
      }
      copy[i] = routing[i].clone();
      checkDistribution(row, copy[i], j -> j < n ? "'" + st.get(j).name() + "'" : "exit");
    }
    routing = copy;
    for (Source s : sources) {
      if (s.entry().size() != n) {
        throw new IllegalArgumentException(
            "entry probabilities of source '"
                + s.name()
                + "' have "
                + s.entry().size()
                + " values; allowed: one per station ("
                + n
                + ")");
      }
      double[] e = s.entry().stream().mapToDouble(Double::doubleValue).toArray();
      checkDistribution(
          "entry probabilities of source '" + s.name() + "'", e, j -> "'" + st.get(j).name() + "'");
    }
    checkExitReachable(stations, sources, routing);
  }

  @Override
  public double[][] routing() {
    double[][] copy = new double[routing.length][];
    for (int i = 0; i < routing.length; i++) {
      copy[i] = routing[i].clone();
    }
    return copy;
  }

  /** Index of the station called {@code name}. */
  public int stationIndex(String name) {
    for (int i = 0; i < stations.size(); i++) {
      if (stations.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "no station '" + name + "'; allowed: " + stations.stream().map(Station::name).toList());
  }

  /** A copy with station {@code name} replaced by one with {@code servers} servers. */
  public Network withServers(String name, int servers) {
    int i = stationIndex(name);
    List<Station> s = new ArrayList<>(stations);
    s.set(i, Station.fcfs(name, servers, stations.get(i).service()));
    return new Network(s, sources, routing);
  }

  private interface Label {
    String of(int column);
  }

  private static void checkDistribution(String what, double[] p, Label label) {
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      if (!Double.isFinite(p[j]) || p[j] < 0 || p[j] > 1) {
        throw new IllegalArgumentException(
            what
                + ": probability to "
                + label.of(j)
                + " is "
                + p[j]
                + "; allowed: between 0 and 1");
      }
      sum += p[j];
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          what + " sums to " + sum + "; allowed: 1 (within " + SUM_TOLERANCE + ")");
    }
  }

  private static void unique(String kind, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            kind + " name '" + name + "' is used twice; allowed: unique names");
      }
    }
  }

  /**
   * Every station reachable from an entry must reach the exit with positive probability; a closed
   * set of stations without one traps customers forever.
   */
  private static void checkExitReachable(
      List<Station> stations, List<Source> sources, double[][] p) {
    int n = stations.size();
    boolean[] reachesExit = new boolean[n];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < n; i++) {
        if (reachesExit[i]) {
          continue;
        }
        boolean r = p[i][n] > 0;
        for (int j = 0; j < n && !r; j++) {
          r = p[i][j] > 0 && reachesExit[j];
        }
        if (r) {
          reachesExit[i] = true;
          changed = true;
        }
      }
    }
    for (Source s : sources) {
      boolean[] reached = new boolean[n];
      List<Integer> stack = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (s.entry().get(j) > 0) {
          reached[j] = true;
          stack.add(j);
        }
      }
      while (!stack.isEmpty()) {
        int i = stack.remove(stack.size() - 1);
        for (int j = 0; j < n; j++) {
          if (p[i][j] > 0 && !reached[j]) {
            reached[j] = true;
            stack.add(j);
          }
        }
      }
      List<String> trapped = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (reached[i] && !reachesExit[i]) {
          trapped.add(stations.get(i).name());
        }
      }
      if (!trapped.isEmpty()) {
        throw new IllegalArgumentException(
            "routing cycle with no exit: customers of source '"
                + s.name()
                + "' reach stations "
                + trapped
                + " and can never leave; allowed: a path with positive probability to the exit"
                + " from every reachable station");
      }
    }
  }
}
