/**
 * Reads system files (YAML or JSON) into a {@link dev.headroom.model.SystemSpec}. The file is first
 * read by {@link dev.headroom.ingest.yaml.YamlTree} into a small tree that keeps every key's and
 * value's line and column (Jackson's data binding loses them), then checked against {@link
 * dev.headroom.ingest.system.SystemFileSchema}, collecting every problem before reporting them
 * together.
 */
package dev.headroom.ingest.system;
