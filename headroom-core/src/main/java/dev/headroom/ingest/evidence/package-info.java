/**
 * Evidence files: versioned JSON documents of measured observations (docs/evidence.md), written by
 * {@code headroom collect} or by a team's own tooling and read by {@code advise --evidence}. The
 * reader checks every key against the observation catalogue ({@link dev.headroom.model.Metric}) and
 * every unit against the metric's dimension, and reports problems at file:line:column.
 */
package dev.headroom.ingest.evidence;
