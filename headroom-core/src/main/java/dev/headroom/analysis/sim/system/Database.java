package dev.headroom.analysis.sim.system;

import dev.headroom.analysis.sim.ServiceTime;
import java.util.Optional;

/**
 * The database tier: a primary with {@code primaryServers} servers (cores working on queries at
 * once) and {@code replicas} read replicas with {@code replicaServers} each. Writes go to the
 * primary; reads go to the replicas in rotation (round robin), and to the primary when no replica
 * is in rotation (P8). A read on a replica is stale when its key was written on the primary less
 * than {@code replicationLagSeconds} before (M9: expect 100-500 ms). With {@code sharding}, the
 * primary is split into shards by key and there are no replicas.
 *
 * @param readService one read request's database time (all its queries), on one server
 * @param writeService one write request's database time, on one server
 */
public record Database(
    int primaryServers,
    ServiceTime readService,
    ServiceTime writeService,
    int replicas,
    int replicaServers,
    double replicationLagSeconds,
    Optional<Sharding> sharding) {
  public Database {
    Check.atLeast("database.primary.servers", primaryServers, 1);
    java.util.Objects.requireNonNull(readService, "database.read_service");
    java.util.Objects.requireNonNull(writeService, "database.write_service");
    Check.atLeast("database.replicas", replicas, 0);
    Check.atLeast("database.replica.servers", replicaServers, 1);
    Check.nonNegative("database.replication_lag (seconds)", replicationLagSeconds);
    if (sharding.isPresent() && replicas > 0) {
      throw Check.bad(
          "database.sharding with database.replicas",
          replicas + " replicas",
          "no replicas on a sharded database (the simulator shards the primary only)");
    }
  }

  public Database withReplicas(int n) {
    return new Database(
        primaryServers,
        readService,
        writeService,
        n,
        replicaServers,
        replicationLagSeconds,
        sharding);
  }

  /** Database stations: the primary (or the shards), then the replicas. */
  int stations() {
    return sharding.map(Sharding::shards).orElse(1) + replicas;
  }
}
