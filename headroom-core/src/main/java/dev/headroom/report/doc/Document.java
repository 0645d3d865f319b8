package dev.headroom.report.doc;

import java.util.List;
import java.util.Objects;

/** A whole report: its title and its blocks, ready for any {@link DocumentWriter}. */
public record Document(Text title, List<Block> blocks) {
  public Document {
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
  }
}
