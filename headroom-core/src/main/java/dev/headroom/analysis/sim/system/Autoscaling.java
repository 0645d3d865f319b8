package dev.headroom.analysis.sim.system;

/**
 * A horizontal autoscaler on the app tier as P13 describes it: every {@code evaluationSeconds} it
 * reads the tier's utilisation U over the last interval and recommends ceil(n · U / target)
 * instances (the Kubernetes HPA rule), bounded by [min, max]. Scaling up takes the lowest
 * recommendation of the last {@code upWindowSeconds} (0: none, scale up at once) and adds at most
 * max(1, ceil(n · maxUpStep)); scaling down takes the highest of the last {@code downWindowSeconds}
 * and removes at most max(1, floor(n · maxDownStep)). A new instance serves after {@code
 * startupSeconds}; a removed one leaves the rotation at once and finishes what it holds.
 */
public record Autoscaling(
    int min,
    int max,
    double targetUtilization,
    double evaluationSeconds,
    double upWindowSeconds,
    double downWindowSeconds,
    double maxUpStep,
    double maxDownStep,
    double startupSeconds) {

  /** P13: evaluate every 30 s (the "+100% per 30 s" step period). */
  public static final double P13_EVALUATION_SECONDS = 30;

  /** P13: scale up fast, no stabilisation window. */
  public static final double P13_UP_WINDOW_SECONDS = 0;

  /** P13: scale down slowly, 5 min stabilisation. */
  public static final double P13_DOWN_WINDOW_SECONDS = 300;

  /** P13: +100 % per step up. */
  public static final double P13_MAX_UP_STEP = 1.0;

  /** P13: −50 % per step down ("max change 50 % per step"). */
  public static final double P13_MAX_DOWN_STEP = 0.5;

  /** P13: a new instance is ready after about 2 min of health checks. */
  public static final double P13_STARTUP_SECONDS = 120;

  public Autoscaling {
    Check.atLeast("autoscaling.min", min, 1);
    if (max < min) {
      throw Check.bad("autoscaling.max", max, "at least autoscaling.min (" + min + ")");
    }
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw Check.bad("autoscaling.target_cpu", targetUtilization, "above 0 and at most 1");
    }
    Check.positive("autoscaling.evaluation (seconds)", evaluationSeconds);
    Check.nonNegative("autoscaling.up_window (seconds)", upWindowSeconds);
    Check.nonNegative("autoscaling.down_window (seconds)", downWindowSeconds);
    Check.positive("autoscaling.max_up_step", maxUpStep);
    if (!(maxDownStep > 0 && maxDownStep <= 1)) {
      throw Check.bad("autoscaling.max_down_step", maxDownStep, "above 0 and at most 1");
    }
    Check.nonNegative("autoscaling.startup (seconds)", startupSeconds);
  }

  /** P13's policy with the given bounds and target. */
  public static Autoscaling p13(int min, int max, double target) {
    return new Autoscaling(
        min,
        max,
        target,
        P13_EVALUATION_SECONDS,
        P13_UP_WINDOW_SECONDS,
        P13_DOWN_WINDOW_SECONDS,
        P13_MAX_UP_STEP,
        P13_MAX_DOWN_STEP,
        P13_STARTUP_SECONDS);
  }
}
