package dev.headroom.plan.roadmap;

import dev.headroom.model.Figure;

/**
 * What the capacity model sizes for a row's load, read from the same functions as {@code advise}'s
 * capacity section: front-app instances needed (C5), read replicas needed (C3), cache memory for
 * the working set (C4), and the primaries the database runs as (P9). A figure is null when the
 * model lacks what it needs.
 */
public record Sizes(Figure appInstances, Figure replicas, Figure cacheMemory, Figure shards) {}
