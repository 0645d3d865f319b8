package dev.headroom.analysis.sim.system;

/** The primary split into {@code shards} databases, each with the primary's servers (P9). */
public record Sharding(ShardStrategy strategy, int shards) {
  public Sharding {
    java.util.Objects.requireNonNull(strategy, "sharding.strategy");
    Check.atLeast("sharding.shards", shards, 1);
  }
}
