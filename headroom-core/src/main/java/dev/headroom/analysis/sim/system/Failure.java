package dev.headroom.analysis.sim.system;

/**
 * An injected failure: app instance or read replica number {@code index} (0-based) dies at {@code
 * atSeconds} and, when {@code recoverSeconds} is finite, comes back then. Requests it holds fail;
 * the load balancer (or the replica router) keeps sending it requests, which fail, until its health
 * checks take it out.
 */
public record Failure(Target target, int index, double atSeconds, double recoverSeconds) {
  /** What dies. */
  public enum Target {
    APP_INSTANCE,
    REPLICA
  }

  public Failure {
    java.util.Objects.requireNonNull(target, "failure.target");
    Check.atLeast("failure.index", index, 0);
    Check.nonNegative("failure.at (seconds)", atSeconds);
    if (!(recoverSeconds > atSeconds)) {
      throw Check.bad(
          "failure.recover (seconds)", recoverSeconds, "after failure.at (" + atSeconds + " s)");
    }
  }

  /** Dies at {@code at} and never recovers. */
  public static Failure permanent(Target target, int index, double at) {
    return new Failure(target, index, at, Double.POSITIVE_INFINITY);
  }
}
