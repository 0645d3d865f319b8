package dev.headroom.analysis.trace;

/**
 * Where a request spends its time (INVENTORY D1's order of search: database, application, network,
 * external services; caches apart because their remedies differ).
 */
public enum TimeLayer {
  /** Calls to a database: spans with {@code db.system} other than a cache, or a statement. */
  DATABASE("database"),
  /** Calls to a cache: {@code db.system} redis, memcached or valkey. */
  CACHE("cache"),
  /** Calls leaving the system: client and producer spans that are neither of the above. */
  EXTERNAL("external"),
  /** The rest of the request: the root's duration minus the union of the layers above. */
  OWN_CODE("own code");

  private final String id;

  TimeLayer(String id) {
    this.id = id;
  }

  /** "own code", for reports. */
  public String id() {
    return id;
  }

  /** A layer that calls out of the process (everything but own code). */
  boolean isCall() {
    return this != OWN_CODE;
  }
}
