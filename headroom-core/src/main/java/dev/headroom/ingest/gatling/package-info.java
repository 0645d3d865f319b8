/**
 * Readers for Gatling's outputs: the {@code simulation.log} written during a run (tab-separated
 * text up to 3.12, binary from 3.13) and the report's {@code js/stats.json} and {@code
 * js/global_stats.json} (3.x until 3.13.4). The log gives one step per number of active users,
 * rebuilt from USER START/END; the report gives a single step from Gatling's own figures.
 */
package dev.headroom.ingest.gatling;
