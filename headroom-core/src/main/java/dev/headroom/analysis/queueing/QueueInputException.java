package dev.headroom.analysis.queueing;

import dev.headroom.model.Units;

/**
 * A queueing model was given numbers it cannot use: a negative, infinite or NaN rate or time, a
 * percentile outside (0, 1), a target that no configuration can meet. The message names the
 * parameter, the value found and what is allowed.
 */
public class QueueInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public QueueInputException(String message) {
    super(message);
  }

  /** Requires a finite value ≥ 0. */
  static double nonNegative(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new QueueInputException(name + " must be a finite number ≥ 0, found " + show(value));
    }
    return value;
  }

  /** Requires a finite value &gt; 0. */
  static double positive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new QueueInputException(name + " must be a finite number > 0, found " + show(value));
    }
    return value;
  }

  /** Requires a probability strictly between 0 and 1 (0.95 for the 95th percentile). */
  static double percentile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new QueueInputException(
          "percentile must be a fraction strictly between 0 and 1 (0.95 for p95), found "
              + show(p));
    }
    return p;
  }

  static int servers(int servers) {
    if (servers < 1) {
      throw new QueueInputException("servers must be at least 1, found " + servers);
    }
    return servers;
  }

  static String show(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return Units.format(value, 6);
  }
}
