package dev.headroom.analysis;

import java.util.Locale;

/**
 * Where a bottleneck or finding sits. The declaration order is the order in which headroom searches
 * for bottlenecks when the evidence does not rank them (D1: database, then application, then
 * network, then external services), with cache, storage and architecture after the ones D1 names.
 */
public enum Layer {
  DATABASE,
  APPLICATION,
  NETWORK,
  EXTERNAL,
  CACHE,
  STORAGE,
  ARCHITECTURE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
