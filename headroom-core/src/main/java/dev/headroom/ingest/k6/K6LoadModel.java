package dev.headroom.ingest.k6;

import dev.headroom.ingest.loadtest.LoadModel;
import java.util.List;

/**
 * The load model of a k6 run, as far as its output tells. k6's closed executors ({@code
 * constant-vus}, {@code ramping-vus}, {@code per-vu-iterations}, {@code shared-iterations}, {@code
 * externally-controlled}) start an iteration only when the VU's previous one ended; its
 * arrival-rate executors ({@code constant-arrival-rate}, {@code ramping-arrival-rate}) start them
 * on a schedule (grafana/k6-docs: {@code using-k6/scenarios/concepts/open-vs-closed.md}). No k6
 * output names the executor. Only {@code dropped_iterations}, which arrival-rate executors emit
 * when they run out of VUs, proves an open executor ran.
 */
final class K6LoadModel {

  private K6LoadModel() {}

  static LoadModel of(boolean droppedIterationsSeen) {
    return droppedIterationsSeen ? LoadModel.OPEN : LoadModel.UNKNOWN;
  }

  static List<String> warnings(boolean droppedIterationsSeen) {
    if (droppedIterationsSeen) {
      return List.of(
          "load model open: the run has a dropped_iterations metric, which only k6's arrival-rate"
              + " executors emit; they dropped iterations, so the target rate was not met. Another"
              + " scenario of the same run may still be closed-loop");
    }
    return List.of(
        "load model unknown: k6 output does not name the executor. If it was closed (constant-vus,"
            + " ramping-vus, per-vu-iterations, shared-iterations), each VU waits for its response,"
            + " stalls are under-sampled (coordinated omission) and high percentiles are"
            + " optimistic; arrival-rate executors are open and do not have this bias");
  }
}
