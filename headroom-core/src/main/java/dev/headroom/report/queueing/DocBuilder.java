package dev.headroom.report.queueing;

import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a queueing report's {@link Document} block by block, in the words of the reports: named
 * quantities, tables and notes, each optionally under a heading. The values are already formatted
 * strings ({@link Fmt}); the queueing models' figures carry no provenance of their own.
 */
final class DocBuilder {
  private final String title;
  private final List<Block> blocks = new ArrayList<>();
  private String pairsHeading;
  private List<Block.Quantity> pairs;

  DocBuilder(String title) {
    this.title = title;
  }

  /** Starts named quantities under {@code heading} (none when empty). */
  DocBuilder pairs(String heading) {
    flush();
    pairsHeading = heading;
    pairs = new ArrayList<>();
    return this;
  }

  DocBuilder pair(String label, String value) {
    pairs.add(new Block.Quantity(Text.of(label), Text.of(value)));
    return this;
  }

  /** A table; every column whose cells are all numbers (or a dash for none) is right-aligned. */
  DocBuilder table(String heading, List<String> header, List<List<String>> rows) {
    flush();
    List<Block.Column> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      columns.add(
          new Block.Column(header.get(i), numeric(rows, i) ? Block.Align.RIGHT : Block.Align.LEFT));
    }
    List<List<Text>> cells =
        rows.stream().map(r -> r.stream().map(c -> Text.of(c)).toList()).toList();
    add(heading, new Block.Table(columns, cells));
    return this;
  }

  DocBuilder note(String text) {
    flush();
    blocks.add(new Block.Paragraph(Text.of(text)));
    return this;
  }

  Document build() {
    flush();
    return new Document(Text.of(title), blocks);
  }

  private void flush() {
    if (pairs != null) {
      add(pairsHeading, new Block.Quantities(pairs));
      pairs = null;
    }
  }

  private void add(String heading, Block block) {
    blocks.add(heading.isEmpty() ? block : new Block.Section(2, Text.of(heading), List.of(block)));
  }

  private static boolean numeric(List<List<String>> rows, int column) {
    boolean numeric = !rows.isEmpty();
    for (List<String> r : rows) {
      String c = r.get(column);
      numeric &=
          !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.equals("—") || c.startsWith("-"));
    }
    return numeric;
  }
}
