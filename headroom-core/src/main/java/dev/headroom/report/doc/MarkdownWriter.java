package dev.headroom.report.doc;

import java.util.List;

/**
 * A {@link Document} as GitHub-flavoured Markdown: blocks parted by a blank line, the file ending
 * with a single newline (markdownlint MD047, and no stray blank line when reports are joined),
 * every figure followed by its provenance in {@code <sub>}, table cells escaped so a {@code |} in a
 * label cannot split a row.
 */
public final class MarkdownWriter implements DocumentWriter {

  @Override
  public String write(Document doc) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(inline(doc.title())).append("\n\n");
    doc.blocks().forEach(b -> block(md, b));
    // every block ends with a blank line to part it from the next; the last needs only its newline
    md.setLength(md.length() - 1);
    return md.toString();
  }

  private static void block(StringBuilder md, Block block) {
    if (block instanceof Block.Section s) {
      md.append("#".repeat(s.level())).append(' ').append(inline(s.heading())).append("\n\n");
      s.blocks().forEach(b -> block(md, b));
    } else if (block instanceof Block.Paragraph p) {
      md.append(inline(p.text())).append("\n\n");
    } else if (block instanceof Block.ItemList l) {
      for (int i = 0; i < l.items().size(); i++) {
        item(md, "", l.numbered() ? (i + 1) + ". " : "- ", l.items().get(i));
      }
      md.append('\n');
    } else if (block instanceof Block.Notes n) {
      n.notes().forEach(t -> md.append("- note: ").append(inline(t)).append('\n'));
      md.append('\n');
    } else if (block instanceof Block.Quantities q) {
      md.append("| quantity | value |\n|---|---:|\n");
      for (Block.Quantity x : q.quantities()) {
        md.append("| ").append(inline(x.name())).append(" | ").append(inline(x.value()));
        md.append(" |\n");
      }
      md.append('\n');
    } else {
      table(md, (Block.Table) block);
    }
  }

  /** Children are indented by the width of their parent's marker, as CommonMark nests them. */
  private static void item(StringBuilder md, String indent, String marker, Block.Item item) {
    md.append(indent).append(marker).append(inline(item.text())).append('\n');
    String childIndent = indent + " ".repeat(marker.length());
    item.children().forEach(c -> item(md, childIndent, "- ", c));
  }

  private static void table(StringBuilder md, Block.Table t) {
    md.append('|');
    t.columns().forEach(c -> md.append(' ').append(escape(c.header())).append(" |"));
    md.append("\n|");
    t.columns().forEach(c -> md.append(c.align() == Block.Align.RIGHT ? "---:|" : "---|"));
    md.append('\n');
    for (List<Text> row : t.rows()) {
      md.append('|');
      row.forEach(c -> md.append(' ').append(inline(c)).append(" |"));
      md.append('\n');
    }
    md.append('\n');
  }

  private static String inline(Text text) {
    StringBuilder sb = new StringBuilder();
    for (Inline part : text.parts()) {
      if (part instanceof Inline.Words w) {
        sb.append(
            switch (w.style()) {
              case PLAIN -> escape(w.text());
              case STRONG -> "**" + escape(w.text()) + "**";
              case CODE -> "`" + w.text() + "`";
            });
      } else {
        Inline.Fig f = (Inline.Fig) part;
        sb.append(f.figure().formatted())
            .append(" <sub>")
            .append(escape(f.figure().provenance().describe()))
            .append("</sub>");
      }
    }
    return sb.toString();
  }

  /** A pipe would end a table cell and a newline the block. */
  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
