/**
 * Readers for Locust's {@code --csv} output: the cumulative {@code _stats.csv} and the per-second
 * {@code _stats_history.csv}.
 */
package dev.headroom.ingest.locust;
