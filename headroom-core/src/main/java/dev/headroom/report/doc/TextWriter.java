package dev.headroom.report.doc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link Document} for a terminal of a given width: no line is longer than the width. Each figure
 * stands on its line as a bare value, and where it came from follows on an indented line under that
 * line ({@code 78% ← measured: ...}), wrapped, so the numbers stay readable and the evidence is
 * still one glance away. Top-level headings are in capitals, a section's content is indented under
 * its heading, blocks are separated by a blank line. A table wider than the terminal wraps its
 * widest columns; one that cannot fit even so is printed row by row as items.
 */
public final class TextWriter implements DocumentWriter {

  /** The width used when the terminal's is unknown, and for the golden files. */
  public static final int DEFAULT_WIDTH = 100;

  /** Narrower than this, indented provenance and tables stop being readable. */
  public static final int MIN_WIDTH = 40;

  /** How far a section's content sits right of its heading. */
  private static final int SECTION_INDENT = 2;

  /** How far provenance sits right of the line it explains (past a nested bullet's marker). */
  private static final int PROVENANCE_INDENT = 4;

  /** Continuation lines of one provenance sit this much further right. */
  private static final int CONTINUATION = 2;

  private static final String GAP = "  ";

  private final int width;

  public TextWriter(int width) {
    if (width < MIN_WIDTH) {
      throw new IllegalArgumentException(
          "a text width is at least " + MIN_WIDTH + " columns, got " + width);
    }
    this.width = width;
  }

  @Override
  public String write(Document doc) {
    StringBuilder out = new StringBuilder();
    Line title = Line.of(doc.title());
    List<String> lines = wrap(title.text(), width, width);
    lines.forEach(l -> out.append(l).append('\n'));
    int longest = lines.stream().mapToInt(TextWriter::columns).max().orElse(0);
    out.append("=".repeat(longest)).append('\n');
    provenance(out, title, 0);
    for (Block b : doc.blocks()) {
      out.append('\n');
      block(out, b, 0);
    }
    return out.toString();
  }

  private void blocks(StringBuilder out, List<Block> blocks, int indent) {
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      block(out, blocks.get(i), indent);
    }
  }

  private void block(StringBuilder out, Block block, int indent) {
    if (block instanceof Block.Section s) {
      Line heading = Line.of(s.heading());
      String text = s.level() == 2 ? heading.text().toUpperCase(Locale.ROOT) : heading.text();
      hanging(out, text, indent, indent);
      provenance(out, heading, indent);
      blocks(out, s.blocks(), indent + SECTION_INDENT);
    } else if (block instanceof Block.Paragraph p) {
      Line line = Line.of(p.text());
      hanging(out, line.text(), indent, indent);
      provenance(out, line, indent);
    } else if (block instanceof Block.ItemList l) {
      for (int i = 0; i < l.items().size(); i++) {
        item(out, l.items().get(i), indent, l.numbered() ? (i + 1) + ". " : "- ");
      }
    } else if (block instanceof Block.Notes n) {
      for (Text t : n.notes()) {
        Line line = Line.of(t);
        hanging(out, "note: " + line.text(), indent, indent + SECTION_INDENT);
        provenance(out, line, indent);
      }
    } else if (block instanceof Block.Quantities q) {
      quantities(out, q, indent);
    } else {
      table(out, (Block.Table) block, indent);
    }
  }

  /** Values lined up after their names; a value too long for its line wraps under itself. */
  private void quantities(StringBuilder out, Block.Quantities q, int indent) {
    int names = 0;
    for (Block.Quantity x : q.quantities()) {
      names = Math.max(names, columns(Line.of(x.name()).text()));
    }
    int values = indent + names + GAP.length();
    for (Block.Quantity x : q.quantities()) {
      Line name = Line.of(x.name());
      Line value = Line.of(x.value());
      if (width - values < MIN_WIDTH / 2) {
        // names so long that their values would be squeezed: each value goes under its name
        hanging(out, name.text(), indent, indent + SECTION_INDENT);
        hanging(out, value.text(), indent + SECTION_INDENT, indent + SECTION_INDENT);
      } else {
        String fill = " ".repeat(names - columns(name.text()));
        List<String> lines = wrap(value.text(), width - values, width - values);
        out.append(" ".repeat(indent)).append(name.text()).append(fill).append(GAP);
        out.append(lines.get(0)).append('\n');
        for (String l : lines.subList(1, lines.size())) {
          out.append(" ".repeat(values)).append(l).append('\n');
        }
      }
      Set<String> provenance = new LinkedHashSet<>(name.provenance());
      provenance.addAll(value.provenance());
      provenance(out, provenance, indent);
    }
  }

  private void item(StringBuilder out, Block.Item item, int indent, String marker) {
    Line line = Line.of(item.text());
    int content = indent + columns(marker);
    List<String> lines = wrap(line.text(), width - content, width - content);
    out.append(" ".repeat(indent)).append(marker).append(lines.get(0)).append('\n');
    for (String l : lines.subList(1, lines.size())) {
      out.append(" ".repeat(content)).append(l).append('\n');
    }
    provenance(out, line, indent);
    item.children().forEach(c -> item(out, c, content, "- "));
  }

  private void table(StringBuilder out, Block.Table t, int indent) {
    int n = t.columns().size();
    List<List<Line>> rows = t.rows().stream().map(r -> r.stream().map(Line::of).toList()).toList();
    int[] w = new int[n];
    int[] min = new int[n];
    for (int i = 0; i < n; i++) {
      String header = t.columns().get(i).header();
      w[i] = columns(header);
      int longestWord = longestWord(header);
      for (List<Line> r : rows) {
        w[i] = Math.max(w[i], columns(r.get(i).text()));
        longestWord = Math.max(longestWord, longestWord(r.get(i).text()));
      }
      // a column gives up width down to its longest word, and never below its header
      min[i] = Math.min(w[i], Math.max(columns(header), longestWord));
    }
    int available = width - indent;
    while (total(w) > available) {
      int widest = -1;
      for (int i = 0; i < n; i++) {
        if (w[i] > min[i] && (widest < 0 || w[i] > w[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        block(out, asItems(t), indent);
        return;
      }
      w[widest]--;
    }
    List<String> header = t.columns().stream().map(Block.Column::header).toList();
    row(out, t, header, w, indent);
    for (List<Line> r : rows) {
      row(out, t, r.stream().map(Line::text).toList(), w, indent);
      Set<String> seen = new LinkedHashSet<>();
      r.forEach(c -> seen.addAll(c.provenance()));
      provenance(out, seen, indent);
    }
  }

  private void row(StringBuilder out, Block.Table t, List<String> cells, int[] w, int indent) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < w.length; i++) {
      wrapped.add(wrap(cells.get(i), w[i], w[i]));
      height = Math.max(height, wrapped.get(i).size());
    }
    for (int j = 0; j < height; j++) {
      StringBuilder line = new StringBuilder(" ".repeat(indent));
      for (int i = 0; i < w.length; i++) {
        String cell = j < wrapped.get(i).size() ? wrapped.get(i).get(j) : "";
        String fill = " ".repeat(w[i] - columns(cell));
        line.append(i > 0 ? GAP : "");
        boolean right = t.columns().get(i).align() == Block.Align.RIGHT;
        line.append(right ? fill + cell : cell + fill);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** A table too wide for the terminal: one item per row, each cell named by its column. */
  private static Block.ItemList asItems(Block.Table t) {
    List<Block.Item> items = new ArrayList<>();
    for (List<Text> r : t.rows()) {
      List<Inline> parts = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        parts.add(
            new Inline.Words(
                (i > 0 ? "; " : "") + t.columns().get(i).header() + ": ", Inline.Style.PLAIN));
        parts.addAll(r.get(i).parts());
      }
      items.add(new Block.Item(new Text(parts)));
    }
    return new Block.ItemList(false, items);
  }

  private static int total(int[] w) {
    int sum = GAP.length() * (w.length - 1);
    for (int x : w) {
      sum += x;
    }
    return sum;
  }

  private void provenance(StringBuilder out, Line line, int indent) {
    provenance(out, line.provenance(), indent);
  }

  private void provenance(StringBuilder out, Set<String> provenance, int indent) {
    int first = indent + PROVENANCE_INDENT;
    for (String p : provenance) {
      hanging(out, p, first, first + CONTINUATION);
    }
  }

  /**
   * {@code text} wrapped to the width, its first line at {@code first}, the rest at {@code rest}.
   */
  private void hanging(StringBuilder out, String text, int first, int rest) {
    List<String> lines = wrap(text, width - first, width - rest);
    for (int i = 0; i < lines.size(); i++) {
      out.append(" ".repeat(i == 0 ? first : rest)).append(lines.get(i)).append('\n');
    }
  }

  /**
   * Lines of at most {@code firstWidth} then {@code restWidth} columns, broken at spaces; a word
   * longer than a line (a long path) is cut, so the width holds whatever the input.
   */
  static List<String> wrap(String text, int firstWidth, int restWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int len = 0;
    for (String word : text.trim().split(" +")) {
      while (!word.isEmpty()) {
        int limit = lines.isEmpty() ? firstWidth : restWidth;
        if ((len > 0 ? len + 1 : 0) + columns(word) <= limit) {
          line.append(len > 0 ? " " : "").append(word);
          len += (len > 0 ? 1 : 0) + columns(word);
          word = "";
        } else if (len > 0) {
          lines.add(line.toString());
          line.setLength(0);
          len = 0;
        } else {
          int cut = word.offsetByCodePoints(0, limit);
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
      }
    }
    if (len > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int longestWord(String s) {
    int longest = 0;
    for (String word : s.split(" +")) {
      longest = Math.max(longest, columns(word));
    }
    return longest;
  }

  /** Terminal columns: one per code point (the reports use no wide or combining characters). */
  private static int columns(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * A run of inline content as a terminal shows it: the words with each figure's bare value, and
   * the provenance of its figures, once each, as {@code value ← where it came from}.
   */
  private record Line(String text, Set<String> provenance) {
    static Line of(Text t) {
      StringBuilder sb = new StringBuilder();
      Set<String> provenance = new LinkedHashSet<>();
      for (Inline part : t.parts()) {
        if (part instanceof Inline.Words w) {
          sb.append(w.text().replace('\n', ' '));
        } else {
          Inline.Fig f = (Inline.Fig) part;
          sb.append(f.figure().formatted());
          provenance.add(f.figure().formatted() + " ← " + f.figure().provenance().describe());
        }
      }
      return new Line(sb.toString(), provenance);
    }
  }
}
