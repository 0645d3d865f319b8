package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.plan.Recommendation;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import dev.headroom.report.advice.AdviceView;
import dev.headroom.report.doc.TextWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example in {@code examples/} against its golden JSON, Markdown and text output, full and
 * brief (text at {@link TextWriter#DEFAULT_WIDTH} columns; regenerate with {@code
 * -Dheadroom.updateGolden=true} and review the diff), under Locale.ROOT and a second locale; the
 * JSON against {@code docs/report-schema.json}; and each example's expected top actions asserted
 * explicitly, so a golden update cannot silently change the advice.
 */
class ExamplesGoldenTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
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

  @Test
  void examples_coverEverySituationTheAdvisorMustTellApart() throws IOException {
    assertThat(examples().toList())
        .contains(
            "startup-not-yet",
            "premature-microservices",
            "n-plus-one",
            "read-heavy-growth",
            "cpu-bound-app",
            "write-heavy-scale",
            "thrashing-cache",
            "global-users");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void render_matchesGoldenFiles_underTwoLocales(String name) throws IOException {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY)) {
        Locale.setDefault(locale);
        Advice advice = advise(name);
        check(name, "advice.json", AdviceRenderer.of(OutputFormat.JSON).render(advice));
        check(name, "advice.md", AdviceRenderer.of(OutputFormat.MARKDOWN).render(advice));
        check(name, "advice.txt", AdviceRenderer.of(OutputFormat.TEXT).render(advice));
        check(name, "brief.txt", brief(OutputFormat.TEXT).render(advice));
        check(name, "brief.md", brief(OutputFormat.MARKDOWN).render(advice));
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
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "report-schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    String json = AdviceRenderer.of(OutputFormat.JSON).render(advise(name));
    List<Error> errors = schema.validate(JsonMapper.builder().build().readTree(json));
    assertThat(errors).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void text_fitsTheWidth_andShowsProvenance_atEveryWidth(String name) throws IOException {
    Advice advice = advise(name);
    for (int width : List.of(TextWriter.MIN_WIDTH, 60, 80, TextWriter.DEFAULT_WIDTH, 132)) {
      for (AdviceView view : AdviceView.values()) {
        String text = AdviceRenderer.of(OutputFormat.TEXT, view, width).render(advice);
        assertThat(text.lines())
            .as("%s %s at %d columns", name, view, width)
            .allSatisfy(
                l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(width));
        assertThat(text).as("figures are followed by their provenance").contains(" ← ");
      }
    }
  }

  @Test
  void brief_showsAtMostThreeSteps_andTheCostAfterTheLastOfThem() throws IOException {
    Advice a = advise("acme-shop");
    assertThat(a.plan().recommendations()).hasSizeGreaterThan(3);
    String md = brief(OutputFormat.MARKDOWN).render(a);
    for (int i = 0; i < a.plan().recommendations().size(); i++) {
      String id = "`" + a.plan().recommendations().get(i).action().id() + "`";
      if (i < 3) {
        assertThat(md).contains(id);
      } else {
        assertThat(md).doesNotContain(id);
      }
    }
    assertThat(a.plan().recommendations().get(1).costDelta().delta()).isNull();
    assertThat(md)
        .contains("After these 3 steps: not fully priced, a step above has no price.")
        .contains("Now: " + a.cost().now().formatted());
    Advice priced = advise("read-heavy-growth");
    assertThat(brief(OutputFormat.MARKDOWN).render(priced))
        .contains(
            "After these 2 steps: "
                + priced.plan().recommendations().get(1).costAfter().formatted());
  }

  /** The README's sample is cut from the text golden: every line but the […] markers, in order. */
  @Test
  void readmeSample_isCutFromTheTextGoldenInOrder() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```\n", readme.indexOf("## A real sample")) + 4;
    List<String> sample = readme.substring(start, readme.indexOf("```", start)).lines().toList();
    List<String> golden =
        Files.readAllLines(
            EXAMPLES.resolve("read-heavy-growth").resolve("advice.txt"), StandardCharsets.UTF_8);
    assertThat(sample).hasSizeGreaterThan(20);
    int at = 0;
    for (String line : sample) {
      if (line.contains("[…]") || line.isEmpty()) {
        continue;
      }
      int found = golden.subList(at, golden.size()).indexOf(line);
      assertThat(found).as("README sample line, in order, in advice.txt: %s", line).isNotNegative();
      at += found + 1;
    }
  }

  @Test
  void brief_json_isTheFullReport() throws IOException {
    Advice a = advise("acme-shop");
    assertThat(brief(OutputFormat.JSON).render(a))
        .isEqualTo(AdviceRenderer.of(OutputFormat.JSON).render(a));
  }

  private static AdviceRenderer brief(OutputFormat format) {
    return AdviceRenderer.of(format, AdviceView.BRIEF, TextWriter.DEFAULT_WIDTH);
  }

  private static List<String> actions(List<Recommendation> recs) {
    return recs.stream().map(r -> r.action().id()).toList();
  }

  @Test
  void startupNotYet_recommendsNothingAndWarnsAgainstCachingAndMicroservices() throws IOException {
    Advice a = advise("startup-not-yet");
    assertThat(a.stage().stage().id()).isEqualTo("startup");
    assertThat(a.findings()).isEmpty();
    assertThat(a.plan().recommendations()).isEmpty();
    assertThat(actions(a.plan().warnings()))
        .contains("avoid-premature-caching", "avoid-premature-microservices");
  }

  @Test
  void prematureMicroservices_warnsAgainstThemFirst() throws IOException {
    Advice a = advise("premature-microservices");
    assertThat(a.stage().stage().id()).isEqualTo("startup");
    assertThat(a.findings()).extracting(f -> f.ruleId()).contains("HR-ARCH-001");
    assertThat(actions(a.plan().warnings()).get(0)).isEqualTo("avoid-premature-microservices");
    assertThat(actions(a.plan().recommendations()))
        .doesNotContain("split-services", "scale-horizontally");
  }

  @Test
  void nPlusOne_fixesTheLoopsBeforeAnyScaling() throws IOException {
    Advice a = advise("n-plus-one");
    List<String> recs = actions(a.plan().recommendations());
    assertThat(recs.get(0)).isEqualTo("fix-n-plus-one");
    assertThat(recs.subList(0, 3)).contains("optimize-queries", "add-indexes");
    assertThat(recs).doesNotContain("scale-horizontally", "scale-vertically", "add-read-replicas");
  }

  @Test
  void readHeavyGrowth_addsACacheThenReadReplicas() throws IOException {
    Advice a = advise("read-heavy-growth");
    assertThat(a.stage().stage().id()).isEqualTo("growth");
    assertThat(actions(a.plan().recommendations()).subList(0, 2))
        .containsExactly("add-app-cache", "add-read-replicas");
    assertThat(actions(a.plan().warnings())).contains("avoid-premature-sharding");
  }

  @Test
  void cpuBoundApp_scalesTheAppTierOut() throws IOException {
    Advice a = advise("cpu-bound-app");
    assertThat(actions(a.plan().recommendations()).get(0)).isEqualTo("scale-horizontally");
    assertThat(a.bottlenecks().ranked().get(0).layer().id()).isEqualTo("application");
  }

  @Test
  void writeHeavyScale_optimisesThenPartitionsAndDoesNotShardYet() throws IOException {
    Advice a = advise("write-heavy-scale");
    assertThat(a.stage().stage().id()).isEqualTo("scale");
    assertThat(actions(a.plan().recommendations()).subList(0, 2))
        .containsExactly("optimize-queries", "partition-tables");
    assertThat(actions(a.plan().recommendations()))
        .doesNotContain("shard-database", "add-read-replicas");
    assertThat(actions(a.plan().warnings())).contains("avoid-premature-sharding");
    assertThat(a.bottlenecks().ranked().get(0).layer().id()).isEqualTo("database");
  }

  @Test
  void thrashingCache_growsTheCacheFirst() throws IOException {
    Advice a = advise("thrashing-cache");
    assertThat(actions(a.plan().recommendations()).get(0)).isEqualTo("increase-cache-memory");
    assertThat(a.findings()).extracting(f -> f.ruleId()).contains("HR-CACHE-001", "HR-CACHE-002");
  }

  @Test
  void globalUsers_goesToTheEdgeBeforeMoreRegions() throws IOException {
    Advice a = advise("global-users");
    List<String> recs = actions(a.plan().recommendations());
    assertThat(recs.get(0)).isEqualTo("add-cdn");
    assertThat(recs.indexOf("multi-region")).isGreaterThan(recs.indexOf("edge-compute"));
    assertThat(a.stage().movedBy()).extracting(t -> t.id()).contains("s7-geo-latency");
  }

  @Test
  void measuredCapacity_replacesThePlaceholderWithTheLoadTestAndTheQueueModel() throws IOException {
    Advice a = advise("measured-capacity");
    var perInstance = a.capacity().item("rps_per_instance").orElseThrow().value();
    // the best step within the p95 target, 327.65/s, planned at the 70% target utilisation (P13)
    assertThat(perInstance.provenance().describe())
        .contains("measured: load test loadtests/api-c*.csv (3 files, hey-csv)")
        .contains("target utilisation = 70%");
    assertThat(perInstance.value())
        .isCloseTo(327.65 * 0.70, org.assertj.core.data.Offset.offset(0.1));
    assertThat(a.capacity().item("api.latency_at_target")).isPresent();
    assertThat(a.capacity().item("pdf.jobs_per_instance").orElseThrow().value().provenance().kind())
        .isEqualTo("derived");
    assertThat(a.findings()).extracting(f -> f.ruleId()).contains("HR-APP-007");
    assertThat(actions(a.plan().recommendations()).get(0)).isEqualTo("scale-horizontally");
  }

  @Test
  void acmeShop_relievesConnectionPressureFirst() throws IOException {
    Advice a = advise("acme-shop");
    assertThat(actions(a.plan().recommendations()).subList(0, 2))
        .containsExactlyInAnyOrder("resize-pools", "add-connection-pooler");
  }
}
