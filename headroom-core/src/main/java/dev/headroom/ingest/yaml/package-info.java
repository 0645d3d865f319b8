/**
 * The one YAML-or-JSON reader behind every hand-written input (system files, queueing models): it
 * reads at most {@link dev.headroom.ingest.yaml.YamlTree#MAX_BYTES} bytes from a path or a stream,
 * refuses what is not one readable text document with the file and position, and hands back a tree
 * of {@link dev.headroom.ingest.yaml.Node}s that remember where each key and value was written.
 */
package dev.headroom.ingest.yaml;
