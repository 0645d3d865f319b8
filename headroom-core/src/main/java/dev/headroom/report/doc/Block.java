package dev.headroom.report.doc;

import java.util.List;
import java.util.Objects;

/**
 * A block of a {@link Document}. The set is closed so that every writer handles every kind: a chart
 * (an SVG for HTML, a sparkline or a table for a terminal) will be one more record here, and the
 * compiler then lists the writers that must learn to draw it.
 */
public sealed interface Block {

  /** A titled part of the document; {@code level} 2 is a top-level section, 3 one inside it. */
  record Section(int level, Text heading, List<Block> blocks) implements Block {
    public Section {
      Objects.requireNonNull(heading, "heading");
      if (level < 2 || level > 6) {
        throw new IllegalArgumentException("a section level is 2 to 6, got " + level);
      }
      blocks = List.copyOf(blocks);
    }
  }

  /** Running text. */
  record Paragraph(Text text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Bullets, or numbered from 1 in order; each item may hold bullets of its own. */
  record ItemList(boolean numbered, List<Item> items) implements Block {
    public ItemList {
      items = List.copyOf(items);
    }
  }

  /** One item of a list, with the bullets under it (its evidence, say). */
  record Item(Text text, List<Item> children) {
    public Item {
      Objects.requireNonNull(text, "text");
      children = List.copyOf(children);
    }

    public Item(Text text) {
      this(text, List.of());
    }
  }

  /** Remarks on the section they close: caveats of a model, warnings of a reader. */
  record Notes(List<Text> notes) implements Block {
    public Notes {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Named quantities and their values, such as a model's inputs and what it predicts: a terminal
   * lines the values up after the names, Markdown needs a table with a header row.
   */
  record Quantities(List<Quantity> quantities) implements Block {
    public Quantities {
      quantities = List.copyOf(quantities);
    }
  }

  /** One named value. */
  record Quantity(Text name, Text value) {
    public Quantity {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Rows of cells under named columns. */
  record Table(List<Column> columns, List<List<Text>> rows) implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Text> r : rows) {
        if (r.size() != columns.size()) {
          throw new IllegalArgumentException(
              "a row has " + r.size() + " cells for " + columns.size() + " columns");
        }
      }
    }
  }

  /** A column's header and how its cells line up (numbers read best right-aligned). */
  record Column(String header, Align align) {
    public Column {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(align, "align");
    }

    public static Column left(String header) {
      return new Column(header, Align.LEFT);
    }
  }

  /** Horizontal alignment of a column. */
  enum Align {
    LEFT,
    RIGHT
  }
}
