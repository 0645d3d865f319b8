package dev.headroom.analysis.capacity;

import dev.headroom.model.Figure;
import java.util.Objects;

/**
 * A recommendation's effect on the capacity model: the system after the step. The plan applies its
 * steps in order, so each step is sized for the system the earlier ones leave.
 */
public sealed interface Change {

  /** What the change does, in a few words, for the report. */
  String describe();

  /** A cache in front of the database answers {@code hitRatio} of its reads (C8). */
  record AddCache(Figure hitRatio) implements Change {
    public AddCache {
      Objects.requireNonNull(hitRatio, "hitRatio");
      if (hitRatio.value() < 0 || hitRatio.value() >= 1) {
        throw new IllegalArgumentException("a hit ratio is in [0, 1), got " + hitRatio.value());
      }
    }

    @Override
    public String describe() {
      return "the cache it adds answers "
          + hitRatio.formatted()
          + " of reads ("
          + hitRatio.provenance().describe()
          + ")";
    }
  }

  /** {@code count} more read replicas of {@code database} take its reads (C3, C7). */
  record AddReplicas(String database, int count) implements Change {
    public AddReplicas {
      Objects.requireNonNull(database, "database");
      if (count < 0) {
        throw new IllegalArgumentException("replicas to add must not be negative, got " + count);
      }
    }

    @Override
    public String describe() {
      return count + (count == 1 ? " read replica" : " read replicas") + " added to " + database;
    }
  }

  /** {@code component} runs {@code instances} instances. */
  record ScaleOut(String component, int instances) implements Change {
    public ScaleOut {
      Objects.requireNonNull(component, "component");
      if (instances < 1) {
        throw new IllegalArgumentException("a tier needs at least one instance, got " + instances);
      }
    }

    @Override
    public String describe() {
      return component + " runs " + instances + " instances";
    }
  }

  /**
   * A connection pooler (PgBouncer, ProxySQL) in front of {@code database}: its server connections
   * are capped at the connections it works on at once (C2), clients wait in the pooler (P11, C6).
   */
  record AddPooler(String database) implements Change {
    public AddPooler {
      Objects.requireNonNull(database, "database");
    }

    @Override
    public String describe() {
      return "a pooler in front of " + database + " caps its server connections (C2)";
    }
  }

  /**
   * {@code database}'s data split into {@code shards} primaries by {@code strategy} (P9): each
   * shard takes its keys' share of the writes, the hottest {@code hottestShare} of them, so the
   * busiest primary carries that share of what one primary carried.
   */
  record Shard(String database, int shards, String strategy, Figure hottestShare)
      implements Change {
    public Shard {
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(hottestShare, "hottestShare");
      if (shards < 2) {
        throw new IllegalArgumentException("sharding needs at least two shards, got " + shards);
      }
      if (!(hottestShare.value() > 0) || hottestShare.value() > 1) {
        throw new IllegalArgumentException(
            "the hottest shard's share is in (0, 1], got " + hottestShare.value());
      }
    }

    @Override
    public String describe() {
      return database
          + " sharded into "
          + shards
          + " by "
          + strategy
          + "; the hottest shard takes "
          + hottestShare.formatted()
          + " of its load (P9)";
    }
  }

  /**
   * {@code database}'s primary on a machine {@code factor} times the size (vCPUs): at the same work
   * per query its CPU divides by the factor (utilisation law U = X·S with S / factor).
   */
  record ResizePrimary(String database, double factor) implements Change {
    public ResizePrimary {
      Objects.requireNonNull(database, "database");
      if (!(factor > 1) || !Double.isFinite(factor)) {
        throw new IllegalArgumentException(
            "a bigger machine is more than 1x the size, got " + factor);
      }
    }

    @Override
    public String describe() {
      return database + "'s primary on a machine " + factor + "x the size";
    }
  }
}
