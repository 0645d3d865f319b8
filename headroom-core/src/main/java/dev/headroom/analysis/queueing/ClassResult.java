package dev.headroom.analysis.queueing;

import java.util.List;

/**
 * What one customer class sees at one population. Lists are per station, in the network's station
 * order. Little's law holds for the class (N = X·(Z + R)) and at every station (Q = X·R_k).
 *
 * @param name the class
 * @param population N
 * @param throughput X, requests per second
 * @param responseTime R = Σ residence times, seconds (think time excluded)
 * @param thinkTime Z, seconds
 * @param residenceTimes R_k, seconds per request spent at station k over all its visits
 * @param queueLengths Q_k, the mean number of this class's customers at station k
 */
public record ClassResult(
    String name,
    int population,
    double throughput,
    double responseTime,
    double thinkTime,
    List<Double> residenceTimes,
    List<Double> queueLengths) {

  public ClassResult {
    residenceTimes = List.copyOf(residenceTimes);
    queueLengths = List.copyOf(queueLengths);
    QueueInputException.nonNegative("throughput", throughput);
    QueueInputException.nonNegative("response time", responseTime);
    LittlesLaw.check("class " + name, population, throughput, thinkTime + responseTime);
    double sum = 0;
    for (int k = 0; k < residenceTimes.size(); k++) {
      LittlesLaw.check(
          "class " + name + " at station " + k,
          queueLengths.get(k),
          throughput,
          residenceTimes.get(k));
      sum += residenceTimes.get(k);
    }
    if (Math.abs(sum - responseTime) > 1e-9 * Math.max(1.0, responseTime)) {
      throw new IllegalStateException("response time is not the sum of residence times");
    }
  }
}
