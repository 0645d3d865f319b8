package dev.headroom.report.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON output against docs/fit-report-schema.json (JSON Schema 2020-12). */
class FitReportSchemaTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Schema schema() throws IOException {
    String text = Files.readString(Path.of("../docs/fit-report-schema.json"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
  }

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("cisco", (Supplier<FitReport>) FitReportFixtures::cisco),
        Arguments.of("isilon", (Supplier<FitReport>) FitReportFixtures::isilon),
        Arguments.of("raytracer", (Supplier<FitReport>) FitReportFixtures::raytracer),
        Arguments.of("linear", (Supplier<FitReport>) FitReportFixtures::linear),
        Arguments.of("threePoints", (Supplier<FitReport>) FitReportFixtures::threePoints),
        Arguments.of("k6Single", (Supplier<FitReport>) FitReportFixtures::k6Single),
        Arguments.of("wrkSingle", (Supplier<FitReport>) FitReportFixtures::wrkSingle),
        Arguments.of("abTwoLevels", (Supplier<FitReport>) FitReportFixtures::abTwoLevels));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void json_validatesAgainstTheSchema(String name, Supplier<FitReport> report) throws IOException {
    JsonNode json = MAPPER.readTree(FitRenderer.render(report.get(), OutputFormat.JSON));
    List<Error> errors = schema().validate(json);
    assertThat(errors).as(name).isEmpty();
  }

  @Test
  void json_singleRun_hasNullModelAReasonAndOneSummaryPerStep() throws IOException {
    JsonNode json =
        MAPPER.readTree(FitRenderer.render(FitReportFixtures.abTwoLevels(), OutputFormat.JSON));
    assertThat(json.get("model").isNull()).isTrue();
    assertThat(json.get("reason").asString()).startsWith("2 concurrency levels measured");
    assertThat(json.get("steps")).hasSize(2);
    assertThat(json.get("summaries")).hasSize(2);
    JsonNode c4 = json.get("summaries").get(1);
    assertThat(c4.get("littlesLawHolds").asBoolean()).isTrue();
    assertThat(c4.get("slo").get(0).get("pass").asBoolean()).isTrue();
    assertThat(c4.get("nextConcurrencyLevels").toString()).isEqualTo("[1,2,4,8,16]");
  }

  @Test
  void json_hasTheRequiredFieldsInAFixedOrder() throws IOException {
    JsonNode json =
        MAPPER.readTree(FitRenderer.render(FitReportFixtures.isilon(), OutputFormat.JSON));
    assertThat(json.propertyNames())
        .containsExactly("schemaVersion", "inputs", "model", "steps", "predictions", "warnings");
    JsonNode step = json.get("steps").get(0);
    assertThat(step.get("throughput").asDouble()).isEqualTo(25504.0);
    assertThat(step.get("latencyMs").get("mean").asDouble()).isEqualTo(0.7);
    assertThat(step.get("latencyMs").get("p99").isNull()).isTrue();
    assertThat(json.get("model").get("standardErrors").get("kappa").isNumber()).isTrue();
  }

  @Test
  void schema_rejectsAReportWithoutSteps() throws IOException {
    // the schema must be able to fail: drop a required field
    ObjectNode json =
        (ObjectNode)
            MAPPER.readTree(FitRenderer.render(FitReportFixtures.cisco(), OutputFormat.JSON));
    json.remove("steps");
    ((ObjectNode) json.get("model")).put("kappa", -0.1);
    List<Error> errors = schema().validate(json);
    assertThat(errors).extracting(Error::toString).anySatisfy(e -> assertThat(e).contains("steps"));
    assertThat(errors).extracting(Error::toString).anySatisfy(e -> assertThat(e).contains("kappa"));
  }
}
