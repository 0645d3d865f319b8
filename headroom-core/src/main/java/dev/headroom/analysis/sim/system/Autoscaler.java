package dev.headroom.analysis.sim.system;

import java.util.ArrayDeque;

/**
 * The decision of an {@link Autoscaling} policy at each evaluation: the recommendation ceil(n · U /
 * target) (HPA), its stabilisation windows, its step limits and bounds. Called once per evaluation
 * period, off the request path.
 */
final class Autoscaler {
  /**
   * Kubernetes' HPA default tolerance: no change while |U / target − 1| ≤ 0.1, so noise around the
   * target does not make the tier flap (kube-controller-manager
   * --horizontal-pod-autoscaler-tolerance).
   */
  static final double HPA_TOLERANCE = 0.1;

  private final Autoscaling policy;
  private final ArrayDeque<double[]> history = new ArrayDeque<>();

  Autoscaler(Autoscaling policy) {
    this.policy = policy;
  }

  /** The recommendation alone: ceil(n · U / target) within [min, max], n within tolerance. */
  int recommend(int n, double utilization) {
    double ratio = utilization / policy.targetUtilization();
    int r = Math.abs(ratio - 1) <= HPA_TOLERANCE ? n : (int) Math.ceil(n * ratio - 1e-9);
    return Math.max(policy.min(), Math.min(policy.max(), r));
  }

  /** The instance count to move to at {@code t} from {@code n}, given the measured utilisation. */
  int decide(double t, int n, double utilization) {
    int rec = recommend(n, utilization);
    history.addLast(new double[] {t, rec});
    double keep = Math.max(policy.upWindowSeconds(), policy.downWindowSeconds());
    while (!history.isEmpty() && history.peekFirst()[0] < t - keep) {
      history.removeFirst();
    }
    int upCandidate = rec;
    int downCandidate = rec;
    for (double[] h : history) {
      if (h[0] >= t - policy.upWindowSeconds()) {
        upCandidate = Math.min(upCandidate, (int) h[1]);
      }
      if (h[0] >= t - policy.downWindowSeconds()) {
        downCandidate = Math.max(downCandidate, (int) h[1]);
      }
    }
    if (upCandidate > n) {
      int step = Math.max(1, (int) Math.ceil(n * policy.maxUpStep()));
      return Math.min(upCandidate, n + step);
    }
    if (downCandidate < n) {
      int step = Math.max(1, (int) Math.floor(n * policy.maxDownStep()));
      return Math.max(downCandidate, n - step);
    }
    return n;
  }
}
