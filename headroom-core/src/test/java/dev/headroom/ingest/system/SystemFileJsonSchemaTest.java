package dev.headroom.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.analysis.cost.PriceTable;
import dev.headroom.ingest.system.SystemFileSchema.Key;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/system-file.schema.json} accepts every real system file, refuses malformed ones, and
 * names exactly the keys the reader knows.
 */
class SystemFileJsonSchemaTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode schemaNode() {
    return JSON.readTree(SystemFileReference.read(SystemFileReference.SCHEMA));
  }

  private static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SystemFileReference.read(SystemFileReference.SCHEMA));
  }

  private static List<Error> validate(String yamlText) {
    return schema().validate(YAML.readTree(yamlText));
  }

  @Test
  void schemaFile_isGeneratedFromTheReaderTables() {
    String fresh = SystemFileReference.jsonSchema();
    if (SystemFileReference.writeRequested()) {
      SystemFileReference.write(SystemFileReference.SCHEMA, fresh);
    }
    assertThat(SystemFileReference.read(SystemFileReference.SCHEMA))
        .as(
            "%s is stale: run the test with -Dheadroom.docs.write=true and review the diff",
            SystemFileReference.SCHEMA)
        .isEqualTo(fresh);
    assertThat(schemaNode().get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  static Stream<Arguments> goodFiles() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(SystemFileReference.root().resolve("examples"))) {
      for (Path dir : s.sorted().toList()) {
        Path f = dir.resolve("system.yaml");
        if (Files.isRegularFile(f)) {
          out.add(Arguments.of(dir.getFileName() + "/system.yaml", Files.readString(f)));
        }
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(9);
    out.add(Arguments.of("headroom init template", SystemFileTemplate.text()));
    out.add(
        Arguments.of(
            "ranges",
            "name: ranged\nworkload:\n  peak_rps: 700..900 rps\n  growth: 8%..15%/month\n"
                + "  active_users: 1.5K..2K\n  read_ratio: 0.85..0.95\ncomponents:\n"
                + "  - { name: db, kind: database }\nobservations:\n  db.cpu: 70%..80%\n"
                + "  latency_p95: 250ms..1s\n"));
    out.add(Arguments.of("docs complete example", SystemFileDocTest.completeExample()));
    out.add(
        Arguments.of(
            "JSON file",
            "{\"name\": \"tiny\", \"components\": [{\"name\": \"web\", \"kind\": \"app\", \"instances\": 2,"
                + " \"cost\": \"0.19 USD/hour\"}], \"observations\": {\"web.cpu\": 0.55, \"latency_p95\": \"240ms\"}}"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodFiles")
  void schema_acceptsEveryFileTheReaderAccepts(String name, String text) {
    SystemFileReader.read(name, text); // the reader accepts it: the schema must too
    assertThat(validate(text)).as(name).isEmpty();
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("top-level-key-misspelt.yaml", "", "workloud"),
        Arguments.of("component-key-misspelt.yaml", "/components/1", "max_conections"),
        Arguments.of("kind-misspelt.yaml", "/components/1/kind", ""),
        Arguments.of("unit-duration-parsecs.yaml", "/observations/latency_p95", ""),
        Arguments.of("unit-rate-furlongs.yaml", "/workload/peak_rps", ""),
        Arguments.of("unit-ratio-percent-word.yaml", "/observations/db.cpu", ""),
        Arguments.of("duration-without-unit.yaml", "/slo/latency_p95", ""),
        Arguments.of("ratio-above-100-percent.yaml", "/workload/read_ratio", ""),
        Arguments.of("ratio-bare-above-one.yaml", "/workload/read_ratio", ""),
        Arguments.of("instances-negative.yaml", "/components/0/instances", ""),
        Arguments.of("instances-zero.yaml", "/components/0/instances", ""),
        Arguments.of("cost-without-period.yaml", "/components/0/cost", ""),
        Arguments.of("cost-in-euros.yaml", "/components/0/cost", ""),
        Arguments.of("growth-without-period.yaml", "/workload/growth", ""),
        Arguments.of("metric-misspelt.yaml", "/observations", "db.cpuu"),
        Arguments.of("system-metric-misspelt.yaml", "/observations", "latency_p59"),
        Arguments.of("choice-misspelt.yaml", "/components/0/sessions", ""),
        Arguments.of("component-name-with-dot.yaml", "/components/0/name", ""),
        Arguments.of("component-without-kind.yaml", "/components/0", "kind"),
        Arguments.of("components-as-map.yaml", "/components", ""),
        Arguments.of("components-empty.yaml", "/components", ""),
        Arguments.of("missing-name.yaml", "", "name"),
        Arguments.of("top-level-list.yaml", "", ""),
        Arguments.of("boolean-as-quantity.yaml", "/components/0/vcpu", ""),
        Arguments.of("value-missing.yaml", "/workload/peak_rps", ""),
        Arguments.of("threshold-unknown-rule.yaml", "/thresholds", "HR-DB-01"),
        Arguments.of("threshold-unknown-name.yaml", "/thresholds/HR-DB-001", "warn"),
        Arguments.of("threshold-wrong-unit.yaml", "/thresholds/HR-DB-001/warning", ""),
        Arguments.of("price-unknown-key.yaml", "/prices", "small_nodes"));
  }

  /**
   * What a JSON Schema can see. It cannot follow names across the file, so a metric on the wrong
   * kind ({@code cache.connections_in_use}), a reference to a missing component, duplicate names
   * and autoscaling min above max are left to the reader.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void schema_refusesMalformedFilesAtTheRightPlace(String fixture, String pointer, String property)
      throws IOException {
    List<Error> errors = validate(Files.readString(MalformedSystemFileTest.fixture(fixture)));

    assertThat(errors).as(fixture).isNotEmpty();
    assertThat(errors)
        .as(fixture + ": " + errors)
        .anySatisfy(
            e -> {
              assertThat(
                      e.getInstanceLocation()
                          .toString()
                          .replace("$", "")
                          .replace(".", "/")
                          .replaceAll("\\[(\\d+)]", "/$1"))
                  .isIn(pointer, pointer.replace(".", "/"));
              if (!property.isEmpty()) {
                assertThat(e.getMessage()).contains(property);
              }
            });
  }

  private static final List<String> NUMBERS =
      List.of(
          "0", "1", "12", "0.5", ".5", "1.5", "99.9", "100", "140", "-2", "-0.5", "-100", "-140",
          "2_000");
  private static final List<String> WRONG_UNITS =
      List.of(
          "percent",
          "parsecs",
          "furlongs",
          "EUR/month",
          "USD",
          "%",
          "x",
          "ms",
          "GiB",
          "/month",
          "%/fortnight",
          "/s",
          "K",
          "rps");

  /**
   * The schema's unit patterns agree with the reader: over seeded random numbers and units (the
   * dimension's own and others), a value passes the schema exactly when {@code Units.parse} accepts
   * it. Case slips and exponents, which the reader forgives and the schema does not, are left out.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(dev.headroom.model.Dimension.class)
  void unitPatterns_agreeWithTheReader(dev.headroom.model.Dimension d) {
    tools.jackson.databind.node.ObjectNode mini = JSON.createObjectNode();
    mini.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    mini.set("$defs", schemaNode().get("$defs"));
    mini.put("$ref", "#/$defs/" + SystemFileReference.defName(d));
    Schema one =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(mini.toString());
    List<String> units = new ArrayList<>(dev.headroom.model.Units.accepted(d));
    units.addAll(WRONG_UNITS);
    java.util.Random random = new java.util.Random(20261123L + d.ordinal());
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
      String unit = units.get(random.nextInt(units.size()));
      String text = number + (random.nextBoolean() ? " " : "") + unit;
      boolean reader = readerAccepts(text, d);
      boolean schema = one.validate(JSON.getNodeFactory().stringNode(text)).isEmpty();
      if (reader != schema) {
        disagreements.add("\"" + text + "\" reader " + reader + ", schema " + schema);
      }
      if (unit.isEmpty() && number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
        boolean asNumber = one.validate(JSON.readTree(number)).isEmpty();
        if (reader != asNumber) {
          disagreements.add(number + " (a number) reader " + reader + ", schema " + asNumber);
        }
      }
    }
    assertThat(disagreements).as(d.name()).isEmpty();
  }

  private static boolean readerAccepts(String text, dev.headroom.model.Dimension d) {
    try {
      dev.headroom.model.Units.parse(text, d);
      return true;
    } catch (dev.headroom.model.UnitException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------ consistency, read from the
  // file itself

  private static Set<String> propertyNames(JsonNode objectSchema) {
    Set<String> out = new TreeSet<>();
    JsonNode props = objectSchema.get("properties");
    if (props != null) {
      props.propertyNames().forEach(out::add);
    }
    return out;
  }

  private static Set<String> keyNames(List<Key> keys) {
    return keys.stream().map(Key::name).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void schema_refusesAnEmptyThresholdMapAsTheReaderDoes() {
    String text =
        "name: shop\ncomponents: [{ name: web, kind: app }]\nthresholds:\n  HR-DB-001: {}\n";
    assertThat(validate(text))
        .singleElement()
        .satisfies(e -> assertThat(e.getInstanceLocation().toString()).contains("HR-DB-001"));
  }

  @Test
  void schema_namesExactlyTheTopWorkloadAndSloKeys() {
    JsonNode s = schemaNode();
    assertThat(propertyNames(s)).isEqualTo(keyNames(SystemFileSchema.TOP));
    assertThat(propertyNames(s.get("properties").get("workload")))
        .isEqualTo(keyNames(SystemFileSchema.WORKLOAD));
    assertThat(propertyNames(s.get("properties").get("slo")))
        .isEqualTo(keyNames(SystemFileSchema.SLO));
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
    assertThat(s.get("properties").get("workload").get("additionalProperties").asBoolean())
        .isFalse();
    assertThat(s.get("properties").get("slo").get("additionalProperties").asBoolean()).isFalse();
  }

  @Test
  void schema_namesExactlyEachKindsComponentKeys() {
    JsonNode item = schemaNode().get("properties").get("components").get("items");
    Set<String> kindsSeen = new TreeSet<>();
    for (JsonNode branch : item.get("allOf")) {
      JsonNode kindEnum = branch.get("if").get("properties").get("kind").get("enum");
      String id = kindEnum.get(0).asString();
      ComponentKind kind = ComponentKind.valueOf(id.toUpperCase(java.util.Locale.ROOT));
      kindsSeen.add(id);
      JsonNode then = branch.get("then");
      Set<String> inSchema = new TreeSet<>();
      for (String p : propertyNames(then)) {
        inSchema.add(p);
        propertyNames(then.get("properties").get(p)).forEach(sub -> inSchema.add(p + "." + sub));
      }
      assertThat(inSchema)
          .as("keys of kind %s", id)
          .isEqualTo(keyNames(SystemFileSchema.componentKeys(kind)));
      assertThat(then.get("additionalProperties").asBoolean()).isFalse();
    }
    assertThat(kindsSeen).hasSize(ComponentKind.values().length);
  }

  @Test
  void schema_namesExactlyTheMetricsPricesAndThresholdOwners() {
    JsonNode props = schemaNode().get("properties");
    JsonNode obs = props.get("observations");
    Set<String> system = new TreeSet<>();
    Set<String> perComponent = new TreeSet<>();
    for (Metric m : Metric.values()) {
      (m.systemWide() ? system : perComponent).add(m.key());
    }
    assertThat(propertyNames(obs)).isEqualTo(system);
    Set<String> patterns = new TreeSet<>();
    obs.get("patternProperties")
        .propertyNames()
        .forEach(p -> patterns.add(p.substring(p.indexOf("\\.") + 2, p.length() - 1)));
    assertThat(patterns).isEqualTo(perComponent);
    assertThat(propertyNames(props.get("prices")))
        .isEqualTo(new TreeSet<>(PriceTable.keys().keySet()));
    assertThat(propertyNames(props.get("thresholds")))
        .isEqualTo(
            SystemFileReference.thresholdOwners().keySet().stream()
                .collect(Collectors.toCollection(TreeSet::new)));
  }
}
