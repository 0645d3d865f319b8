package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;

/**
 * The hotspot of a sharded database: the shard with the largest exact share of key accesses, that
 * share computed from the Zipf probabilities (Σ p_k over its keys), the share the simulation
 * measured, and the shard's utilisation.
 */
public record Hotspot(
    ShardStrategy strategy,
    int shards,
    int hottestShard,
    double exactShare,
    Estimate share,
    Estimate utilization) {}
