package dev.headroom.analysis.sim.system;

import static dev.headroom.analysis.sim.system.Covers.assertCovers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.analysis.queueing.MM1;
import dev.headroom.analysis.queueing.MMc;
import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.ServiceTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The system simulator against exact answers, each inside its own 99 % interval with a bounded
 * half-width: a single app instance is M/M/1 or M/M/c (Erlang C, {@code analysis.queueing}); a
 * primary with replicas obeys the utilisation law; hash sharding's hottest share is the Zipf sum;
 * retries with independent failures multiply attempts by (1 − p^(r+1))/(1 − p).
 */
class SystemValidationTest {

  private static final int BIG = 10_000;

  /** One instance with {@code c} workers, nothing behind it, an unbounded-enough backlog. */
  private static SystemModel single(double lambda, int c, double s) {
    return SystemModel.appOnly(
        Arrivals.poisson(lambda),
        LoadBalancer.of(Balancing.ROUND_ROBIN),
        new AppTier(1, c, ServiceTime.exponential(s), 1, 1, BIG));
  }

  @Test
  void singleInstanceWithOneWorker_reproducesMm1WaitAndPercentiles() {
    MM1 exact = MM1.of(0.8, 1.0);
    SystemSimulationResult r =
        SystemSimulation.run(single(0.8, 1, 1.0), new RunPlan(2_000, 40_000, 12, 11L, 0.99));
    ClassStatistics read = r.requestClass(RequestClass.READ);
    ComponentStatistics app = r.component("app");
    assertCovers("M/M/1 Wq", app.meanWaitSeconds(), exact.meanWaitingTime(), 0.08);
    assertCovers("M/M/1 U", app.utilization(), 0.8, 0.01);
    assertCovers("M/M/1 R", read.meanLatencySeconds(), exact.meanResponseTime(), 0.05);
    assertCovers("M/M/1 p50", read.p50Seconds(), exact.responseTimePercentile(0.50), 0.05);
    assertCovers("M/M/1 p95", read.p95Seconds(), exact.responseTimePercentile(0.95), 0.05);
    assertCovers("M/M/1 p99", read.p99Seconds(), exact.responseTimePercentile(0.99), 0.08);
  }

  @Test
  void singleInstanceWithFourWorkers_reproducesErlangC() {
    MMc exact = MMc.of(3.2, 1.0, 4);
    SystemSimulationResult r =
        SystemSimulation.run(single(3.2, 4, 1.0), new RunPlan(2_000, 40_000, 12, 12L, 0.99));
    ClassStatistics read = r.requestClass(RequestClass.READ);
    ComponentStatistics app = r.component("app");
    assertCovers("M/M/4 Wq", app.meanWaitSeconds(), exact.meanWaitingTime(), 0.08);
    assertCovers("M/M/4 Lq", app.meanQueueLength(), exact.meanQueueLength(), 0.08);
    assertCovers("M/M/4 R", read.meanLatencySeconds(), exact.meanResponseTime(), 0.03);
    assertCovers("M/M/4 p95", read.p95Seconds(), exact.responseTimePercentile(0.95), 0.04);
    assertCovers("M/M/4 p99", read.p99Seconds(), exact.responseTimePercentile(0.99), 0.05);
  }

  @Test
  void primaryWithReplicas_obeysTheUtilisationLaw() {
    double lambda = 200;
    double read = 0.9;
    Database d =
        new Database(
            2,
            ServiceTime.exponential(0.008),
            ServiceTime.exponential(0.02),
            3,
            1,
            0.1,
            Optional.empty());
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(lambda),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(2, 200, ServiceTime.deterministic(0.001), 200, 30, BIG))
            .withMix(0, read, Optional.empty())
            .withDatabase(Optional.of(d));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(100, 2_000, 10, 13L, 0.99));
    // U = X·S / c: reads spread evenly over 3 one-server replicas, writes on a two-server primary
    assertCovers(
        "replica U", r.component("db-replica-0").utilization(), lambda * read / 3 * 0.008, 0.03);
    assertCovers(
        "replica U", r.component("db-replica-2").utilization(), lambda * read / 3 * 0.008, 0.03);
    assertCovers(
        "primary U", r.component("db-primary").utilization(), lambda * (1 - read) * 0.02 / 2, 0.04);
    // a thread is held for the whole request (thread-per-request): Little's law, L = X·R, gives
    // the busy threads, so their occupancy is Σ X·R / (instances × threads), 2 × 200 here
    double busy = 0;
    for (ClassStatistics c : r.classes()) {
      busy += c.throughputPerSecond().mean() * c.meanLatencySeconds().mean();
    }
    assertThat(r.component("app-threads").utilization().mean())
        .isCloseTo(busy / 400, org.assertj.core.data.Percentage.withPercentage(2));
    assertCovers("app cpu U", r.component("app").utilization(), lambda * 0.001 / 400, 0.02);
  }

  @Test
  void hashShardingHottestShare_matchesTheExactZipfSum() {
    int keys = 2_000;
    double s = 1.1;
    int shards = 8;
    // the exact computation, independent of ShardMap: p_k = (k+1)^-s / H(n, s), summed per shard
    double h = 0;
    for (int k = 1; k <= keys; k++) {
      h += Math.pow(k, -s);
    }
    double[] share = new double[shards];
    for (int k = 0; k < keys; k++) {
      share[(int) Long.remainderUnsigned(ShardMap.mix64(k), shards)] += Math.pow(k + 1, -s) / h;
    }
    double hottest = 0;
    for (double v : share) {
      hottest = Math.max(hottest, v);
    }
    Database d =
        new Database(
            1,
            ServiceTime.exponential(0.002),
            ServiceTime.exponential(0.002),
            0,
            1,
            0,
            Optional.of(new Sharding(ShardStrategy.HASH, shards)));
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(100),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 100, ServiceTime.deterministic(0.001), 100, 30, BIG))
            .withKeys(new KeySpace(keys, s))
            .withMix(0, 0.8, Optional.empty())
            .withDatabase(Optional.of(d));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(50, 2_000, 10, 14L, 0.99));
    Hotspot hot = r.hotspot().orElseThrow();
    assertThat(hot.exactShare()).isCloseTo(hottest, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(hottest).isGreaterThan(1.0 / shards);
    assertCovers("hash hottest share", hot.share(), hottest, 0.03);
    assertCovers("hottest shard U", hot.utilization(), 100 * hottest * 0.002, 0.05);
  }

  @Test
  void retriesWithIndependentFailures_multiplyAttemptsByTheClosedForm() {
    double p = 0.3;
    int retries = 3;
    double expected = (1 - Math.pow(p, retries + 1)) / (1 - p);
    External e = new External(1, ServiceTime.exponential(0.01), 10, p, retries, Optional.empty());
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(50),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 100, ServiceTime.deterministic(0.001), 1, 1, BIG))
            .withExternal(Optional.of(e));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(10, 2_000, 10, 15L, 0.99));
    RetryStorm storm = r.retries().orElseThrow();
    assertThat(storm.expectedAttempts())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    assertCovers("attempts per call", storm.attemptsPerCall(), expected, 0.01);
    // a call fails only when all r + 1 attempts fail: p^(r+1) of them
    assertCovers(
        "error share",
        r.requestClass(RequestClass.READ).errorShare(),
        Math.pow(p, retries + 1),
        0.15);
    assertThat(List.of(storm)).hasSize(1);
  }
}
