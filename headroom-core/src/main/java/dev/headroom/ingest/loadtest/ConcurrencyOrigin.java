package dev.headroom.ingest.loadtest;

/** Where a step's concurrency figure came from. */
public enum ConcurrencyOrigin {
  /** The tool's own active-user gauge (k6 {@code vus}, JMeter {@code allThreads}, Locust users). */
  GAUGE,
  /** Rebuilt from user start/end events (Gatling {@code USER START/END}). */
  USER_EVENTS,
  /** The fixed concurrency the run was configured with, as printed in the file (wrk, ab). */
  CONFIGURED,
  /** Given on the command line ({@code --concurrency}). */
  GIVEN,
  /** The input states it directly (a plain CSV's concurrency column). */
  INPUT,
  /** Estimated with Little's law, N = X·R, because the input records no concurrency. */
  LITTLES_LAW
}
