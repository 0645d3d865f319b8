package dev.headroom.report.queueing;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link Doc} as aligned plain text or as Markdown. */
final class DocWriter {
  private DocWriter() {}

  static String text(Doc doc) {
    StringBuilder sb = new StringBuilder();
    sb.append(doc.title()).append('\n');
    sb.append("=".repeat(doc.title().codePointCount(0, doc.title().length()))).append('\n');
    for (Doc.Block b : doc.blocks()) {
      sb.append('\n');
      if (b instanceof Doc.Pairs p) {
        if (!p.heading().isEmpty()) {
          sb.append(p.heading()).append('\n');
        }
        int w = 0;
        for (List<String> r : p.rows()) {
          w = Math.max(w, width(r.get(0)));
        }
        for (List<String> r : p.rows()) {
          sb.append("  ")
              .append(pad(r.get(0), w, false))
              .append("  ")
              .append(r.get(1))
              .append('\n');
        }
      } else if (b instanceof Doc.Table t) {
        if (!t.heading().isEmpty()) {
          sb.append(t.heading()).append('\n');
        }
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        boolean[] right = numericColumns(t);
        int[] w = new int[t.header().size()];
        for (List<String> r : all) {
          for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(w[i], width(r.get(i)));
          }
        }
        for (List<String> r : all) {
          StringBuilder line = new StringBuilder("  ");
          for (int i = 0; i < w.length; i++) {
            if (i > 0) {
              line.append("  ");
            }
            line.append(pad(r.get(i), w[i], right[i]));
          }
          sb.append(line.toString().stripTrailing()).append('\n');
        }
      } else if (b instanceof Doc.Note n) {
        sb.append(n.text()).append('\n');
      }
    }
    return sb.toString();
  }

  static String markdown(Doc doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(doc.title()).append('\n');
    for (Doc.Block b : doc.blocks()) {
      sb.append('\n');
      if (b instanceof Doc.Pairs p) {
        if (!p.heading().isEmpty()) {
          sb.append("## ").append(p.heading()).append("\n\n");
        }
        sb.append("| quantity | value |\n|---|---:|\n");
        for (List<String> r : p.rows()) {
          sb.append("| ")
              .append(cell(r.get(0)))
              .append(" | ")
              .append(cell(r.get(1)))
              .append(" |\n");
        }
      } else if (b instanceof Doc.Table t) {
        if (!t.heading().isEmpty()) {
          sb.append("## ").append(t.heading()).append("\n\n");
        }
        sb.append('|');
        for (String h : t.header()) {
          sb.append(' ').append(cell(h)).append(" |");
        }
        sb.append("\n|");
        boolean[] right = numericColumns(t);
        for (int i = 0; i < t.header().size(); i++) {
          sb.append(right[i] ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> r : t.rows()) {
          sb.append('|');
          for (String c : r) {
            sb.append(' ').append(cell(c)).append(" |");
          }
          sb.append('\n');
        }
      } else if (b instanceof Doc.Note n) {
        sb.append(n.text()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Columns whose every cell is a number (or a dash for none) are right-aligned. */
  private static boolean[] numericColumns(Doc.Table t) {
    boolean[] right = new boolean[t.header().size()];
    for (int i = 0; i < right.length; i++) {
      boolean numeric = !t.rows().isEmpty();
      for (List<String> r : t.rows()) {
        String c = r.get(i);
        numeric &=
            !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.equals("—") || c.startsWith("-"));
      }
      right[i] = numeric;
    }
    return right;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - width(s)));
    return right ? fill + s : s + fill;
  }
}
