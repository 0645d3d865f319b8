package dev.headroom.report.advice;

import static dev.headroom.report.advice.AdviceLayout.paragraph;
import static dev.headroom.report.advice.AdviceLayout.section;
import static dev.headroom.report.doc.Text.code;
import static dev.headroom.report.doc.Text.strong;

import dev.headroom.advice.Advice;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Block.Item;
import dev.headroom.report.doc.Document;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment on one screen, for the person who asks "where are we and what do we do first": the
 * stage, the bottleneck, the first {@value #TOP} steps of the plan with their monthly cost, what
 * not to do yet, and the monthly cost now and after those steps. The figures are the full report's,
 * with the same provenance.
 */
final class BriefLayout {
  /** Steps shown; the rest of the plan is in the full report. */
  static final int TOP = 3;

  private BriefLayout() {}

  static Document layout(Advice a) {
    List<Block> doc = new ArrayList<>(AdviceSections.header(a));
    doc.add(paragraph(strong("Stage: " + a.stage().stage().id()), ". " + a.stage().explanation()));
    if (a.stage().next() != null) {
      doc.add(AdviceSections.nextStage(a));
    }
    if (a.bottlenecks().ranked().isEmpty()) {
      doc.add(paragraph(strong("Bottleneck: none shown"), ". " + a.bottlenecks().advice()));
    } else {
      doc.add(
          new Block.Paragraph(
              AdviceSections.bottleneck("Bottleneck: ", a.bottlenecks().ranked().get(0))));
    }
    List<Recommendation> recs = a.plan().recommendations();
    List<Recommendation> top = recs.subList(0, Math.min(TOP, recs.size()));
    doc.add(section("First steps", steps(a, top)));
    doc.add(section("Monthly cost", cost(a, top)));
    doc.add(
        paragraph(
            "The evidence for every figure and step: ",
            code(
                "headroom advise "
                    + a.system().source()
                    + (a.load().value() == 1 ? "" : " --load " + a.load().formatted()))));
    return new Document(Text.of("Scalability brief: " + a.system().name()), doc);
  }

  private static List<Block> steps(Advice a, List<Recommendation> top) {
    List<Block> out = new ArrayList<>();
    if (top.isEmpty()) {
      out.add(paragraph("Nothing to change now."));
    } else {
      List<Item> items = new ArrayList<>();
      for (Recommendation r : top) {
        List<Object> pieces =
            new ArrayList<>(
                List.of(strong(r.action().title()), " (", code(r.action().id()), "): "));
        pieces.addAll(AdviceSections.costDelta(r));
        items.add(new Item(Text.of(pieces.toArray())));
      }
      out.add(new Block.ItemList(true, items));
    }
    int more = a.plan().recommendations().size() - top.size();
    if (more > 0) {
      out.add(
          paragraph(more + (more == 1 ? " more step" : " more steps") + " in the full report."));
    }
    if (!a.plan().warnings().isEmpty()) {
      out.add(
          paragraph(
              "Not yet: "
                  + String.join(
                      "; ", a.plan().warnings().stream().map(w -> w.action().title()).toList())
                  + "."));
    }
    return out;
  }

  private static List<Block> cost(Advice a, List<Recommendation> top) {
    List<Block> out = new ArrayList<>();
    out.add(AdviceSections.costNow(a, "Now: ", "."));
    if (!top.isEmpty()) {
      Recommendation last = top.get(top.size() - 1);
      out.add(
          paragraph(
              "After " + (top.size() == 1 ? "this step" : "these " + top.size() + " steps") + ": ",
              last.costAfter() == null
                  ? "not fully priced, a step above has no price"
                  : last.costAfter(),
              "."));
    }
    return out;
  }
}
