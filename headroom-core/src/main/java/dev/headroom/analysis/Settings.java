package dev.headroom.analysis;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.UnitException;
import dev.headroom.model.Units;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The calculator settings in force for one assessment, typed: every default the capacity model, the
 * cost analysis and the planner use lives here once (with its knowledge id), and the system file
 * overrides it under {@code thresholds: { capacity: { … } }}. No calculator writes one of these
 * numbers as a literal; each reads it from this object, so an override moves every figure that
 * cites it.
 */
public final class Settings {

  /** The owner name for these defaults under {@code thresholds:}. */
  public static final String OWNER = "capacity";

  static final String SAFETY_MARGIN = "safety_margin";
  static final String HORIZON = "horizon";
  static final String RPS_PER_INSTANCE = "rps_per_instance";
  static final String REPLICA_CAPACITY = "replica_capacity";
  static final String WORKING_SET = "working_set";
  static final String CACHE_OVERHEAD = "cache_overhead";
  static final String BYTES_PER_USER = "bytes_per_user";
  static final String TARGET_UTILIZATION = "target_utilization";
  static final String NEW_CACHE_HIT_RATIO = "new_cache_hit_ratio";
  static final String VERTICAL_LIMIT = "vertical_limit";
  static final String SINGLE_MACHINE_AVAILABILITY = "single_machine_availability";
  static final String SHARD_KEY_SKEW = "shard_key_skew";
  static final String SHARD_KEYS = "shard_keys";
  static final String FORECAST_LEVEL = "forecast_level";
  static final String FORECAST_HISTORY = "forecast_history";

  /** Every calculator default, each overridable under {@code thresholds: { capacity: … }}. */
  public static final List<Threshold> DEFAULTS =
      List.of(
          new Threshold(
              SAFETY_MARGIN,
              Dimension.MULTIPLIER,
              1.5,
              "C1",
              "safety margin 1.5x on top of growth"),
          new Threshold(
              HORIZON,
              Dimension.DURATION,
              365.25 * 86400,
              "C1",
              "plan 12 months ahead when growth is a rate"),
          new Threshold(
              RPS_PER_INSTANCE,
              Dimension.RATE,
              500,
              "C5",
              "placeholder 500 rps per server; measure it (max_rps_per_instance, or cpu with the"
                  + " request rate) to replace it"),
          new Threshold(
              REPLICA_CAPACITY,
              Dimension.RATE,
              3000,
              "C3",
              "placeholder 3,000 queries/s per replica (C3's example); measure qps and cpu to"
                  + " replace it"),
          new Threshold(
              WORKING_SET,
              Dimension.RATIO,
              0.20,
              "C4",
              "working set 20% of the data (10-20%, upper end)"),
          new Threshold(
              CACHE_OVERHEAD, Dimension.MULTIPLIER, 1.5, "C4.resolve", "Redis overhead 1.5x"),
          new Threshold(
              BYTES_PER_USER,
              Dimension.DATA_SIZE,
              1000,
              "C5",
              "placeholder 1 KB of cache per user"),
          new Threshold(
              TARGET_UTILIZATION,
              Dimension.RATIO,
              0.70,
              "P13",
              "run servers at 70% (autoscaling target)"),
          new Threshold(
              NEW_CACHE_HIT_RATIO,
              Dimension.RATIO,
              0.80,
              "C8",
              "a new cache takes 80% of reads off the database (C8's 80-95%, lower end)"),
          new Threshold(
              VERTICAL_LIMIT,
              Dimension.MONTHLY_COST,
              500,
              "$4",
              "vertical scaling is the cheap move up to about 500 USD/month per machine"),
          new Threshold(
              SINGLE_MACHINE_AVAILABILITY,
              Dimension.RATIO,
              0.999,
              "$3",
              "one machine: 99.9% availability"),
          new Threshold(
              SHARD_KEY_SKEW,
              Dimension.NUMBER,
              1.0,
              "P9",
              "shard keys' popularity follows Zipf's law with exponent 1 (an assumption: measure"
                  + " the hottest keys' share of writes to replace it)"),
          new Threshold(
              SHARD_KEYS,
              Dimension.COUNT,
              100_000,
              "P9",
              "100,000 distinct shard keys (tenants, users) carry the writes; the hottest key's"
                  + " share of writes depends on it"),
          new Threshold(
              FORECAST_LEVEL,
              Dimension.RATIO,
              0.80,
              "X4",
              "dated forecasts give 80% intervals (one miss in five, said so)"),
          new Threshold(
              FORECAST_HISTORY,
              Dimension.DURATION,
              14 * 86400,
              "X4",
              "a forecast needs 14 days of daily peaks: two of each weekday for the weekly season"));

  /** Settings the calculators divide by: zero or less means nothing. */
  private static final Set<String> POSITIVE =
      Set.of(
          RPS_PER_INSTANCE,
          REPLICA_CAPACITY,
          TARGET_UTILIZATION,
          SINGLE_MACHINE_AVAILABILITY,
          BYTES_PER_USER,
          WORKING_SET,
          SHARD_KEYS,
          FORECAST_LEVEL,
          FORECAST_HISTORY);

  /** Shares that cannot exceed the whole (a hit ratio of 100% would leave no reads at all). */
  private static final Set<String> BELOW_ONE = Set.of(NEW_CACHE_HIT_RATIO, FORECAST_LEVEL);

  private static final Set<String> AT_MOST_ONE =
      Set.of(TARGET_UTILIZATION, SINGLE_MACHINE_AVAILABILITY, WORKING_SET);

  /**
   * Refuses an override of a setting outside the values it can take, saying what is allowed.
   *
   * @throws UnitException with what was found and what is allowed
   */
  static void checkRange(String owner, Threshold t, double value) {
    if (!OWNER.equals(owner)) {
      return;
    }
    String shown = Units.format(value, t.dimension());
    if (POSITIVE.contains(t.name()) && !(value > 0)) {
      throw new UnitException(
          "\"" + shown + "\" (not positive)",
          t.name() + " above 0: the calculators divide by it",
          null);
    }
    if (BELOW_ONE.contains(t.name()) && !(value >= 0 && value < 1)) {
      throw new UnitException(
          "\"" + shown + "\"", t.name() + " from 0% up to, not including, 100%", null);
    }
    if (FORECAST_HISTORY.equals(t.name()) && value < LEAST_FORECAST_HISTORY) {
      throw new UnitException(
          "\"" + shown + "\"",
          t.name()
              + " of at least "
              + Units.format(LEAST_FORECAST_HISTORY, t.dimension())
              + ": a weekly season needs two of each weekday",
          null);
    }
    if (AT_MOST_ONE.contains(t.name()) && value > 1) {
      throw new UnitException(
          "\"" + shown + "\" (above 100%)", t.name() + " above 0% and at most 100%", null);
    }
  }

  /** Two weeks, in seconds: less cannot tell a weekly season from a trend. */
  private static final double LEAST_FORECAST_HISTORY = 14 * 86400;

  private final Thresholds thresholds;

  public Settings(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** The thresholds every rule reads (the settings are their {@value #OWNER} section). */
  public Thresholds thresholds() {
    return thresholds;
  }

  private Figure get(String name) {
    return thresholds.get(OWNER, name);
  }

  /** C1: the margin on top of growth. */
  public Figure safetyMargin() {
    return get(SAFETY_MARGIN);
  }

  /** C1: how far ahead to plan when growth is a monthly rate. */
  public Figure horizon() {
    return get(HORIZON);
  }

  /** C5: the placeholder requests per second one server takes, until measured. */
  public Figure rpsPerInstance() {
    return get(RPS_PER_INSTANCE);
  }

  /** C3: the placeholder queries per second one replica takes, until measured. */
  public Figure replicaCapacity() {
    return get(REPLICA_CAPACITY);
  }

  /** C4: the working set as a share of the data, until the cache is measured. */
  public Figure workingSet() {
    return get(WORKING_SET);
  }

  /** C4.resolve: memory per byte of working set in the cache. */
  public Figure cacheOverhead() {
    return get(CACHE_OVERHEAD);
  }

  /** C5: cache bytes per active user, when the data size is unknown. */
  public Figure bytesPerUser() {
    return get(BYTES_PER_USER);
  }

  /** P13: the utilisation servers are planned to run at. */
  public Figure targetUtilization() {
    return get(TARGET_UTILIZATION);
  }

  /** C8: the share of reads a newly added cache answers. */
  public Figure newCacheHitRatio() {
    return get(NEW_CACHE_HIT_RATIO);
  }

  /** $4, D5: the monthly price per machine up to which vertical scaling is the cheap move. */
  public Figure verticalLimit() {
    return get(VERTICAL_LIMIT);
  }

  /**
   * The hit ratio at which a cache is taken to hold its hot set: HR-CACHE-001's level (M7), so the
   * rule and the cache sizing agree on what "holds its hot set" means.
   */
  public Figure hotSetHitRatio() {
    return thresholds.get("HR-CACHE-001", "warning");
  }

  /** P9: the Zipf exponent s of shard keys' popularity (s = 1 unless measured). */
  public Figure shardKeySkew() {
    return get(SHARD_KEY_SKEW);
  }

  /** P9: the number of distinct shard keys the Zipf distribution is taken over. */
  public Figure shardKeys() {
    return get(SHARD_KEYS);
  }

  /** X4: the probability a dated forecast's interval is meant to hold (80%). */
  public Figure forecastLevel() {
    return get(FORECAST_LEVEL);
  }

  /** X4: the least history of daily peaks a dated forecast is made from. */
  public Figure forecastHistory() {
    return get(FORECAST_HISTORY);
  }

  /** $3: the availability one machine gives. */
  public Figure singleMachineAvailability() {
    return get(SINGLE_MACHINE_AVAILABILITY);
  }
}
