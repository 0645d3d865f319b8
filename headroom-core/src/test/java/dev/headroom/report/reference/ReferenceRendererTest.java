package dev.headroom.report.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.advice.Advisor;
import dev.headroom.analysis.rules.RuleRegistry;
import dev.headroom.knowledge.Knowledge;
import dev.headroom.plan.Actions;
import dev.headroom.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What {@code headroom rules} and {@code headroom explain} print, against their JSON Schema. */
class ReferenceRendererTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Schema schema() throws IOException {
    String text = Files.readString(Path.of("..", "docs", "reference-schema.json"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
  }

  /** Every JSON document the two commands write, by name. */
  static Map<String, String> documents() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("rules", ReferenceRenderer.rules(OutputFormat.JSON));
    docs.put("actions", ReferenceRenderer.actions(OutputFormat.JSON));
    docs.put("coverage", ReferenceRenderer.coverage(Advisor.coverage(), OutputFormat.JSON));
    docs.put("explain HR-DB-003", ReferenceRenderer.explain("HR-DB-003", OutputFormat.JSON).get());
    docs.put("explain add-cdn", ReferenceRenderer.explain("add-cdn", OutputFormat.JSON).get());
    docs.put("explain C2", ReferenceRenderer.explain("C2", OutputFormat.JSON).get());
    return docs;
  }

  static Stream<String> names() {
    return documents().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void json_validatesAgainstTheSchema(String name) throws IOException {
    String json = documents().get(name);
    List<Error> errors = schema().validate(MAPPER.readTree(json));
    assertThat(errors).as(json).isEmpty();
  }

  @Test
  void explain_everyRuleActionAndKnowledgeId_validates() throws IOException {
    Schema schema = schema();
    Stream.of(
            RuleRegistry.all().stream().map(r -> r.id()),
            Actions.all().stream().map(a -> a.id()),
            Knowledge.all().keySet().stream())
        .flatMap(s -> s)
        .forEach(
            id -> {
              String json = ReferenceRenderer.explain(id, OutputFormat.JSON).orElseThrow();
              assertThat(schema.validate(MAPPER.readTree(json))).as(id).isEmpty();
            });
  }

  @Test
  void schema_rejectsAnExplainWithoutWhatItExplains() throws IOException {
    // the schema must be able to fail: a rule explanation without its rule, a bad threshold unit
    ObjectNode json =
        (ObjectNode)
            MAPPER.readTree(ReferenceRenderer.explain("HR-DB-003", OutputFormat.JSON).get());
    JsonNode rule = json.remove("rule");
    assertThat(schema().validate(json)).isNotEmpty();
    json.set("rule", rule);
    ((ObjectNode) json.get("rule").get("thresholds").get(0)).put("unit", "furlongs");
    assertThat(schema().validate(json))
        .extracting(Error::toString)
        .anySatisfy(e -> assertThat(e).contains("unit"));
  }

  @Test
  void json_rulesCarryEveryRegisteredRuleWithItsThresholdsInCanonicalUnits() throws IOException {
    JsonNode json = MAPPER.readTree(ReferenceRenderer.rules(OutputFormat.JSON));
    assertThat(json.get("report").asString()).isEqualTo("rules");
    assertThat(json.get("rules")).hasSize(RuleRegistry.all().size());
    JsonNode db1 = json.get("rules").get(0);
    assertThat(db1.get("id").asString()).isEqualTo("HR-DB-001");
    JsonNode warning = db1.get("thresholds").get(0);
    assertThat(warning.get("name").asString()).isEqualTo("warning");
    assertThat(warning.get("default").asDouble()).isEqualTo(0.7);
    assertThat(warning.get("unit").asString()).isEqualTo("ratio");
    assertThat(warning.get("display").asString()).isEqualTo("70%");
  }

  @Test
  void explain_unknownId_isEmpty() {
    for (OutputFormat f : OutputFormat.values()) {
      assertThat(ReferenceRenderer.explain("HR-DB-0O1", f)).isEmpty();
    }
  }

  @Test
  void markdown_ruleExplanationIsTheSectionOfTheRulesPage() {
    String section = ReferenceRenderer.explain("HR-DB-003", OutputFormat.MARKDOWN).orElseThrow();
    assertThat(section).startsWith("## HR-DB-003\n\n**");
    assertThat(ReferenceDocs.rules()).contains(section);
    assertThat(ReferenceRenderer.rules(OutputFormat.MARKDOWN))
        .startsWith("# Rules\n\n| id | layer |")
        .contains("| HR-DB-003 | database |");
    assertThat(ReferenceRenderer.actions(OutputFormat.MARKDOWN)).contains("| `add-cdn` | scale |");
  }
}
