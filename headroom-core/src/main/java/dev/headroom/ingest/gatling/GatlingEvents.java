package dev.headroom.ingest.gatling;

import java.util.List;

/**
 * What a {@code simulation.log} says, one call per record, in file order. The text and binary
 * decoders both report through this interface, so the reader interprets records in one place
 * whatever the layout. All times are epoch milliseconds.
 */
interface GatlingEvents {

  /** The RUN record: Gatling version, simulation class, run start and the scenarios if known. */
  void run(String version, String simulation, long startEpochMs, List<String> scenarios);

  /** A virtual user started ({@code start}) or ended, at {@code epochMs}. */
  void user(String scenario, boolean start, long epochMs);

  /** A request completed; response time is {@code endEpochMs - startEpochMs}. */
  void request(long startEpochMs, long endEpochMs, boolean ok);

  /** A GROUP record: the timing of a group of requests, not a request itself. */
  void group();

  /** An ERROR record: an error outside any request (a crashed action, a failed feeder). */
  void error();

  /** An ASSERTION record (the configured assertions, serialised by Gatling). */
  void assertion();

  /** A record that could not be read: {@code where} is "line N" or "byte N". */
  void skipped(String where, String reason);
}
