package dev.headroom.report.queueing;

import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out once for both human formats: a title and blocks of label–value pairs, tables
 * and notes. The text and Markdown renderers differ only in how they draw these.
 */
record Doc(String title, List<Block> blocks) {
  Doc {
    blocks = List.copyOf(blocks);
  }

  sealed interface Block {}

  /** Label–value rows under a heading. */
  record Pairs(String heading, List<List<String>> rows) implements Block {
    Pairs {
      rows = List.copyOf(rows);
    }
  }

  /** A table under a heading; every column but the first is right-aligned (numbers). */
  record Table(String heading, List<String> header, List<List<String>> rows) implements Block {
    Table {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }
  }

  /** A paragraph. */
  record Note(String text) implements Block {}

  /** Builds a document block by block. */
  static final class Builder {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private List<List<String>> pairs;

    Builder(String title) {
      this.title = title;
    }

    Builder pairs(String heading) {
      pairs = new ArrayList<>();
      blocks.add(new PendingPairs(heading, pairs));
      return this;
    }

    Builder pair(String label, String value) {
      pairs.add(List.of(label, value));
      return this;
    }

    Builder table(String heading, List<String> header, List<List<String>> rows) {
      blocks.add(new Table(heading, header, rows));
      return this;
    }

    Builder note(String text) {
      blocks.add(new Note(text));
      return this;
    }

    Doc build() {
      List<Block> out = new ArrayList<>();
      for (Block b : blocks) {
        out.add(b instanceof PendingPairs p ? new Pairs(p.heading(), p.rows()) : b);
      }
      return new Doc(title, out);
    }

    /** Pairs still being filled; frozen by {@link #build()}. */
    private record PendingPairs(String heading, List<List<String>> rows) implements Block {}
  }
}
