package dev.headroom.ingest.loadtest;

/**
 * How the generator sent load. Closed-loop generators (a fixed number of users that wait for each
 * response) under-sample stalls: coordinated omission (Tene; see docs/formats.md). Open-loop
 * generators send on a schedule and do not.
 */
public enum LoadModel {
  OPEN,
  CLOSED,
  UNKNOWN;

  /**
   * The one warning every closed-loop producer's result carries, so it reads the same whichever
   * tool wrote the file: "wrk is closed-loop: each connection waits for a response …".
   */
  public static String closedLoopWarning(String tool, String unit) {
    return tool
        + " is closed-loop: each "
        + unit
        + " waits for a response before sending again, so stalls are under-sampled (coordinated"
        + " omission) and high percentiles read low";
  }
}
