package dev.headroom.advice;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.analysis.capacity.CapacityModel;
import dev.headroom.analysis.forecast.Crossing;
import dev.headroom.analysis.forecast.Forecast;
import dev.headroom.ingest.system.SystemFileReader;
import dev.headroom.model.Provenance;
import dev.headroom.model.SystemSpec;
import dev.headroom.report.OutputFormat;
import dev.headroom.report.advice.AdviceRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code advise examples/read-heavy-growth/system.yaml --evidence
 * examples/read-heavy-growth/evidence/}: four weeks of series give a Forecasts section in every
 * format (goldens under {@code report/forecast}, regenerated with {@code
 * -Dheadroom.updateGolden=true}), each forecast held against the threshold its rule uses.
 */
class ForecastAdviceGoldenTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "read-heavy-growth");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "forecast");
  private static final boolean UPDATE = Boolean.getBoolean("headroom.updateGolden");

  static Advice advise() throws IOException {
    String text = Files.readString(EXAMPLE.resolve("system.yaml"), StandardCharsets.UTF_8);
    SystemSpec spec = SystemFileReader.read("examples/read-heavy-growth/system.yaml", text);
    return Advisor.advise(
        spec, EXAMPLE, CapacityModel.today(), List.of(EXAMPLE.resolve("evidence")));
  }

  static Map<String, Forecast> bySeries(Advice a) {
    return a.forecasts().stream().collect(Collectors.toMap(Forecast::subject, Function.identity()));
  }

  @Test
  void eachSeries_isMatchedToItsComponent_andHeldAgainstItsRulesThreshold() throws IOException {
    Map<String, Forecast> f = bySeries(advise());
    assertThat(f).containsOnlyKeys("rps", "web.cpu", "db.cpu", "db.connections_in_use");
    // db.cpu is measured at 78% in the system file: the series agrees that it is already above
    assertThat(f.get("db.cpu").crossing().orElseThrow()).isInstanceOf(Crossing.AlreadyAbove.class);
    assertThat(f.get("db.cpu").limit().orElseThrow().rule()).isEqualTo("HR-DB-001 warning");
    assertThat(f.get("db.cpu").limit().orElseThrow().value().provenance())
        .isEqualTo(new Provenance.Assumed("M3", "CPU target 70%"));
    assertThat(f.get("web.cpu").crossing().orElseThrow()).isInstanceOf(Crossing.Within.class);
    // HR-DB-002 warns at 50% of max_connections: 100 of 200
    assertThat(f.get("db.connections_in_use").limit().orElseThrow().value().value()).isEqualTo(100);
    assertThat(f.get("rps").limit()).isEmpty();
    // the generator grows everything 12%/month; the 80% interval of the measured growth holds it
    Forecast.Growth g = f.get("rps").growth().orElseThrow();
    assertThat(g.low().value()).isLessThan(0.12);
    assertThat(g.high().value()).isGreaterThan(0.12);
  }

  @Test
  void measuredRequestGrowth_replacesTheDeclaredGrowth_asARangeFromItsInterval()
      throws IOException {
    Advice a = advise();
    Forecast.Growth g = bySeries(a).get("rps").growth().orElseThrow();
    dev.headroom.model.Figure growth = a.model().view().fact("workload.growth").orElseThrow();
    assertThat(growth.provenance()).isInstanceOf(Provenance.Measured.class);
    assertThat(growth.provenance().describe()).contains("replaces the declared 12%/month");
    assertThat(growth.value()).isEqualTo((g.low().value() + g.high().value()) / 2);
    dev.headroom.model.Range range = a.system().ranges().get("workload.growth");
    assertThat(range.low()).isEqualTo(g.low().value());
    assertThat(range.high()).isEqualTo(g.high().value());
    // the declared 8..16%/month is gone from what the roadmap's uncertainty engine draws
    SystemSpec declared =
        SystemFileReader.read(
            "examples/read-heavy-growth/system.yaml",
            Files.readString(EXAMPLE.resolve("system.yaml"), StandardCharsets.UTF_8));
    assertThat(declared.ranges().get("workload.growth").formatted())
        .isEqualTo("8%/month..16%/month");
    SystemSpec drawnFrom =
        Advisor.withMeasuredGrowth(
            declared,
            EvidenceBundle.assemble(declared, EXAMPLE, List.of(EXAMPLE.resolve("evidence"))));
    assertThat(drawnFrom.ranges().get("workload.growth")).isEqualTo(range);
    // a system drawn from that range keeps its drawn value through the model
    SystemSpec drawn =
        drawnFrom.withFacts(
            Map.of(
                "workload.growth",
                new dev.headroom.model.Figure(
                    g.high().value(),
                    dev.headroom.model.Dimension.GROWTH_RATE,
                    growth.provenance())));
    assertThat(
            Advisor.model(
                    drawn,
                    EvidenceBundle.assemble(
                        declared, EXAMPLE, List.of(EXAMPLE.resolve("evidence"))),
                    CapacityModel.today())
                .view()
                .fact("workload.growth")
                .orElseThrow()
                .value())
        .isEqualTo(g.high().value());
  }

  @Test
  void thresholdOverride_movesTheForecastsDate_asItMovesTheFinding() throws IOException {
    String text =
        Files.readString(EXAMPLE.resolve("system.yaml"), StandardCharsets.UTF_8)
            + "\nthresholds:\n  HR-APP-001:\n    warning: 80%\n";
    SystemSpec spec = SystemFileReader.read("examples/read-heavy-growth/system.yaml", text);
    Advice moved =
        Advisor.advise(spec, EXAMPLE, CapacityModel.today(), List.of(EXAMPLE.resolve("evidence")));
    Crossing.Within at70 =
        (Crossing.Within) bySeries(advise()).get("web.cpu").crossing().orElseThrow();
    Crossing.Within at80 =
        (Crossing.Within) bySeries(moved).get("web.cpu").crossing().orElseThrow();
    assertThat(at80.median()).isAfter(at70.median());
    assertThat(bySeries(moved).get("web.cpu").limit().orElseThrow().value().provenance())
        .isInstanceOf(Provenance.Declared.class);
  }

  @Test
  void render_matchesGoldenFiles_underTwoLocales() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY)) {
        Locale.setDefault(locale);
        Advice a = advise();
        check("advice.json", AdviceRenderer.of(OutputFormat.JSON).render(a));
        check("advice.md", AdviceRenderer.of(OutputFormat.MARKDOWN).render(a));
        check("advice.txt", AdviceRenderer.of(OutputFormat.TEXT).render(a));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void json_followsThePublishedSchema() throws IOException {
    Schema schema;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "report-schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    String json = AdviceRenderer.of(OutputFormat.JSON).render(advise());
    assertThat(json).contains("\"forecasts\"");
    List<Error> errors = schema.validate(JsonMapper.builder().build().readTree(json));
    assertThat(errors).isEmpty();
  }

  private static void check(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(golden.toString())
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
