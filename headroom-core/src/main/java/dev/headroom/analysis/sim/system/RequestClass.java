package dev.headroom.analysis.sim.system;

/** The request classes the simulator reports apart. */
public enum RequestClass {
  READ,
  WRITE,
  ASYNC;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
