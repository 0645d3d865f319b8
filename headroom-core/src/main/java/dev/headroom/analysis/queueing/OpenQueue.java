package dev.headroom.analysis.queueing;

/**
 * What every open single-station queue predicts in steady state. Times are seconds, rates per
 * second. Implementations satisfy Little's law twice: {@code meanNumberInSystem = arrivalRate ×
 * meanResponseTime} and {@code meanQueueLength = arrivalRate × meanWaitingTime}.
 */
public interface OpenQueue {

  /** Kendall notation of the model, such as {@code M/M/c}. */
  String model();

  /** λ, arrivals per second. */
  double arrivalRate();

  /** S, mean service time in seconds. */
  double serviceTime();

  /** c, identical servers sharing one FCFS queue. */
  int servers();

  /** ρ = λS/c, the fraction of time each server is busy; below 1. */
  double utilization();

  /** The probability that an arrival waits before service starts. */
  double probabilityOfWaiting();

  /** Lq, the mean number waiting (not in service). */
  double meanQueueLength();

  /** L, the mean number in the system (waiting and in service). */
  double meanNumberInSystem();

  /** Wq, the mean time spent waiting before service, seconds. */
  double meanWaitingTime();

  /** W = Wq + S, the mean response (sojourn) time, seconds. */
  double meanResponseTime();

  /** The system seen through Little's law: (L, λ, W). */
  default LittlesLaw littlesLaw() {
    return new LittlesLaw(meanNumberInSystem(), arrivalRate(), meanResponseTime());
  }

  /** Checks what a compact constructor must: both forms of Little's law. */
  static void checkLittle(OpenQueue q) {
    LittlesLaw.check(
        q.model() + " system", q.meanNumberInSystem(), q.arrivalRate(), q.meanResponseTime());
    LittlesLaw.check(
        q.model() + " queue", q.meanQueueLength(), q.arrivalRate(), q.meanWaitingTime());
  }
}
