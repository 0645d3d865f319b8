package dev.headroom.report.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Dimension;
import dev.headroom.model.Figure;
import dev.headroom.model.Provenance;
import dev.headroom.report.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text and Markdown writers on small documents: one layout, two drawings. */
class DocumentWritersTest {

  private static final Figure CPU =
      new Figure(
          0.78,
          Dimension.RATIO,
          new Provenance.Measured("observations.db.cpu in system.yaml:27:11", "busiest hour"));

  private static Document doc(Block... blocks) {
    return new Document(Text.of("Report"), List.of(blocks));
  }

  private static Block.Table table(List<Text> row) {
    return new Block.Table(
        List.of(Block.Column.left("metric"), new Block.Column("value", Block.Align.RIGHT)),
        List.of(row));
  }

  @Test
  void markdown_putsProvenanceAfterTheFigure_andEscapesPipesInCells() {
    String md =
        new MarkdownWriter()
            .write(
                doc(
                    new Block.Section(
                        2,
                        Text.of("Health"),
                        List.of(table(List.of(Text.of("a|b"), Text.of(CPU)))))));
    assertThat(md)
        .isEqualTo(
            "# Report\n\n## Health\n\n| metric | value |\n|---|---:|\n"
                + "| a\\|b | 78% <sub>measured: observations.db.cpu in system.yaml:27:11"
                + " (busiest hour)</sub> |\n");
  }

  @Test
  void markdown_nestsChildrenByTheWidthOfTheirParentsMarker() {
    Block.Item item =
        new Block.Item(Text.of("database"), List.of(new Block.Item(Text.of("db.cpu: ", CPU))));
    String md = new MarkdownWriter().write(doc(new Block.ItemList(true, List.of(item))));
    assertThat(md).contains("1. database\n   - db.cpu: 78% <sub>");
  }

  @Test
  void text_putsTheBareFigureOnTheLine_andItsProvenanceIndentedUnderIt() {
    String text =
        new TextWriter(60)
            .write(
                doc(
                    new Block.Section(
                        2,
                        Text.of("Health"),
                        List.of(table(List.of(Text.of("db CPU"), Text.of(CPU)))))));
    assertThat(text)
        .isEqualTo(
            "Report\n======\n\nHEALTH\n"
                + "  metric  value\n"
                + "  db CPU    78%\n"
                + "      78% ← measured: observations.db.cpu in\n"
                + "        system.yaml:27:11 (busiest hour)\n");
  }

  @Test
  void text_wrapsProseAndCutsAWordLongerThanTheLine() {
    assertThat(TextWriter.wrap("aaa bbb ccc", 7, 7)).containsExactly("aaa bbb", "ccc");
    assertThat(TextWriter.wrap("x " + "y".repeat(12), 5, 5))
        .containsExactly("x", "yyyyy", "yyyyy", "yy");
    assertThat(TextWriter.wrap("", 5, 5)).containsExactly("");
  }

  @Test
  void text_tableTooWideForTheTerminal_isPrintedRowByRowWithEveryCellNamed() {
    String word = "w".repeat(30);
    Block.Table wide =
        new Block.Table(
            List.of(Block.Column.left("first"), Block.Column.left("second")),
            List.of(List.of(Text.of(word), Text.of(word + " ", CPU))));
    String text = new TextWriter(TextWriter.MIN_WIDTH).write(doc(wide));
    assertThat(text).contains("- first: " + word).contains("second: ").contains("78% ← measured");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
  }

  @Test
  void text_tableWiderThanTheTerminal_wrapsItsWidestColumn() {
    Block.Table t =
        new Block.Table(
            List.of(Block.Column.left("trigger"), Block.Column.left("distance")),
            List.of(List.of(Text.of("writes (S6)"), Text.of("not write-heavy; primary CPU 82%"))));
    assertThat(new TextWriter(40).write(doc(t)))
        .isEqualTo(
            "Report\n======\n\n"
                + "trigger      distance\n"
                + "writes (S6)  not write-heavy; primary\n"
                + "             CPU 82%\n");
  }

  @Test
  void quantities_lineUpInText_andAreATableInMarkdown() {
    Block.Quantities q =
        new Block.Quantities(
            List.of(
                new Block.Quantity(Text.of("servers c"), Text.of("2")),
                new Block.Quantity(Text.of("utilisation ρ"), Text.of(CPU))));
    assertThat(new TextWriter(60).write(doc(q)))
        .isEqualTo(
            "Report\n======\n\n"
                + "servers c      2\n"
                + "utilisation ρ  78%\n"
                + "    78% ← measured: observations.db.cpu in system.yaml:27:11\n"
                + "      (busiest hour)\n");
    assertThat(new MarkdownWriter().write(doc(q)))
        .startsWith("# Report\n\n| quantity | value |\n|---|---:|\n| servers c | 2 |\n");
  }

  @Test
  void writers_areChosenByFormat_andJsonIsNotOne() {
    assertThat(DocumentWriter.of(OutputFormat.TEXT, 80)).isInstanceOf(TextWriter.class);
    assertThat(DocumentWriter.of(OutputFormat.MARKDOWN, 80)).isInstanceOf(MarkdownWriter.class);
    assertThatThrownBy(() -> DocumentWriter.of(OutputFormat.JSON, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema");
    assertThatThrownBy(() -> new TextWriter(39)).hasMessageContaining("at least 40 columns");
  }
}
