package dev.headroom.report.fit;

import dev.headroom.analysis.run.SloThroughput;
import dev.headroom.analysis.usl.BoundHit;
import dev.headroom.analysis.usl.ComparisonFit;
import dev.headroom.analysis.usl.Interval;
import dev.headroom.analysis.usl.ParameterEstimate;
import dev.headroom.analysis.usl.UslModel;
import dev.headroom.analysis.usl.UslPrediction;
import dev.headroom.ingest.loadtest.LatencySummary;
import dev.headroom.ingest.loadtest.LoadTest;
import dev.headroom.ingest.loadtest.Step;
import dev.headroom.model.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The fit report for people: plain text for a terminal or Markdown for a pull request or wiki. Both
 * say the same things in the same order; only the markup differs. Numbers are printed with {@link
 * Units#format(double, int)} ({@link java.util.Locale#ROOT}).
 */
final class FitText {

  private final boolean markdown;
  private final StringBuilder out = new StringBuilder();

  private FitText(boolean markdown) {
    this.markdown = markdown;
  }

  static String render(FitReport report, boolean markdown) {
    FitText t = new FitText(markdown);
    t.write(report);
    return t.out.toString();
  }

  private void write(FitReport r) {
    UslModel m = r.model();
    heading(1, "Universal Scalability Law fit");
    List<String> files = new ArrayList<>();
    for (LoadTest t : r.inputs()) {
      files.add(t.source() + " (" + t.format().id() + ")");
    }
    line(m.points().size() + " points from " + String.join(", ", files) + ".");
    line("");
    line(code("X(N) = λN / (1 + σ(N−1) + κN(N−1))"));
    line("");
    heading(2, "Coefficients");
    String level = Units.format(m.confidenceLevel() * 100, 4) + " % interval";
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"coefficient", "estimate", "std. error", level});
    String[] labels = {"σ contention", "κ coherency", "λ X at N=1"};
    for (ParameterEstimate e : m.estimates()) {
      rows.add(
          new String[] {
            labels[e.parameter().ordinal()],
            Units.format(e.value(), 7),
            e.standardError() == null
                ? (e.atBound() ? "at bound" : "n/a")
                : Units.format(e.standardError(), 4),
            e.confidenceInterval() == null ? "n/a" : interval(e.confidenceInterval(), 4)
          });
    }
    table(rows, 1);
    line("");
    if (m.tQuantile() != null) {
      line(
          "Intervals: estimate ± t × standard error, two-sided, t("
              + Units.format(1 - (1 - m.confidenceLevel()) / 2, 4)
              + ", "
              + m.degreesOfFreedom()
              + " df) = "
              + Units.format(m.tQuantile(), 5)
              + "; standard errors from s²(JᵀJ)⁻¹ with s² = RSS/(n − p).");
    } else {
      line("Intervals: none (no residual degrees of freedom or a singular fit).");
    }
    if (markdown) {
      line(""); // a paragraph of its own: Markdown would join the two lines
    }
    if (m.boundsHit().isEmpty()) {
      line("Bounds hit: none (0 ≤ σ ≤ 1, 0 ≤ κ ≤ 1, λ > 0).");
    } else {
      for (BoundHit b : m.boundsHit()) {
        line("Bound hit: " + b.meaning());
      }
    }
    line("");
    heading(2, "What the curve says");
    if (m.kappa() > 0) {
      Interval ni = m.peakConcurrencyInterval();
      Interval xi = m.maxThroughputInterval();
      bullet(
          "Peak: N* = "
              + Units.format(m.peakConcurrency(), 5)
              + (ni == null ? "" : " " + interval(ni, 4))
              + " (best whole number "
              + m.bestIntegerConcurrency().getAsLong()
              + "), X(N*) = "
              + Units.format(m.maxThroughput(), 6)
              + "/s"
              + (xi == null ? "" : " " + interval(xi, 5))
              + ".");
    } else {
      bullet("No peak: with κ = 0 throughput rises for ever towards λ/σ.");
    }
    bullet(
        "Amdahl limit λ/σ = "
            + (Double.isFinite(m.amdahlLimit())
                ? Units.format(m.amdahlLimit(), 6) + "/s"
                : "none (σ = 0)")
            + ": the ceiling if contention were the only cost.");
    bullet(
        "At N = "
            + Units.format(m.maxMeasuredConcurrency(), 6)
            + ": contention σ(N−1) = "
            + Units.format(m.contentionCost(), 4)
            + ", coherency κN(N−1) = "
            + Units.format(m.coherencyCost(), 4)
            + "; "
            + (r.conclusive()
                ? m.dominance().explanation()
                : "not judged: R² = "
                    + Units.fixed(m.rSquared(), 3)
                    + " is below "
                    + Units.format(FitReport.MIN_R_SQUARED, 2)
                    + ", so the coefficients say nothing reliable about which cost limits throughput."));
    bullet(
        "Fit: residual standard error "
            + (m.residualStandardError() == null
                ? "n/a"
                : Units.format(m.residualStandardError(), 5))
            + " on "
            + m.degreesOfFreedom()
            + " df; R² = "
            + Units.fixed(m.rSquared(), 4)
            + " (descriptive only: R² is not a goodness-of-fit test for a nonlinear model).");
    ComparisonFit a = m.amdahl();
    ComparisonFit l = m.linear();
    bullet(
        "Compared on the same points, residual standard error: USL "
            + rse(m.residualStandardError())
            + ", Amdahl (κ = 0; σ = "
            + Units.format(a.sigma(), 4)
            + ", λ = "
            + Units.format(a.lambda(), 6)
            + ") "
            + rse(a.residualStandardError())
            + ", linear (λ = "
            + Units.format(l.lambda(), 6)
            + ") "
            + rse(l.residualStandardError())
            + ".");
    if (!r.sloThroughputs().isEmpty()) {
      line("");
      heading(2, "Highest throughput within the objectives");
      for (SloThroughput t : r.sloThroughputs()) {
        String slo = t.slo().percentile().id() + " ≤ " + Units.format(t.slo().limitMs(), 4) + " ms";
        bullet(slo + ", measured: " + answer(t.measured()));
        bullet(slo + ", model: " + answer(t.model()));
      }
    }
    line("");
    heading(2, "Steps");
    List<String[]> steps = new ArrayList<>();
    steps.add(
        new String[] {
          "N",
          "requests",
          "errors",
          "X/s",
          "fitted",
          "p50 ms",
          "p90 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "mean ms"
        });
    for (Step s : r.steps()) {
      boolean counted = s.requests() > 0 || s.durationSeconds() > 0;
      LatencySummary lat = s.latency();
      steps.add(
          new String[] {
            Units.format(s.concurrency(), 6),
            counted ? Long.toString(s.requests()) : NONE,
            counted ? Long.toString(s.errors()) : NONE,
            Units.format(s.throughput(), 6),
            Units.format(m.throughputAt(s.concurrency()), 6),
            ms(lat == null ? null : lat.p50Ms()),
            ms(lat == null ? null : lat.p90Ms()),
            ms(lat == null ? null : lat.p95Ms()),
            ms(lat == null ? null : lat.p99Ms()),
            ms(lat == null ? null : lat.maxMs()),
            ms(lat == null ? null : lat.meanMs())
          });
    }
    steps = withoutEmptyColumns(steps);
    table(steps, 0);
    if (!r.predictions().isEmpty()) {
      line("");
      heading(2, "Predictions");
      for (FitPrediction p : r.predictions()) {
        bullet(prediction(p));
      }
    }
    List<String> warnings = new ArrayList<>(r.warnings());
    warnings.addAll(m.warnings());
    if (!warnings.isEmpty()) {
      line("");
      heading(2, "Warnings");
      warnings.forEach(this::bullet);
    }
  }

  /** "X = 830/s at N = 12 (how)", or "none (why)". */
  private static String answer(SloThroughput.Answer a) {
    if (a.throughput() == null) {
      return "none (" + a.note() + ").";
    }
    return (a.bound() ? "X ≥ " : "X = ")
        + Units.format(a.throughput().value(), 5)
        + "/s at N = "
        + Units.format(a.concurrency(), 4)
        + " ("
        + a.note()
        + ").";
  }

  private String prediction(FitPrediction p) {
    UslPrediction u = p.prediction();
    if (p.given() == FitPrediction.Given.CONCURRENCY) {
      StringBuilder sb =
          new StringBuilder(
              "At N = "
                  + Units.format(p.value(), 6)
                  + ": X = "
                  + Units.format(u.throughput(), 6)
                  + "/s");
      if (u.throughputBand() != null) {
        sb.append(" (band ").append(interval(u.throughputBand(), 5)).append(')');
      }
      sb.append(", R = N/X = ").append(Units.format(u.latency() * 1000, 4)).append(" ms.");
      u.warnings().forEach(w -> sb.append(" Warning: ").append(w).append('.'));
      return sb.toString();
    }
    if (u == null) {
      return "At X = " + Units.format(p.value(), 6) + "/s: unreachable: " + p.problem() + ".";
    }
    StringBuilder sb =
        new StringBuilder(
            "At X = "
                + Units.format(p.value(), 6)
                + "/s: N = "
                + Units.format(u.concurrency(), 5)
                + ", R = "
                + Units.format(u.latency() * 1000, 4)
                + " ms");
    if (u.retrogradeConcurrency() != null && Double.isFinite(u.retrogradeConcurrency())) {
      sb.append(" (the same X again past the peak at N = ")
          .append(Units.format(u.retrogradeConcurrency(), 5))
          .append(", with R = ")
          .append(Units.format(u.retrogradeConcurrency() / p.value() * 1000, 4))
          .append(" ms)");
    }
    sb.append('.');
    u.warnings().forEach(w -> sb.append(" Warning: ").append(w).append('.'));
    return sb.toString();
  }

  private static final String NONE = "–";

  /**
   * Drops columns (other than the first) that have nothing in any row: a CSV has no percentiles.
   */
  private static List<String[]> withoutEmptyColumns(List<String[]> rows) {
    int cols = rows.get(0).length;
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      boolean any = c == 0;
      for (int r = 1; r < rows.size() && !any; r++) {
        any = !rows.get(r)[c].equals(NONE);
      }
      if (any) {
        keep.add(c);
      }
    }
    List<String[]> out = new ArrayList<>();
    for (String[] row : rows) {
      String[] kept = new String[keep.size()];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = row[keep.get(i)];
      }
      out.add(kept);
    }
    return out;
  }

  private static String rse(Double v) {
    return v == null ? "n/a" : Units.format(v, 5);
  }

  private static String ms(Double v) {
    return v == null ? NONE : Units.format(v, 4);
  }

  private static String interval(Interval i, int digits) {
    return "[" + Units.format(i.lower(), digits) + ", " + Units.format(i.upper(), digits) + "]";
  }

  private String code(String s) {
    return markdown ? "`" + s + "`" : "  " + s;
  }

  private void heading(int level, String text) {
    if (markdown) {
      line("#".repeat(level) + " " + text);
      line("");
    } else if (level == 1) {
      line(text);
      line("=".repeat(text.length()));
    } else {
      line(text);
      line("-".repeat(text.length()));
    }
  }

  private void bullet(String text) {
    line((markdown ? "- " : "* ") + text);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  /**
   * A table: Markdown pipes, or columns padded to width (left-aligned up to {@code textColumns}).
   */
  private void table(List<String[]> rows, int textColumns) {
    int cols = rows.get(0).length;
    if (markdown) {
      for (int r = 0; r < rows.size(); r++) {
        line("| " + String.join(" | ", rows.get(r)) + " |");
        if (r == 0) {
          StringBuilder sep = new StringBuilder("|");
          for (int c = 0; c < cols; c++) {
            sep.append(c < textColumns ? " --- |" : " ---: |");
          }
          line(sep.toString());
        }
      }
      return;
    }
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String cell = row[c];
        String pad = " ".repeat(width[c] - cell.codePointCount(0, cell.length()));
        if (c > 0) {
          sb.append("  ");
        }
        sb.append(c < textColumns ? cell + pad : pad + cell);
      }
      line(sb.toString().stripTrailing());
    }
  }
}
