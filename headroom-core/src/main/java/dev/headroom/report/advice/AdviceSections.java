package dev.headroom.report.advice;

import static dev.headroom.report.doc.Text.code;
import static dev.headroom.report.doc.Text.strong;

import dev.headroom.advice.Advice;
import dev.headroom.analysis.bottleneck.Bottleneck;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.doc.Block;
import dev.headroom.report.doc.Text;
import java.util.ArrayList;
import java.util.List;

/** Pieces the full assessment and the brief show alike, so both say them the same way. */
final class AdviceSections {
  private AdviceSections() {}

  /** What the system is, the file it came from, the observation window and the report schema. */
  static List<Block> header(Advice a) {
    List<Block> out = new ArrayList<>();
    if (!a.system().description().isEmpty()) {
      out.add(new Block.Paragraph(Text.of(a.system().description())));
    }
    out.add(
        new Block.Paragraph(
            Text.of(
                "Source: ",
                code(a.system().source()),
                a.load().value() == 1
                    ? ""
                    : " at " + a.load().formatted() + " today's load (--load)",
                (a.system().observationsWindow().isEmpty()
                        ? ""
                        : " · observations: " + a.system().observationsWindow())
                    + " · report schema "
                    + dev.headroom.report.SchemaVersion.CURRENT)));
    return out;
  }

  /** How near the next stage is: {@code **Next: scale**: 0 of 4 triggers fire.} */
  static Block nextStage(Advice a) {
    return new Block.Paragraph(
        Text.of(
            strong("Next: " + a.stage().next().id()),
            ": "
                + a.stage().firedNextTriggers()
                + " of "
                + a.stage().nextTriggers().size()
                + " triggers fire."));
  }

  /** A limiting layer, its worst severity and the rules that found it, and its usual remedies. */
  static Text bottleneck(String label, Bottleneck b) {
    return Text.of(
        strong(label + b.layer().id()),
        " (" + b.severity().id() + "; " + String.join(", ", b.findings()) + "): " + b.remedies());
  }

  /** A step's monthly cost change, signed, or what pricing it needs. */
  static List<Object> costDelta(Recommendation r) {
    if (r.costDelta().delta() == null) {
      return List.of("not priced (needs " + r.costDelta().needs() + ")");
    }
    return List.of(r.costDelta().delta().value() >= 0 ? "+" : "", r.costDelta().delta());
  }

  /** The monthly cost now, between {@code before} and {@code after}. */
  static Block costNow(Advice a, String before, String after) {
    if (a.cost().now() != null) {
      return new Block.Paragraph(Text.of(before, a.cost().now(), after));
    }
    if (a.cost().pricedPart() != null) {
      return new Block.Paragraph(
          Text.of(before, "not fully priced; at least ", a.cost().pricedPart(), after));
    }
    return new Block.Paragraph(Text.of(before, "not priced", after));
  }
}
