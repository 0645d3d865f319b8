package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.Estimate;

/**
 * The price of a write-behind cache: the share of reads that reached the database while their key's
 * write still sat unflushed in the cache (stale reads), and the loss window: the mean number of
 * writes in the cache not yet in the database, which a cache failure at a random moment loses.
 */
public record WriteBehind(Estimate staleReadShare, Estimate unflushedWrites) {}
