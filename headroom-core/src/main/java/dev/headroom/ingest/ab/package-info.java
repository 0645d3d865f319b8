/**
 * Readers for ApacheBench ({@code ab}): its text report, the per-request {@code -g} TSV and the
 * {@code -e} percentile CSV.
 */
package dev.headroom.ingest.ab;
