package dev.headroom.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.advice.Advice;
import dev.headroom.advice.Advisor;
import dev.headroom.advice.EvidenceBundle;
import dev.headroom.analysis.uncertainty.Sampler;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.doc.TextWriter;
import dev.headroom.report.roadmap.RoadmapRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example's roadmap to 1000x against its golden text, Markdown and JSON (regenerate with
 * {@code -Dheadroom.updateGolden=true} and review the diff), under Locale.ROOT and a second locale.
 * Examples without a dated observations window start from {@link #TODAY}, injected.
 */
class RoadmapGoldenTest {

  static final Path EXAMPLES = Path.of("..", "examples");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      return dirs
          .filter(d -> Files.exists(d.resolve("system.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Advice advise(String name) throws IOException {
    String text =
        Files.readString(EXAMPLES.resolve(name).resolve("system.yaml"), StandardCharsets.UTF_8);
    return Advisor.advise(
        SystemFileReader.read("examples/" + name + "/system.yaml", text), EXAMPLES.resolve(name));
  }

  /**
   * The roadmap {@code headroom plan --to 1000x} prints: the walk, then the uncertainty engine at
   * its defaults (ranges for examples with ranges or load-test fits, a note for the others).
   */
  static Roadmap roadmap(String name) throws IOException {
    String text =
        Files.readString(EXAMPLES.resolve(name).resolve("system.yaml"), StandardCharsets.UTF_8);
    SystemSpec spec = SystemFileReader.read("examples/" + name + "/system.yaml", text);
    Advice advice = Advisor.advise(spec, EXAMPLES.resolve(name));
    Roadmap base = Roadmapper.of(advice, Roadmaps.THOUSAND, TODAY);
    return new RoadmapUncertainty(RoadmapUncertainty.DEFAULT_SEED, Sampler.DEFAULT_DRAWS)
        .apply(base, spec, EvidenceBundle.assemble(spec, EXAMPLES.resolve(name)), advice);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void render_matchesGoldenFiles_underTwoLocales(String name) throws IOException {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY)) {
        Locale.setDefault(locale);
        Roadmap r = roadmap(name);
        check(name, "roadmap.json", RoadmapRenderer.of(OutputFormat.JSON, 0).render(r));
        check(name, "roadmap.md", RoadmapRenderer.of(OutputFormat.MARKDOWN, 0).render(r));
        check(
            name,
            "roadmap.txt",
            RoadmapRenderer.of(OutputFormat.TEXT, TextWriter.DEFAULT_WIDTH).render(r));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static void check(String name, String file, String actual) throws IOException {
    Path golden = EXAMPLES.resolve(name).resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(golden.toString())
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void json_followsThePublishedSchema(String name) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("..", "docs", "roadmap-report-schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    String json = RoadmapRenderer.of(OutputFormat.JSON, 0).render(roadmap(name));
    List<Error> errors = schema.validate(JsonMapper.builder().build().readTree(json));
    assertThat(errors).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void text_fitsTheWidth_andShowsProvenance(String name) throws IOException {
    Roadmap r = roadmap(name);
    for (int width : List.of(TextWriter.MIN_WIDTH, 80, TextWriter.DEFAULT_WIDTH)) {
      String text = RoadmapRenderer.of(OutputFormat.TEXT, width).render(r);
      assertThat(text.lines())
          .as("%s at %d columns", name, width)
          .allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(width));
      assertThat(text).contains(" ← ");
    }
  }
}
