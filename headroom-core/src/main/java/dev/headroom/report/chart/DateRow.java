package dev.headroom.report.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A second row of labels under the x axis that reads the x values as dates: "load (and date)" on a
 * roadmap, where the load multiple 10x is reached on 2028-04-15 at the projected growth. The chart
 * only places the dates; whoever builds it computes them (and names how in the marks' provenance,
 * on the chart's series or in the surrounding report).
 *
 * @param label the row's name, written at its left ("date")
 * @param marks the dates and the x at which each is written, in any order
 */
public record DateRow(String label, List<Mark> marks) {

  public DateRow {
    Objects.requireNonNull(label, "label");
    marks = marks.stream().sorted(Comparator.comparingDouble(Mark::x)).toList();
    if (marks.isEmpty()) {
      throw new IllegalArgumentException("date row '" + label + "' has no dates");
    }
  }

  /** The date written under {@code x}. */
  public record Mark(double x, LocalDate date) {
    public Mark {
      Objects.requireNonNull(date, "date");
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(
            "the date " + date + " must sit at a finite x, got " + x);
      }
    }
  }
}
