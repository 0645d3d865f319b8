package dev.headroom.analysis.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.analysis.sim.RunPlan;
import dev.headroom.analysis.sim.ServiceTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the system simulator over seeded random configurations, and each component's
 * behaviour in a case where the answer is known.
 */
class SystemPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(1, 7);
  }

  /** A system with a database, replicas and a cache, drawn from {@code seed}. */
  static SystemModel randomSystem(long seed, int instances, double hitRatio) {
    SplittableRandom r = new SplittableRandom(seed);
    int workers = 1 + r.nextInt(8);
    double s = 0.01 + r.nextDouble() * 0.05;
    double capacity = instances * workers / s;
    Database d =
        new Database(
            4,
            ServiceTime.exponential(0.002),
            ServiceTime.exponential(0.004),
            r.nextInt(3),
            2,
            0.2,
            Optional.empty());
    return SystemModel.appOnly(
            Arrivals.poisson(capacity * (0.3 + r.nextDouble())),
            LoadBalancer.of(Balancing.values()[r.nextInt(Balancing.values().length)]),
            new AppTier(instances, workers, ServiceTime.exponential(s), 4, 5, 50))
        .withMix(0, 0.8, Optional.empty())
        .withDatabase(Optional.of(d))
        .withCache(
            Optional.of(
                Cache.ofHitRatio(
                    CacheStrategy.CACHE_ASIDE, hitRatio, ServiceTime.deterministic(0.001))));
  }

  private static final RunPlan SHORT = new RunPlan(20, 200, 3, 99L);

  @ParameterizedTest
  @MethodSource("seeds")
  void moreInstances_neverLowerSaturatedThroughput(long seed) {
    SystemModel m = randomSystem(seed, 2, 0.5);
    // offered far above both capacities, so throughput is capacity
    SystemModel saturated = m.withArrivals(Arrivals.poisson(m.arrivals().ratePerSecond() * 4));
    double two = total(SystemSimulation.run(saturated, SHORT, 1));
    double three =
        total(SystemSimulation.run(saturated.withApp(saturated.app().withInstances(3)), SHORT, 1));
    assertThat(three).isGreaterThanOrEqualTo(two);
  }

  private static double total(SystemSimulationResult r) {
    return r.classes().stream().mapToDouble(c -> c.throughputPerSecond().mean()).sum();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void higherHitRatio_neverRaisesDatabaseLoad(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 31);
    double low = r.nextDouble() * 0.8;
    double high = low + 0.1 + r.nextDouble() * (0.9 - low - 0.1 + 1e-9);
    double atLow =
        SystemSimulation.run(randomSystem(seed, 2, low), SHORT, 1).databaseVisitsPerSecond().mean();
    double atHigh =
        SystemSimulation.run(randomSystem(seed, 2, high), SHORT, 1)
            .databaseVisitsPerSecond()
            .mean();
    assertThat(atHigh).isLessThanOrEqualTo(atLow);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameSeed_givesIdenticalResults_andThreadsDoNotMatter(long seed) {
    SystemModel m = randomSystem(seed, 3, 0.6);
    SystemSimulationResult one = SystemSimulation.run(m, SHORT, 1);
    SystemSimulationResult again = SystemSimulation.run(m, SHORT, 1);
    SystemSimulationResult two = SystemSimulation.run(m, SHORT, 2);
    assertThat(again).isEqualTo(one);
    assertThat(two).isEqualTo(one);
  }

  @ParameterizedTest
  @EnumSource(Balancing.class)
  void everyBalancer_spreadsLoadOverEveryInstance(Balancing b) {
    SystemModel m =
        SystemModel.appOnly(
            Arrivals.poisson(60),
            new LoadBalancer(b, new double[] {1, 2, 1}, Optional.empty()),
            new AppTier(3, 4, ServiceTime.exponential(0.05), 1, 1));
    SystemReplication r = SystemSimulation.replicate(m, SHORT, 0);
    assertThat(r.classes().get(0).throughputPerSecond()).isBetween(55.0, 65.0);
    assertThat(r.classes().get(0).errorShare()).isZero();
  }

  @Test
  void deadInstance_failsRequestsUntilHealthChecksTakeItOut() {
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(100),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(2, 8, ServiceTime.exponential(0.02), 1, 1))
            .withFailures(List.of(Failure.permanent(Failure.Target.APP_INSTANCE, 0, 100)));
    RunPlan plan = new RunPlan(0, 400, 2, 5L);
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(0, 400, 2, 5L, 0.95), 1);
    // half the requests fail for 90 s (3 checks of 30 s), then none: 100/s x 0.5 x 90 s
    double errors =
        r.requestClass(RequestClass.READ).errorsPerSecond().mean() * plan.lengthSeconds();
    assertThat(errors).isBetween(4_000.0, 5_000.0);
    WindowStatistics late = r.windows().get(r.windows().size() - 1);
    assertThat(late.errorShare()).isZero();
  }

  @Test
  void replicaDeath_fallsBackToThePrimaryOnceNoReplicaIsHealthy() {
    Database d =
        new Database(
            2,
            ServiceTime.exponential(0.002),
            ServiceTime.exponential(0.002),
            1,
            2,
            0.1,
            Optional.empty());
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(100),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 50, ServiceTime.exponential(0.01), 50, 5))
            .withMix(0, 0.9, Optional.empty())
            .withDatabase(Optional.of(d))
            .withFailures(List.of(Failure.permanent(Failure.Target.REPLICA, 0, 10)));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(200, 300, 2, 6L), 1);
    assertThat(r.component("db-replica-0").throughputPerSecond().mean()).isZero();
    // all reads and writes now on the primary: 100/s
    assertThat(r.component("db-primary").throughputPerSecond().mean()).isBetween(90.0, 110.0);
    assertThat(r.requestClass(RequestClass.READ).errorShare().mean()).isZero();
  }

  @Test
  void spike_makesTheAutoscalerAddInstances_readyAfterTheStartUpDelay() {
    Autoscaling policy = Autoscaling.p13(2, 10, 0.7);
    SystemModel m =
        SystemModel.appOnly(
                new Arrivals(40, new double[0], List.of(new Spike(300, 900, 3)), 0, 100),
                LoadBalancer.of(Balancing.LEAST_CONNECTIONS),
                new AppTier(2, 4, ServiceTime.exponential(0.1), 1, 1))
            .withAutoscaling(Optional.of(policy));
    SystemReplication r = SystemSimulation.replicate(m, new RunPlan(0, 1_800, 2, 7L), 0);
    int before =
        r.timeline().stream()
            .filter(p -> p.timeSeconds() < 300)
            .mapToInt(AutoscalerPoint::instances)
            .max()
            .orElseThrow();
    int during =
        r.timeline().stream()
            .filter(p -> p.timeSeconds() > 600 && p.timeSeconds() < 1200)
            .mapToInt(AutoscalerPoint::ready)
            .max()
            .orElseThrow();
    assertThat(before).isEqualTo(2);
    // 120/s x 0.1 s = 12 busy workers at 70 %: ceil(12 / (4 x 0.7)) = 5 instances at least
    assertThat(during).isGreaterThanOrEqualTo(5);
    assertThat(r.timeline().get(r.timeline().size() - 1).instances()).isLessThan(during);
  }

  @Test
  void exhaustedPool_timesRequestsOut() {
    Database d =
        new Database(
            1,
            ServiceTime.deterministic(0.5),
            ServiceTime.deterministic(0.5),
            0,
            1,
            0,
            Optional.empty());
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(10),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 100, ServiceTime.deterministic(0.001), 1, 0.2))
            .withDatabase(Optional.of(d));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(10, 200, 2, 8L), 1);
    // one connection serves 2/s of the 10/s offered: the rest wait 0.2 s and time out
    assertThat(r.requestClass(RequestClass.READ).timeoutsPerSecond().mean()).isBetween(7.0, 8.5);
    assertThat(r.requestClass(RequestClass.READ).throughputPerSecond().mean()).isBetween(1.8, 2.1);
  }

  @Test
  void openBreaker_failsCallsFastInsteadOfRetrying() {
    External e =
        new External(
            1, ServiceTime.deterministic(0.05), 1, 1.0, 2, Optional.of(new CircuitBreaker(5, 10)));
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(50),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 100, ServiceTime.deterministic(0.001), 1, 1))
            .withExternal(Optional.of(e));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(10, 300, 2, 9L), 1);
    RetryStorm storm = r.retries().orElseThrow();
    assertThat(storm.expectedAttempts()).isEqualTo(3.0);
    // open most of the time: few attempts get out, most calls are refused at once
    assertThat(storm.attemptsPerCall().mean()).isLessThan(0.1);
    assertThat(storm.breakerNotClosedShare().mean()).isGreaterThan(0.95);
    assertThat(storm.breakerRejectedPerSecond().mean()).isGreaterThan(45);
  }

  @Test
  void writeBehind_reportsItsLossWindowAndStaleReads() {
    Database d =
        new Database(
            2,
            ServiceTime.exponential(0.002),
            ServiceTime.exponential(0.002),
            0,
            1,
            0,
            Optional.empty());
    SystemModel m =
        SystemModel.appOnly(
                Arrivals.poisson(200),
                LoadBalancer.of(Balancing.ROUND_ROBIN),
                new AppTier(1, 50, ServiceTime.deterministic(0.001), 20, 5))
            .withMix(0, 0.5, Optional.empty())
            .withKeys(new KeySpace(100, 1.0))
            .withDatabase(Optional.of(d))
            .withCache(
                Optional.of(
                    new Cache(
                        CacheStrategy.WRITE_BEHIND, 0, 0, ServiceTime.deterministic(0.001), 2)));
    SystemSimulationResult r = SystemSimulation.run(m, new RunPlan(10, 300, 3, 10L), 1);
    WriteBehind wb = r.writeBehind().orElseThrow();
    // 100 writes/s accumulate over a 2 s flush interval (mean λT/2 = 100), and each flush of ~200
    // drains through 2 servers at 2 ms in ~0.2 s (adding 200 x 0.2 / 2 per 2 s = 10): about 110
    assertThat(wb.unflushedWrites().mean()).isBetween(104.0, 116.0);
    assertThat(wb.staleReadShare().mean()).isGreaterThan(0.1);
  }

  @Test
  void badConfiguration_isRefusedNamingFieldValueAndRange() {
    assertThatThrownBy(() -> new Arrivals(10, new double[0], List.of(), 1.2, 10))
        .hasMessage("arrivals.cdn_share is 1.2; allowed: a probability from 0 to 1");
    assertThatThrownBy(
            () -> new External(1, ServiceTime.deterministic(1), 1, 1.5, 1, Optional.empty()))
        .hasMessageContaining("external.failure_probability is 1.5");
    assertThatThrownBy(() -> new Sharding(ShardStrategy.RANGE, 0))
        .hasMessage("sharding.shards is 0; allowed: a whole number >= 1");
    assertThatThrownBy(() -> ShardMap.of(new Sharding(ShardStrategy.HASH, 20), new KeySpace(10, 1)))
        .hasMessageContaining("at most the number of keys (10)");
  }

  @Test
  void rangeSharding_concentratesHotKeys_directoryBalancesThem() {
    KeySpace keys = new KeySpace(10_000, 1.0);
    ShardMap range = ShardMap.of(new Sharding(ShardStrategy.RANGE, 4), keys);
    ShardMap hash = ShardMap.of(new Sharding(ShardStrategy.HASH, 4), keys);
    ShardMap directory = ShardMap.of(new Sharding(ShardStrategy.DIRECTORY, 4), keys);
    assertThat(range.share(range.hottest())).isGreaterThan(hash.share(hash.hottest()));
    assertThat(directory.share(directory.hottest()))
        .isLessThanOrEqualTo(hash.share(hash.hottest()));
    // the hottest key alone is 1/H(10000, 1) = 10.2 % of accesses: a lower bound for any strategy
    assertThat(directory.share(directory.hottest())).isGreaterThan(0.25);
  }
}
