package dev.headroom.report.roadmap;

import dev.headroom.plan.roadmap.Roadmap;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.DocumentWriter;

/**
 * Renders a roadmap; chosen by {@link OutputFormat}. Text and Markdown draw the document {@link
 * RoadmapLayout} lays out once; JSON follows its published schema.
 */
public interface RoadmapRenderer {

  String render(Roadmap roadmap);

  /** The roadmap in {@code format}; text lines at most {@code width} columns. */
  static RoadmapRenderer of(OutputFormat format, int width) {
    if (format == OutputFormat.JSON) {
      return new JsonRoadmapRenderer();
    }
    DocumentWriter writer = DocumentWriter.of(format, width);
    return r -> writer.write(RoadmapLayout.layout(r));
  }
}
