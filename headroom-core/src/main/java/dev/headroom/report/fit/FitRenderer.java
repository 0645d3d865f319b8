package dev.headroom.report.fit;

import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.DocumentWriter;
import dev.headroom.report.doc.TextWriter;
import java.util.Objects;

/**
 * Renders a {@link FitReport} in one of the {@link OutputFormat}s; the SVG plot is {@link FitPlot}.
 */
public final class FitRenderer {

  private FitRenderer() {}

  /** The report as text, Markdown or JSON; every line ends with a newline. */
  public static String render(FitReport report, OutputFormat format) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(format, "format");
    if (report.model() == null && format != OutputFormat.JSON) {
      return DocumentWriter.of(format, TextWriter.DEFAULT_WIDTH).write(FitSummaryDoc.of(report));
    }
    return switch (format) {
      case TEXT -> FitText.render(report, false);
      case MARKDOWN -> FitText.render(report, true);
      case JSON -> FitJson.render(report);
    };
  }
}
