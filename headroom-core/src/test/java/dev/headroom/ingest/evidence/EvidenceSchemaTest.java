package dev.headroom.ingest.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.headroom.model.ComponentKind;
import dev.headroom.model.Metric;
import dev.headroom.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docs/evidence-schema.json against the reader's tables and the writer's output. */
class EvidenceSchemaTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Path FILE = Path.of("../docs/evidence-schema.json");

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(FILE));
  }

  /**
   * The key lists and unit conditions of observations and series, rebuilt from the catalogue with
   * {@code -Dheadroom.docs.write=true} (several people add metrics; none edits the lists by hand).
   */
  @Test
  void schema_keyListsAreTheCatalogues_rewrittenOnRequest() throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(FILE.toFile());
    ArrayNode keys = JsonNodeFactory.instance.arrayNode();
    EvidenceReader.catalogue(null).forEach(keys::add);
    Map<String, List<String>> keysOfDimension = new LinkedHashMap<>();
    for (String key : EvidenceReader.catalogue(null)) {
      Metric m = metricOf(key);
      keysOfDimension
          .computeIfAbsent(
              String.join(",", EvidenceUnits.allowed(m.dimension())), d -> new ArrayList<>())
          .add(key);
    }
    ArrayNode allOf = JsonNodeFactory.instance.arrayNode();
    keysOfDimension.forEach(
        (units, ofDim) -> {
          ObjectNode cond = allOf.addObject();
          ArrayNode ifKeys =
              cond.putObject("if").putObject("properties").putObject("key").putArray("enum");
          ofDim.forEach(ifKeys::add);
          ArrayNode thenUnits =
              cond.putObject("then").putObject("properties").putObject("unit").putArray("enum");
          List.of(units.split(",")).forEach(thenUnits::add);
        });
    ObjectNode defs = (ObjectNode) root.get("$defs");
    for (String def : List.of("observation", "series")) {
      ObjectNode d = (ObjectNode) defs.get(def);
      ((ObjectNode) d.get("properties").get("key")).set("enum", keys);
      d.set("allOf", allOf);
    }
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER));
    String expected = MAPPER.writer().with(pp).writeValueAsString(root) + "\n";
    if (Boolean.getBoolean("headroom.docs.write")) {
      Files.writeString(FILE, expected);
    }
    assertThat(Files.readString(FILE))
        .as("%s is stale: run the test with -Dheadroom.docs.write=true and review the diff", FILE)
        .isEqualTo(expected);
  }

  private static Metric metricOf(String key) {
    int dot = key.indexOf('.');
    String name = dot < 0 ? key : key.substring(dot + 1);
    for (Metric m : Metric.values()) {
      if (m.key().equals(name) && (dot < 0) == m.systemWide()) {
        return m;
      }
    }
    throw new AssertionError("no metric " + key);
  }

  @Test
  void schema_listsExactlyTheCatalogueKeys_eachWithItsDimensionsUnits() throws IOException {
    JsonNode observation = MAPPER.readTree(FILE.toFile()).get("$defs").get("observation");
    List<String> keys = new ArrayList<>();
    observation.get("properties").get("key").get("enum").forEach(k -> keys.add(k.asString()));
    assertThat(new TreeSet<>(keys)).isEqualTo(new TreeSet<>(EvidenceReader.catalogue(null)));

    Map<String, List<String>> unitsOfKey = new HashMap<>();
    for (JsonNode cond : observation.get("allOf")) {
      List<String> units = new ArrayList<>();
      cond.get("then")
          .get("properties")
          .get("unit")
          .get("enum")
          .forEach(u -> units.add(u.asString()));
      cond.get("if")
          .get("properties")
          .get("key")
          .get("enum")
          .forEach(k -> unitsOfKey.put(k.asString(), units));
    }
    for (Metric m : Metric.values()) {
      List<ComponentKind> kinds =
          m.systemWide() ? java.util.Collections.singletonList(null) : new ArrayList<>(m.kinds());
      for (ComponentKind k : kinds) {
        String key = k == null ? m.key() : k.id() + "." + m.key();
        assertThat(unitsOfKey.get(key)).as(key).isEqualTo(EvidenceUnits.allowed(m.dimension()));
      }
    }
  }

  @Test
  void writerOutput_validatesAgainstTheSchema() throws IOException {
    Instant end = Instant.parse("2026-12-01T23:40:00Z");
    List<Observation> obs = new ArrayList<>();
    for (Metric m : Metric.values()) {
      ComponentKind kind = m.systemWide() ? null : m.kinds().iterator().next();
      obs.add(
          new Observation(
              m,
              kind,
              kind == null ? "" : "c1",
              0.5,
              new ObservationWindow(end.minusSeconds(60), end),
              "how",
              new SourceLocation("mem", 0, 0)));
    }
    EvidenceFile e =
        new EvidenceFile(
            "mem",
            "redis INFO",
            end,
            "redis://127.0.0.1:6380",
            obs,
            List.of(
                new Setting(
                    ComponentKind.CACHE,
                    "eviction_policy",
                    "",
                    "allkeys-lru",
                    new SourceLocation("mem", 0, 0))),
            List.of(new Unseen("database.qps", "pg_stat_statements")),
            List.of(
                new Series(
                    Metric.CPU,
                    ComponentKind.DATABASE,
                    "db",
                    end.minusSeconds(600),
                    java.time.Duration.ofMinutes(5),
                    new double[] {0.4, Double.NaN, 0.45},
                    "avg CPU",
                    new SourceLocation("mem", 0, 0))));
    assertThat(schema().validate(MAPPER.readTree(EvidenceWriter.toJson(e)))).isEmpty();
  }

  @Test
  void schema_refusesWhatTheReaderRefuses() throws IOException {
    String good =
        """
        {"schema_version": 1, "collector": "x", "collected_at": "2026-12-01T23:40:00Z",
         "source": "redis://127.0.0.1:6380", "observations": [
         {"key": "cache.hit_ratio", "value": 0.9, "unit": "ratio",
          "window": {"start": "2026-12-01T23:39:00Z", "end": "2026-12-01T23:40:00Z", "seconds": 60}}]}
        """;
    assertThat(schema().validate(MAPPER.readTree(good))).isEmpty();
    assertThat(schema().validate(MAPPER.readTree(good.replace("\"ratio\"", "\"ms\""))))
        .isNotEmpty();
    assertThat(
            schema().validate(MAPPER.readTree(good.replace("cache.hit_ratio", "cache.hit_rate"))))
        .isNotEmpty();
    assertThat(schema().validate(MAPPER.readTree(good.replace("redis://", "redis://u:pw@"))))
        .isNotEmpty();
  }
}
