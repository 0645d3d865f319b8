package dev.headroom.analysis.queueing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A closed, separable queueing network: fixed populations of customers in one or more classes
 * circulating among queue and delay stations, product form (FCFS queues with class-independent
 * exponential service, or delays), solved by {@link Mva}.
 *
 * @param name a label for reports, may be empty
 * @param classes at least one, unique names
 * @param stations at least one, unique names, each with one demand per class
 */
public record ClosedNetwork(String name, List<CustomerClass> classes, List<Station> stations) {

  public ClosedNetwork {
    name = name == null ? "" : name;
    classes = List.copyOf(classes);
    stations = List.copyOf(stations);
    if (classes.isEmpty() || stations.isEmpty()) {
      throw new QueueInputException("a closed network needs at least one class and one station");
    }
    Set<String> seen = new HashSet<>();
    for (CustomerClass c : classes) {
      if (!seen.add(c.name())) {
        throw new QueueInputException("two classes are named " + c.name());
      }
    }
    seen.clear();
    for (Station s : stations) {
      if (!seen.add(s.name())) {
        throw new QueueInputException("two stations are named " + s.name());
      }
      if (s.serviceTimes().size() != classes.size()) {
        throw new QueueInputException(
            "station "
                + s.name()
                + " has "
                + s.serviceTimes().size()
                + " demands, the network has "
                + classes.size()
                + " classes");
      }
    }
    for (int r = 0; r < classes.size(); r++) {
      CustomerClass c = classes.get(r);
      double total = c.thinkTime();
      for (Station s : stations) {
        total += s.demand(r);
      }
      if (c.population() > 0 && total <= 0) {
        throw new QueueInputException(
            "class "
                + c.name()
                + " has no service demand and no think time: its throughput would be infinite");
      }
    }
  }

  /** A single-class network. */
  public static ClosedNetwork singleClass(
      String name, int population, double thinkTime, List<Station> stations) {
    return new ClosedNetwork(
        name, List.of(new CustomerClass("requests", population, thinkTime)), stations);
  }

  /** The same network with other populations, one per class. */
  public ClosedNetwork withPopulations(int... populations) {
    if (populations.length != classes.size()) {
      throw new QueueInputException("one population per class");
    }
    CustomerClass[] cs = new CustomerClass[populations.length];
    for (int r = 0; r < cs.length; r++) {
      CustomerClass c = classes.get(r);
      cs[r] = new CustomerClass(c.name(), populations[r], c.thinkTime());
    }
    return new ClosedNetwork(name, List.of(cs), stations);
  }
}
