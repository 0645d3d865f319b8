package dev.headroom.collect;

/**
 * Levels the database collectors share, so a PostgreSQL and a MySQL figure under the same key mean
 * the same thing.
 */
public final class DatabaseLevels {

  private DatabaseLevels() {}

  /**
   * Statements running longer than this count as long-running: pghero's level (ADVISOR-CHECKS
   * section 1, PGHERO_LONG_RUNNING_QUERY_SEC).
   */
  public static final int LONG_RUNNING_SECONDS = 60;

  /**
   * Statements executed at least this often count as frequent for slowest_query: the catalogue's
   * "slowest frequent query" level (ADVISOR-CHECKS section 10).
   */
  public static final long FREQUENT_CALLS = 100;
}
