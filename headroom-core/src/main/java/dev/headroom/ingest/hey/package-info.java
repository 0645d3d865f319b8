/**
 * Readers for hey's text report and its per-request {@code -o csv} output. hey prints times in
 * seconds and does not record its concurrency.
 */
package dev.headroom.ingest.hey;
