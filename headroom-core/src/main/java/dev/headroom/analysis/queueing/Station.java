package dev.headroom.analysis.queueing;

import java.util.ArrayList;
import java.util.List;

/**
 * A station of a closed network, with per-class service time per visit and visits per request; the
 * service demand D = V·S is what MVA needs (Jain §34.2), the split into V and S only serves to
 * report response times per visit.
 *
 * <p>A queue station with {@code servers} &gt; 1 is solved exactly by single-class exact MVA
 * (load-dependent, see {@link Mva}). Multi-class exact MVA and Bard–Schweitzer use Seidmann's
 * decomposition instead (Seidmann, Schweitzer and Shalev-Oren 1987; Menascé, Almeida and Dowdy,
 * <i>Performance by Design</i>, §15.2): a single-server queue with demand D/m followed by a delay
 * of D(m−1)/m. It is exact at both ends (light load and saturation, where X = m/D) and an
 * approximation in between, where it overstates the response time.
 *
 * @param name unique within the network
 * @param kind queue or delay
 * @param servers m ≥ 1 for a queue; 1 for a delay
 * @param serviceTimes seconds per visit, one per class in the network's class order
 * @param visits visits per request, one per class
 */
public record Station(
    String name, StationKind kind, int servers, List<Double> serviceTimes, List<Double> visits) {

  public Station {
    if (name == null || name.isBlank()) {
      throw new QueueInputException("a station needs a name");
    }
    if (kind == null) {
      throw new QueueInputException("station " + name + " needs a kind (queue or delay)");
    }
    if (servers < 1 || (kind == StationKind.DELAY && servers != 1)) {
      throw new QueueInputException(
          "station "
              + name
              + ": servers must be ≥ 1 for a queue and 1 for a delay, found "
              + servers);
    }
    serviceTimes = List.copyOf(serviceTimes);
    visits = List.copyOf(visits);
    if (serviceTimes.size() != visits.size()) {
      throw new QueueInputException(
          "station " + name + ": one service time and one visit count per class");
    }
    for (int r = 0; r < serviceTimes.size(); r++) {
      QueueInputException.nonNegative("station " + name + " service time", serviceTimes.get(r));
      QueueInputException.nonNegative("station " + name + " visits", visits.get(r));
    }
  }

  /** A station given by its service demands (seconds per request), one visit each. */
  public static Station ofDemands(String name, StationKind kind, double... demands) {
    List<Double> s = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    for (double d : demands) {
      s.add(d);
      v.add(1.0);
    }
    return new Station(name, kind, 1, s, v);
  }

  /** D_r = V_r·S_r, seconds of service per request of class r. */
  public double demand(int classIndex) {
    return serviceTimes.get(classIndex) * visits.get(classIndex);
  }

  /** The same station with m servers. */
  public Station withServers(int m) {
    return new Station(name, kind, m, serviceTimes, visits);
  }
}
