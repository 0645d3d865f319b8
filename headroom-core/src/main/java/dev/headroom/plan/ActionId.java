package dev.headroom.plan;

import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every action headroom can recommend, by its stable id, with how the planner prices it and what it
 * does to the capacity model. Rules name actions by id; the catalogue ({@link Actions}) describes
 * each; the planner switches on this enum, so an action without a price or an effect cannot be
 * added by accident.
 */
public enum ActionId {
  OPTIMIZE_QUERIES("optimize-queries", Pricing.ENGINEERING, Effect.NONE),
  ADD_INDEXES("add-indexes", Pricing.ENGINEERING, Effect.NONE),
  FIX_N_PLUS_ONE("fix-n-plus-one", Pricing.ENGINEERING, Effect.NONE),
  ADD_APP_CACHE("add-app-cache", Pricing.NEW_CACHE, Effect.ADD_CACHE),
  ADD_CDN("add-cdn", Pricing.CDN, Effect.NONE),
  EDGE_COMPUTE("edge-compute", Pricing.UNPRICED, Effect.NONE),
  ADD_READ_REPLICAS("add-read-replicas", Pricing.REPLICAS, Effect.ADD_REPLICAS),
  ADD_CONNECTION_POOLER("add-connection-pooler", Pricing.POOLER, Effect.ADD_POOLER),
  RESIZE_POOLS("resize-pools", Pricing.ENGINEERING, Effect.NONE),
  SCALE_VERTICALLY("scale-vertically", Pricing.VERTICAL, Effect.NONE),
  SCALE_HORIZONTALLY("scale-horizontally", Pricing.HORIZONTAL, Effect.SCALE_OUT),
  ADD_LOAD_BALANCER("add-load-balancer", Pricing.LOAD_BALANCER, Effect.NONE),
  ADD_AUTOSCALING("add-autoscaling", Pricing.AUTOSCALING, Effect.NONE),
  ADD_JOB_QUEUE("add-job-queue", Pricing.QUEUE, Effect.NONE),
  ADD_CIRCUIT_BREAKERS("add-circuit-breakers", Pricing.ENGINEERING, Effect.NONE),
  PARTITION_TABLES("partition-tables", Pricing.ENGINEERING, Effect.NONE),
  SHARD_DATABASE("shard-database", Pricing.SHARD, Effect.NONE),
  MULTI_REGION("multi-region", Pricing.SECOND_REGION, Effect.NONE),
  SPLIT_SERVICES("split-services", Pricing.UNPRICED, Effect.NONE),
  INCREASE_CACHE_MEMORY("increase-cache-memory", Pricing.MORE_CACHE, Effect.NONE),
  TUNE_EVICTION_POLICY("tune-eviction-policy", Pricing.ENGINEERING, Effect.NONE),
  TUNE_CDN_CACHING("tune-cdn-caching", Pricing.ENGINEERING, Effect.NONE),
  FIX_MEMORY_LEAKS("fix-memory-leaks", Pricing.ENGINEERING, Effect.NONE),
  UPGRADE_STORAGE("upgrade-storage", Pricing.UNPRICED, Effect.NONE),
  ADD_MONITORING("add-monitoring", Pricing.MONITORING, Effect.NONE),
  STATELESS_SESSIONS("stateless-sessions", Pricing.SESSION_STORE, Effect.NONE),
  DATABASE_MAINTENANCE("database-maintenance", Pricing.ENGINEERING, Effect.NONE),
  AVOID_PREMATURE_MICROSERVICES("avoid-premature-microservices", Pricing.NOT_DONE, Effect.NONE),
  AVOID_PREMATURE_SHARDING("avoid-premature-sharding", Pricing.NOT_DONE, Effect.NONE),
  AVOID_PREMATURE_MULTI_REGION("avoid-premature-multi-region", Pricing.NOT_DONE, Effect.NONE),
  AVOID_PREMATURE_CACHING("avoid-premature-caching", Pricing.NOT_DONE, Effect.NONE),
  AVOID_STICKY_SESSIONS("avoid-sticky-sessions", Pricing.NOT_DONE, Effect.NONE);

  /** How the planner prices a step (the knowledge behind each rule is in the planner). */
  public enum Pricing {
    /** Engineering work on what exists: no infrastructure added (X3). */
    ENGINEERING,
    /** Open-source metrics on existing hosts (M5). */
    MONITORING,
    /** No change at today's peak; off-peak costs fall (P13). */
    AUTOSCALING,
    /** Sessions move to a cache: free with one, a store to price without (P3). */
    SESSION_STORE,
    /** Instances the model needs for today's peak, at the price paid per instance. */
    HORIZONTAL,
    /** The next size of the machine's family, from the price paid. */
    VERTICAL,
    /** Replicas the model needs (after earlier steps), at the primary's price. */
    REPLICAS,
    /** A cache of the model's working-set size (C4). */
    NEW_CACHE,
    /** The memory a cache lacks for the working set (C4). */
    MORE_CACHE,
    /** One more primary: two shards. */
    SHARD,
    /** A second region with today's footprint. */
    SECOND_REGION,
    /** {@code prices.load_balancer}. */
    LOAD_BALANCER,
    /** {@code prices.cdn}. */
    CDN,
    /** {@code prices.pooler}. */
    POOLER,
    /** {@code prices.queue}. */
    QUEUE,
    /** The sources give no price and the model no size: "not priced", with what it needs. */
    UNPRICED,
    /** A move not made: costs nothing. */
    NOT_DONE
  }

  /** What a step does to the capacity model ({@code analysis.capacity.Change}). */
  public enum Effect {
    NONE,
    ADD_CACHE,
    ADD_REPLICAS,
    SCALE_OUT,
    ADD_POOLER
  }

  private final String id;
  private final Pricing pricing;
  private final Effect effect;

  ActionId(String id, Pricing pricing, Effect effect) {
    this.id = id;
    this.pricing = pricing;
    this.effect = effect;
  }

  /** The stable id scripts and CI gates use ({@code add-read-replicas}). */
  public String id() {
    return id;
  }

  public Pricing pricing() {
    return pricing;
  }

  public Effect effect() {
    return effect;
  }

  /**
   * The action with {@code id}.
   *
   * @throws IllegalArgumentException naming the id, the allowed ones and the closest
   */
  public static ActionId of(String id) {
    Objects.requireNonNull(id, "id");
    List<String> ids = new ArrayList<>();
    for (ActionId a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
      ids.add(a.id);
    }
    throw new IllegalArgumentException(
        "unknown action id \""
            + id
            + "\""
            + Units.Suggest.closest(id, ids).map(s -> "; did you mean \"" + s + "\"?").orElse("")
            + " (allowed: "
            + String.join(", ", ids)
            + ")");
  }
}
