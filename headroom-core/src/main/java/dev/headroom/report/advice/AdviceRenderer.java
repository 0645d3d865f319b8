package dev.headroom.report.advice;

import dev.headroom.advice.Advice;
import dev.headroom.report.OutputFormat;

/** Renders an advice; chosen by {@link OutputFormat}. Never computes a figure. */
public interface AdviceRenderer {

  String render(Advice advice);

  static AdviceRenderer of(OutputFormat format) {
    return switch (format) {
      case TEXT -> new TextAdviceRenderer();
      case MARKDOWN -> new MarkdownAdviceRenderer();
      case JSON -> new JsonAdviceRenderer();
    };
  }
}
