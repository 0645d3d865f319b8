package dev.headroom.ingest.loadtest;

import java.util.List;

/**
 * Records a reader could not use: how many, and the first few with their line (or byte offset) and
 * the reason. Readers never stop silently at a bad record; they count it and say so.
 */
public record SkippedRecords(long count, List<String> examples) {

  public static final SkippedRecords NONE = new SkippedRecords(0, List.of());

  public SkippedRecords {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    examples = List.copyOf(examples);
  }
}
