package dev.headroom.report.doc;

import dev.headroom.report.OutputFormat;

/** Draws a {@link Document} in one format; chosen by {@link OutputFormat}. Never computes. */
public interface DocumentWriter {

  /** The whole document, ending with a newline. */
  String write(Document doc);

  /**
   * The writer for {@code format}; {@code width} is the text writer's line length in columns. JSON
   * has no writer here: it follows its own published schema, not the layout of a page.
   */
  static DocumentWriter of(OutputFormat format, int width) {
    return switch (format) {
      case TEXT -> new TextWriter(width);
      case MARKDOWN -> new MarkdownWriter();
      case JSON ->
          throw new IllegalArgumentException(
              "JSON follows its schema; it is not written from the document model");
    };
  }
}
