package dev.headroom.analysis.sim.system;

/** The state machine of a {@link CircuitBreaker} (closed, open, half-open), with its open time. */
final class Breaker {
  static final int CLOSED = 0;
  static final int OPEN = 1;
  static final int HALF_OPEN = 2;

  private final CircuitBreaker config;
  private int state = CLOSED;
  private int failures;
  private double openUntil;
  private boolean trialInFlight;
  private double openedAt;
  private double openTime;
  private long opened;

  Breaker(CircuitBreaker config) {
    this.config = config;
  }

  /** Whether a call may go out at {@code t}; a half-open breaker lets one trial through. */
  boolean allow(double t) {
    if (state == OPEN && t >= openUntil) {
      state = HALF_OPEN;
      trialInFlight = false;
    }
    if (state == OPEN) {
      return false;
    }
    if (state == HALF_OPEN) {
      if (trialInFlight) {
        return false;
      }
      trialInFlight = true;
    }
    return true;
  }

  void result(boolean success, double t) {
    if (state == OPEN) {
      return;
    }
    if (state == HALF_OPEN) {
      trialInFlight = false;
      if (success) {
        close(t);
      } else {
        open(t);
      }
      return;
    }
    if (success) {
      failures = 0;
    } else if (++failures >= config.failureThreshold()) {
      open(t);
    }
  }

  private void open(double t) {
    if (state == CLOSED) {
      openedAt = t;
    }
    state = OPEN;
    opened++;
    openUntil = t + config.openSeconds();
  }

  private void close(double t) {
    state = CLOSED;
    failures = 0;
    openTime += t - openedAt;
  }

  /** Seconds not closed (open or half-open) up to {@code t}, since the start. */
  double notClosedSeconds(double t) {
    return openTime + (state == CLOSED ? 0 : t - openedAt);
  }

  long opened() {
    return opened;
  }
}
