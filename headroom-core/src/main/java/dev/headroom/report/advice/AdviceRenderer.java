package dev.headroom.report.advice;

import dev.headroom.advice.Advice;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.TextWriter;

/**
 * Renders an advice; chosen by {@link OutputFormat}. Never computes a figure. Text and Markdown
 * draw one document laid out once ({@link AdviceLayout}, or {@link BriefLayout} for the brief);
 * JSON follows its published schema.
 */
public interface AdviceRenderer {

  String render(Advice advice);

  /** The full report; text at {@link TextWriter#DEFAULT_WIDTH} columns. */
  static AdviceRenderer of(OutputFormat format) {
    return of(format, AdviceView.FULL, TextWriter.DEFAULT_WIDTH);
  }

  /**
   * The report in {@code format}, as much of it as {@code view} asks (JSON is always the full
   * report, see {@link AdviceView#BRIEF}); text lines at most {@code width} columns.
   */
  static AdviceRenderer of(OutputFormat format, AdviceView view, int width) {
    if (format == OutputFormat.JSON) {
      return new JsonAdviceRenderer();
    }
    DocumentWriter writer = DocumentWriter.of(format, width);
    return switch (view) {
      case FULL -> advice -> writer.write(AdviceLayout.layout(advice));
      case BRIEF -> advice -> writer.write(BriefLayout.layout(advice));
    };
  }
}
