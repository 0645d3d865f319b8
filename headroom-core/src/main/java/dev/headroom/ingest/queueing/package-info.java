/**
 * Reads closed queueing network models (stations, classes, demands with units) from YAML files for
 * {@link dev.headroom.analysis.queueing.Mva}. See {@link
 * dev.headroom.ingest.queueing.NetworkModelReader} for the format.
 */
package dev.headroom.ingest.queueing;
