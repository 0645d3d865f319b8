package dev.headroom.analysis.queueing;

/**
 * One class of customers circulating in a closed network: a fixed population of users, threads or
 * connections, each thinking for {@code thinkTime} seconds between requests.
 *
 * @param name unique within the network
 * @param population N ≥ 0
 * @param thinkTime Z seconds ≥ 0 spent outside the stations between two requests
 */
public record CustomerClass(String name, int population, double thinkTime) {
  public CustomerClass {
    if (name == null || name.isBlank()) {
      throw new QueueInputException("a customer class needs a name");
    }
    if (population < 0) {
      throw new QueueInputException(
          "class " + name + ": population must be ≥ 0, found " + population);
    }
    QueueInputException.nonNegative("class " + name + " think time", thinkTime);
  }
}
