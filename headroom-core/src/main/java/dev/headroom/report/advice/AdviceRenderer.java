package dev.headroom.report.advice;

import dev.headroom.advice.Advice;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.TextWriter;

/**
 * Renders an advice; chosen by {@link OutputFormat}. Never computes a figure. Text and Markdown
 * draw one document laid out once ({@link AdviceLayout}); JSON follows its published schema.
 */
public interface AdviceRenderer {

  String render(Advice advice);

  /** The full report; text at {@link TextWriter#DEFAULT_WIDTH} columns. */
  static AdviceRenderer of(OutputFormat format) {
    return of(format, TextWriter.DEFAULT_WIDTH);
  }

  /** The report in {@code format}; text lines at most {@code width} columns. */
  static AdviceRenderer of(OutputFormat format, int width) {
    if (format == OutputFormat.JSON) {
      return new JsonAdviceRenderer();
    }
    DocumentWriter writer = DocumentWriter.of(format, width);
    return advice -> writer.write(AdviceLayout.layout(advice));
  }
}
