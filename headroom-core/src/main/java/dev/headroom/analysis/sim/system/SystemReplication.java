package dev.headroom.analysis.sim.system;

import java.util.List;

/**
 * What one replication observed after its warm-up. Shares are 0 where nothing was counted.
 *
 * @param hotShardShare the hottest shard's share of database visits (the shard with the largest
 *     exact share); 0 unless sharded
 * @param hotShardUtilization that shard's utilisation
 * @param attemptsPerCall external attempts per call (the retry amplification); 0 without calls
 * @param breakerRejectedPerSecond calls refused by an open breaker, per second
 * @param breakerNotClosedShare share of the observed time the breaker was open or half-open
 * @param replicaStaleShare replica reads whose key was written less than the lag before
 * @param cacheStaleShare write-behind: reads that reached the database while their key's write was
 *     still unflushed, over all reads
 * @param unflushedWrites write-behind: time-average of writes in the cache not yet in the database
 *     (what a cache failure at a random moment loses)
 * @param cdnShare arrivals answered by the CDN or browser cache
 * @param cacheHitShare reads answered by the cache
 * @param databaseVisitsPerSecond visits to all database stations (flushes included) per second
 */
public record SystemReplication(
    List<ComponentObservation> components,
    List<ClassObservation> classes,
    List<WindowObservation> windows,
    List<AutoscalerPoint> timeline,
    double hotShardShare,
    double hotShardUtilization,
    double attemptsPerCall,
    double breakerRejectedPerSecond,
    double breakerNotClosedShare,
    double replicaStaleShare,
    double cacheStaleShare,
    double unflushedWrites,
    double cdnShare,
    double cacheHitShare,
    double databaseVisitsPerSecond,
    long events) {
  public SystemReplication {
    components = List.copyOf(components);
    classes = List.copyOf(classes);
    windows = List.copyOf(windows);
    timeline = List.copyOf(timeline);
  }
}
