package dev.headroom.ingest.evidence;

import java.util.Objects;

/**
 * Something the collector could not see, and what would let it ("needs pg_stat_statements"): it
 * becomes a "not evaluated" entry in the advice, never a guess.
 *
 * @param key the observation key that is missing ({@code database.slowest_query})
 * @param needs what to install or grant
 */
public record Unseen(String key, String needs) {
  public Unseen {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(needs, "needs");
  }
}
